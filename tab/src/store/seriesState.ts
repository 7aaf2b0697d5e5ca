import type { HistoryCursor, HistoryPage, PanelState } from '../../../domain/api.js';
import type { AnyRecord, Member, RecordType, UserId } from '../../../domain/entities.js';
import type { ChangesResponse } from '../../../domain/realtime.js';
import { highestClock } from '../../../domain/seriesClock.js';
import type { LiveStatus } from '../api/realtime.js';

type RecordOf<T extends RecordType> = Extract<AnyRecord, { type: T }>;
export type RecordTable = { [T in RecordType]: Record<string, RecordOf<T>> };

export interface Notice {
  id: number;
  text: string;
}

/**
 * Everything one panel holds about its series. Records are kept by type and
 * id and replaced only by a higher `version`, whatever order they arrive in
 * (REST answers, socket events and reloads race each other).
 */
export interface SeriesState {
  status: 'loading' | 'ready' | 'failed';
  loadError?: string;
  viewer?: Member;
  seriesId: string;
  records: RecordTable;
  /**
   * The highest series clock among the records received from the server (0:
   * none yet). After a reconnect, a missed event or a resync notice the panel
   * asks for the changes since it (domain/seriesClock.ts).
   */
  clock: number;
  /** The service speaks a newer protocol: this panel must be reloaded. */
  outdated?: string;
  /** Optimistic copies shown until the server answers; the server's record replaces them. */
  pending: Record<string, AnyRecord>;
  online: UserId[];
  live: LiveStatus;
  liveMessage?: string;
  notices: Notice[];
  nextNoticeId: number;
  history: HistoryView;
}

/** The past the panel has not loaded yet: older meetings page in on demand. */
export interface HistoryView {
  /** Meetings held, skipped or cancelled, in all (from the last load). */
  pastMeetings: number;
  /** Where the next page starts; null when every past meeting is held. */
  before: HistoryCursor | null;
  /** A page was loaded: a reload keeps this (older) cursor, since the paged records stay. */
  paged: boolean;
  loading: boolean;
}

export type SeriesAction =
  | { type: 'loaded'; state: PanelState }
  | { type: 'loadFailed'; message: string }
  /**
   * Records from the server. `clock` comes with the live event stream and catch-up
   * answers, which are complete up to it; a REST answer to this panel's own write
   * has none, so it never moves the clock past changes this panel may have missed.
   */
  | { type: 'recordsReceived'; records: readonly AnyRecord[]; clock?: number }
  /**
   * The answer to a catch-up ("changes since" the clock held). A reset means
   * the clock is not to be kept — too old, or ahead of the series' own — so
   * it is dropped and the reload that follows (useSeries) sets it from what
   * it loads. A clock kept across that reload would be asked about again, and
   * reset again, after every reconnect.
   */
  | { type: 'caughtUp'; answer: ChangesResponse }
  | { type: 'outdated'; message: string }
  | { type: 'historyLoading' }
  | { type: 'historyPage'; page: HistoryPage }
  | { type: 'historyFailed'; message: string }
  | { type: 'optimistic'; record: AnyRecord }
  | { type: 'settled'; id: string }
  | { type: 'presence'; online: UserId[] }
  | { type: 'live'; status: LiveStatus; message?: string }
  | { type: 'notice'; text: string }
  | { type: 'dismissNotice'; id: number };

const MAX_NOTICES = 3;

export function initialSeriesState(seriesId: string): SeriesState {
  return {
    status: 'loading',
    seriesId,
    records: { series: {}, meeting: {}, topic: {}, actionItem: {}, sharedNote: {}, privateNote: {} },
    clock: 0,
    pending: {},
    online: [],
    live: 'connecting',
    notices: [],
    nextNoticeId: 1,
    history: { pastMeetings: 0, before: null, paged: false, loading: false },
  };
}

/** Applies each record only if it is newer than the one held. Returns the same table when nothing changed. */
export function mergeRecords(table: RecordTable, records: readonly AnyRecord[]): RecordTable {
  let next = table;
  for (const record of records) {
    const held = next[record.type][record.id];
    if (held && held.version >= record.version) continue;
    if (next === table) next = { ...table };
    next = { ...next, [record.type]: { ...next[record.type], [record.id]: record } };
  }
  return next;
}

/**
 * Whether these records show that events were missed: a record arrives more
 * than one version past the one held. (Series clocks are not consecutive, so
 * they cannot show a gap; versions of one record are.)
 */
export function missedChanges(table: RecordTable, records: readonly AnyRecord[]): boolean {
  return records.some((record) => {
    const held = table[record.type][record.id];
    return held !== undefined && record.version > held.version + 1;
  });
}

const PAST_STATUSES: ReadonlySet<string> = new Set(['ended', 'skipped', 'cancelled']);

/**
 * Meetings these records move into the past (the current one ended or was
 * skipped), so the count of past meetings stays exact between loads. A past
 * meeting the panel did not hold before is history arriving, not a new one.
 */
function newlyPast(table: RecordTable, records: readonly AnyRecord[]): number {
  return records.filter((record) => {
    if (record.type !== 'meeting' || !PAST_STATUSES.has(record.status)) return false;
    const held = table.meeting[record.id];
    return held !== undefined && !PAST_STATUSES.has(held.status);
  }).length;
}

export function seriesReducer(state: SeriesState, action: SeriesAction): SeriesState {
  switch (action.type) {
    case 'loaded': {
      const { viewer, series, meetings, topics, actionItems, sharedNotes, privateNotes } = action.state;
      const all: AnyRecord[] = [series, ...meetings, ...topics, ...actionItems, ...sharedNotes, ...privateNotes];
      return {
        ...state,
        status: 'ready',
        loadError: undefined,
        viewer,
        records: mergeRecords(
          state.records,
          all.filter((r) => r.seriesId === state.seriesId),
        ),
        clock: highestClock(all, state.clock),
        history: {
          ...state.history,
          pastMeetings: action.state.history.pastMeetings,
          before: state.history.paged ? state.history.before : action.state.history.before,
        },
      };
    }
    case 'historyLoading':
      return { ...state, history: { ...state.history, loading: true } };
    case 'historyPage': {
      const { meetings, topics, actionItems, sharedNotes, privateNotes, before } = action.page;
      const all: AnyRecord[] = [...meetings, ...topics, ...actionItems, ...sharedNotes, ...privateNotes];
      return {
        ...state,
        records: mergeRecords(
          state.records,
          all.filter((r) => r.seriesId === state.seriesId),
        ),
        history: { ...state.history, before, paged: true, loading: false },
      };
    }
    case 'historyFailed':
      return addNotice({ ...state, history: { ...state.history, loading: false } }, action.message);
    case 'loadFailed':
      // A failed reload keeps what is already shown; only a first load failure blanks the panel.
      return state.status === 'ready'
        ? addNotice(state, action.message)
        : { ...state, status: 'failed', loadError: action.message };
    case 'caughtUp':
      if (action.answer.reset) return state.clock === 0 ? state : { ...state, clock: 0 };
      return seriesReducer(state, {
        type: 'recordsReceived',
        records: action.answer.records,
        clock: action.answer.clock,
      });
    case 'recordsReceived': {
      const mine = action.records.filter((r) => r.seriesId === state.seriesId);
      const records = mergeRecords(state.records, mine);
      const clock = Math.max(state.clock, action.clock ?? 0);
      if (records === state.records && clock === state.clock) return state;
      const ended = newlyPast(state.records, mine);
      const history =
        ended > 0 ? { ...state.history, pastMeetings: state.history.pastMeetings + ended } : state.history;
      return { ...state, records, clock, history };
    }
    case 'outdated':
      return { ...state, outdated: action.message, live: 'offline', liveMessage: action.message };
    case 'optimistic':
      return { ...state, pending: { ...state.pending, [action.record.id]: action.record } };
    case 'settled': {
      if (!(action.id in state.pending)) return state;
      const { [action.id]: _settled, ...pending } = state.pending;
      return { ...state, pending };
    }
    case 'presence':
      return { ...state, online: action.online };
    case 'live':
      // Who is here is known only while live: a paused channel hears no one leave, so it
      // forgets who was here until the next join tells it again.
      return {
        ...state,
        live: action.status,
        liveMessage: action.message,
        online: action.status === 'live' ? state.online : [],
      };
    case 'notice':
      return addNotice(state, action.text);
    case 'dismissNotice':
      return { ...state, notices: state.notices.filter((n) => n.id !== action.id) };
  }
}

function addNotice(state: SeriesState, text: string): SeriesState {
  const notices = [...state.notices, { id: state.nextNoticeId, text }].slice(-MAX_NOTICES);
  return { ...state, notices, nextNoticeId: state.nextNoticeId + 1 };
}
