import type { Server } from 'socket.io';
import { z } from 'zod/v4';
import { SharedRecord } from '../../../domain/entities.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/index.js';
import { unknownFields } from '../store/recordStore.js';

/** The Socket.IO server-side event that carries one stored record to the other instances. */
export const CACHE_EVENT = 'one-on-one:stored';
/** Tells the other instances that this one's events since `sinceMs` may be lost: they start their caches afresh. */
export const CACHE_RECOVERED = 'one-on-one:recovered';

/** What an instance tells the others of each record it stored: the record as Cosmos answered it, and its ETag. */
const StoredEvent = z.object({ record: SharedRecord, etag: z.string().min(1) });
/**
 * The part of a cache event every release understands: which record, and
 * which stored version. A record this release cannot parse (a newer
 * release's field value or record type) is still recognised by it.
 */
const StoredEnvelope = z.object({
  record: z.looseObject({ id: z.string().min(1), seriesId: z.string().min(1) }),
  etag: z.string().min(1),
});
const Recovered = z.object({ sinceMs: z.number() });

export interface CacheBus {
  /**
   * The connection to the other instances was lost or stalled from
   * `lostSinceMs` and is back: their events (and this one's to them) may be
   * lost, so this instance and the others start their caches afresh.
   */
  recovered(lostSinceMs: number): void;
}

/**
 * Keeps the series caches of several instances (store/seriesCache.ts) in step
 * through the Socket.IO adapter that already carries the panels' events
 * between them (Redis): each record an instance stores goes to the others as
 * a server-side event, and each instance takes it into its cache when it is
 * newer than the one it holds. Shared records only; private notes never pass.
 *
 * An accelerator only: a lost event costs the receiving instance a 412 and a
 * fresh read, never a wrong answer, because every decision that grants or
 * places is checked against the stored version in the write's own batch
 * (RecordRepository's checked writes). A record this release cannot parse
 * (written by a newer one during a rolling deploy) is not ignored: the copy
 * held of it is dropped, so the next request reads it from Cosmos; fields a
 * newer release added are kept for the next write of that version.
 */
export function attachCacheBus(
  io: Server,
  store: Pick<Store, 'cache' | 'records'>,
  deps: { logger: Logger },
): CacheBus {
  const { cache, records } = store;
  const { logger } = deps;

  cache.onWrite((stored) => io.serverSideEmit(CACHE_EVENT, { record: stored.record, etag: stored.etag }));
  io.on(CACHE_EVENT, (payload: unknown) => {
    const parsed = StoredEvent.safeParse(payload);
    if (parsed.success) {
      records.keepUnknownFields(
        parsed.data.etag,
        unknownFields((payload as { record: unknown }).record, parsed.data.record),
      );
      cache.put(parsed.data);
      return;
    }
    const envelope = StoredEnvelope.safeParse(payload);
    if (envelope.success) {
      const { seriesId, id } = envelope.data.record;
      cache.forget(seriesId, id);
      logger.warn({ seriesId, id }, 'a cache event this release cannot read (a newer release?): the copy is dropped');
      return;
    }
    logger.warn({ issues: parsed.error.issues.length }, 'ignored a malformed cache event');
  });
  io.on(CACHE_RECOVERED, (payload: unknown) => {
    const parsed = Recovered.safeParse(payload);
    if (!parsed.success) return;
    logger.info({}, 'another instance lost events: this cache starts afresh');
    cache.clear();
  });

  return {
    recovered(lostSinceMs) {
      cache.clear();
      io.serverSideEmit(CACHE_RECOVERED, { sinceMs: lostSinceMs });
    },
  };
}
