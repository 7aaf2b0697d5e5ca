import { afterAll, beforeAll, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import type { Member, Series } from '../../domain/entities.js';
import { EVENTS, JoinAck, PROTOCOL_VERSION } from '../../domain/realtime.js';
import { apiClient, eventually, seriesPath } from '../support/api.js';
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

function open(token: string, address: string): Socket {
  return io(svc.url, {
    auth: { token, protocol: PROTOCOL_VERSION },
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: { 'x-forwarded-for': address },
  });
}

function connected(socket: Socket): Promise<{ ok: boolean; code?: unknown }> {
  return new Promise((resolve) => {
    socket.once('connect', () => resolve({ ok: true }));
    socket.once('connect_error', (error: Error & { data?: { code?: unknown } }) =>
      resolve({ ok: false, code: error.data?.code }),
    );
  });
}

it('a socket is disconnected when its token expires, while one with a longer token stays', async () => {
  const soon = Math.floor(Date.now() / 1000) + 3;
  const expiring = open(await idp.signToken(manager, { exp: soon }), '198.51.100.70');
  const lasting = open(await idp.signToken(report), '198.51.100.71');
  try {
    expect(await connected(expiring)).toEqual({ ok: true });
    expect(await connected(lasting)).toEqual({ ok: true });
    const reasons: string[] = [];
    expiring.on('disconnect', (reason) => reasons.push(reason));
    await eventually(() => reasons.length > 0, 'the expired socket to be dropped', 10_000);
    expect(reasons).toEqual(['io server disconnect']);
    expect(lasting.connected).toBe(true);
  } finally {
    expiring.close();
    lasting.close();
  }
});

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
