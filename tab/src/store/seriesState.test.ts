import { describe, expect, it } from 'vitest';
import type { PanelState } from '../../../domain/api.js';
import type { ActionItem, Meeting, Series, Topic } from '../../../domain/entities.js';
import { selectEarlierMeetingsLeft } from './meetingSelectors.js';
import { selectActionItems, selectAgenda } from './selectors.js';
import {
  initialSeriesState,
  missedChanges,
  seriesReducer,
  type SeriesAction,
  type SeriesState,
} from './seriesState.js';

const SERIES = 'series-1';
const MEETING = 'meeting-2';
const at = '2026-11-25T10:00:00.000Z';
const report = { userId: 'u-sam', name: 'Sam', role: 'report' as const };
const manager = { userId: 'u-alex', name: 'Alex', role: 'manager' as const };

function series(overrides: Partial<Series> = {}): Series {
  return {
    id: SERIES,
    seriesId: SERIES,
    type: 'series',
    version: 1,
    createdAt: at,
    updatedAt: at,
    tenantId: 't',
    chatId: 'chat',
    title: 'Sam / Alex',
    members: [report, manager],
    cadence: { frequency: 'weekly', weekday: 'monday', time: '10:00', timeZone: 'UTC', durationMinutes: 30 },
    currentMeetingId: MEETING,
    ...overrides,
  };
}

function meeting(id: string): Meeting {
  return {
    id,
    seriesId: SERIES,
    type: 'meeting',
    version: 1,
    createdAt: at,
    updatedAt: at,
    scheduledStart: at,
    status: 'scheduled',
  };
}

function topic(id: string, overrides: Partial<Topic> = {}): Topic {
  return {
    id,
    seriesId: SERIES,
    type: 'topic',
    version: 1,
    createdAt: at,
    updatedAt: at,
    meetingId: MEETING,
    text: `topic ${id}`,
    category: 'work',
    addedBy: report.userId,
    order: 'V',
    status: 'open',
    carriedOverCount: 0,
    originId: id,
    ...overrides,
  };
}

function actionItem(id: string, overrides: Partial<ActionItem> = {}): ActionItem {
  return {
    id,
    seriesId: SERIES,
    type: 'actionItem',
    version: 1,
    createdAt: at,
    updatedAt: at,
    meetingId: MEETING,
    text: `item ${id}`,
    ownerId: report.userId,
    createdBy: manager.userId,
    ...overrides,
  };
}

function panelState(overrides: Partial<PanelState> = {}): PanelState {
  return {
    viewer: report,
    series: series(),
    meetings: [meeting(MEETING)],
    topics: [],
    actionItems: [],
    sharedNotes: [],
    privateNotes: [],
    history: { pastMeetings: 0, before: null },
    ...overrides,
  };
}

function run(...actions: SeriesAction[]): SeriesState {
  return actions.reduce(seriesReducer, initialSeriesState(SERIES));
}

const texts = (state: SeriesState) => selectAgenda(state).map((t) => t.text);

describe('series store', () => {
  it('forgets who is here the moment live updates pause, and learns it again from the next join', () => {
    let state = seriesReducer(initialSeriesState(SERIES), { type: 'live', status: 'live' });
    state = seriesReducer(state, { type: 'presence', online: [report.userId, manager.userId] });
    expect(seriesReducer(state, { type: 'live', status: 'live' }).online).toEqual([report.userId, manager.userId]);

    state = seriesReducer(state, { type: 'live', status: 'offline', message: 'Connection lost.' });
    expect(state.online).toEqual([]);
    state = seriesReducer(state, { type: 'live', status: 'connecting' });
    state = seriesReducer(state, { type: 'presence', online: [report.userId, manager.userId] });
    state = seriesReducer(state, { type: 'live', status: 'live' });
    expect(state.online).toEqual([report.userId, manager.userId]);
  });

  it('keeps the newer version of a record when an older one arrives later', () => {
    const state = run(
      { type: 'loaded', state: panelState({ topics: [topic('a', { version: 3, text: 'newest' })] }) },
      { type: 'recordsReceived', records: [topic('a', { version: 2, text: 'stale event' })] },
    );
    expect(texts(state)).toEqual(['newest']);
  });

  it('a reload after reconnecting does not roll back changes received live', () => {
    const state = run(
      { type: 'loaded', state: panelState({ topics: [topic('a', { version: 1, status: 'open' })] }) },
      { type: 'recordsReceived', records: [topic('a', { version: 2, status: 'discussed' })] },
      { type: 'loaded', state: panelState({ topics: [topic('a', { version: 1, status: 'open' })] }) },
    );
    expect(selectAgenda(state)[0]?.status).toBe('discussed');
  });

  it('a deleted topic leaves the agenda when its tombstone arrives', () => {
    const state = run(
      { type: 'loaded', state: panelState({ topics: [topic('a'), topic('b', { order: 'k' })] }) },
      { type: 'recordsReceived', records: [topic('a', { version: 2, deletedAt: at })] },
    );
    expect(texts(state)).toEqual(['topic b']);
  });

  it('orders the agenda by order key and shows only the current meeting', () => {
    const state = run({
      type: 'loaded',
      state: panelState({
        topics: [
          topic('late', { order: 'k' }),
          topic('early', { order: 'F' }),
          topic('old', { meetingId: 'meeting-1' }),
        ],
      }),
    });
    expect(texts(state)).toEqual(['topic early', 'topic late']);
  });

  it('shows an optimistic change until the server answers, then the server record wins', () => {
    const loaded = run({ type: 'loaded', state: panelState({ topics: [topic('a', { text: 'original' })] }) });
    const optimistic = seriesReducer(loaded, { type: 'optimistic', record: topic('a', { text: 'my edit' }) });
    expect(texts(optimistic)).toEqual(['my edit']);

    const answered = [
      { type: 'recordsReceived', records: [topic('a', { version: 2, text: 'my edit, trimmed by server' })] },
      { type: 'settled', id: 'a' },
    ] satisfies SeriesAction[];
    expect(texts(answered.reduce(seriesReducer, optimistic))).toEqual(['my edit, trimmed by server']);
  });

  it('drops the optimistic copy when the server refuses the change', () => {
    const loaded = run({ type: 'loaded', state: panelState() });
    const refused = [
      { type: 'optimistic', record: topic('new', { text: 'never stored' }) },
      { type: 'notice', text: 'Topic text must not be empty' },
      { type: 'settled', id: 'new' },
    ] satisfies SeriesAction[];
    const state = refused.reduce(seriesReducer, loaded);
    expect(texts(state)).toEqual([]);
    expect(state.notices.map((n) => n.text)).toEqual(['Topic text must not be empty']);
  });

  it('ignores records of another series', () => {
    const state = run(
      { type: 'loaded', state: panelState() },
      { type: 'recordsReceived', records: [topic('x', { seriesId: 'someone-elses' })] },
    );
    expect(texts(state)).toEqual([]);
  });

  it('a failed reload keeps the loaded panel and tells the person', () => {
    const state = run(
      { type: 'loaded', state: panelState({ topics: [topic('a')] }) },
      { type: 'loadFailed', message: 'Cannot reach the 1:1 service.' },
    );
    expect(state.status).toBe('ready');
    expect(texts(state)).toEqual(['topic a']);
    expect(state.notices.map((n) => n.text)).toEqual(['Cannot reach the 1:1 service.']);
  });

  it('a failed first load shows the failure instead of an empty panel', () => {
    const state = run({ type: 'loadFailed', message: 'You are not a member of this 1:1.' });
    expect(state.status).toBe('failed');
    expect(state.loadError).toBe('You are not a member of this 1:1.');
  });

  it('lists the action items agreed in this meeting, open first, soonest due first', () => {
    const state = run({
      type: 'loaded',
      state: panelState({
        actionItems: [
          actionItem('done-now', { doneAt: at }),
          actionItem('no-due'),
          actionItem('due-late', { dueDate: '2026-12-20' }),
          actionItem('due-soon', { dueDate: '2026-12-01', meetingId: 'meeting-1' }),
          actionItem('done-before', { doneAt: at, meetingId: 'meeting-1' }),
        ],
      }),
    });
    expect(selectActionItems(state).map((a) => a.id)).toEqual(['due-late', 'no-due', 'done-now']);
  });
});

describe('the series clock on the panel', () => {
  it('starts from the highest clock of the loaded state', () => {
    const state = run({
      type: 'loaded',
      state: panelState({ topics: [topic('a', { clock: 500 }), topic('b', { clock: 900 })] }),
    });
    expect(state.clock).toBe(900);
  });

  it('moves with live events and catch-up answers, never backwards', () => {
    const state = run(
      { type: 'loaded', state: panelState({ topics: [topic('a', { clock: 500 })] }) },
      { type: 'recordsReceived', records: [topic('a', { version: 2, clock: 700 })], clock: 700 },
      { type: 'recordsReceived', records: [topic('b', { clock: 600 })], clock: 600 },
    );
    expect(state.clock).toBe(700);
  });

  it('is not moved by the answer to this panel’s own write, which says nothing of changes it missed', () => {
    const state = run(
      { type: 'loaded', state: panelState({ topics: [topic('a', { clock: 500 })] }) },
      { type: 'recordsReceived', records: [topic('mine', { clock: 9_000 })] },
    );
    expect(state.clock).toBe(500);
    expect(texts(state)).toContain('topic mine');
  });

  it('a catch-up that repeats what the panel holds changes nothing (deduplicated by version)', () => {
    const loaded = run({ type: 'loaded', state: panelState({ topics: [topic('a', { version: 2, clock: 500 })] }) });
    const again = seriesReducer(loaded, {
      type: 'recordsReceived',
      records: [topic('a', { version: 2, clock: 500 })],
      clock: 500,
    });
    expect(again).toBe(loaded);
  });

  it('a catch-up answer moves the clock and merges its records', () => {
    const state = run(
      { type: 'loaded', state: panelState({ topics: [topic('a', { clock: 500 })] }) },
      { type: 'caughtUp', answer: { reset: false, clock: 800, records: [topic('b', { clock: 800 })] } },
    );
    expect(state.clock).toBe(800);
    expect(texts(state)).toContain('topic b');
  });

  it('a clock ahead of the series’ own is dropped on the reset, and the reload sets it from what it loads (issue 23.5)', () => {
    const future = 9_000_000;
    const ahead = run(
      { type: 'loaded', state: panelState({ topics: [topic('a', { clock: 500 })] }) },
      // A clock from elsewhere: an instance whose clock had jumped, a write since lost or restored away.
      { type: 'recordsReceived', records: [topic('a', { version: 2, clock: future })], clock: future },
    );
    expect(ahead.clock).toBe(future);
    const reset = seriesReducer(ahead, { type: 'caughtUp', answer: { reset: true, reason: 'ahead' } });
    expect(reset.clock).toBe(0);
    expect(texts(reset)).toContain('topic a');
    const reloaded = seriesReducer(reset, {
      type: 'loaded',
      state: panelState({ topics: [topic('a', { version: 3, clock: 700 }), topic('b', { clock: 650 })] }),
    });
    expect(reloaded.clock).toBe(700);
    // A later event moves it on as usual.
    expect(
      seriesReducer(reloaded, { type: 'recordsReceived', records: [topic('c', { clock: 900 })], clock: 900 }).clock,
    ).toBe(900);
  });

  it('sees missed changes when a record arrives more than one version ahead, and only then', () => {
    const state = run({ type: 'loaded', state: panelState({ topics: [topic('a', { version: 2 })] }) });
    expect(missedChanges(state.records, [topic('a', { version: 3 })])).toBe(false);
    expect(missedChanges(state.records, [topic('new', { version: 1 })])).toBe(false);
    expect(missedChanges(state.records, [topic('a', { version: 4 })])).toBe(true);
  });
});

describe('history paging in the series store', () => {
  const cursor = (id: string) => ({ scheduledStart: at, id });
  const loaded = (before: { scheduledStart: string; id: string } | null) =>
    ({ type: 'loaded', state: panelState({ history: { pastMeetings: 30, before } }) }) as SeriesAction;
  const page = (ids: string[], before: { scheduledStart: string; id: string } | null): SeriesAction => ({
    type: 'historyPage',
    page: {
      meetings: ids.map((id) => ({ ...meeting(id), status: 'ended' as const })),
      topics: ids.map((id) => topic(`t-${id}`, { meetingId: id })),
      actionItems: [],
      sharedNotes: [],
      privateNotes: [],
      before,
    },
  });

  it('a load tells how many meetings are past and where the next page starts', () => {
    const state = run(loaded(cursor('m-8')));
    expect(state.history).toMatchObject({ pastMeetings: 30, before: cursor('m-8'), paged: false });
  });

  it('a page adds its meetings and topics and moves the cursor on; the last page ends it', () => {
    let state = run(loaded(cursor('m-8')), page(['m-9', 'm-10'], cursor('m-10')));
    expect(Object.keys(state.records.meeting)).toEqual(expect.arrayContaining(['m-9', 'm-10']));
    expect(state.records.topic['t-m-9']).toBeDefined();
    expect(state.history.before).toEqual(cursor('m-10'));
    state = seriesReducer(state, page(['m-11'], null));
    expect(state.history.before).toBeNull();
  });

  it('a reload after paging keeps the older cursor, so paged meetings are not fetched again', () => {
    const state = run(loaded(cursor('m-8')), page(['m-9'], cursor('m-9')), loaded(cursor('m-8')));
    expect(state.history.before).toEqual(cursor('m-9'));
    expect(state.records.meeting['m-9']).toBeDefined();
  });

  it('a failed page keeps what is shown, stops loading and tells the person', () => {
    const state = run(loaded(cursor('m-8')), { type: 'historyLoading' }, { type: 'historyFailed', message: 'offline' });
    expect(state.history).toMatchObject({ loading: false, before: cursor('m-8') });
    expect(state.notices.map((n) => n.text)).toEqual(['offline']);
  });

  it('meetings the catch-up brings from before the cursor count as loaded: nothing is offered twice', () => {
    const past = (id: string): Meeting => ({ ...meeting(id), status: 'ended' });
    // The load carries two of four past meetings; the reconnect's catch-up brings the other two.
    const start = run({
      type: 'loaded',
      state: panelState({
        meetings: [meeting(MEETING), past('m-1'), past('m-2')],
        history: { pastMeetings: 4, before: cursor('m-2') },
      }),
    });
    expect(selectEarlierMeetingsLeft(start)).toBe(2);
    const caughtUp = seriesReducer(start, { type: 'recordsReceived', records: [past('m-3'), past('m-4')], clock: 5 });
    expect(selectEarlierMeetingsLeft(caughtUp)).toBe(0);
  });

  it('the current meeting ending adds one past meeting, a replay of that event none', () => {
    const start = run({
      type: 'loaded',
      state: panelState({
        meetings: [{ ...meeting(MEETING), status: 'live' }],
        history: { pastMeetings: 3, before: cursor('m-0') },
      }),
    });
    const ended = { ...meeting(MEETING), status: 'ended' as const, version: 2 };
    const once = seriesReducer(start, { type: 'recordsReceived', records: [ended] });
    expect(once.history.pastMeetings).toBe(4);
    expect(seriesReducer(once, { type: 'recordsReceived', records: [ended] }).history.pastMeetings).toBe(4);
    // Three older meetings are still to page in: the one that just ended is not one of them.
    expect(selectEarlierMeetingsLeft(once)).toBe(3);
  });
});
