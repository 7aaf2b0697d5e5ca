import type { io as createSocket, Socket } from 'socket.io-client';
import {
  EVENTS,
  JoinAck,
  PROTOCOL_OUTDATED,
  PROTOCOL_VERSION,
  Presence,
  RecordsChanged,
  Resync,
} from '../../../domain/realtime.js';
import type { Translate } from '../i18n/useT.js';
import { requestLanguage, type TokenSource } from './http.js';

export type LiveStatus = 'connecting' | 'live' | 'offline';

export interface RealtimeHandlers {
  onChanged(event: RecordsChanged): void;
  onPresence(event: Presence): void;
  /** After every successful join (the first one and each reconnect): catch up on what was missed meanwhile. */
  onJoined(): void;
  /** The service says events may have been lost since series clock `since`: catch up from there. */
  onResync(since: number): void;
  /** The service speaks a newer protocol; the panel must be reloaded (no more retries). */
  onOutdated(message: string): void;
  onStatus(status: LiveStatus, message?: string): void;
}

const JOIN_TIMEOUT_MS = 10_000;
const FIRST_RETRY_MS = 2_000;
const MAX_RETRY_MS = 60_000;

/**
 * The live channel of one series. Socket.IO reconnects by itself; each new
 * connection asks for a fresh token (Teams tokens expire) and rejoins the
 * series' room. Returns a function that closes the channel.
 */
export function connectRealtime(
  seriesId: string,
  getToken: TokenSource,
  handlers: RealtimeHandlers,
  t: Translate,
): () => void {
  // Socket.IO's client loads after the first paint (the panel shows its REST state first): it
  // keeps the side panel's initial script within its budget (tests/e2e/bundleSize.test.ts).
  let closed = false;
  let close: (() => void) | undefined;
  import('socket.io-client').then(
    ({ io }) => {
      if (!closed) close = openChannel(io, seriesId, getToken, handlers, t);
    },
    () => handlers.onStatus('offline', t('panel.live.couldNotLoad')),
  );
  return () => {
    closed = true;
    close?.();
  };
}

function openChannel(
  io: typeof createSocket,
  seriesId: string,
  getToken: TokenSource,
  handlers: RealtimeHandlers,
  t: Translate,
): () => void {
  const socket: Socket = io({
    auth: (deliver) => {
      // The locale lets the service word a refusal in the panel's language.
      const locale = requestLanguage();
      const shown = locale ? { locale } : {};
      getToken().then(
        (token) => deliver({ token, protocol: PROTOCOL_VERSION, ...shown }),
        () => deliver({ protocol: PROTOCOL_VERSION, ...shown }),
      );
    },
  });

  // A refused handshake (say, an expired Teams token) stops Socket.IO's own retries;
  // try again with a fresh token, backing off so a lasting refusal stays cheap.
  let retryDelay = FIRST_RETRY_MS;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const join = () => {
    socket.timeout(JOIN_TIMEOUT_MS).emit(EVENTS.join, { seriesId }, (timedOut: Error | null, raw: unknown) => {
      if (timedOut) return handlers.onStatus('offline', t('panel.live.joinTimedOut'));
      const ack = JoinAck.safeParse(raw);
      if (!ack.success) return handlers.onStatus('offline', t('panel.live.unavailable'));
      if (!ack.data.ok) {
        handlers.onStatus('offline', ack.data.error.message);
        // The service's storage was briefly unavailable: join again on the same connection.
        if (ack.data.error.code === 'unavailable' && socket.connected) joinTimer = setTimeout(join, FIRST_RETRY_MS);
        return;
      }
      handlers.onStatus('live');
      handlers.onJoined();
    });
  };
  let joinTimer: ReturnType<typeof setTimeout> | undefined;

  socket.on('connect', () => {
    retryDelay = FIRST_RETRY_MS;
    handlers.onStatus('connecting');
    clearTimeout(joinTimer);
    join();
  });
  socket.on('disconnect', (reason) => {
    handlers.onStatus('offline');
    // The server ends a socket when its token expires and does not reconnect it itself:
    // connect again, which asks for a fresh token (refused handshakes back off below).
    if (reason === 'io server disconnect') socket.connect();
  });
  socket.on('connect_error', (error: Error) => {
    const code = 'data' in error ? (error.data as { code?: unknown } | undefined)?.code : undefined;
    if (code === PROTOCOL_OUTDATED) {
      // Retrying cannot help: this copy of the panel is older than the service.
      socket.disconnect();
      handlers.onOutdated(error.message);
      return;
    }
    // The server's refusals carry `data` and a message for people; transport errors ("xhr poll error") do not.
    handlers.onStatus('offline', 'data' in error ? error.message : undefined);
    if (socket.active) return;
    retryTimer = setTimeout(() => socket.connect(), retryDelay);
    retryDelay = Math.min(retryDelay * 2, MAX_RETRY_MS);
  });

  socket.on(EVENTS.changed, (raw: unknown) => {
    const event = RecordsChanged.safeParse(raw);
    if (event.success && event.data.seriesId === seriesId) handlers.onChanged(event.data);
  });
  socket.on(EVENTS.resync, (raw: unknown) => {
    const event = Resync.safeParse(raw);
    if (event.success) handlers.onResync(event.data.since);
  });
  socket.on(EVENTS.presence, (raw: unknown) => {
    const event = Presence.safeParse(raw);
    if (event.success && event.data.seriesId === seriesId) handlers.onPresence(event.data);
  });

  return () => {
    clearTimeout(retryTimer);
    clearTimeout(joinTimer);
    socket.emit(EVENTS.leave, { seriesId });
    socket.disconnect();
  };
}
