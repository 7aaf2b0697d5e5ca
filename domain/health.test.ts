import { describe, expect, it } from 'vitest';
import type { ActionItem, Meeting, MeetingStatus, Topic } from './entities.js';
import {
  balance,
  cadenceKept,
  followThrough,
  PERSONAL_CATEGORIES,
  recentTopics,
  seriesHealth,
  whoLeads,
} from './health.js';
import { aMeeting, anActionItem, aSeries, aTopic, MANAGER, REPORT } from './testFactories.js';

// Weekly, Mondays 09:00 Berlin. "Now" is Wednesday 25 March 2026: the eight
// Mondays before it (2 Feb … 23 Mar) are the expected slots of the window.
const now = new Date('2026-03-25T12:00:00.000Z');
const MONDAYS = ['02-02', '02-09', '02-16', '02-23', '03-02', '03-09', '03-16', '03-23'];
const slot = (monthDay: string) => `2026-${monthDay}T08:00:00.000Z`;
const NEXT = aMeeting({ id: 'm-next', scheduledStart: '2026-03-30T07:00:00.000Z' });

function history(statuses: Partial<Record<string, MeetingStatus>> = {}): Meeting[] {
  const past = MONDAYS.map((md) => {
    const status = statuses[md] ?? 'ended';
    return aMeeting({
      id: `m-${md}`,
      scheduledStart: slot(md),
      status,
      ...(status === 'ended' ? { endedAt: `2026-${md}T08:30:00.000Z` } : {}),
    });
  });
  return [...past, NEXT];
}

const series = aSeries({ currentMeetingId: 'm-next' });

describe('cadence kept', () => {
  it('eight of eight weekly 1:1s held is good', () => {
    expect(cadenceKept({ series, meetings: history(), now })).toMatchObject({
      value: 1,
      display: '8 of 8',
      level: 'good',
    });
  });

  it('one skipped week long ago is still good: the rhythm holds', () => {
    const figure = cadenceKept({ series, meetings: history({ '02-16': 'skipped' }), now });
    expect(figure).toMatchObject({ value: 7 / 8, display: '7 of 8', level: 'good' });
  });

  it('the last 1:1 not held turns it to watch and says so', () => {
    const figure = cadenceKept({ series, meetings: history({ '03-23': 'cancelled' }), now });
    expect(figure.level).toBe('watch');
    expect(figure.nudge).toMatch(/The last 1:1 did not happen/);
  });

  it('two missed in a row is a concern even when the ratio looks fine', () => {
    const figure = cadenceKept({ series, meetings: history({ '03-16': 'skipped', '03-23': 'cancelled' }), now });
    expect(figure).toMatchObject({ display: '6 of 8', level: 'concern' });
    expect(figure.nudge).toMatch(/The last 2 1:1s did not happen/);
  });

  it('a meeting left scheduled and never held counts as missed, like one with no record at all', () => {
    const meetings = history({ '03-23': 'scheduled' }).filter((m) => m.id !== 'm-03-16');
    const figure = cadenceKept({ series, meetings, now });
    expect(figure).toMatchObject({ display: '6 of 8', level: 'concern' });
  });

  it('half the 1:1s missed is a concern', () => {
    const statuses = { '02-02': 'skipped', '02-16': 'skipped', '03-02': 'skipped', '03-16': 'skipped' } as const;
    expect(cadenceKept({ series, meetings: history(statuses), now })).toMatchObject({ value: 0.5, level: 'concern' });
  });

  it('a slot still in progress is not counted as missed', () => {
    const during = new Date('2026-03-23T08:10:00.000Z');
    const meetings = history({ '03-23': 'live' });
    expect(cadenceKept({ series, meetings, now: during })).toMatchObject({ display: '7 of 7', level: 'good' });
  });

  it('a young series is measured from its start, not over eight weeks', () => {
    const young = aSeries({ currentMeetingId: 'm-next', createdAt: '2026-03-10T10:00:00.000Z' });
    const meetings = history().filter((m) => m.scheduledStart >= young.createdAt);
    const figure = cadenceKept({ series: young, meetings, now });
    expect(figure).toMatchObject({ display: '2 of 2', level: 'good' });
    expect(figure.nudge).toMatch(/2 of 2 1:1s since you started/);
  });

  it('a biweekly series expects four 1:1s in eight weeks', () => {
    const biweekly = aSeries({
      currentMeetingId: 'm-next',
      cadence: { ...series.cadence, frequency: 'biweekly' },
    });
    const meetings = history({ '02-09': 'skipped', '02-23': 'skipped', '03-09': 'skipped', '03-23': 'skipped' }).filter(
      (m) => m.status !== 'skipped',
    );
    // The rhythm follows the current meeting (30 March), so the expected Mondays are 2 Feb, 16 Feb, 2 and 16 March.
    const figure = cadenceKept({ series: biweekly, meetings: meetings.filter((m) => m.id !== 'm-03-16'), now });
    // 16 March was the last slot and was not held: one miss in a row caps the level at watch.
    expect(figure).toMatchObject({ display: '3 of 4', value: 0.75, level: 'watch' });
    expect(figure.nudge).toMatch(/The last 1:1 did not happen/);
  });

  it('meetings held before their slot count against the slots they used (failure 3: "1 of the 1 planned" after two held)', () => {
    // Weekly on Mondays from 2 March; the first held on its slot, the next two early (on the Tuesday before theirs).
    const young = aSeries({ currentMeetingId: 'm-4', createdAt: '2026-03-01T10:00:00.000Z' });
    const first = aMeeting({
      id: 'm-1',
      scheduledStart: slot('03-02'),
      status: 'ended',
      endedAt: '2026-03-02T08:30:00.000Z',
    });
    const second = aMeeting({
      id: 'm-2',
      scheduledStart: slot('03-09'),
      status: 'ended',
      endedAt: '2026-03-03T08:30:00.000Z',
    });
    const third = aMeeting({
      id: 'm-3',
      scheduledStart: slot('03-16'),
      status: 'ended',
      endedAt: '2026-03-10T08:30:00.000Z',
    });
    const fourth = aMeeting({ id: 'm-4', scheduledStart: slot('03-23') });
    const afterSecond = new Date('2026-03-03T08:31:00.000Z');
    expect(cadenceKept({ series: young, meetings: [first, second, fourth], now: afterSecond })).toMatchObject({
      display: '2 of 2',
      level: 'good',
    });
    const afterThird = new Date('2026-03-10T08:31:00.000Z');
    expect(
      cadenceKept({ series: young, meetings: [first, second, third, fourth], now: afterThird }).displayText,
    ).toMatchObject({ key: 'domain.health.cadence.display.kept', values: { kept: 3, expected: 3 } });
  });

  it('with no slot due yet there is nothing to rate', () => {
    const fresh = aSeries({ currentMeetingId: 'm-next', createdAt: now.toISOString() });
    expect(cadenceKept({ series: fresh, meetings: [NEXT], now })).toMatchObject({ value: null, level: 'none' });
  });
});

describe('who leads', () => {
  const byReport = (id: string, meetingId = 'm-next'): Topic => aTopic({ id, meetingId, addedBy: REPORT.userId });
  const byManager = (id: string, meetingId = 'm-next'): Topic => aTopic({ id, meetingId, addedBy: MANAGER.userId });

  it('the report bringing most topics is good', () => {
    const figure = whoLeads(series, [byReport('a'), byReport('b'), byReport('c'), byManager('d'), byManager('e')]);
    expect(figure).toMatchObject({ value: 0.6, display: '3 of 5 topics raised by Rui Report', level: 'good' });
    expect(figure.nudge).toContain('Rui Report');
  });

  it('the manager adding nearly everything is a concern with a concrete ask', () => {
    const figure = whoLeads(series, [byReport('a'), byManager('b'), byManager('c'), byManager('d'), byManager('e')]);
    expect(figure).toMatchObject({ value: 0.2, level: 'concern' });
    expect(figure.nudge).toMatch(/Ask what they want to talk about/);
  });

  it('a third from the report is worth watching', () => {
    expect(whoLeads(series, [byReport('a'), byManager('b'), byManager('c')]).level).toBe('watch');
  });

  it('counts topics from templates and the question bank apart: they neither raise nor lower the share', () => {
    const templated = (id: string, addedBy: string) => aTopic({ id, meetingId: 'm-next', addedBy, source: 'template' });
    const asked = (id: string) => aTopic({ id, meetingId: 'm-next', addedBy: REPORT.userId, source: 'question' });
    const figure = whoLeads(series, [
      byReport('a'),
      byReport('b'),
      byReport('c'),
      byManager('d'),
      byManager('e'),
      templated('t1', REPORT.userId),
      templated('t2', MANAGER.userId),
      asked('q1'),
    ]);
    expect(figure).toMatchObject({
      value: 0.6,
      display: '3 of 8 topics raised by Rui Report, 2 from templates, 1 from the question bank',
      level: 'good',
    });
    expect(figure.nudge).toContain('2 from templates and 1 from the question bank');
    // Positive control: counted by who pressed the button, the report would get credit for 5 of 8.
    const unmarked = [byReport('a'), byReport('b'), byReport('c'), byManager('d'), byManager('e')].concat(
      [byReport('t1'), byManager('t2')],
      [byReport('q1')],
    );
    expect(whoLeads(series, unmarked).value).toBe(5 / 8);
  });

  it('an agenda only from a template says so instead of measuring anyone', () => {
    const templated = ['t1', 't2', 't3'].map((id) =>
      aTopic({ id, meetingId: 'm-next', addedBy: MANAGER.userId, source: 'template' }),
    );
    expect(whoLeads(series, templated)).toMatchObject({
      value: null,
      level: 'none',
      display: '0 of 3 topics raised by Rui Report, 3 from templates',
    });
  });

  it('two manager topics are too few to call a concern', () => {
    expect(whoLeads(series, [byManager('a'), byManager('b')])).toMatchObject({ value: 0, level: 'watch' });
  });

  it('counts the current agenda and the last four meetings held, each carried topic once, no deleted ones', () => {
    const meetings = history();
    const topics = [
      byManager('old', 'm-02-23'), // fifth meeting back: outside
      byReport('x', 'm-03-02'),
      aTopic({ id: 'x~m-03-09', originId: 'x', meetingId: 'm-03-09', addedBy: REPORT.userId, carriedOverCount: 1 }),
      byManager('y', 'm-03-23'),
      { ...byManager('z', 'm-03-23'), deletedAt: '2026-03-23T08:05:00.000Z' },
      byReport('n', 'm-next'),
    ];
    const recent = recentTopics({ series, meetings, topics });
    expect(recent.map((t) => t.id).sort()).toEqual(['n', 'x~m-03-09', 'y']);
    expect(whoLeads(series, recent).display).toBe('2 of 3 topics raised by Rui Report');
  });
});

describe('balance', () => {
  const topic = (id: string, category: Topic['category']) => aTopic({ id, meetingId: 'm-next', category });

  it('one growth or wellbeing topic in four is good', () => {
    const figure = balance([topic('a', 'growth'), topic('b', 'work'), topic('c', 'work'), topic('d', 'work')]);
    expect(figure).toMatchObject({ value: 0.25, display: '1 of 4 topics', level: 'good' });
  });

  it('only work topics is a status-report concern that suggests a growth question', () => {
    const figure = balance(['a', 'b', 'c', 'd', 'e'].map((id) => topic(id, 'work')));
    expect(figure).toMatchObject({ value: 0, level: 'concern' });
    expect(figure.nudge).toMatch(/status report/);
    expect(figure.nudge).toContain('Where do you want to grow?');
  });

  it('feedback counts in balance, and the words name every category counted (failure 4)', () => {
    const figure = balance([topic('a', 'growth'), topic('b', 'wellbeing'), topic('c', 'feedback'), topic('d', 'work')]);
    expect(figure).toMatchObject({ value: 0.75, display: '3 of 4 topics', level: 'good' });
    expect(figure.displayText.values).toMatchObject({ personal: 3, total: 4 });
    expect(figure.nudge).toContain('growth, wellbeing or feedback');
    for (const category of PERSONAL_CATEGORIES) expect(figure.nudge).toContain(category);
  });

  it('a share of one personal topic in ten, feedback included, is worth watching', () => {
    const figure = balance([
      topic('a', 'feedback'),
      ...['c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'].map((id) => topic(id, 'work')),
    ]);
    expect(figure).toMatchObject({ value: 0.1, level: 'watch' });
    expect(figure.nudge).toContain('growth, wellbeing or feedback');
  });
});

describe('follow-through', () => {
  const item = (id: string, dueDate: string | undefined, doneAt?: string, extra: Partial<ActionItem> = {}) =>
    anActionItem({ id, meetingId: 'm-03-16', dueDate, doneAt, ...extra });

  it('counts items done by their due date among those due so far', () => {
    const items = [
      item('on-time', '2026-03-20', '2026-03-19T10:00:00.000Z'),
      item('late', '2026-03-20', '2026-03-22T10:00:00.000Z'),
      item('open-overdue', '2026-03-24'),
      item('due-today-open', '2026-03-25'), // not late until tomorrow: not counted
      item('due-today-done', '2026-03-25', '2026-03-25T09:00:00.000Z'),
      item('future', '2026-04-01'),
      item('ancient', '2026-01-05'),
      item('undated', undefined),
      item('deleted', '2026-03-20', undefined, { deletedAt: '2026-03-21T00:00:00.000Z' }),
    ];
    const figure = followThrough({ series, actionItems: items, now });
    expect(figure).toMatchObject({ display: '2 of 4 on time', value: 0.5, level: 'watch' });
    expect(figure.nudge).toMatch(/2 of 4 action items slipped: 1 done after their due date, 1 still open/);
    expect(figure.nudgeText.values).toMatchObject({ kind: 'both', slipped: 2, late: 1, open: 1, due: 4 });
  });

  it('an item done late is reported as done late, not as still open (failure 5)', () => {
    const figure = followThrough({
      series,
      actionItems: [item('late', '2026-03-01', '2026-03-07T10:00:00.000Z')],
      now,
    });
    expect(figure).toMatchObject({ value: 0, level: 'concern' });
    expect(figure.nudge).toBe(
      '1 of 1 action items were done, but after their due date. Set due dates you can keep, or re-plan early when one slips.',
    );
    expect(figure.nudge).not.toMatch(/open/);
    expect(figure.nudgeText).toMatchObject({
      key: 'domain.health.followThrough.nudge.slipped',
      values: { kind: 'late', late: 1, open: 0 },
    });
  });

  it('an item still open past its due date says so', () => {
    const figure = followThrough({ series, actionItems: [item('open', '2026-03-01')], now });
    expect(figure.nudge).toMatch(/^1 of 1 action items are still open past their due date/);
    expect(figure.nudgeText.values).toMatchObject({ kind: 'open', late: 0, open: 1 });
  });

  it('reads the done time in the series’ time zone: 23:30 UTC is already the next day in Berlin', () => {
    const figure = followThrough({ series, actionItems: [item('a', '2026-03-20', '2026-03-20T23:30:00.000Z')], now });
    expect(figure).toMatchObject({ value: 0, level: 'concern' });
  });

  it('all done on time is good', () => {
    const items = [
      item('a', '2026-03-20', '2026-03-20T10:00:00.000Z'),
      item('b', '2026-03-10', '2026-03-01T10:00:00.000Z'),
    ];
    expect(followThrough({ series, actionItems: items, now })).toMatchObject({ value: 1, level: 'good' });
  });
});

describe('the health strip', () => {
  it('an empty history gives four figures with no level, no number and a friendly nudge', () => {
    const fresh = aSeries({ currentMeetingId: 'm-next', createdAt: now.toISOString() });
    const figures = seriesHealth({ series: fresh, meetings: [NEXT], topics: [], actionItems: [], now });
    expect(figures.map((f) => f.key)).toEqual(['cadence', 'leadership', 'balance', 'followThrough']);
    for (const figure of figures) {
      expect(figure.level).toBe('none');
      expect(figure.value).toBeNull();
      expect(figure.nudge.length).toBeGreaterThan(20);
      expect(`${figure.display} ${figure.nudge}`).not.toMatch(/NaN|undefined|Infinity/);
    }
  });

  it('a series with no meetings at all still answers without NaN', () => {
    const figures = seriesHealth({ series, meetings: [], topics: [], actionItems: [], now });
    for (const figure of figures) expect(`${figure.value} ${figure.display} ${figure.nudge}`).not.toMatch(/NaN/);
  });

  it('every value is a share between 0 and 1', () => {
    const topics = [aTopic({ id: 'a', meetingId: 'm-next', category: 'growth' })];
    const actionItems = [anActionItem({ id: 'i', meetingId: 'm-03-16', dueDate: '2026-03-20' })];
    for (const figure of seriesHealth({ series, meetings: history(), topics, actionItems, now })) {
      expect(figure.value).not.toBeNull();
      expect(figure.value!).toBeGreaterThanOrEqual(0);
      expect(figure.value!).toBeLessThanOrEqual(1);
    }
  });
});
