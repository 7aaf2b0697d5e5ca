import type { Server as HttpServer } from 'node:http';
import { decodeJwt } from 'jose';
import { Server, type Socket } from 'socket.io';
import type { Series } from '../../../domain/entities.js';
import { isActiveMember } from '../../../domain/membership.js';
import { DomainError, RateLimited, Unauthenticated } from '../../../domain/errors.js';
import {
  EVENTS,
  JoinRequest,
  PROTOCOL_OUTDATED,
  PROTOCOL_VERSION,
  type ChangedRecord,
  type JoinAck,
  type Presence,
  type RecordsChanged,
  type Resync,
} from '../../../domain/realtime.js';
import { CLOCK_TICKS_PER_MS, highestClock } from '../../../domain/seriesClock.js';
import { requireMember } from '../commands/access.js';
import type { CommandContext, Publisher } from '../commands/context.js';
import { handshakeAddress } from '../http/clientAddress.js';
import { callerKey, type RateLimiter, type TakeResult } from '../http/rateLimit.js';
import type { Caller, TokenVerifier } from '../identity/index.js';
import { errorMessage } from '../i18n/errorWords.js';
import { translatorFor, type Translator } from '../i18n/translator.js';
import type { Logger } from '../logger.js';
import { visibleTo } from '../presenters/visibility.js';
import { asStorageUnavailable } from '../store/errors.js';
import { memberRoom, seriesRoom } from './rooms.js';

interface SocketData {
  caller: Caller;
  /** Milliseconds since the epoch when the handshake's token expires. */
  expiresAt?: number;
}
type PanelSocket = Socket<Record<string, never>, Record<string, never>, Record<string, never>, SocketData>;

export interface Realtime {
  io: Server;
  publisher: Publisher;
  /**
   * Tells every panel — on this instance and, through the adapter, on the others —
   * that events published since `lostSinceMs` (wall time) may have been lost.
   */
  resync(reason: string, lostSinceMs: number): void;
  close(): Promise<void>;
}

/**
 * One Socket.IO room per series. Joining requires a verified token (on the
 * handshake) and membership (on join), exactly like the REST API. The
 * adapter (in-memory, or Redis when scaled out) carries events across
 * instances, so nothing here keeps per-instance state.
 */
export function createRealtime(
  httpServer: HttpServer,
  deps: { verifier: TokenVerifier; ctx: () => CommandContext; logger: Logger; rateLimiter: () => RateLimiter },
): Realtime {
  const io = new Server(httpServer, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
  const { logger } = deps;
  const rateLimiter = {
    take: (key: string) => deps.rateLimiter().take(key),
    peek: (key: string) => deps.rateLimiter().peek(key),
  };

  // The same budgets as the REST API: failed handshakes per address (checked before any
  // token work), then every handshake and event of a signed-in person per person.
  io.use((socket, next) => {
    const t = readerOf(socket as PanelSocket);
    handshake(socket as PanelSocket).then(
      () => {
        // Checked after sign-in, so only signed-in panels learn the protocol; an old tab is told to reload.
        if (socket.handshake.auth?.protocol !== PROTOCOL_VERSION) {
          next(
            Object.assign(new Error(t.t('bot.socket.outdated')), {
              data: { code: PROTOCOL_OUTDATED, protocol: PROTOCOL_VERSION },
            }),
          );
          return;
        }
        next();
      },
      (error: unknown) => {
        const known = error instanceof DomainError;
        if (!known) logger.error({ err: error }, 'socket authentication failed');
        const message = known ? errorMessage(t, error) : t.t('bot.socket.signInUnchecked');
        next(Object.assign(new Error(message), { data: { code: known ? error.code : 'internal' } }));
      },
    );
  });

  async function handshake(socket: PanelSocket): Promise<void> {
    const address = `ip:${handshakeAddress(socket.handshake)}`;
    await spend(rateLimiter.peek(address));
    const token: unknown = socket.handshake.auth?.token;
    let caller: Caller;
    let expiresAt: number | undefined;
    try {
      if (typeof token !== 'string' || token === '') throw new Unauthenticated('Sign-in is required: pass auth.token.');
      caller = await deps.verifier.verify(token);
      const exp = decodeJwt(token).exp;
      expiresAt = typeof exp === 'number' ? exp * 1000 : undefined;
      // The verifier allows clock skew; a socket would be dropped at once, so refuse it here.
      if (expiresAt !== undefined && expiresAt <= Date.now())
        throw new Unauthenticated('Your sign-in has expired. Sign in again.');
    } catch (error) {
      if (error instanceof Unauthenticated) await rateLimiter.take(address);
      throw error;
    }
    await spend(rateLimiter.take(callerKey(caller)));
    socket.data.caller = caller;
    if (expiresAt !== undefined) socket.data.expiresAt = expiresAt;
  }

  async function broadcastPresence(seriesId: string): Promise<void> {
    const sockets = await io.in(seriesRoom(seriesId)).fetchSockets();
    const online = [...new Set(sockets.map((s) => (s.data as SocketData).caller.userId))].sort();
    const presence: Presence = { v: PROTOCOL_VERSION, seriesId, online };
    io.to(seriesRoom(seriesId)).emit(EVENTS.presence, presence);
  }

  function firePresence(seriesId: string): void {
    broadcastPresence(seriesId).catch((error: unknown) => logger.warn({ err: error, seriesId }, 'presence failed'));
  }

  io.on('connection', (raw) => {
    const socket = raw as PanelSocket;
    const joined = new Set<string>();
    const expiry = endAtExpiry(socket);

    socket.use(([, ...args], next) => {
      rateLimiter.take(callerKey(socket.data.caller)).then((result) => {
        if (result.ok) return next();
        const ack = args.at(-1);
        if (typeof ack === 'function')
          (ack as (a: JoinAck) => void)({
            ok: false,
            error: rateLimitedError(result.retryAfterSeconds, readerOf(socket)),
          });
      }, next);
    });

    socket.on(EVENTS.join, async (payload: unknown, ack: unknown) => {
      const reply = (answer: JoinAck) => {
        if (typeof ack === 'function') (ack as (a: JoinAck) => void)(answer);
      };
      const parsed = JoinRequest.safeParse(payload);
      if (!parsed.success) {
        reply({ ok: false, error: { code: 'invalid', message: readerOf(socket).t('bot.socket.joinInvalid') } });
        return;
      }
      const { seriesId } = parsed.data;
      try {
        await requireMember(deps.ctx(), socket.data.caller, seriesId);
        await socket.join([seriesRoom(seriesId), memberRoom(seriesId, socket.data.caller.userId)]);
        joined.add(seriesId);
        reply({ ok: true });
        firePresence(seriesId);
      } catch (error) {
        const known = error instanceof DomainError;
        const unavailable = asStorageUnavailable(error);
        if (!known && !unavailable) logger.error({ err: error }, 'join failed');
        const t = readerOf(socket);
        reply({
          ok: false,
          error: known
            ? { code: error.code, message: errorMessage(t, error) }
            : unavailable
              ? { code: 'unavailable', message: t.t('bot.socket.unavailable') }
              : { code: 'internal', message: t.t('bot.socket.joinFailed') },
        });
      }
    });

    socket.on(EVENTS.leave, async (payload: unknown) => {
      const parsed = JoinRequest.safeParse(payload);
      if (!parsed.success || !joined.has(parsed.data.seriesId)) return;
      const { seriesId } = parsed.data;
      joined.delete(seriesId);
      await socket.leave(seriesRoom(seriesId));
      await socket.leave(memberRoom(seriesId, socket.data.caller.userId));
      firePresence(seriesId);
    });

    socket.on('disconnect', () => {
      clearTimeout(expiry);
      for (const seriesId of joined) firePresence(seriesId);
    });
  });

  /**
   * A socket lives no longer than the token it was opened with: at expiry
   * the server disconnects it, and the panel reconnects with a fresh token
   * (tab/src/api/realtime.ts), which is checked like any handshake.
   */
  function endAtExpiry(socket: PanelSocket): ReturnType<typeof setTimeout> | undefined {
    const { expiresAt } = socket.data;
    if (expiresAt === undefined) return undefined;
    // setTimeout holds at most 2^31-1 ms (about 24 days); tokens live for hours.
    const delay = Math.min(Math.max(0, expiresAt - Date.now()), 2 ** 31 - 1);
    return setTimeout(() => socket.disconnect(true), delay);
  }

  /** A member removed from a series stops receiving its events at once. */
  async function evictNonMembers(series: Series): Promise<void> {
    const sockets = await io.in(seriesRoom(series.id)).fetchSockets();
    for (const socket of sockets) {
      const { caller } = socket.data as SocketData;
      if (isActiveMember(series, caller.userId) && caller.tenantId === series.tenantId) continue;
      socket.leave(seriesRoom(series.id));
      socket.leave(memberRoom(series.id, caller.userId));
    }
  }

  const publisher: Publisher = {
    publish(seriesId, records) {
      const shared = records.filter((r) => r.type !== 'privateNote');
      if (shared.length > 0) emit(seriesRoom(seriesId), seriesId, shared);
      if (shared.length < records.length) {
        deliverPrivate(seriesId, records).catch((error: unknown) =>
          logger.warn({ err: error, seriesId }, 'private delivery failed'),
        );
      }
      const series = shared.find((r): r is Series => r.type === 'series');
      if (series) evictNonMembers(series).catch((error: unknown) => logger.warn({ err: error }, 'evict failed'));
    },
  };

  /**
   * Private records go to each viewer connected to the series, as the
   * presenter allows that viewer: the viewer is the signed-in caller of a
   * connection, and its own member room is how the answer reaches it.
   */
  async function deliverPrivate(seriesId: string, records: readonly ChangedRecord[]): Promise<void> {
    const notes = records.filter((r) => r.type === 'privateNote');
    const sockets = await io.in(seriesRoom(seriesId)).fetchSockets();
    const viewers = new Set(sockets.map((s) => (s.data as SocketData).caller.userId));
    for (const viewerId of viewers) {
      const visible = visibleTo(viewerId, notes);
      if (visible.length > 0) emit(memberRoom(seriesId, viewerId), seriesId, visible);
    }
  }

  function emit(room: string, seriesId: string, records: ChangedRecord[]): void {
    const message: RecordsChanged = { v: PROTOCOL_VERSION, seriesId, records, clock: highestClock(records) };
    io.to(room).emit(EVENTS.changed, message);
  }

  return {
    io,
    publisher,
    resync(reason, lostSinceMs) {
      const message: Resync = { v: PROTOCOL_VERSION, reason, since: Math.floor(lostSinceMs) * CLOCK_TICKS_PER_MS };
      // The adapter delivers to this instance's sockets even when its publish to the others fails.
      io.emit(EVENTS.resync, message);
    },
    close: () => new Promise<void>((resolve) => void io.close(() => resolve())),
  };
}

async function spend(result: Promise<TakeResult>): Promise<void> {
  const answer = await result;
  if (!answer.ok) throw new RateLimited(rateLimitedError(answer.retryAfterSeconds, translatorFor('en')).message);
}

function rateLimitedError(retryAfterSeconds: number, t: Translator): { code: 'rate_limited'; message: string } {
  return { code: 'rate_limited', message: t.t('bot.socket.tooMany', { seconds: retryAfterSeconds }) };
}

/** The panel's language, as its handshake names it (the tab sends the locale it shows); else English. */
function readerOf(socket: PanelSocket): Translator {
  const locale: unknown = socket.handshake.auth?.locale;
  return translatorFor(typeof locale === 'string' ? locale : undefined);
}
