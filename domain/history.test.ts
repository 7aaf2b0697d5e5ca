import { describe, expect, it } from 'vitest';
import type { Meeting } from './entities.js';
import { HELD_KEPT } from './healthWindow.js';
import { byStartDescending, panelWindow } from './history.js';
import { aMeeting, aSeries } from './testFactories.js';

const NOW = new Date('2026-06-01T12:00:00.000Z');
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

/** `count` past meetings, one every `everyDays` days back from yesterday, newest first. */
function past(count: number, everyDays: number, status: (i: number) => Meeting['status'] = () => 'ended') {
  return Array.from({ length: count }, (_, i) =>
    aMeeting({ id: `m-past-${i}`, scheduledStart: daysAgo(1 + i * everyDays), status: status(i) }),
  );
}

const series = aSeries({ currentMeetingId: 'm-now' });
const current = aMeeting({ id: 'm-now', scheduledStart: daysAgo(-6) });

describe('the meetings a panel load carries', () => {
  it('a year of weekly meetings: the last 8 weeks, the current one, and a cursor for the rest', () => {
    const meetings = [current, ...past(52, 7)];
    const window = panelWindow(series, meetings, NOW);
    expect(window.pastMeetings).toBe(52);
    expect(window.meetingIds.has('m-now')).toBe(true);
    // 8 weeks back from now (the health window, healthWindow.ts): meetings 1, 8, …, 50 days ago (8 of them).
    expect(window.meetingIds.size).toBe(1 + 8);
    expect(window.before).toEqual({ scheduledStart: daysAgo(1 + 7 * 7), id: 'm-past-7' });
  });

  it('the same number of meetings after one year or after two', () => {
    const oneYear = panelWindow(series, [current, ...past(52, 7)], NOW);
    const twoYears = panelWindow(series, [current, ...past(104, 7)], NOW);
    expect(twoYears.meetingIds).toEqual(oneYear.meetingIds);
    expect(twoYears.pastMeetings).toBe(104);
  });

  it('monthly meetings: reaches back to the last four held (and one more, the current may be among them), beyond the 8-week window', () => {
    const window = panelWindow(series, [current, ...past(10, 30)], NOW);
    expect([...window.meetingIds].filter((id) => id.startsWith('m-past')).length).toBe(HELD_KEPT);
  });

  it('skipped meetings in between held ones are carried too, so the history pages on without a gap', () => {
    const meetings = past(12, 30, (i) => (i % 2 ? 'skipped' : 'ended'));
    const window = panelWindow(series, [current, ...meetings], NOW);
    const loaded = meetings.filter((m) => window.meetingIds.has(m.id)).sort(byStartDescending);
    // Held at 0, 2, 4, 6, 8: everything from the newest down to index 8 (9 meetings), nothing older.
    expect(loaded.map((m) => m.id)).toEqual(meetings.slice(0, 9).map((m) => m.id));
    expect(window.before?.id).toBe('m-past-8');
  });

  it('a young series: everything is loaded and there is nothing to page', () => {
    const window = panelWindow(series, [current, ...past(3, 7)], NOW);
    expect(window.meetingIds.size).toBe(4);
    expect(window.before).toBeNull();
  });

  it('no past at all: the current meeting only', () => {
    expect(panelWindow(series, [current], NOW)).toEqual({
      meetingIds: new Set(['m-now']),
      pastMeetings: 0,
      before: null,
    });
  });

  it('deleted meetings are neither loaded nor counted', () => {
    const meetings = past(3, 7);
    meetings[1] = { ...meetings[1]!, deletedAt: daysAgo(1) };
    const window = panelWindow(series, [current, ...meetings], NOW);
    expect(window.pastMeetings).toBe(2);
    expect(window.meetingIds.has('m-past-1')).toBe(false);
  });

  it('ties on the start are ordered by id, so a cursor is exact', () => {
    const a = aMeeting({ id: 'a', scheduledStart: daysAgo(100), status: 'ended' });
    const b = aMeeting({ id: 'b', scheduledStart: daysAgo(100), status: 'ended' });
    expect([a, b].sort(byStartDescending).map((m) => m.id)).toEqual(['b', 'a']);
  });
});
