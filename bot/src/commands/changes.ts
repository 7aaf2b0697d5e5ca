import { ChangesQuery, type ChangedRecord, type ChangesResponse } from '../../../domain/realtime.js';
import { aheadOfSeries, beyondHorizon, catchUpFrom, highestClock } from '../../../domain/seriesClock.js';
import { isVisibleTo } from '../presenters/visibility.js';
import { requireMember } from './access.js';
import type { Caller, CommandContext } from './context.js';
import { parseInput } from './input.js';

/**
 * "What changed since clock N": what a panel asks after a reconnect, a missed
 * event or the service's `resync` notice, instead of reloading its state. One
 * single-partition query per container on the stamped `clock` (the caller's
 * own private notes only), looking back by the skew margin; the panel keeps
 * a record only if its version is newer than the one it holds. Tombstones are
 * records, so deletions come back too. Past the horizon, or a clock ahead
 * of the series' own: reload, and the answer says which.
 */
export async function changesSince(
  ctx: CommandContext,
  caller: Caller,
  seriesId: string,
  query: unknown,
): Promise<ChangesResponse> {
  await requireMember(ctx, caller, seriesId);
  const { since } = parseInput(ChangesQuery, query, 'catch-up request');
  if (beyondHorizon(since, ctx.store.clock.wallTime())) return { reset: true, reason: 'horizon' };
  const from = catchUpFrom(since);
  const [shared, own] = await Promise.all([
    ctx.store.records.changedSince(seriesId, from),
    ctx.store.privateNotes.changedSince(seriesId, from, caller.userId),
  ]);
  // The query already narrowed private notes to the caller; the visibility rule is still the one gate.
  const records: ChangedRecord[] = [...shared, ...own].filter((r) => isVisibleTo(caller.userId, r));
  if (aheadOfSeries(since, records)) return { reset: true, reason: 'ahead' };
  return { reset: false, clock: highestClock(records, since), records };
}
