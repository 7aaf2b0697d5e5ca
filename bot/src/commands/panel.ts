import type { HistoryPage, PanelState, SeriesList } from '../../../domain/api.js';
import { HistoryQuery } from '../../../domain/api.js';
import { memberOf, type Meeting, type PrivateNote, type Series } from '../../../domain/entities.js';
import { Forbidden } from '../../../domain/errors.js';
import { byStartDescending, doneWindowStart, dueDateWindowStart, panelWindow } from '../../../domain/history.js';
import { isActiveMember } from '../../../domain/membership.js';
import { seriesIdForChat } from '../../../domain/series.js';
import { presentHistoryPage, presentPanelState } from '../presenters/panelState.js';
import { requireMember } from './access.js';
import type { Caller, CommandContext } from './context.js';
import { parseInput } from './input.js';

const CLOSED_STATUSES = ['ended', 'skipped', 'cancelled'];

/**
 * The panel's state, bounded whatever the series' age: the series and its
 * meetings (small records; the series answers the membership check), then,
 * for the meetings the panel shows (domain/history.ts), their topics, notes
 * and action items, plus the action items "From last time" and the health
 * strip read from any meeting (open ones, and those done or due within the
 * health window), and the caller's own private notes of those meetings.
 * Older meetings page on demand (loadHistoryPage).
 */
export async function loadPanelState(ctx: CommandContext, caller: Caller, seriesId: string): Promise<PanelState> {
  const heads = await ctx.store.records.select(seriesId, "c.type = 'series' OR c.type = 'meeting'");
  const series = heads.find((r): r is Series => r.type === 'series' && r.id === seriesId);
  // A member who left the Teams chat has no access until they are back (domain/membership.ts).
  const viewer =
    series &&
    series.tenantId === caller.tenantId &&
    !series.deletedAt &&
    isActiveMember(series, caller.userId) &&
    memberOf(series, caller.userId);
  if (!series || !viewer) throw new Forbidden();

  const now = ctx.clock.now();
  const meetings = heads.filter((r): r is Meeting => r.type === 'meeting');
  const window = panelWindow(series, meetings, now);
  const meetingIds = [...window.meetingIds];
  const [records, privateNotes] = await Promise.all([
    ctx.store.records.select(
      seriesId,
      `ARRAY_CONTAINS(@meetingIds, c.meetingId) OR (c.type = 'actionItem' AND NOT IS_DEFINED(c.deletedAt) AND (
        NOT IS_DEFINED(c.doneAt) OR c.doneAt >= @doneSince OR (IS_DEFINED(c.dueDate) AND c.dueDate >= @dueSince)))`,
      [
        { name: '@meetingIds', value: meetingIds },
        { name: '@doneSince', value: doneWindowStart(now) },
        { name: '@dueSince', value: dueDateWindowStart(now) },
      ],
    ),
    ownPrivateNotes(ctx, caller, seriesId, meetingIds),
  ]);
  return presentPanelState(
    viewer,
    series,
    [...meetings.filter((m) => window.meetingIds.has(m.id)), ...records],
    privateNotes,
    { pastMeetings: window.pastMeetings, before: window.before },
  );
}

/**
 * One page of past meetings (held, skipped or cancelled), newest first,
 * older than the cursor, with their topics, notes and action items: the
 * history view asks for these as the person scrolls back. Members only.
 */
export async function loadHistoryPage(
  ctx: CommandContext,
  caller: Caller,
  seriesId: string,
  query: unknown,
): Promise<HistoryPage> {
  const { before, beforeId, limit } = parseInput(HistoryQuery, query, 'history request');
  const { member } = await requireMember(ctx, caller, seriesId);
  const cursor = before ? ' AND (c.scheduledStart < @before OR (c.scheduledStart = @before AND c.id < @beforeId))' : '';
  const found = await ctx.store.records.select(
    seriesId,
    `c.type = 'meeting' AND NOT IS_DEFINED(c.deletedAt) AND ARRAY_CONTAINS(@closed, c.status)${cursor}`,
    [
      { name: '@closed', value: CLOSED_STATUSES },
      ...(before
        ? [
            { name: '@before', value: before },
            { name: '@beforeId', value: beforeId! },
          ]
        : []),
    ],
    { top: limit + 1, orderBy: 'c.scheduledStart DESC' },
  );
  const meetings = (found as Meeting[]).sort(byStartDescending);
  const page = meetings.slice(0, limit);
  const last = page[page.length - 1];
  const meetingIds = page.map((m) => m.id);
  const [records, privateNotes] = meetingIds.length
    ? await Promise.all([
        ctx.store.records.select(seriesId, 'ARRAY_CONTAINS(@meetingIds, c.meetingId)', [
          { name: '@meetingIds', value: meetingIds },
        ]),
        ownPrivateNotes(ctx, caller, seriesId, meetingIds),
      ])
    : [[], []];
  return presentHistoryPage(
    member,
    [...page, ...records],
    privateNotes,
    meetings.length > limit && last ? { scheduledStart: last.scheduledStart, id: last.id } : null,
  );
}

function ownPrivateNotes(ctx: CommandContext, caller: Caller, seriesId: string, meetingIds: string[]) {
  return ctx.store.privateNotes.select(
    seriesId,
    'c.authorId = @authorId AND ARRAY_CONTAINS(@meetingIds, c.meetingId)',
    [
      { name: '@authorId', value: caller.userId },
      { name: '@meetingIds', value: meetingIds },
    ],
  ) as Promise<PrivateNote[]>;
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
