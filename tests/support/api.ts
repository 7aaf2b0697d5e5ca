import { io, type Socket } from 'socket.io-client';
import { EVENTS, PROTOCOL_VERSION, type JoinAck, type Presence, type RecordsChanged } from '../../domain/realtime.js';

export interface ApiResponse {
  status: number;
  body: unknown;
  /** The `Retry-After` header, when the answer has one (503, 429). */
  retryAfter?: string;
}

/** A tiny REST client speaking to the real service over HTTP; `acceptLanguage` as the tab sends its locale. */
export function apiClient(baseUrl: string, token?: string, options: { acceptLanguage?: string } = {}) {
  async function call(method: string, path: string, body?: unknown): Promise<ApiResponse> {
    const response = await fetch(`${baseUrl}/api${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(options.acceptLanguage ? { 'accept-language': options.acceptLanguage } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: keep the text so the assertion shows it.
    }
    const retryAfter = response.headers.get('retry-after');
    return { status: response.status, body: parsed, ...(retryAfter === null ? {} : { retryAfter }) };
  }
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body?: unknown) => call('POST', path, body ?? {}),
    patch: (path: string, body: unknown) => call('PATCH', path, body),
    put: (path: string, body: unknown) => call('PUT', path, body),
    delete: (path: string) => call('DELETE', path),
  };
}

export const seriesPath = (seriesId: string) => `/series/${encodeURIComponent(seriesId)}`;

/** A Socket.IO client joined to a series' room, recording everything it receives. */
export async function connectPanel(baseUrl: string, token: string, seriesId: string) {
  const socket: Socket = io(baseUrl, {
    auth: { token, protocol: PROTOCOL_VERSION },
    transports: ['websocket'],
    reconnection: false,
  });
  const changes: RecordsChanged[] = [];
  const presence: Presence[] = [];
  socket.on(EVENTS.changed, (message: RecordsChanged) => changes.push(message));
  socket.on(EVENTS.presence, (message: Presence) => presence.push(message));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
  const ack = (await socket.timeout(5000).emitWithAck(EVENTS.join, { seriesId })) as JoinAck;
  if (!ack.ok) {
    socket.close();
    throw new Error(`join refused: ${ack.error.message}`);
  }
  return {
    socket,
    changes,
    presence,
    /** Every record received so far, flattened. */
    records: () => changes.flatMap((c) => c.records),
    close: () => socket.close(),
  };
}

/** Polls until `check` returns a truthy value (events arrive asynchronously); fails with `what` after 5 s. */
export async function eventually<T>(check: () => T | undefined | false, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
