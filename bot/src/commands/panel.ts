import type { HistoryPage, PanelState, SeriesList } from '../../../domain/api.js';
import { HistoryQuery } from '../../../domain/api.js';
import {
  memberOf,
  type Meeting,
  type Member,
  type PrivateNote,
  type Series,
  type SharedRecord,
} from '../../../domain/entities.js';
import { Forbidden } from '../../../domain/errors.js';
import { byStartDescending, inPanelWindow, panelWindow } from '../../../domain/history.js';
import { HEALTH_ITEMS, healthItemParameters } from '../store/healthQuery.js';
import { isActiveMember } from '../../../domain/membership.js';
import { seriesIdForChat } from '../../../domain/series.js';
import { presentHistoryPage, presentPanelState } from '../presenters/panelState.js';
import type { Stored } from '../store/recordStore.js';
import { requireMember } from './access.js';
import type { Caller, CommandContext } from './context.js';
import { parseInput } from './input.js';

const CLOSED_STATUSES = ['ended', 'skipped', 'cancelled'];

function viewerOf(series: SharedRecord | undefined, caller: Caller, seriesId: string): Member | undefined {
  if (series?.type !== 'series' || series.id !== seriesId) return undefined;
  // A member who left the Teams chat has no access until they are back (domain/membership.ts).
  if (series.tenantId !== caller.tenantId || series.deletedAt || !isActiveMember(series, caller.userId))
    return undefined;
  return memberOf(series, caller.userId);
}

/**
 * The panel's state, bounded whatever the series' age: the series and its
 * meetings (small records; the series answers the membership check), then,
 * for the meetings the panel shows (domain/history.ts), their topics, notes
 * and action items, plus the action items "From last time" and the health
 * strip read from any meeting (open ones, and those done or due within the
 * health window), and the caller's own private notes of those meetings.
 * Older meetings page on demand (loadHistoryPage).
 *
 * Two Cosmos requests, run together, when this instance holds the series'
 * meetings (store/seriesCache.ts): one query of the records partition for the
 * series, every meeting and the records of the meetings the held ones say the
 * panel shows, and one of the caller's private notes of those meetings. The
 * window is then worked out again from the meetings just read; a meeting the
 * held ones missed (closed or created through another instance a moment ago)
 * is read by a second pair. The first load on an instance reads the series
 * and meetings first: three requests. The answer fills the cache: the next
 * edits need no read.
 */
export async function loadPanelState(ctx: CommandContext, caller: Caller, seriesId: string): Promise<PanelState> {
  const { records, cache } = ctx.store;
  const now = ctx.clock.now();
  const windowParameters = (ids: readonly string[]) => [
    { name: '@meetingIds', value: [...ids] },
    ...healthItemParameters(now),
  ];

  // A guess, whatever its age: the same query reads the series and meetings, and the window is checked on those.
  const heldSeries = cache.peek(seriesId, seriesId)?.record;
  const heldMeetings = cache.meetings(seriesId);
  // Only for a member the cache knows: a stranger's request starts no query of the 1:1's records.
  const guess =
    heldSeries?.type === 'series' && heldMeetings && viewerOf(heldSeries, caller, seriesId)
      ? panelWindow(heldSeries, heldMeetings, now).meetingIds
      : undefined;

  let found: Stored<SharedRecord>[];
  let privateNotes: PrivateNote[] = [];
  let healthItemsRead = false;
  if (guess) {
    const ids = [...guess];
    [found, privateNotes] = await Promise.all([
      records.selectStored(
        seriesId,
        `c.type = 'series' OR c.type = 'meeting' OR ARRAY_CONTAINS(@meetingIds, c.meetingId) OR ${HEALTH_ITEMS}`,
        windowParameters(ids),
      ),
      ownPrivateNotes(ctx, caller, seriesId, ids),
    ]);
    healthItemsRead = true;
  } else {
    found = await records.selectStored(seriesId, "c.type = 'series' OR c.type = 'meeting'");
  }

  const series = found.find((s) => s.record.type === 'series' && s.record.id === seriesId)?.record as
    Series | undefined;
  const viewer = viewerOf(series, caller, seriesId);
  if (!series || !viewer) throw new Forbidden();

  const meetingsStored = found.filter((s) => s.record.type === 'meeting');
  const meetings = meetingsStored.map((s) => s.record as Meeting);
  const window = panelWindow(series, meetings, now);
  const missing = [...window.meetingIds].filter((id) => !guess?.has(id));
  if (missing.length > 0 || !healthItemsRead) {
    const [more, notes] = await Promise.all([
      records.selectStored(
        seriesId,
        `ARRAY_CONTAINS(@meetingIds, c.meetingId)${healthItemsRead ? '' : ` OR ${HEALTH_ITEMS}`}`,
        windowParameters(missing),
      ),
      missing.length > 0 ? ownPrivateNotes(ctx, caller, seriesId, missing) : Promise.resolve([]),
    ]);
    const have = new Set(found.map((s) => s.record.id));
    found.push(...more.filter((s) => !have.has(s.record.id)));
    privateNotes.push(...notes);
  }

  const shown = found.map((s) => s.record).filter((r) => r.type !== 'series' && inPanelWindow(r, window, now));
  cache.completeMeetings(seriesId, meetingsStored);
  for (const meetingId of window.meetingIds) {
    cache.completeAgenda(
      seriesId,
      meetingId,
      found.filter((s) => s.record.type === 'topic' && s.record.meetingId === meetingId),
    );
  }
  return presentPanelState(
    viewer,
    series,
    shown,
    privateNotes.filter((n) => window.meetingIds.has(n.meetingId)),
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
 * per-user index, never a scan of all series. The index is a copy written by
 * the effects processor after the series changed, so it may lag: each entry
 * is checked against its series record, read fresh (point reads, in
 * parallel), and a 1:1 the caller is no longer an active member of is not
 * listed, whatever the index says. Title and members come from the series.
 */
export async function listMySeries(ctx: CommandContext, caller: Caller): Promise<SeriesList> {
  const entries = await ctx.store.userSeries.list(caller.tenantId, caller.userId);
  const checked = await Promise.all(
    entries.map(async (e) => {
      const series = (await ctx.store.records.read(e.seriesId, e.seriesId))?.record;
      const member =
        series?.type === 'series' &&
        !series.deletedAt &&
        series.tenantId === caller.tenantId &&
        isActiveMember(series, caller.userId);
      return member ? { id: series.id, title: series.title, members: series.members } : undefined;
    }),
  );
  return {
    series: checked
      .filter((s): s is NonNullable<typeof s> => s !== undefined)
      .sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id)),
  };
}
