import type { ActionItem, Meeting, Series, Topic } from './entities.js';
import { RECENT_MEETINGS, WINDOW_WEEKS, type HealthInput } from './health.js';

/**
 * What the health figures (health.ts) read of a series, so a surface can
 * load that slice and no more, whatever the years behind the 1:1 — and get
 * the very figures the whole history would give (a property test holds
 * `seriesHealth(healthSlice(x))` equal to `seriesHealth(x)`). The panel load,
 * the summary card and the end read this slice; the store's queries mirror
 * these rules (bot/src/commands/healthRead.ts).
 */

const DAY_MS = 86_400_000;
const CLOSED: ReadonlySet<Meeting['status']> = new Set(['ended', 'skipped', 'cancelled']);

/** The first instant the figures may read: the window and a day more (the series' zone may be a day behind UTC). */
export function healthSince(now: Date): string {
  return new Date(now.getTime() - (WINDOW_WEEKS * 7 + 1) * DAY_MS).toISOString();
}

/** The first instant a meeting counts in the figures (held, or scheduled): the window itself. */
export function healthMeetingsSince(now: Date): string {
  return new Date(now.getTime() - WINDOW_WEEKS * 7 * DAY_MS).toISOString();
}

/** The first due date (a calendar day) follow-through may count. */
export function healthSinceDate(now: Date): string {
  return healthSince(now).slice(0, 10);
}

/** Action items the figures (and "From last time") read: every open one, and those done or due within the window. */
export function isHealthItem(item: ActionItem, now: Date): boolean {
  if (item.deletedAt) return false;
  return (
    !item.doneAt ||
    item.doneAt >= healthSince(now) ||
    (item.dueDate !== undefined && item.dueDate >= healthSinceDate(now))
  );
}

/** How many held meetings the slice keeps whatever their age: "who leads" and balance read the last RECENT_MEETINGS, and the current one may be among the held. */
export const HELD_KEPT = RECENT_MEETINGS + 1;

/**
 * The meetings the figures read: every one still to be held or live, the
 * current one, those scheduled or ended within the window, and the last
 * HELD_KEPT held whatever their age ("who leads", balance and "skipped
 * since"). Where an older series began counting needs no older meeting: its
 * creation is before the window, and no meeting is scheduled before the
 * series was created (a 1:1 begins with its first meeting).
 */
export function healthMeetings(series: Series, meetings: readonly Meeting[], now: Date): Meeting[] {
  const since = healthMeetingsSince(now);
  const live = meetings.filter((m) => !m.deletedAt);
  const keep = new Set<string>();
  for (const m of live) {
    if (
      !CLOSED.has(m.status) ||
      m.id === series.currentMeetingId ||
      m.scheduledStart >= since ||
      (m.endedAt !== undefined && m.endedAt >= since)
    )
      keep.add(m.id);
  }
  const held = live
    .filter((m) => m.status === 'ended')
    .sort((a, b) => (a.scheduledStart < b.scheduledStart ? 1 : -1))
    .slice(0, HELD_KEPT);
  for (const m of held) keep.add(m.id);
  return live.filter((m) => keep.has(m.id));
}

/** The slice of a series' records the figures read: the same figures from fewer records. */
export function healthSlice<T extends Pick<HealthInput, 'series' | 'meetings' | 'topics' | 'actionItems' | 'now'>>(
  input: T,
): T {
  const meetings = healthMeetings(input.series, input.meetings, input.now);
  const ids = new Set(meetings.map((m) => m.id));
  return {
    ...input,
    meetings,
    topics: input.topics.filter((t: Topic) => ids.has(t.meetingId)),
    actionItems: input.actionItems.filter((item) => isHealthItem(item, input.now)),
  };
}
