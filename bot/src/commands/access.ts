import { memberOf, type Member, type Series, type SharedRecord } from '../../../domain/entities.js';
import { Forbidden } from '../../../domain/errors.js';
import { isActiveMember } from '../../../domain/membership.js';
import type { Stored } from '../store/recordStore.js';
import type { Caller, CommandContext } from './context.js';

export interface SeriesAccess {
  series: Series;
  etag: string;
  /** The caller as a member of the series. */
  member: Member;
}

/**
 * Every command starts here: the caller must be one of the two members of
 * the series. A missing series and a series of other people answer the same
 * way, so a non-member learns nothing about what exists.
 *
 * The series is read from Cosmos, unless the caller passes `cached: true`:
 * then this instance's copy (store/seriesCache.ts) may grant, and the command
 * must confirm the grant on the series read in the same transactional batch
 * as its write (`memberAtWrite`). A refusal is always confirmed on the stored
 * series (the person may have come back).
 */
export async function requireMember(
  ctx: CommandContext,
  caller: Caller,
  seriesId: string,
  /**
   * `cached`: the command checks the series with its write (see above).
   * `fresh` is the default; kept so callers can say so.
   */
  options: { cached?: boolean; fresh?: boolean } = {},
): Promise<SeriesAccess> {
  const { records } = ctx.store;
  const cached = options.cached === true && options.fresh !== true;
  let stored = cached ? await records.readCached(seriesId, seriesId) : await records.read(seriesId, seriesId);
  if (records.fromCache(stored) && !(stored && accessFor(stored as Stored<Series>, caller))) {
    stored = await records.read(seriesId, seriesId);
  }
  const access = stored && accessFor(stored as Stored<Series>, caller);
  if (!access) throw new Forbidden();
  return access;
}

/**
 * Whether the caller was a member when the write was made: `atWrite` is the
 * series as read in the write's own transactional batch (RecordRepository's
 * checked writes), so a grant decided on a cached copy rests on the stored
 * version after all.
 */
export function memberAtWrite(atWrite: Stored<SharedRecord> | undefined, caller: Caller): boolean {
  return atWrite !== undefined && accessFor(atWrite as Stored<Series>, caller) !== undefined;
}

function accessFor(stored: Stored<Series>, caller: Caller): SeriesAccess | undefined {
  const series = stored.record;
  if (series.type !== 'series' || series.deletedAt || series.tenantId !== caller.tenantId) return undefined;
  // A member who left the Teams chat is refused like a stranger until they are back.
  const member = isActiveMember(series, caller.userId) ? memberOf(series, caller.userId) : undefined;
  return member && { series, etag: stored.etag, member };
}
