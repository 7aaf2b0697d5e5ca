import { effectId } from '../../../domain/effects.js';
import { commitChange, promptEffect } from './commit.js';
import type { CommandContext } from './context.js';

const MARK = 'prompt-effects-backfilled';

/**
 * A store written before prompts were effects (an upgrade) has upcoming
 * meetings with no prompt effect, which no tick would ever find: each gets
 * its prompt effect, once per store (a mark in the due-time index). One
 * cross-partition read of scheduled meetings, at start-up only — never on a
 * tick; instances racing each other write the same effects. Answers how
 * many meetings got one.
 */
export async function backfillPromptEffectsOnce(ctx: CommandContext): Promise<number> {
  if (await ctx.store.effects.marked(MARK)) return 0;
  const now = ctx.clock.now();
  const meetings = await ctx.store.records.queryAcrossSeries(
    "SELECT * FROM c WHERE c.type = 'meeting' AND c.status = 'scheduled' AND c.scheduledStart > @now",
    [{ name: '@now', value: now.toISOString() }],
  );
  let added = 0;
  for (const meeting of meetings) {
    if (meeting.type !== 'meeting' || meeting.deletedAt) continue;
    if (await ctx.store.effects.read(meeting.seriesId, effectId('prompt', meeting.id))) continue;
    await commitChange(ctx, meeting.seriesId, { writes: [], effects: [promptEffect(ctx, meeting)] });
    added += 1;
  }
  await ctx.store.effects.mark(MARK, now);
  if (added > 0) ctx.logger.info({ meetings: added }, 'prompt effects written for meetings stored before them');
  return added;
}
