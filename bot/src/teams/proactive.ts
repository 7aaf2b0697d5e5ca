import { CardFactory, MessageFactory, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { AdaptiveCard } from '../cards/adaptiveCard.js';
import type { ChatBinding } from '../scheduler/botStore.js';
import type { ChatPoster } from '../scheduler/chatPoster.js';

/** A card as a message activity. */
export function cardMessage(card: AdaptiveCard) {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

/**
 * Posts into a meeting chat without an incoming activity, from the
 * conversation reference stored at install time (continueConversationAsync
 * obtains a token for the bot's app id when one is configured).
 */
export function createChatPoster(adapter: CloudAdapter, botAppId: string): ChatPoster {
  return {
    async post(binding: ChatBinding, card: AdaptiveCard) {
      let id: string | undefined;
      const reference = binding.conversationReference as unknown as Partial<ConversationReference>;
      await adapter.continueConversationAsync(botAppId, reference, async (context) => {
        id = (await context.sendActivity(cardMessage(card)))?.id;
      });
      return id;
    },
  };
}
