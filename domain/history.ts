import type { Meeting, Series, SharedRecord } from './entities.js';
import { healthMeetings, isHealthItem } from './healthWindow.js';

/**
 * What a panel load carries of a series' past, so its size does not grow
 * with the years of 1:1s behind it: the current meeting, what the health
 * strip and "From last time" read (the meetings of the last WINDOW_WEEKS
 * weeks, the last RECENT_MEETINGS held, the last one closed), and a count of
 * the rest, which the history view pages on demand, newest first.
 */

const CLOSED: ReadonlySet<Meeting['status']> = new Set(['ended', 'skipped', 'cancelled']);

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
  // What the health strip reads (healthWindow.ts): the panel's figures are the summary card's and My 1:1s'.
  const forHealth = new Set(healthMeetings(series, present, now).map((m) => m.id));

  // The oldest past meeting the panel needs; everything newer is loaded too, so history pages on from it.
  let keep = past.length > 0 ? 1 : 0; // the last one closed ("From last time" counts from its end)
  past.forEach((meeting, index) => {
    if (forHealth.has(meeting.id)) keep = Math.max(keep, index + 1);
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

/** Whether a panel load carries this record: of a meeting in its window, or an action item the health strip reads. */
export function inPanelWindow(record: SharedRecord, window: Pick<PanelWindow, 'meetingIds'>, now: Date): boolean {
  if (record.type === 'series') return true;
  if (record.type === 'meeting') return window.meetingIds.has(record.id);
  if (window.meetingIds.has(record.meetingId)) return true;
  return record.type === 'actionItem' && isHealthItem(record, now);
}
