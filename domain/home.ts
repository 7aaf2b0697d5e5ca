import { z } from 'zod/v4';
import { ActionItem, IsoDateTime, Member, MeetingStatus, RecordId, Role } from './entities.js';
import type { Meeting, Series, Topic } from './entities.js';
import { isOpen, isOverdue } from './followUp.js';
import { seriesHealth, type HealthFigure, type HealthInput, type HealthKey, type HealthLevel } from './health.js';
import { localText, LocalTextSchema, type LocalText } from './localText.js';
import { meetingDate } from './meetingDate.js';
import { localDateOf } from './schedule.js';
import { historyOf, type HistoryInput } from './historyRecords.js';

/**
 * "My 1:1s": every relationship of one person in one view. Each row reads
 * the health of a 1:1 with the same rules as the panel's health strip
 * (health.ts), adds how each figure moved over the last meetings, and leads
 * with its worst signal so the 1:1 that needs attention is at the top.
 */

/** How many held meetings a trend looks back over. */
export const TREND_MEETINGS = 8;

export const HealthLevelSchema = z.enum(['good', 'watch', 'concern', 'none']);
export const HealthKeySchema = z.enum(['cadence', 'leadership', 'balance', 'followThrough']);

export const HomeFigure = z.object({
  key: HealthKeySchema,
  label: z.string(),
  display: z.string(),
  level: HealthLevelSchema,
  nudge: z.string(),
  /** label, display and nudge in the reader's words (the English fields stay until every reader uses these). */
  labelText: LocalTextSchema,
  displayText: LocalTextSchema,
  nudgeText: LocalTextSchema,
  value: z.number().min(0).max(1).nullable(),
  /**
   * The figure as it stood after each of the last meetings held, oldest
   * first, then its value now (null: nothing to measure then). Ending on
   * "now" shows a drift that began after the last meeting held, such as skipping.
   */
  trend: z.array(z.number().min(0).max(1).nullable()).max(TREND_MEETINGS),
});
export type HomeFigure = z.infer<typeof HomeFigure>;

export const SignalKey = z.enum(['cadence', 'leadership', 'balance', 'followThrough', 'overdue', 'onTrack']);
export const HomeSignal = z.object({
  key: SignalKey,
  level: HealthLevelSchema,
  /** Short, e.g. "Skipped twice", "You raised 80% of topics lately", "3 overdue". */
  headline: z.string(),
  nudge: z.string(),
  /** headline and nudge in the reader's words. */
  headlineText: LocalTextSchema,
  nudgeText: LocalTextSchema,
});
export type HomeSignal = z.infer<typeof HomeSignal>;

export const HomeRow = z.object({
  seriesId: RecordId,
  title: z.string(),
  chatId: z.string(),
  viewerRole: Role,
  /** The other person of the 1:1. */
  other: Member,
  /** The meeting the panel works on, when it is still to be held or live. */
  nextMeeting: z.object({ meetingId: RecordId, scheduledStart: IsoDateTime, status: MeetingStatus }).nullable(),
  figures: z.array(HomeFigure),
  openActionItems: z.number().int().nonnegative(),
  overdueActionItems: z.number().int().nonnegative(),
  signal: HomeSignal,
  /** Teams deep link to the 1:1's tab in its meeting chat, when the service knows the Teams app id. */
  panelUrl: z.string().optional(),
});
export type HomeRow = z.infer<typeof HomeRow>;

export const MyActionItem = z.object({ seriesId: RecordId, seriesTitle: z.string(), item: ActionItem });
export type MyActionItem = z.infer<typeof MyActionItem>;

export const HomeView = z.object({
  rows: z.array(HomeRow),
  /** The viewer's own open action items across all their 1:1s, by due date (none last). */
  actionItems: z.array(MyActionItem),
});
export type HomeView = z.infer<typeof HomeView>;

export const SearchQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .min(2, 'Type at least 2 characters to search')
    .max(100, 'A search must be at most 100 characters'),
});

export const SearchHitKind = z.enum(['topic', 'sharedNote', 'actionItem', 'privateNote']);
export type SearchHitKind = z.infer<typeof SearchHitKind>;
export const SearchHit = z.object({
  seriesId: RecordId,
  seriesTitle: z.string(),
  kind: SearchHitKind,
  recordId: RecordId,
  meetingId: RecordId,
  /** The date its meeting is known by (domain/meetingDate.ts): when it was held, or is scheduled. */
  meetingStart: IsoDateTime.optional(),
  /** A topic carried over: the dates of the earlier meetings it was on, oldest first. */
  alsoOn: z.array(IsoDateTime).optional(),
  /** Teams deep link to the 1:1's tab, where its meeting is (as the My 1:1s row links it). */
  panelUrl: z.string().optional(),
  /** The matching text, cut around the match for long notes. */
  excerpt: z.string(),
});
export type SearchHit = z.infer<typeof SearchHit>;
export const SearchResults = z.object({ query: z.string(), hits: z.array(SearchHit) });
export type SearchResults = z.infer<typeof SearchResults>;

// ---------------------------------------------------------------------------

export interface RowInput {
  series: Series;
  meetings: readonly Meeting[];
  topics: readonly Topic[];
  actionItems: readonly ActionItem[];
  viewerId: string;
  now: Date;
}

const SEVERITY: Record<HealthLevel, number> = { concern: 3, watch: 2, good: 1, none: 0 };
/** On equal levels, the signal the mission names first wins: skipping, then slipping commitments. */
const TIE_ORDER: HomeSignal['key'][] = ['cadence', 'overdue', 'leadership', 'followThrough', 'balance'];

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

/** Skipped or cancelled meetings in a row, most recent first, before the current one. */
export function skippedInARow(series: Series, meetings: readonly Meeting[]): number {
  const past = meetings
    .filter((m) => !m.deletedAt && m.id !== series.currentMeetingId && m.status !== 'scheduled')
    .sort((a, b) => Date.parse(b.scheduledStart) - Date.parse(a.scheduledStart));
  let count = 0;
  for (const meeting of past) {
    if (meeting.status !== 'skipped' && meeting.status !== 'cancelled') break;
    count += 1;
  }
  return count;
}

interface Headline {
  headline: string;
  headlineText: LocalText;
}

/** The cadence headline's counts come from the figure's own words ("3 of 4", "2 held", none due). */
function heldHeadline(figure: HealthFigure): LocalText {
  const values = figure.displayText.values ?? {};
  if (figure.displayText.key === 'domain.health.cadence.display.kept')
    return localText('domain.home.headline.held', values);
  if (figure.displayText.key === 'domain.health.cadence.display.held')
    return localText('domain.home.headline.heldOnly', values);
  return localText('domain.home.headline.noneDue');
}

function headlineOf(figure: HealthFigure, input: RowInput, viewerRole: Member['role']): Headline {
  const noTopics = { headline: 'No topics yet', headlineText: localText('domain.health.noTopics') };
  switch (figure.key) {
    case 'cadence': {
      const skipped = skippedInARow(input.series, input.meetings);
      const skippedText = localText('domain.home.headline.skipped', { skipped });
      if (skipped === 1) return { headline: 'Last 1:1 skipped', headlineText: skippedText };
      if (skipped === 2) return { headline: 'Skipped twice', headlineText: skippedText };
      if (skipped > 2) return { headline: `Skipped ${skipped} times in a row`, headlineText: skippedText };
      return { headline: `Held ${figure.display} 1:1s`, headlineText: heldHeadline(figure) };
    }
    case 'leadership': {
      if (figure.value === null) return noTopics;
      const mine = viewerRole === 'report' ? figure.value : 1 - figure.value;
      return {
        headline: `You raised ${percent(mine)} of topics lately`,
        headlineText: localText('domain.home.headline.leadership', { share: mine }),
      };
    }
    case 'balance':
      return figure.value === null
        ? noTopics
        : {
            headline: `${percent(figure.value)} of topics on growth, wellbeing or feedback`,
            headlineText: localText('domain.home.headline.balance', { share: figure.value }),
          };
    case 'followThrough':
      return {
        headline: `Action items ${figure.display}`,
        headlineText:
          figure.displayText.key === 'domain.health.followThrough.display'
            ? localText('domain.home.headline.followThrough', figure.displayText.values)
            : localText('domain.home.headline.nothingDue'),
      };
  }
}

/** The most worrying signal of a 1:1, or "on track" when nothing is. */
export function worstSignal(
  figures: readonly HealthFigure[],
  overdue: number,
  input: RowInput,
  viewerRole: Member['role'],
): HomeSignal {
  const candidates: HomeSignal[] = figures.map((f) => ({
    key: f.key,
    level: f.level,
    ...headlineOf(f, input, viewerRole),
    nudge: f.nudge,
    nudgeText: f.nudgeText,
  }));
  if (overdue > 0) {
    candidates.push({
      key: 'overdue',
      level: overdue >= 3 ? 'concern' : 'watch',
      headline: `${overdue} overdue`,
      nudge: `${overdue} action ${overdue === 1 ? 'item is' : 'items are'} past due. Start the next 1:1 with them: finish, re-plan or drop each one.`,
      headlineText: localText('domain.home.headline.overdue', { overdue }),
      nudgeText: localText('domain.home.nudge.overdue', { overdue }),
    });
  }
  const rank = (s: HomeSignal) => SEVERITY[s.level] * 10 - TIE_ORDER.indexOf(s.key);
  const worst = candidates
    .filter((s) => s.level === 'watch' || s.level === 'concern')
    .sort((a, b) => rank(b) - rank(a))[0];
  if (worst) return worst;
  const cadence = figures.find((f) => f.key === 'cadence');
  return {
    key: 'onTrack',
    level: 'good',
    headline: 'On track',
    nudge: cadence?.nudge ?? 'Keep the next 1:1 on the calendar.',
    headlineText: localText('domain.home.headline.onTrack'),
    nudgeText: cadence?.nudgeText ?? localText('domain.home.nudge.onTrack'),
  };
}

/**
 * The health as it stood right after each of the last TREND_MEETINGS meetings
 * held: the same rules, run on what was known then (that meeting as the
 * current one, later meetings and action items left out, items done later
 * counted as open). Oldest first.
 */
export function healthTrend(input: Omit<HealthInput, 'now'>): Record<HealthKey, (number | null)[]> {
  const { series } = input;
  const held = input.meetings
    .filter((m) => !m.deletedAt && m.status === 'ended')
    .sort((a, b) => Date.parse(a.scheduledStart) - Date.parse(b.scheduledStart))
    .slice(-TREND_MEETINGS);
  const trend: Record<HealthKey, (number | null)[]> = { cadence: [], leadership: [], balance: [], followThrough: [] };
  for (const meeting of held) {
    const asOf = Date.parse(meeting.endedAt ?? meeting.scheduledStart);
    const start = Date.parse(meeting.scheduledStart);
    const figures = seriesHealth({
      series: { ...series, currentMeetingId: meeting.id },
      meetings: input.meetings.filter((m) => Date.parse(m.scheduledStart) <= start),
      topics: input.topics,
      actionItems: input.actionItems
        .filter((item) => Date.parse(item.createdAt) <= asOf)
        .map((item) => (item.doneAt && Date.parse(item.doneAt) > asOf ? { ...item, doneAt: undefined } : item)),
      now: new Date(asOf),
    });
    for (const figure of figures) trend[figure.key].push(figure.value);
  }
  return trend;
}

/** One row of "My 1:1s", seen by `viewerId` (a member of the series). */
export function homeRow(input: RowInput): Omit<HomeRow, 'panelUrl'> {
  const { series, viewerId, now } = input;
  const viewer = series.members.find((m) => m.userId === viewerId);
  const other = series.members.find((m) => m.userId !== viewerId);
  if (!viewer || !other) throw new Error('homeRow needs a member of the series');
  const figures = seriesHealth(input);
  const trend = healthTrend(input);
  const today = localDateOf(now, series.cadence.timeZone);
  const open = input.actionItems.filter(isOpen);
  const overdue = open.filter((item) => isOverdue(item, today)).length;
  const current = input.meetings.find((m) => m.id === series.currentMeetingId && !m.deletedAt);
  const upcoming = current && (current.status === 'scheduled' || current.status === 'live') ? current : undefined;
  return {
    seriesId: series.id,
    title: series.title,
    chatId: series.chatId,
    viewerRole: viewer.role,
    other,
    nextMeeting: upcoming
      ? { meetingId: upcoming.id, scheduledStart: upcoming.scheduledStart, status: upcoming.status }
      : null,
    figures: figures.map((f) => ({
      key: f.key,
      label: f.label,
      display: f.display,
      level: f.level,
      nudge: f.nudge,
      labelText: f.labelText,
      displayText: f.displayText,
      nudgeText: f.nudgeText,
      value: f.value,
      trend: [...trend[f.key].slice(-(TREND_MEETINGS - 1)), f.value],
    })),
    openActionItems: open.length,
    overdueActionItems: overdue,
    signal: worstSignal(figures, overdue, input, viewer.role),
  };
}

/** Worst signal first; among equals, the sooner 1:1 first. */
export function byWorstSignal(a: Pick<HomeRow, 'signal' | 'nextMeeting' | 'title'>, b: typeof a): number {
  const severity = SEVERITY[b.signal.level] - SEVERITY[a.signal.level];
  if (severity !== 0) return severity;
  const at = (r: typeof a) => (r.nextMeeting ? Date.parse(r.nextMeeting.scheduledStart) : Number.MAX_SAFE_INTEGER);
  return at(a) - at(b) || a.title.localeCompare(b.title);
}

/** The viewer's own open action items, by due date (none last), then oldest first. */
export function myOpenActionItems(items: readonly MyActionItem[], viewerId: string): MyActionItem[] {
  return items
    .filter(({ item }) => item.ownerId === viewerId && isOpen(item))
    .sort((a, b) => {
      const da = a.item.dueDate ?? '9999-12-31';
      const db = b.item.dueDate ?? '9999-12-31';
      return (
        da.localeCompare(db) || a.item.createdAt.localeCompare(b.item.createdAt) || a.item.id.localeCompare(b.item.id)
      );
    });
}

// ---------------------------------------------------------------------------
// Search

export type SearchInput = HistoryInput;

const EXCERPT_RADIUS = 80;

function fold(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase();
}

/** The text around the first match, so a hit in a long note is readable. */
export function excerptAround(text: string, at: number, length: number): string {
  if (text.length <= EXCERPT_RADIUS * 2 + length) return text;
  const start = Math.max(0, at - EXCERPT_RADIUS);
  const end = Math.min(text.length, at + length + EXCERPT_RADIUS);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

/**
 * Matches in one 1:1, through the history filter the export uses
 * (historyRecords.ts): topics (a carried one once, in its latest copy, with
 * the earlier meetings it was on), shared notes of topics not deleted, action
 * items, and the viewer's own private notes — a private note of anyone else
 * is never searched, whatever the caller passed in. Each hit names its
 * meeting by the date it is known by (held, or scheduled).
 */
export function searchSeries(query: string, input: SearchInput): SearchHit[] {
  const needle = fold(query.trim());
  if (needle === '') return [];
  const history = historyOf(input);
  const dateOf = new Map(history.meetings.map((m) => [m.id, meetingDate(m)]));
  const hits: SearchHit[] = [];
  const consider = (
    kind: SearchHitKind,
    record: { id: string; meetingId: string; text: string },
    alsoOn: readonly string[] = [],
  ) => {
    const at = fold(record.text).indexOf(needle);
    if (at < 0) return;
    const meetingStart = dateOf.get(record.meetingId);
    hits.push({
      seriesId: input.series.id,
      seriesTitle: input.series.title,
      kind,
      recordId: record.id,
      meetingId: record.meetingId,
      ...(meetingStart ? { meetingStart } : {}),
      ...(alsoOn.length > 0 ? { alsoOn: [...alsoOn] } : {}),
      excerpt: excerptAround(record.text, at, needle.length),
    });
  };
  for (const thread of history.threads) {
    const earlier = thread.meetings.filter((m) => m.id !== thread.topic.meetingId).map(meetingDate);
    consider('topic', thread.topic, earlier);
  }
  history.sharedNotes.forEach((n) => consider('sharedNote', n));
  history.actionItems.forEach((i) => consider('actionItem', i));
  history.privateNotes.forEach((n) => consider('privateNote', n));
  return hits.sort((a, b) => (b.meetingStart ?? '').localeCompare(a.meetingStart ?? ''));
}
