import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Server } from 'socket.io';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';

export interface ScaleOut {
  /** For the start-up banner: how events reach the members connected to other instances. */
  description: string;
  /** The connected Redis client (publisher side), for other shared state such as rate limits. */
  redis?: ReturnType<typeof createClient>;
  /**
   * Redis failed or was slow on a request's path (the rate limiter's fallback
   * decided): from now until Redis answers a PING again, events between the
   * instances may be late or lost, so once it does, panels and caches catch
   * up by clock (onRecovered), as after a reconnect.
   */
  suspect(): void;
  close(): Promise<void>;
}

/** Attempts to reach Redis at start-up before giving up, so a wrong REDIS_URL stops the service with a message. */
const START_ATTEMPTS = 5;

/**
 * How the members of one 1:1 connected to different instances see each
 * other's changes and presence. With REDIS_URL, Socket.IO's Redis adapter
 * carries every room broadcast and `fetchSockets()` across instances
 * (pub/sub: nothing is stored in Redis). Without it, the in-memory adapter:
 * one instance, no Redis needed. Azure Web PubSub for Socket.IO is the
 * managed alternative (docs/bench.md).
 */
export async function attachScaleOut(
  io: Server,
  config: Pick<Config, 'REDIS_URL' | 'REDIS_TIMEOUT_MS'>,
  logger: Logger,
  /**
   * Called when a Redis connection is back after it dropped: events published
   * since `lostSinceMs` may have missed the other instances (pub/sub keeps
   * nothing), so panels are told to catch up from then.
   */
  onRecovered: (reason: string, lostSinceMs: number) => void = () => {},
): Promise<ScaleOut> {
  if (!config.REDIS_URL) {
    return { description: 'single instance (in-memory Socket.IO adapter)', suspect: () => {}, close: async () => {} };
  }
  const where = redactedUrl(config.REDIS_URL);
  let connectedOnce = false;
  const pub = createClient({
    url: config.REDIS_URL,
    // A command sent while the connection is down fails at once instead of waiting, without a time
    // limit, in node-redis's offline queue: Redis is an accelerator, and a caller falls back at once.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 5_000,
      // Before the first connection a few tries only (fail fast on a wrong URL); after it, keep trying with back-off.
      reconnectStrategy: (retries: number) =>
        !connectedOnce && retries >= START_ATTEMPTS
          ? new Error(
              `Redis at ${where} is unreachable (REDIS_URL); start Redis or unset REDIS_URL to run one instance.`,
            )
          : Math.min(100 * 2 ** retries, 3_000),
    },
  });
  // The subscriber needs its own connection: a Redis connection in subscribe mode can do nothing else.
  const sub = pub.duplicate();
  for (const [role, client] of [
    ['publisher', pub],
    ['subscriber', sub],
  ] as const) {
    // When this connection was last known good: a broadcast in flight when it dropped was sent a moment before.
    let lostSince: number | undefined;
    const lost = () => (lostSince ??= Date.now());
    // Without a listener, a dropped connection would be an uncaught 'error' and end the process.
    client.on('error', (error: unknown) => {
      lost();
      logger.warn({ err: error, role }, 'redis connection error');
    });
    client.on('reconnecting', lost);
    // 'ready' comes after node-redis has re-sent its subscriptions, so a catch-up from here misses nothing.
    client.on('ready', () => {
      if (!connectedOnce || lostSince === undefined) return;
      const since = lostSince;
      lostSince = undefined;
      logger.info({ role }, 'redis connection restored; panels catch up');
      onRecovered(`redis ${role} reconnected`, since);
    });
  }
  catchPublishFailures(pub, logger);
  catchUnsubscribeFailures(sub);
  try {
    await Promise.all([pub.connect(), sub.connect()]);
  } catch (error) {
    await Promise.allSettled([pub.disconnect(), sub.disconnect()]);
    throw error;
  }
  connectedOnce = true;
  io.adapter(createAdapter(pub, sub, { key: 'one-on-one', requestsTimeout: 3_000 }));
  logger.info({ redis: where }, 'real time scaled out through Redis');

  // A stall (the connection stays up, Redis does not answer) raises no connection event: a probe
  // PINGs until Redis answers in time again, then panels and caches catch up from the stall's start.
  let stalledSince: number | undefined;
  let probe: ReturnType<typeof setTimeout> | undefined;
  let closing = false;
  const timeoutMs = config.REDIS_TIMEOUT_MS;
  const probeOnce = () => {
    probe = undefined;
    if (closing || stalledSince === undefined) return;
    const answered = pub.ping().then(
      () => true,
      () => false,
    );
    const timedOut = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
    void Promise.race([answered, timedOut]).then((ok) => {
      if (closing || stalledSince === undefined) return;
      if (!ok || !pub.isReady) {
        probe = setTimeout(probeOnce, Math.max(timeoutMs, 100));
        probe.unref();
        return;
      }
      const since = stalledSince;
      stalledSince = undefined;
      logger.info({}, 'redis answers again; panels catch up');
      onRecovered('redis answered again', since);
    });
  };

  return {
    description: `scaled out through Redis at ${where} (Socket.IO Redis adapter)`,
    redis: pub,
    suspect() {
      if (stalledSince !== undefined) return;
      // A broadcast sent up to one time limit earlier may be the one that stalled.
      stalledSince = Date.now() - timeoutMs;
      probe = setTimeout(probeOnce, Math.max(timeoutMs, 100));
      probe.unref();
    },
    async close() {
      closing = true;
      if (probe) clearTimeout(probe);
      // QUIT needs a ready connection (no offline queue); one that is reconnecting is dropped at once.
      await Promise.allSettled([pub, sub].map((client) => (client.isReady ? client.quit() : client.disconnect())));
    },
  };
}

/**
 * The Redis adapter calls `publish` without handling its promise (in 8.3, for
 * every broadcast and every cross-instance request), so a connection cut
 * while a broadcast is in flight rejects with nobody listening — an unhandled
 * rejection, which ends a Node process. The rejection is caught here, once,
 * and logged; the broadcast's local delivery already happened, and the other
 * instances' panels catch up when the connection is back (onRecovered).
 */
function catchPublishFailures(client: ReturnType<typeof createClient>, logger: Logger): void {
  const publish = client.publish.bind(client);
  const guarded: typeof publish = (...args) =>
    publish(...args).catch((error: unknown) => {
      logger.warn({ err: error }, 'redis publish failed; panels on other instances catch up on reconnect');
      return 0;
    });
  client.publish = guarded;
}

/**
 * The Redis adapter's close() unsubscribes without handling the promises
 * either; a subscriber that is reconnecting when the service stops rejects
 * them as it is dropped. Nothing is left to do for a closing subscription.
 */
function catchUnsubscribeFailures(client: ReturnType<typeof createClient>): void {
  const unsubscribe = client.unsubscribe.bind(client);
  const pUnsubscribe = client.pUnsubscribe.bind(client);
  client.unsubscribe = ((...args: Parameters<typeof unsubscribe>) =>
    unsubscribe(...args).catch(() => undefined)) as typeof unsubscribe;
  client.pUnsubscribe = ((...args: Parameters<typeof pUnsubscribe>) =>
    pUnsubscribe(...args).catch(() => undefined)) as typeof pUnsubscribe;
}

/** Never log a Redis password. */
function redactedUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(unparsable REDIS_URL)';
  }
}
