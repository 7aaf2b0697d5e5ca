import {
  byWorstSignal,
  homeRow,
  myOpenActionItems,
  SearchQuery,
  searchSeries,
  type HomeView,
  type SearchResults,
} from '../../../domain/home.js';
import { exportFileName, historyMarkdown, type ExportWords } from '../../../domain/historyExport.js';
import {
  type ActionItem,
  type Meeting,
  type Series,
  type SharedNote,
  type SharedRecord,
  type Topic,
} from '../../../domain/entities.js';
import { Forbidden } from '../../../domain/errors.js';
import { isActiveMember } from '../../../domain/membership.js';
import type { Caller, CommandContext } from './context.js';
import { parseInput } from './input.js';

/**
 * "My 1:1s": the caller's series come from the per-user index (one
 * single-partition query), then each series is one single-partition load,
 * its membership checked on the series record itself so a stale index
 * entry shows nothing.
 */

interface SeriesRecords {
  series: Series;
  meetings: Meeting[];
  topics: Topic[];
  actionItems: ActionItem[];
  sharedNotes: SharedNote[];
}

function split(
  records: readonly SharedRecord[],
  seriesId: string,
): Omit<SeriesRecords, 'series'> & { series?: Series } {
  const out: Omit<SeriesRecords, 'series'> & { series?: Series } = {
    meetings: [],
    topics: [],
    actionItems: [],
    sharedNotes: [],
  };
  for (const r of records) {
    if (r.type === 'series' && r.id === seriesId) out.series = r;
    else if (r.type === 'meeting') out.meetings.push(r);
    else if (r.type === 'topic') out.topics.push(r);
    else if (r.type === 'actionItem') out.actionItems.push(r);
    else if (r.type === 'sharedNote') out.sharedNotes.push(r);
  }
  return out;
}

/** A series' shared records, or undefined when the caller is not (or no longer) a member. */
async function loadAsMember(ctx: CommandContext, caller: Caller, seriesId: string): Promise<SeriesRecords | undefined> {
  const { series, ...rest } = split(await ctx.store.records.loadSeries(seriesId), seriesId);
  if (!series || series.deletedAt || series.tenantId !== caller.tenantId || !isActiveMember(series, caller.userId)) {
    return undefined;
  }
  return { series, ...rest };
}

async function mySeriesRecords(ctx: CommandContext, caller: Caller): Promise<SeriesRecords[]> {
  const entries = await ctx.store.userSeries.list(caller.tenantId, caller.userId);
  const loaded = await Promise.all(entries.map((e) => loadAsMember(ctx, caller, e.seriesId)));
  return loaded.filter((s): s is SeriesRecords => s !== undefined);
}

export async function loadHomeView(
  ctx: CommandContext,
  caller: Caller,
  panelUrl: (chatId: string) => string | undefined = () => undefined,
): Promise<HomeView> {
  const now = ctx.clock.now();
  const all = await mySeriesRecords(ctx, caller);
  const rows = all
    .map((s) => {
      const row = homeRow({ ...s, viewerId: caller.userId, now });
      const url = panelUrl(s.series.chatId);
      return url ? { ...row, panelUrl: url } : row;
    })
    .sort(byWorstSignal);
  const actionItems = myOpenActionItems(
    all.flatMap((s) => s.actionItems.map((item) => ({ seriesId: s.series.id, seriesTitle: s.series.title, item }))),
    caller.userId,
  );
  return { rows, actionItems };
}

/** Search across the caller's 1:1s: shared content plus their own private notes (read from their partition only). */
export async function searchMySeries(
  ctx: CommandContext,
  caller: Caller,
  input: unknown,
  panelUrl: (chatId: string) => string | undefined = () => undefined,
): Promise<SearchResults> {
  const { q } = parseInput(SearchQuery, input, 'search');
  const all = await mySeriesRecords(ctx, caller);
  const perSeries = await Promise.all(
    all.map(async (s) => {
      const mine = await ctx.store.privateNotes.query(s.series.id, { authorId: caller.userId });
      const url = panelUrl(s.series.chatId);
      return searchSeries(q, { ...s, privateNotes: mine.map((m) => m.record), viewerId: caller.userId }).map((hit) =>
        url ? { ...hit, panelUrl: url } : hit,
      );
    }),
  );
  return {
    query: q,
    hits: perSeries.flat().sort((a, b) => (b.meetingStart ?? '').localeCompare(a.meetingStart ?? '')),
  };
}

/** One relationship's history as Markdown: shared content and the caller's own private notes, marked as such. */
export async function exportHistory(
  ctx: CommandContext,
  caller: Caller,
  seriesId: string,
  t: ExportWords,
): Promise<{ fileName: string; markdown: string }> {
  const loaded = await loadAsMember(ctx, caller, seriesId);
  if (!loaded) throw new Forbidden();
  const mine = await ctx.store.privateNotes.query(seriesId, { authorId: caller.userId });
  const now = ctx.clock.now();
  return {
    fileName: exportFileName(loaded.series, now),
    markdown: historyMarkdown({
      ...loaded,
      privateNotes: mine.map((m) => m.record),
      exporterId: caller.userId,
      now,
      t,
    }),
  };
}
