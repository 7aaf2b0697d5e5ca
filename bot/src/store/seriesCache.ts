import type { Meeting, SharedRecord, Topic } from '../../../domain/entities.js';
import type { Stored } from './recordStore.js';

/**
 * This instance's copy of the 1:1s it serves: each series record, its
 * meetings, the topics of the agendas a panel has loaded and the action items
 * with the ETags Cosmos gave them, so an edit waits for one Cosmos request —
 * its ETag-guarded write — instead of reading the series, the record and the
 * meeting first.
 *
 * A copy, never an authority: it can only make a request faster.
 * - An entry is replaced only by a newer version of its record, and two
 *   different ETags for one version drop the entry. Every read and write of
 *   the records container passes through it (RecordRepository); other
 *   instances' writes arrive as change events (realtime/cacheBus.ts), and a
 *   lost or stalled connection to them clears it all.
 * - A write carries the cached ETag, so a stale entry costs a 412, a fresh
 *   read and a retry, never a lost change.
 * - Every decision that grants or places on a cached series or meeting
 *   (membership, "the meeting is still open") is checked against the stored
 *   version read in the same transactional batch as the write
 *   (RecordRepository.createChecked / replaceChecked), or read fresh; every
 *   refusal or "nothing to change" decided on a cached record is checked
 *   against a fresh read first (see `fromCache`). So no entry needs a trust
 *   window: a missed event (a lost Redis message, a writer of an older
 *   release that sends none, an entry dropped from the LRU) costs a request,
 *   never a wrong answer.
 *
 * Private notes are never held here (they live in their own container).
 */

export interface SeriesCacheOptions {
  /** Series held at most; the least recently used are dropped first. */
  maxSeries?: number;
}

interface Entry {
  records: Map<string, Stored<SharedRecord>>;
  /** Meetings whose every topic is in `records`. */
  completeAgendas: Set<string>;
  /** Every meeting of the series is in `records`. */
  meetingsComplete: boolean;
}

/** Learns of each record stored through this cache from Cosmos (this instance's reads and writes). */
export type WriteListener = (stored: Stored<SharedRecord>) => void;

const DEFAULT_MAX_SERIES = 5_000;

export class SeriesCache {
  private readonly entries = new Map<string, Entry>();
  private readonly handedOut = new WeakSet<object>();
  private readonly writeListeners: WriteListener[] = [];
  private readonly maxSeries: number;

  constructor(options: SeriesCacheOptions = {}) {
    this.maxSeries = options.maxSeries ?? DEFAULT_MAX_SERIES;
  }

  /** The cached record, if held: a candidate whose version the request checks (see the class comment). */
  get(seriesId: string, id: string): Stored<SharedRecord> | undefined {
    const entry = this.entries.get(seriesId);
    const stored = entry?.records.get(id);
    if (!entry || !stored) return undefined;
    this.touch(seriesId, entry);
    this.handedOut.add(stored);
    return stored;
  }

  /** The cached record, without marking it handed out: only for a guess checked in the same request (the panel load's window). */
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
  put(stored: Stored<SharedRecord>): void {
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
    entry.records.set(record.id, { record, etag: stored.etag });
  }

  /** A record this instance just wrote: held, and passed to the write listeners (the other instances). */
  written(stored: Stored<SharedRecord>): void {
    this.put(stored);
    for (const listener of this.writeListeners) listener(stored);
  }

  forget(seriesId: string, id: string): void {
    const entry = this.entries.get(seriesId);
    if (!entry) return;
    const held = entry.records.get(id);
    entry.records.delete(id);
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

  /** Every meeting of the series, when all are held: only for a guess checked in the same request (the panel load). */
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

  onWrite(listener: WriteListener): void {
    this.writeListeners.push(listener);
  }

  private entry(seriesId: string): Entry {
    let entry = this.entries.get(seriesId);
    if (!entry) {
      entry = {
        records: new Map(),
        completeAgendas: new Set(),
        meetingsComplete: false,
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
