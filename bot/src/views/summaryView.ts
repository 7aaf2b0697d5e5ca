import { agendaOf } from '../../../domain/agenda.js';
import type { SharedNote, SharedRecord } from '../../../domain/entities.js';
import { seriesHealth } from '../../../domain/health.js';
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

/** What the post-meeting summary card shows, from shared records only. */
export function summaryViewFor(input: SummaryInput): SummaryView | undefined {
  const state = splitRecords(input.records);
  const ended = state?.meetings.find((m) => m.id === input.endedMeetingId);
  if (!state || !ended) return undefined;
  const nameOf = (userId: string) => state.series.members.find((m) => m.userId === userId)?.name ?? 'Someone';
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
    heldAt: ended.endedAt ?? ended.startedAt ?? ended.scheduledStart,
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
      .map((item) => ({
        text: item.text,
        ownerName: nameOf(item.ownerId),
        ...(item.dueDate ? { dueDate: item.dueDate } : {}),
      })),
    carriedOver: carried.map((t) => ({ text: t.text })),
    ...(next && next.status === 'scheduled' ? { nextMeeting: next.scheduledStart } : {}),
    health: seriesHealth({ ...state, now: input.now })
      .filter((figure) => figure.level !== 'none')
      .map((figure) => ({ label: figure.label, value: figure.display })),
    ...(input.panelUrl ? { panelUrl: input.panelUrl } : {}),
  };
}
