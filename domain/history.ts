import type { Meeting, Series } from './entities.js';
import { RECENT_MEETINGS, WINDOW_WEEKS } from './health.js';

/**
 * What a panel load carries of a series' past, so its size does not grow
 * with the years of 1:1s behind it: the current meeting, what the health
 * strip and "From last time" read (the meetings of the last WINDOW_WEEKS
 * weeks, the last RECENT_MEETINGS held, the last one closed), and a count of
 * the rest, which the history view pages on demand, newest first.
 */

const CLOSED: ReadonlySet<Meeting['status']> = new Set(['ended', 'skipped', 'cancelled']);
const DAY_MS = 86_400_000;

export const isClosed = (meeting: Pick<Meeting, 'status'>) => CLOSED.has(meeting.status);

/** Newest first; the id breaks ties so pages never skip or repeat a meeting. */
export function byStartDescending(a: Meeting, b: Meeting): number {
  if (a.scheduledStart !== b.scheduledStart) return a.scheduledStart < b.scheduledStart ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

export interface PanelWindow {
  /** The meetings a panel load carries, with their topics, notes and action items. */
  meetingIds: Set<string>;
  /** Meetings held, skipped or cancelled, in all. */
  pastMeetings: number;
  /** Where the history view pages from (the oldest past meeting loaded); null when every one is loaded. */
  before: HistoryCursor | null;
}

/** A position in the past meetings, newest first: older than this start (and, at the same start, a lower id). */
export interface HistoryCursor {
  scheduledStart: string;
  id: string;
}

export function panelWindow(series: Series, meetings: readonly Meeting[], now: Date): PanelWindow {
  const present = meetings.filter((m) => !m.deletedAt);
  const past = present.filter(isClosed).sort(byStartDescending);
  const windowStart = now.getTime() - WINDOW_WEEKS * 7 * DAY_MS;

  // The oldest past meeting the panel needs; everything newer is loaded too, so history pages on from it.
  let keep = past.length > 0 ? 1 : 0; // the last one closed ("From last time" counts from its end)
  let held = 0;
  past.forEach((meeting, index) => {
    if (Date.parse(meeting.scheduledStart) >= windowStart) keep = Math.max(keep, index + 1);
    if (meeting.status === 'ended' && held < RECENT_MEETINGS) {
      held += 1;
      keep = Math.max(keep, index + 1);
    }
  });

  const meetingIds = new Set(present.filter((m) => !isClosed(m)).map((m) => m.id));
  meetingIds.add(series.currentMeetingId);
  for (const meeting of past.slice(0, keep)) meetingIds.add(meeting.id);
  const oldest = past[keep - 1];
  return {
    meetingIds,
    pastMeetings: past.length,
    before: keep < past.length && oldest ? { scheduledStart: oldest.scheduledStart, id: oldest.id } : null,
  };
}

/** The first day whose action items' due dates the health strip may count (a day early: zones differ). */
export function dueDateWindowStart(now: Date): string {
  return new Date(now.getTime() - (WINDOW_WEEKS * 7 + 1) * DAY_MS).toISOString().slice(0, 10);
}

/** Done on or after this instant: the health strip's window (the tab sorts out the rest). */
export function doneWindowStart(now: Date): string {
  return new Date(now.getTime() - (WINDOW_WEEKS * 7 + 1) * DAY_MS).toISOString();
}
