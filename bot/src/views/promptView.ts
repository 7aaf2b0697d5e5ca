import { agendaOf } from '../../../domain/agenda.js';
import type { ActionItem, Meeting, Series, SharedRecord, Topic } from '../../../domain/entities.js';
import { openItemsFromEarlierMeetings } from '../../../domain/followUp.js';
import { suggestQuestion, thinkingPrompt } from '../../../domain/questions.js';
import type { PromptView } from '../cards/promptCard.js';

/** The shared records of one series, split by type (private notes are not among them by construction). */
export interface SeriesRecords {
  series: Series;
  meetings: Meeting[];
  topics: Topic[];
  actionItems: ActionItem[];
}

export function splitRecords(records: readonly SharedRecord[]): SeriesRecords | undefined {
  const series = records.find((r): r is Series => r.type === 'series' && !r.deletedAt);
  if (!series) return undefined;
  return {
    series,
    meetings: records.filter((r): r is Meeting => r.type === 'meeting' && !r.deletedAt),
    topics: records.filter((r): r is Topic => r.type === 'topic'),
    actionItems: records.filter((r): r is ActionItem => r.type === 'actionItem'),
  };
}

export function promptIdFor(meetingId: string): string {
  return `prompt~${meetingId}`;
}

/**
 * Whether the prompt of `meetingId` still asks about an upcoming meeting: the
 * series' current meeting, not yet started, skipped or cancelled.
 */
export function promptStillOpen(state: SeriesRecords, meetingId: string): boolean {
  const meeting = state.meetings.find((m) => m.id === meetingId);
  return state.series.currentMeetingId === meetingId && meeting?.status === 'scheduled';
}

export function promptViewFor(
  state: SeriesRecords,
  meetingId: string,
  /** The chat's members as the bot stored them (store/botStore.ts ChatMember): Entra id and Teams id. */
  chatMembers: readonly { userId: string; mri: string; name: string }[],
  notice?: PromptView['notice'],
): PromptView | undefined {
  const meeting = state.meetings.find((m) => m.id === meetingId);
  if (!meeting) return undefined;
  const nameOf = (userId: string) => state.series.members.find((m) => m.userId === userId)?.name ?? 'Someone';
  const question = suggestQuestion({ meetings: state.meetings, topics: state.topics, currentMeetingId: meetingId });
  return {
    seriesId: state.series.id,
    meetingId,
    promptId: promptIdFor(meetingId),
    scheduledStart: meeting.scheduledStart,
    agenda: agendaOf(state.topics, meetingId).map((t) => ({
      text: t.text,
      category: t.category,
      addedByName: nameOf(t.addedBy),
      carriedOver: t.carriedOverCount > 0,
    })),
    openActionItems: openItemsFromEarlierMeetings(state.actionItems, state.meetings, meetingId).map((item) => ({
      id: item.id,
      text: item.text,
      ownerName: nameOf(item.ownerId),
      ...(item.dueDate ? { dueDate: item.dueDate } : {}),
    })),
    // Both people read the card: the gap the question bank would fill, asked in a neutral voice.
    ...(question ? { question: thinkingPrompt(question.category, state.meetings.length).text } : {}),
    refreshUserIds: state.series.members
      .map((member) => chatMembers.find((c) => c.userId === member.userId)?.mri)
      .filter((mri): mri is string => mri !== undefined),
    ...(notice ? { notice } : {}),
  };
}

/**
 * Two occurrences in a row that did not happen: `meeting` is skipped or
 * cancelled and so is the occurrence right before it.
 */
export function secondSkipInARow(meetings: readonly Meeting[], meeting: Meeting): boolean {
  const notHeld = (m: Meeting) => m.status === 'skipped' || m.status === 'cancelled';
  if (!notHeld(meeting)) return false;
  const previous = meetings
    .filter((m) => !m.deletedAt && m.id !== meeting.id && m.scheduledStart < meeting.scheduledStart)
    .sort((a, b) => (a.scheduledStart < b.scheduledStart ? 1 : -1))[0];
  return previous !== undefined && notHeld(previous);
}

/** The next occurrence to mention in a nudge: the series' current meeting if it is still ahead. */
export function upcomingMeeting(state: SeriesRecords, now: Date): Meeting | undefined {
  const current = state.meetings.find((m) => m.id === state.series.currentMeetingId);
  return current && current.status === 'scheduled' && Date.parse(current.scheduledStart) > now.getTime()
    ? current
    : undefined;
}
