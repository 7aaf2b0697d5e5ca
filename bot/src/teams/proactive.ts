import {
  CardFactory,
  MessageFactory,
  type CloudAdapter,
  type ConversationReference,
  type TurnContext,
} from 'botbuilder';
import type { AdaptiveCard } from '../cards/adaptiveCard.js';
import type { ChatBinding } from '../store/botStore.js';
import type { ChatPoster } from '../effects/chatPoster.js';
import { ServiceUrlRefused, type ServiceUrlPolicy } from './serviceUrls.js';

/** A card as a message activity. */
export function cardMessage(card: AdaptiveCard) {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

/**
 * Posts into a meeting chat without an incoming activity, from the
 * conversation reference stored at install time (continueConversationAsync
 * obtains a token for the bot's app id when one is configured).
 */
export function createChatPoster(adapter: CloudAdapter, botAppId: string, serviceUrls: ServiceUrlPolicy): ChatPoster {
  async function inChat(binding: ChatBinding, send: (context: TurnContext) => Promise<void>): Promise<void> {
    let failure: unknown;
    const reference = binding.conversationReference as unknown as Partial<ConversationReference>;
    // A stored reference is only as trustworthy as the activity it came from: check it again.
    if (!serviceUrls.allows(binding.conversationReference.serviceUrl))
      throw new ServiceUrlRefused(binding.conversationReference.serviceUrl);
    await adapter.continueConversationAsync(botAppId, reference, async (context) => {
      // The adapter hands errors in this callback to its onTurnError (teams-ai's app.error),
      // which logs and swallows them: catch here so a failed post is seen as failed and retried.
      try {
        await send(context);
      } catch (error) {
        failure = error;
      }
    });
    if (failure !== undefined) throw failure instanceof Error ? failure : new Error('posting to the chat failed');
  }

  return {
    async post(binding: ChatBinding, card: AdaptiveCard) {
      let id: string | undefined;
      await inChat(binding, async (context) => {
        id = (await context.sendActivity(cardMessage(card)))?.id;
      });
      return id;
    },
    async update(binding: ChatBinding, activityId: string, card: AdaptiveCard) {
      await inChat(binding, async (context) => {
        await context.updateActivity({ ...cardMessage(card), id: activityId });
      });
    },
  };
}
