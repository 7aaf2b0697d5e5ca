import { agendaOf } from '../../../domain/agenda.js';
import {
  memberWithRole,
  type ActionItem,
  type Meeting,
  type SharedNote,
  type SharedRecord,
} from '../../../domain/entities.js';
import type { Series } from '../../../domain/entities.js';
import { doneLate, seriesHealth, WINDOW_WEEKS, type HealthFigure } from '../../../domain/health.js';
import { healthMeetings, isHealthItem } from '../../../domain/healthWindow.js';
import { localText, type LocalText } from '../../../domain/localText.js';
import { meetingDate } from '../../../domain/meetingLifecycle.js';
import { localDateOf } from '../../../domain/schedule.js';
import type { SummaryView } from '../cards/summaryCard.js';
import { splitRecords } from '../views/promptView.js';

export interface SummaryInput {
  /**
   * The series' shared records (the `records` container). The type admits no
   * private note, and the builder never reads anything else: a private note
   * cannot reach the card or the AI prompt made from it.
   */
  records: readonly SharedRecord[];
  endedMeetingId: string;
  /** The meeting the series moved on to. */
  nextMeetingId?: string;
  now: Date;
  panelUrl?: string;
}

/**
 * The records the summary card reads: the series, the meetings the health
 * figures read (domain/healthWindow.ts) with the ended and the next one,
 * their topics, the ended meeting's notes, its action items and those the
 * figures and "open from before" read. Bounded whatever the 1:1's age; the
 * store's read (summary/summaryRecords.ts) answers exactly these, and the
 * card built from them is the card the whole history would give.
 */
export function summaryRecords(
  records: readonly SharedRecord[],
  endedMeetingId: string,
  nextMeetingId: string | undefined,
  now: Date,
): SharedRecord[] {
  const series = records.find((r): r is Series => r.type === 'series');
  if (!series) return [];
  const meetings = records.filter((r): r is Meeting => r.type === 'meeting');
  const ids = new Set(healthMeetings(series, meetings, now).map((m) => m.id));
  for (const m of meetings) if (!m.deletedAt && (m.id === endedMeetingId || m.id === nextMeetingId)) ids.add(m.id);
  return records.filter((r) => {
    switch (r.type) {
      case 'series':
        return true;
      case 'meeting':
        return ids.has(r.id);
      case 'topic':
        return ids.has(r.meetingId);
      case 'sharedNote':
        return r.meetingId === endedMeetingId;
      case 'actionItem':
        return r.meetingId === endedMeetingId || isHealthItem(r, now);
    }
  });
}

/**
 * What the post-meeting summary card shows, from shared records only.
 * A meeting that was never held (skipped, cancelled, never started) has no summary.
 */
export function summaryViewFor(input: SummaryInput): SummaryView | undefined {
  const state = splitRecords(input.records);
  const ended = state?.meetings.find((m) => m.id === input.endedMeetingId);
  const nameOf = (userId: string) => state?.series.members.find((m) => m.userId === userId)?.name ?? 'Someone';
  if (!state || !ended || ended.status !== 'ended' || !(ended.startedAt ?? ended.endedAt)) return undefined;
  const today = localDateOf(input.now, state.series.cadence.timeZone);
  const itemView = (item: ActionItem) => ({
    text: item.text,
    ownerName: nameOf(item.ownerId),
    ...(item.dueDate ? { dueDate: item.dueDate } : {}),
    state: item.doneAt
      ? doneLate(item, state.series.cadence.timeZone)
        ? ('doneLate' as const)
        : ('done' as const)
      : item.dueDate && item.dueDate < today
        ? ('overdue' as const)
        : ('open' as const),
  });
  const notes = input.records.filter(
    (r): r is SharedNote => r.type === 'sharedNote' && r.meetingId === ended.id && !r.deletedAt,
  );
  // Members in a stable order (manager first) so both people's notes read the same way every time.
  const memberOrder = new Map(state.series.members.map((m, i) => [m.userId, m.role === 'manager' ? i - 10 : i]));
  const agenda = agendaOf(state.topics, ended.id);
  const next = input.nextMeetingId ? state.meetings.find((m) => m.id === input.nextMeetingId) : undefined;
  const carried = next
    ? agendaOf(state.topics, next.id).filter((t) => t.carriedOverCount > 0)
    : agenda.filter((t) => t.status !== 'discussed');

  return {
    heldAt: meetingDate(ended),
    discussed: agenda
      .filter((t) => t.status === 'discussed')
      .map((t) => ({
        text: t.text,
        category: t.category,
        notes: notes
          .filter((n) => n.topicId === t.id && n.text.trim() !== '')
          .sort((a, b) => (memberOrder.get(a.authorId) ?? 0) - (memberOrder.get(b.authorId) ?? 0))
          .map((n) => ({ authorName: nameOf(n.authorId), text: n.text })),
      })),
    actionItems: state.actionItems
      .filter((item) => item.meetingId === ended.id && !item.deletedAt)
      .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))
      .map(itemView),
    // Commitments from earlier 1:1s still open: the follow-up the mission asks for.
    openFromBefore: state.actionItems
      .filter(
        (item) =>
          item.meetingId !== ended.id &&
          !item.deletedAt &&
          !item.doneAt &&
          item.createdAt <= (ended.endedAt ?? ended.updatedAt),
      )
      .sort((a, b) => ((a.dueDate ?? '9999') < (b.dueDate ?? '9999') ? -1 : 1))
      .map(itemView),
    carriedOver: carried.map((t) => ({ text: t.text })),
    ...(next && next.status === 'scheduled' ? { nextMeeting: next.scheduledStart } : {}),
    health: seriesHealth({ ...state, now: input.now })
      .filter((figure) => figure.level !== 'none')
      .map((figure) => healthInWords(figure, state.series)),
    ...(input.panelUrl ? { panelUrl: input.panelUrl } : {}),
  };
}

/**
 * "3 of 4" says nothing on its own: each health line names what it counts.
 * The counts come from the figure's own words (its displayText values); a
 * figure without counts ("2 held") says it in its own words.
 */
export function healthInWords(figure: HealthFigure, series: Series): { label: LocalText; value: LocalText } {
  const counts = figure.displayText.values ?? {};
  const ofTheLast = (count: unknown, total: unknown) =>
    typeof count === 'number' && typeof total === 'number'
      ? localText('bot.summary.health.ofTheLast', { count, total })
      : figure.displayText;
  switch (figure.key) {
    case 'cadence':
      return {
        label: localText('bot.summary.health.cadence.label'),
        value:
          figure.displayText.key === 'domain.health.cadence.display.kept'
            ? localText('bot.summary.health.cadence.value', {
                kept: counts.kept ?? 0,
                expected: counts.expected ?? 0,
                weeks: WINDOW_WEEKS,
              })
            : figure.displayText,
      };
    case 'leadership':
      return {
        label: localText('bot.summary.health.leadership.label', { report: memberWithRole(series, 'report').name }),
        value: ofTheLast(counts.byReport, counts.total),
      };
    case 'balance':
      return { label: localText('bot.summary.health.balance.label'), value: ofTheLast(counts.personal, counts.total) };
    case 'followThrough':
      return {
        label: localText('bot.summary.health.followThrough.label'),
        value:
          typeof counts.kept === 'number' && typeof counts.due === 'number'
            ? localText('bot.summary.health.followThrough.value', { kept: counts.kept, due: counts.due })
            : figure.displayText,
      };
  }
}
