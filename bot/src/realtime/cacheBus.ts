import type { Server } from 'socket.io';
import { z } from 'zod/v4';
import { SharedRecord, type Meeting } from '../../../domain/entities.js';
import { isClosed } from '../../../domain/meetingLifecycle.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/index.js';

/** The Socket.IO server-side event that carries one stored record to the other instances. */
export const CACHE_EVENT = 'one-on-one:stored';

/** What an instance tells the others of each record it stored: the record as Cosmos answered it, and its ETag. */
const StoredEvent = z.object({ record: SharedRecord, etag: z.string().min(1) });

/** A topic write this long before a connection was lost may have raced a close whose event was lost. */
const RECOVERY_MARGIN_MS = 60_000;

export interface CacheBus {
  /**
   * The connection to the other instances was lost from `lostSinceMs` and is
   * back: their events may be lost, so the cache starts afresh, and every
   * meeting this instance wrote a topic of meanwhile is checked for a close
   * the topic may have missed.
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
 * A close made by another instance may have copied a meeting's topics on just
 * before a topic write made here landed; when such a close arrives and this
 * instance wrote a topic of that meeting lately, the close is rolled forward
 * again (finishClose is idempotent), so the write reaches the next agenda as
 * it does when both happen on one instance.
 */
export function attachCacheBus(
  io: Server,
  store: Pick<Store, 'cache' | 'records'>,
  deps: { rollForward(seriesId: string, closed: Meeting): Promise<unknown>; logger: Logger },
): CacheBus {
  const { cache } = store;
  const { logger } = deps;
  const rollForward = (seriesId: string, meeting: Meeting) => {
    if (!meeting.nextMeeting) return;
    deps
      .rollForward(seriesId, meeting)
      .catch((error: unknown) => logger.warn({ err: error, seriesId, meetingId: meeting.id }, 'roll-forward failed'));
  };

  cache.onWrite((stored) => io.serverSideEmit(CACHE_EVENT, { record: stored.record, etag: stored.etag }));
  io.on(CACHE_EVENT, (payload: unknown) => {
    const parsed = StoredEvent.safeParse(payload);
    if (!parsed.success) {
      logger.warn({ issues: parsed.error.issues.length }, 'ignored a malformed cache event');
      return;
    }
    cache.put(parsed.data, 'event');
  });
  cache.onRacedClose(rollForward);

  return {
    recovered(lostSinceMs) {
      const written = cache.topicWritesSince(lostSinceMs - RECOVERY_MARGIN_MS);
      cache.clear();
      for (const { seriesId, meetingId } of written) {
        store.records
          .read(seriesId, meetingId)
          .then((stored) => {
            const meeting = stored?.record;
            if (meeting?.type === 'meeting' && isClosed(meeting)) rollForward(seriesId, meeting);
          })
          .catch((error: unknown) => logger.warn({ err: error, seriesId, meetingId }, 'close check failed'));
      }
    },
  };
}
