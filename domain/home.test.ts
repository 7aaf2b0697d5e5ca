import { describe, expect, it } from 'vitest';
import type { Meeting, PrivateNote, SharedNote } from './entities.js';
import { byWorstSignal, homeRow, myOpenActionItems, searchSeries, TREND_MEETINGS } from './home.js';
import { aMeeting, anActionItem, aSeries, aTopic, MANAGER, REPORT } from './testFactories.js';

const NOW = new Date('2026-03-01T12:00:00Z'); // a Sunday: the next Monday slot is still ahead

/** Weekly Monday meetings going back `count` weeks from NOW's week, with the given statuses (oldest first). */
function history(statuses: Meeting['status'][]): Meeting[] {
  return statuses.map((status, i) => {
    const start = new Date(Date.UTC(2026, 2, 2, 8) - (statuses.length - i) * 7 * 86_400_000);
    return aMeeting({
      id: `m-${i}`,
      scheduledStart: start.toISOString(),
      status,
      ...(status === 'ended' ? { endedAt: new Date(start.getTime() + 30 * 60_000).toISOString() } : {}),
    });
  });
}

function row(meetings: Meeting[], extra: Partial<Parameters<typeof homeRow>[0]> = {}) {
  const current = aMeeting({ id: 'm-next', scheduledStart: '2026-03-09T08:00:00.000Z' });
  return homeRow({
    series: aSeries({ currentMeetingId: current.id, createdAt: '2026-01-01T00:00:00.000Z' }),
    meetings: [...meetings, current],
    topics: [],
    actionItems: [],
    viewerId: MANAGER.userId,
    now: NOW,
    ...extra,
  });
}

describe('a row of My 1:1s', () => {
  it('leads with "Skipped twice" when the last two 1:1s were skipped', () => {
    const r = row(history(['ended', 'ended', 'ended', 'ended', 'ended', 'ended', 'skipped', 'skipped']));
    expect(r.signal).toMatchObject({ key: 'cadence', level: 'concern', headline: 'Skipped twice' });
    expect(r.signal.nudge).toMatch(/skipping tells your report/);
  });

  it('tells a manager who raised most topics lately what share they raised', () => {
    const meetings = history(['ended', 'ended', 'ended', 'ended', 'ended', 'ended', 'ended', 'ended']);
    const topics = [0, 1, 2, 3].map((i) =>
      aTopic({ id: `t${i}`, meetingId: 'm-7', addedBy: i === 0 ? REPORT.userId : MANAGER.userId, category: 'growth' }),
    );
    topics.push(aTopic({ id: 't4', meetingId: 'm-6', addedBy: MANAGER.userId, category: 'wellbeing' }));
    const r = row(meetings, { topics });
    expect(r.signal).toMatchObject({
      key: 'leadership',
      level: 'concern',
      headline: 'You raised 80% of topics lately',
    });
  });

  it('counts overdue action items and says "3 overdue"', () => {
    const meetings = history(['ended', 'ended', 'ended', 'ended', 'ended', 'ended', 'ended', 'ended']);
    const topics = [0, 1, 2, 3].map((i) => aTopic({ id: `t${i}`, meetingId: 'm-7', category: 'growth' }));
    const actionItems = [1, 2, 3].map((i) =>
      anActionItem({ id: `a${i}`, meetingId: 'm-7', dueDate: '2026-02-27', createdAt: '2026-02-23T09:00:00.000Z' }),
    );
    const r = row(meetings, { topics, actionItems });
    expect(r.overdueActionItems).toBe(3);
    expect(r.openActionItems).toBe(3);
    expect(r.signal).toMatchObject({ key: 'overdue', headline: '3 overdue', level: 'concern' });
  });

  it('is "On track" with nothing to worry about, and sorts after rows that need attention', () => {
    const meetings = history(['ended', 'ended', 'ended', 'ended', 'ended', 'ended', 'ended', 'ended']);
    const topics = [0, 1, 2, 3].map((i) => aTopic({ id: `t${i}`, meetingId: 'm-7', category: 'growth' }));
    const fine = row(meetings, { topics });
    expect(fine.signal).toMatchObject({ key: 'onTrack', level: 'good' });
    const skipped = row(history(['ended', 'ended', 'ended', 'ended', 'ended', 'ended', 'skipped', 'skipped']));
    expect([fine, skipped].sort(byWorstSignal).map((r) => r.signal.key)).toEqual(['cadence', 'onTrack']);
  });

  it('has a trend of at most eight points, one per meeting held and one for now, and only now for a new 1:1', () => {
    const meetings = history(Array.from({ length: 10 }, () => 'ended' as const));
    const r = row(meetings);
    for (const figure of r.figures) expect(figure.trend).toHaveLength(TREND_MEETINGS);
    expect(r.figures.find((f) => f.key === 'cadence')!.trend.at(-1)).toBe(1);
    const fresh = row([], { series: aSeries({ currentMeetingId: 'm-next', createdAt: '2026-02-28T00:00:00.000Z' }) });
    expect(fresh.figures.map((f) => f.trend)).toEqual([[null], [null], [null], [null]]);
  });

  it('shows the drift of meetings skipped since the last one held in the trend’s last point', () => {
    const series = aSeries({ currentMeetingId: 'm-next', createdAt: '2026-02-02T00:00:00.000Z' });
    const trend = row(history(['ended', 'ended', 'skipped', 'skipped']), { series }).figures.find(
      (f) => f.key === 'cadence',
    )!.trend;
    expect(trend).toEqual([1, 1, 0.5]);
  });

  it('shows the trend drifting when meetings start being skipped', () => {
    const meetings = history(['ended', 'ended', 'ended', 'ended', 'skipped', 'ended', 'skipped', 'ended']);
    const trend = row(meetings).figures.find((f) => f.key === 'cadence')!.trend;
    expect(trend[0]).toBe(1);
    expect(trend.at(-1)!).toBeLessThan(1);
  });
});

describe('my open action items', () => {
  it('are mine only, open only, by due date with undated last', () => {
    const item = (id: string, over: Partial<Parameters<typeof anActionItem>[0]>) => ({
      seriesId: 's-1',
      seriesTitle: '1:1',
      item: anActionItem({ id, meetingId: 'm-1', ownerId: MANAGER.userId, ...over }),
    });
    const items = [
      item('later', { dueDate: '2026-04-01' }),
      item('undated', {}),
      item('sooner', { dueDate: '2026-03-01' }),
      item('done', { dueDate: '2026-02-01', doneAt: '2026-02-01T10:00:00.000Z' }),
      item('theirs', { dueDate: '2026-01-01', ownerId: REPORT.userId }),
    ];
    expect(myOpenActionItems(items, MANAGER.userId).map((i) => i.item.id)).toEqual(['sooner', 'later', 'undated']);
  });
});

const note = (id: string, authorId: string, text: string): SharedNote => ({
  id,
  seriesId: 's-1',
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  type: 'sharedNote',
  meetingId: 'm-1',
  topicId: 't-1',
  authorId,
  text,
});
const privateNote = (id: string, authorId: string, text: string): PrivateNote => ({
  ...note(id, authorId, text),
  type: 'privateNote',
});

describe('search and export', () => {
  const input = {
    series: aSeries(),
    meetings: [aMeeting({ id: 'm-1', scheduledStart: '2026-01-05T08:00:00.000Z', status: 'ended' })],
    topics: [aTopic({ id: 't-1', meetingId: 'm-1', text: 'Conference budget' })],
    sharedNotes: [note('n-1', REPORT.userId, 'The budget for the conference is approved')],
    actionItems: [anActionItem({ id: 'a-1', meetingId: 'm-1', text: 'Book the conference' })],
    privateNotes: [
      privateNote('p-mine', MANAGER.userId, 'Conference: ask about her talk'),
      privateNote('p-theirs', REPORT.userId, 'Conference: I am nervous'),
    ],
  };

  it('finds topics, shared notes, action items and my private note, never the other person’s', () => {
    const hits = searchSeries('conference', { ...input, viewerId: MANAGER.userId });
    expect(hits.map((h) => h.recordId).sort()).toEqual(['a-1', 'n-1', 'p-mine', 't-1']);
    // Positive control: the other member's note matches the query and is found for its author.
    expect(searchSeries('nervous', { ...input, viewerId: REPORT.userId }).map((h) => h.recordId)).toEqual(['p-theirs']);
    expect(searchSeries('nervous', { ...input, viewerId: MANAGER.userId })).toEqual([]);
  });
});
