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
 * way, so a non-member learns nothing about what exists.
 */
export async function requireMember(ctx: CommandContext, caller: Caller, seriesId: string): Promise<SeriesAccess> {
  const stored = await ctx.store.records.read(seriesId, seriesId);
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
