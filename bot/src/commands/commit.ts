import { dueEntryFor, newEffect, type Effect } from '../../../domain/effects.js';
import type { Meeting, SharedRecord } from '../../../domain/entities.js';
import type { RecordWrite } from '../store/recordStore.js';
import type { CommandContext } from './context.js';
import { publishChanged } from './records.js';

/**
 * What a command commits: the records it writes and the effects that must
 * follow them (domain/effects.ts). One executor commits both together.
 */
export interface Change {
  writes: RecordWrite<SharedRecord>[];
  effects: Effect[];
}

/** How long before a meeting its prompt is posted, unless the context says (PROMPT_LEAD_HOURS). */
const DEFAULT_PROMPT_LEAD_MS = 24 * 3_600_000;

/** The pre-meeting prompt a scheduled meeting is owed: due its lead time before the start (now, if that has passed). */
export function promptEffect(
  ctx: CommandContext,
  meeting: Pick<Meeting, 'seriesId' | 'id' | 'scheduledStart'>,
): Effect {
  const lead = ctx.promptLeadMs ?? DEFAULT_PROMPT_LEAD_MS;
  return newEffect(meeting.seriesId, 'prompt', meeting.id, new Date(Date.parse(meeting.scheduledStart) - lead));
}

/** "Bring the per-user index in line with this series as committed": re-armed by every change of its members. */
export function userIndexEffect(ctx: CommandContext, seriesId: string): Effect {
  return newEffect(seriesId, 'userIndex', seriesId, ctx.clock.now());
}

/**
 * Writes the due-time index entries of effects about to be committed. Before
 * the commit, because the index lives in another partition and cannot share
 * its batch: an entry whose commit then failed points at no effect and is
 * dropped by the processor after a grace (effects/processor.ts).
 */
export async function announceEffects(ctx: CommandContext, effects: readonly Effect[]): Promise<void> {
  const now = ctx.clock.now();
  await Promise.all(effects.map((effect) => ctx.store.effects.putDue(dueEntryFor(effect, now))));
}

/** Runs effects just committed (those due now); one that fails stays pending for the processor's next tick. */
export async function runCommittedEffects(ctx: CommandContext, effects: readonly Effect[]): Promise<void> {
  if (effects.length === 0 || !ctx.effects) return;
  try {
    await ctx.effects.runNow(effects);
  } catch (error) {
    ctx.logger.error({ err: error }, 'running committed effects failed; the processor retries them');
  }
}

/**
 * The commit pipeline's executor: due-index entries, then records and effect
 * documents in one transactional batch in the series' partition (each
 * stamped with the series clock; all or nothing; StaleWrite when a guarded
 * record changed meanwhile), then the committed records broadcast, then the
 * effects run. Answers the records as committed.
 */
export async function commitChange(ctx: CommandContext, seriesId: string, change: Change): Promise<SharedRecord[]> {
  await announceEffects(ctx, change.effects);
  const stored = await ctx.store.records.commit(seriesId, change.writes, change.effects);
  const records = stored.map((s) => s.record);
  publishChanged(ctx, seriesId, records);
  await runCommittedEffects(ctx, change.effects);
  return records;
}
