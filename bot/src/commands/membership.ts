import type { Series } from '../../../domain/entities.js';
import { followChat } from '../../../domain/membership.js';
import type { CommandContext } from './context.js';
import { runCommittedEffects, userIndexEffect } from './commit.js';
import { publishChanged } from './records.js';
import { updateSharedRecord } from './updateRecord.js';

/**
 * Brings a series in step with the people in its Teams chat (Entra object
 * ids from Teams' roster, never from a client). A change is published like
 * any other, which is also what evicts a departed member's live sockets.
 * No caller check: only the bot calls it, for an authenticated activity or
 * before posting into the chat.
 */
export async function followChatMembers(
  ctx: CommandContext,
  seriesId: string,
  chatUserIds: readonly string[],
): Promise<Series> {
  const before = await ctx.store.records.read(seriesId, seriesId);
  // "My 1:1s" lists a 1:1 only for members in its chat: the index update is committed with the change.
  const effects = [userIndexEffect(ctx, seriesId)];
  const updated = await updateSharedRecord(
    ctx,
    seriesId,
    seriesId,
    'series',
    (current) => followChat(current, chatUserIds, ctx.clock.now()),
    before,
    effects,
  );
  if (before?.record.version !== updated.version) {
    publishChanged(ctx, seriesId, [updated]);
    await runCommittedEffects(ctx, effects);
  }
  return updated;
}
