import { TeamsInfo, type CloudAdapter, type ConversationReference } from 'botbuilder';
import { DomainError } from '../../../domain/errors.js';
import type { CommandContext } from '../commands/context.js';
import { followChatMembers } from '../commands/membership.js';
import type { ChatBinding } from '../store/botStore.js';
import type { ChatPoster } from '../effects/chatPoster.js';
import { ServiceUrlRefused, type ServiceUrlPolicy } from './serviceUrls.js';

/** A post held back because the chat is not the two members of the 1:1 (its message says why). */
export class SharingPaused extends DomainError {
  constructor(message: string) {
    super('conflict', message);
  }
}

/**
 * Everything the bot posts proactively (summaries with shared notes, prompts
 * with the agenda) goes only into a chat of exactly the 1:1's two members,
 * checked against Teams' roster right before posting: a conversationUpdate
 * may have been missed. A failed check also records why on the series, which
 * the panel shows; the effect is retried by the effects processor and goes out once
 * the chat is back to the two of them.
 */
export function postOnlyToTheOneOnOne(
  poster: ChatPoster,
  deps: { ctx: () => CommandContext; adapter: CloudAdapter; botAppId: string; serviceUrls: ServiceUrlPolicy },
): ChatPoster {
  async function chatUserIds(binding: ChatBinding): Promise<string[]> {
    if (!deps.serviceUrls.allows(binding.conversationReference.serviceUrl))
      throw new ServiceUrlRefused(binding.conversationReference.serviceUrl);
    const reference = binding.conversationReference as unknown as Partial<ConversationReference>;
    let ids: string[] | undefined;
    let failure: unknown;
    await deps.adapter.continueConversationAsync(deps.botAppId, reference, async (context) => {
      try {
        const found: string[] = [];
        let continuationToken: string | undefined;
        for (let page = 0; page < 10; page++) {
          const result = await TeamsInfo.getPagedMembers(context, 100, continuationToken);
          for (const m of result.members) if (m.aadObjectId && !m.id.startsWith('28:')) found.push(m.aadObjectId);
          continuationToken = result.continuationToken;
          if (!continuationToken) break;
        }
        ids = found;
      } catch (error) {
        failure = error;
      }
    });
    if (!ids) throw failure instanceof Error ? failure : new Error('the chat members could not be read');
    return ids;
  }

  return {
    async post(binding, card) {
      const series = await followChatMembers(deps.ctx(), binding.seriesId, await chatUserIds(binding));
      if (series.sharingPaused) throw new SharingPaused(series.sharingPaused.message);
      return poster.post(binding, card);
    },
    async update(binding, activityId, card) {
      const series = await followChatMembers(deps.ctx(), binding.seriesId, await chatUserIds(binding));
      if (series.sharingPaused) throw new SharingPaused(series.sharingPaused.message);
      await poster.update(binding, activityId, card);
    },
  };
}
