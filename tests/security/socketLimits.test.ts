import { afterAll, beforeAll, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import type { Member, Series } from '../../domain/entities.js';
import { EVENTS, JoinAck, PROTOCOL_VERSION } from '../../domain/realtime.js';
import { apiClient, seriesPath } from '../support/api.js';
import { startTestIdentityProvider, TEST_TENANT_ID, type TestIdentityProvider } from '../support/jwks.js';
import { seedSeries, startTestService, type TestService } from '../support/service.js';

/** Issue 12.5: sockets end with their token, and handshakes and socket events spend the same budgets as REST. */
const LIMIT = 8;

let idp: TestIdentityProvider;
let svc: TestService;
let series: Series;
let manager: Member;
let report: Member;

beforeAll(async () => {
  idp = await startTestIdentityProvider();
  svc = await startTestService({ env: { ...idp.env, DEV_MODE: 'false', RATE_LIMIT_PER_MINUTE: String(LIMIT) } });
  series = await seedSeries(svc.service, { tenantId: TEST_TENANT_ID });
  [manager, report] = series.members as [Member, Member];
});

afterAll(async () => {
  await svc?.stop();
  await idp?.close();
});

interface Handshake {
  ok: boolean;
  code?: unknown;
}

/**
 * Listened for from the moment a socket is opened: a handshake that completes while the
 * test awaits something else (signing the next token) must not be missed.
 */
const handshakes = new WeakMap<Socket, Promise<Handshake>>();
const disconnects = new WeakMap<Socket, Promise<string>>();

function open(token: string, address: string): Socket {
  const socket = io(svc.url, {
    auth: { token, protocol: PROTOCOL_VERSION },
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: { 'x-forwarded-for': address },
  });
  handshakes.set(
    socket,
    new Promise((resolve) => {
      socket.once('connect', () => resolve({ ok: true }));
      socket.once('connect_error', (error: Error & { data?: { code?: unknown } }) =>
        resolve({ ok: false, code: error.data?.code }),
      );
    }),
  );
  disconnects.set(socket, new Promise((resolve) => socket.once('disconnect', (reason) => resolve(reason))));
  return socket;
}

function connected(socket: Socket): Promise<Handshake> {
  return handshakes.get(socket)!;
}

/** How the server ended the socket, or a failure naming what did not happen by `deadline`. */
function disconnectedBy(socket: Socket, deadline: number, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const late = setTimeout(() => reject(new Error(what)), Math.max(0, deadline - Date.now()));
    void disconnects.get(socket)!.then((reason) => {
      clearTimeout(late);
      resolve(reason);
    });
  });
}

/**
 * The token lives long enough for a handshake on a busy machine to arrive before it expires
 * (one that arrives later is refused, rightly, however much clock skew the verifier allows);
 * the server then ends the socket at `exp` itself, without the verifier's tolerance.
 */
const TOKEN_LIFETIME_S = 6;
/** Room for a busy machine between `exp` and the disconnect reaching the client. */
const DISCONNECT_GRACE_MS = 20_000;

it(
  'a socket is disconnected when its token expires, while one with a longer token stays',
  { timeout: (TOKEN_LIFETIME_S + 10) * 1000 + DISCONNECT_GRACE_MS },
  async () => {
    const exp = Math.floor(Date.now() / 1000) + TOKEN_LIFETIME_S;
    const expiring = open(await idp.signToken(manager, { exp }), '198.51.100.70');
    const lasting = open(await idp.signToken(report), '198.51.100.71');
    try {
      expect(await connected(expiring)).toEqual({ ok: true });
      expect(await connected(lasting)).toEqual({ ok: true });
      const reason = await disconnectedBy(
        expiring,
        exp * 1000 + DISCONNECT_GRACE_MS,
        `the socket was still open ${DISCONNECT_GRACE_MS} ms after its token expired`,
      );
      expect(reason).toBe('io server disconnect');
      expect(lasting.connected).toBe(true);
    } finally {
      expiring.close();
      lasting.close();
    }
  },
);

it('failed handshakes from one address are throttled; another address is not', async () => {
  const expired = await idp.invalidToken(manager, 'expired');
  const codes: unknown[] = [];
  for (let i = 0; i < LIMIT; i += 1) {
    const socket = open(expired, `203.0.113.80:${40_000 + i}`);
    codes.push((await connected(socket)).code);
    socket.close();
  }
  expect(codes).toEqual(Array(LIMIT).fill('unauthenticated'));
  const valid = await idp.signToken({ userId: 'fresh-user' });
  const throttled = open(valid, '203.0.113.80');
  expect(await connected(throttled)).toEqual({ ok: false, code: 'rate_limited' });
  throttled.close();
  const elsewhere = open(valid, '203.0.113.81');
  expect(await connected(elsewhere)).toEqual({ ok: true });
  elsewhere.close();
});

it('joins are rate-limited per person, sharing the person’s REST budget', async () => {
  const member = { userId: report.userId, name: report.name };
  const socket = open(await idp.signToken(member), '198.51.100.90');
  try {
    expect(await connected(socket)).toEqual({ ok: true });
    const acks: JoinAck[] = [];
    for (let i = 0; i < LIMIT; i += 1)
      acks.push(JoinAck.parse(await socket.timeout(5000).emitWithAck(EVENTS.join, { seriesId: series.id })));
    expect(acks[0]).toEqual({ ok: true });
    const refused = acks.find((a) => !a.ok);
    expect(refused).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    const rest = await apiClient(svc.url, await idp.signToken(member)).get(`${seriesPath(series.id)}/state`);
    expect(rest.status).toBe(429);
  } finally {
    socket.close();
  }
});
