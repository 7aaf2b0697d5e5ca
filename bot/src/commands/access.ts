import { memberOf, type Member, type Series } from '../../../domain/entities.js';
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
 * way, so a non-member learns nothing about what exists. The series comes
 * from this instance's cache when held (store/seriesCache.ts): a membership
 * change is written through the same cache here, and reaches the other
 * instances' caches as a change event.
 */
export async function requireMember(
  ctx: CommandContext,
  caller: Caller,
  seriesId: string,
  /** Read the series from Cosmos, not the cache (a command that acts on the series' current meeting). */
  options: { fresh?: boolean } = {},
): Promise<SeriesAccess> {
  const { records } = ctx.store;
  let stored = options.fresh ? await records.read(seriesId, seriesId) : await records.readCached(seriesId, seriesId);
  // The cache may only grant: a refusal is confirmed on the stored series (the person may have come back).
  if (records.fromCache(stored) && !(stored && accessFor(stored as Stored<Series>, caller))) {
    stored = await records.read(seriesId, seriesId);
  }
  const access = stored && accessFor(stored as Stored<Series>, caller);
  if (!access) throw new Forbidden();
  return access;
}

function accessFor(stored: Stored<Series>, caller: Caller): SeriesAccess | undefined {
  const series = stored.record;
  if (series.type !== 'series' || series.deletedAt || series.tenantId !== caller.tenantId) return undefined;
  // A member who left the Teams chat is refused like a stranger until they are back.
  const member = isActiveMember(series, caller.userId) ? memberOf(series, caller.userId) : undefined;
  return member && { series, etag: stored.etag, member };
}
