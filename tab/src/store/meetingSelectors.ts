import { agendaOf } from '../../../domain/agenda.js';
import type { ActionItem, Meeting, PrivateNote, SharedNote, Topic, UserId } from '../../../domain/entities.js';
import { openItemsFromEarlierMeetings } from '../../../domain/followUp.js';
import { selectSeries, visibleRecords } from './selectors.js';
import type { SeriesState } from './seriesState.js';

const CLOSED: ReadonlySet<Meeting['status']> = new Set(['ended', 'skipped', 'cancelled']);

/** Held, skipped or cancelled: a meeting that belongs to the history. */
export const isPastMeeting = (meeting: Pick<Meeting, 'status'>): boolean => CLOSED.has(meeting.status);

export function selectMeetings(state: SeriesState): Meeting[] {
  return visibleRecords(state, 'meeting').filter((m) => !m.deletedAt);
}

export function selectCurrentMeeting(state: SeriesState): Meeting | undefined {
  const series = selectSeries(state);
  return series && selectMeetings(state).find((m) => m.id === series.currentMeetingId);
}

/** Meetings already held, skipped or cancelled, most recent first. */
export function selectPastMeetings(state: SeriesState): Meeting[] {
  return selectMeetings(state)
    .filter((m) => CLOSED.has(m.status))
    .sort((a, b) => Date.parse(b.scheduledStart) - Date.parse(a.scheduledStart));
}

/**
 * How many past meetings the panel has not got yet. Not only pages bring
 * them: a reconnect's catch-up carries every meeting changed lately, however
 * old, so the cursor alone cannot tell whether anything is left to page.
 */
export function selectEarlierMeetingsLeft(state: SeriesState): number {
  if (!state.history.before) return 0;
  return Math.max(0, state.history.pastMeetings - selectPastMeetings(state).length);
}

export function selectTopicsOf(state: SeriesState, meetingId: string): Topic[] {
  return agendaOf(visibleRecords(state, 'topic'), meetingId);
}

/** Each member writes their own note per topic: the viewer's and the other member's, apart. */
export function selectNotesOf(
  state: SeriesState,
  topicId: string,
  viewerId: UserId,
): { mine?: SharedNote; theirs: SharedNote[] } {
  const notes = visibleRecords(state, 'sharedNote').filter((n) => n.topicId === topicId && !n.deletedAt);
  return { mine: notes.find((n) => n.authorId === viewerId), theirs: notes.filter((n) => n.authorId !== viewerId) };
}

export function selectPrivateNote(state: SeriesState, meetingId: string, viewerId: UserId): PrivateNote | undefined {
  return visibleRecords(state, 'privateNote').find((n) => n.meetingId === meetingId && n.authorId === viewerId);
}

export function selectItemsAgreedIn(state: SeriesState, meetingId: string): ActionItem[] {
  return visibleRecords(state, 'actionItem')
    .filter((a) => a.meetingId === meetingId && !a.deletedAt)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/**
 * "From last time": items agreed in earlier meetings still open, then those
 * ticked off since the last meeting closed, so a person can see (and undo)
 * what they just completed.
 */
export function selectFromLastTime(state: SeriesState): ActionItem[] {
  const series = selectSeries(state);
  if (!series) return [];
  const meetings = selectMeetings(state);
  const items = visibleRecords(state, 'actionItem').filter((a) => !a.deletedAt);
  const open = openItemsFromEarlierMeetings(items, meetings, series.currentMeetingId);
  const lastClosed = selectPastMeetings(state)[0];
  const since = lastClosed ? Date.parse(lastClosed.endedAt ?? lastClosed.updatedAt) : 0;
  const earlier = new Set(meetings.filter((m) => m.id !== series.currentMeetingId).map((m) => m.id));
  const doneSince = items
    .filter((a) => a.doneAt && earlier.has(a.meetingId) && Date.parse(a.doneAt) >= since)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return [...open, ...doneSince];
}

/** What the panel is for right now: getting ready, the call itself, or just after it. */
export type PanelMode = 'preparing' | 'live' | 'after';

/** How long after a 1:1 ended the panel leads with what was agreed there. */
const AFTER_MS = 12 * 60 * 60 * 1000;

export function selectMode(state: SeriesState, now: number = Date.now()): { mode: PanelMode; ended?: Meeting } {
  if (selectCurrentMeeting(state)?.status === 'live') return { mode: 'live' };
  const last = selectMeetings(state)
    .filter((m) => m.status === 'ended' && m.endedAt)
    .sort((a, b) => Date.parse(b.endedAt!) - Date.parse(a.endedAt!))[0];
  if (last && now - Date.parse(last.endedAt!) < AFTER_MS) return { mode: 'after', ended: last };
  return { mode: 'preparing' };
}
