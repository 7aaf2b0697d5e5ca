import type { PanelState, SeriesList } from '../../../domain/api.js';
import { memberOf, type Series } from '../../../domain/entities.js';
import { Forbidden } from '../../../domain/errors.js';
import { isActiveMember } from '../../../domain/membership.js';
import { seriesIdForChat } from '../../../domain/series.js';
import { presentPanelState } from '../presenters/panelState.js';
import { requireMember } from './access.js';
import type { Caller, CommandContext } from './context.js';

/**
 * The panel's state in one single-partition query of shared records (the
 * series record among them answers the membership check), plus the caller's
 * own private notes from their separate container.
 */
export async function loadPanelState(ctx: CommandContext, caller: Caller, seriesId: string): Promise<PanelState> {
  const [shared, privateNotes] = await Promise.all([
    ctx.store.records.loadSeries(seriesId),
    ctx.store.privateNotes.query(seriesId, { authorId: caller.userId }),
  ]);
  const series = shared.find((r): r is Series => r.type === 'series' && r.id === seriesId);
  const viewer =
    series &&
    series.tenantId === caller.tenantId &&
    !series.deletedAt &&
    isActiveMember(series, caller.userId) &&
    memberOf(series, caller.userId);
  if (!series || !viewer) throw new Forbidden();
  return presentPanelState(
    viewer,
    series,
    shared,
    privateNotes.map((s) => s.record),
  );
}

/** The series bound to a Teams chat: its id derives from the chat, so this is a point read. */
export async function findSeriesForChat(ctx: CommandContext, caller: Caller, chatId: string) {
  const { series } = await requireMember(ctx, caller, seriesIdForChat(chatId));
  return { id: series.id, title: series.title, members: series.members };
}

/**
 * "My 1:1s": one single-partition query of the caller's entries in the
 * per-user index (kept by indexSeriesMembers), never a scan of all series.
 */
export async function listMySeries(ctx: CommandContext, caller: Caller): Promise<SeriesList> {
  const entries = await ctx.store.userSeries.list(caller.tenantId, caller.userId);
  return {
    series: entries
      .sort((a, b) => a.title.localeCompare(b.title) || a.seriesId.localeCompare(b.seriesId))
      .map((e) => ({ id: e.seriesId, title: e.title, members: e.members })),
  };
}
