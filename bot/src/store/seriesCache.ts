import type { Meeting, SharedRecord, Topic } from '../../../domain/entities.js';
import type { Stored } from './recordStore.js';

/**
 * This instance's copy of the 1:1s it serves: each series record, its
 * meetings, the topics of the agendas a panel has loaded and the action items
 * with the ETags Cosmos gave them, so an edit waits for one Cosmos request —
 * its ETag-guarded write — instead of reading the series, the record and the
 * meeting first.
 *
 * How it stays exact:
 * - every read and write of the records container passes through it
 *   (RecordRepository), so this instance's own changes are in it as soon as
 *   Cosmos answered them;
 * - other instances' writes arrive as change events (realtime/cacheBus.ts,
 *   over the Redis adapter); a lost connection clears it all;
 * - an entry is replaced only by a newer version of its record, and two
 *   different ETags for one version drop the entry;
 * - what it cannot prove, Cosmos checks: a write carries the cached ETag, so
 *   a stale entry costs a 412, a fresh read and a retry, never a lost change.
 *   Every refusal or "nothing to change" decided on a cached record is checked
 *   against a fresh read first (see `fromCache`).
 * - the series (membership, current meeting) and meetings are trusted for
 *   `ttlMs` after Cosmos or an event last confirmed them: a backstop for a
 *   writer that publishes no events (an instance of an older release during a
 *   rolling deploy).
 *
 * Private notes are never held here (they live in their own container).
 */

export interface SeriesCacheOptions {
  /** Series held at most; the least recently used are dropped first. */
  maxSeries?: number;
  /** How long a series or meeting record is trusted without a fresh confirmation. */
  ttlMs?: number;
  now?: () => number;
}

interface Entry {
  records: Map<string, Stored<SharedRecord>>;
  /** When each record was last confirmed by Cosmos (a read or write answer) or an event. */
  seenAt: Map<string, number>;
  /** Meetings whose every topic is in `records`. */
  completeAgendas: Set<string>;
  /** Every meeting of the series is in `records`. */
  meetingsComplete: boolean;
  /** Meetings this instance wrote a topic of, and when (see `recentTopicWrite`). */
  topicWrites: Map<string, number>;
}

export type CacheSource = 'cosmos' | 'event';

/** Learns of each record stored through this cache from Cosmos (this instance's reads and writes). */
export type WriteListener = (stored: Stored<SharedRecord>) => void;
/** Told when an event shows a meeting closed that this instance wrote topics of lately. */
export type CloseListener = (seriesId: string, meeting: Meeting) => void;

const DEFAULT_MAX_SERIES = 5_000;
const DEFAULT_TTL_MS = 60_000;
/** A topic write this recent may have raced a close made elsewhere (see recentTopicWrite). */
const RACE_WINDOW_MS = 60_000;

export class SeriesCache {
  private readonly entries = new Map<string, Entry>();
  private readonly handedOut = new WeakSet<object>();
  private readonly writeListeners: WriteListener[] = [];
  private readonly closeListeners: CloseListener[] = [];
  private readonly maxSeries: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: SeriesCacheOptions = {}) {
    this.maxSeries = options.maxSeries ?? DEFAULT_MAX_SERIES;
    this.ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    this.now = options.now ?? Date.now;
  }

  /** The cached record, if held and (for a series or meeting) confirmed within the TTL. */
  get(seriesId: string, id: string): Stored<SharedRecord> | undefined {
    const entry = this.entries.get(seriesId);
    const stored = entry?.records.get(id);
    if (!entry || !stored) return undefined;
    if (this.expires(stored.record) && this.now() - (entry.seenAt.get(id) ?? 0) > this.ttlMs) return undefined;
    this.touch(seriesId, entry);
    this.handedOut.add(stored);
    return stored;
  }

  /**
   * The cached record whatever its age: only for a guess that is checked
   * against Cosmos in the same request (the panel load's window).
   */
  peek(seriesId: string, id: string): Stored<SharedRecord> | undefined {
    return this.entries.get(seriesId)?.records.get(id);
  }

  /** Whether this object came from the cache (so a decision on it must be confirmed by a fresh read). */
  fromCache(stored: object | undefined): boolean {
    return stored !== undefined && this.handedOut.has(stored);
  }

  /**
   * Takes a record as Cosmos answered it (this instance) or as an event
   * carried it (another instance): kept when newer than the one held.
   */
  put(stored: Stored<SharedRecord>, source: CacheSource = 'cosmos'): void {
    const { record } = stored;
    // Notes are not on an edit's path, and can be long: not held (private notes never reach here).
    if (record.type === 'sharedNote' || record.type === ('privateNote' as string)) return;
    const entry = this.entry(record.seriesId);
    const held = entry.records.get(record.id);
    if (held && held.record.version > record.version) return;
    if (held && held.record.version === record.version && held.etag !== stored.etag) {
      // Two different stored states with one version: which is newer is unknown, so neither is kept.
      this.forget(record.seriesId, record.id);
      return;
    }
    const wasOpenMeeting = held?.record.type === 'meeting' && !isClosedMeeting(held.record);
    entry.records.set(record.id, { record, etag: stored.etag });
    entry.seenAt.set(record.id, this.now());
    if (source === 'event' && record.type === 'meeting' && isClosedMeeting(record) && (wasOpenMeeting || !held)) {
      if (this.recentTopicWrite(record.seriesId, record.id)) {
        for (const listener of this.closeListeners) listener(record.seriesId, record);
      }
    }
  }

  /** A record this instance just wrote: held, and passed to the write listeners (the other instances). */
  written(stored: Stored<SharedRecord>): void {
    this.put(stored, 'cosmos');
    for (const listener of this.writeListeners) listener(stored);
  }

  forget(seriesId: string, id: string): void {
    const entry = this.entries.get(seriesId);
    if (!entry) return;
    const held = entry.records.get(id);
    entry.records.delete(id);
    entry.seenAt.delete(id);
    if (held?.record.type === 'topic') entry.completeAgendas.delete(held.record.meetingId);
    if (held?.record.type === 'meeting') entry.meetingsComplete = false;
  }

  /** Drops everything (a lost connection to the other instances: their events may be lost). */
  clear(): void {
    this.entries.clear();
  }

  /** The topics of a meeting with their ETags, when every one of them is held. */
  agenda(seriesId: string, meetingId: string): Stored<Topic>[] | undefined {
    const entry = this.entries.get(seriesId);
    if (!entry?.completeAgendas.has(meetingId)) return undefined;
    const topics: Stored<Topic>[] = [];
    for (const stored of entry.records.values()) {
      if (stored.record.type === 'topic' && stored.record.meetingId === meetingId) {
        this.handedOut.add(stored);
        topics.push(stored as Stored<Topic>);
      }
    }
    return topics;
  }

  /** Holds every topic of a meeting (a query's answer), so the agenda can be read from here. */
  completeAgenda(seriesId: string, meetingId: string, topics: readonly Stored<SharedRecord>[]): void {
    for (const stored of topics) this.put(stored);
    this.entry(seriesId).completeAgendas.add(meetingId);
  }

  /**
   * Every meeting of the series, when all are held, whatever their age: only
   * for a guess checked against Cosmos in the same request (the panel load).
   */
  meetings(seriesId: string): Meeting[] | undefined {
    const entry = this.entries.get(seriesId);
    if (!entry?.meetingsComplete) return undefined;
    const meetings: Meeting[] = [];
    for (const stored of entry.records.values()) if (stored.record.type === 'meeting') meetings.push(stored.record);
    return meetings;
  }

  /** Holds every meeting of a series (a query's answer). */
  completeMeetings(seriesId: string, meetings: readonly Stored<SharedRecord>[]): void {
    for (const stored of meetings) this.put(stored);
    this.entry(seriesId).meetingsComplete = true;
  }

  /** This instance wrote a topic of this meeting (checked against closes seen afterwards). */
  noteTopicWrite(seriesId: string, meetingId: string): void {
    this.entry(seriesId).topicWrites.set(meetingId, this.now());
  }

  /**
   * Whether this instance wrote a topic of the meeting lately: such a write may
   * have landed after another instance closed the meeting and copied its
   * topics on, so the close must be rolled forward again (closeListeners).
   */
  recentTopicWrite(seriesId: string, meetingId: string): boolean {
    const at = this.entries.get(seriesId)?.topicWrites.get(meetingId);
    return at !== undefined && this.now() - at <= RACE_WINDOW_MS;
  }

  /** Meetings this instance wrote topics of since `sinceMs` (wall time), per series. */
  topicWritesSince(sinceMs: number): { seriesId: string; meetingId: string }[] {
    const found: { seriesId: string; meetingId: string }[] = [];
    for (const [seriesId, entry] of this.entries) {
      for (const [meetingId, at] of entry.topicWrites) if (at >= sinceMs) found.push({ seriesId, meetingId });
    }
    return found;
  }

  onWrite(listener: WriteListener): void {
    this.writeListeners.push(listener);
  }

  onRacedClose(listener: CloseListener): void {
    this.closeListeners.push(listener);
  }

  private expires(record: SharedRecord): boolean {
    return record.type === 'series' || record.type === 'meeting';
  }

  private entry(seriesId: string): Entry {
    let entry = this.entries.get(seriesId);
    if (!entry) {
      entry = {
        records: new Map(),
        seenAt: new Map(),
        completeAgendas: new Set(),
        meetingsComplete: false,
        topicWrites: new Map(),
      };
      this.entries.set(seriesId, entry);
      if (this.entries.size > this.maxSeries) {
        const oldest = this.entries.keys().next().value;
        if (oldest !== undefined) this.entries.delete(oldest);
      }
    } else {
      this.touch(seriesId, entry);
    }
    return entry;
  }

  private touch(seriesId: string, entry: Entry): void {
    // A Map keeps insertion order: re-inserting makes this the most recently used.
    this.entries.delete(seriesId);
    this.entries.set(seriesId, entry);
  }
}

function isClosedMeeting(meeting: Meeting): boolean {
  return meeting.status === 'ended' || meeting.status === 'skipped' || meeting.status === 'cancelled';
}
