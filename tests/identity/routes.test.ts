import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { ErrorBody, SeriesList } from '../../domain/api.js';
import type { Member, Series } from '../../domain/entities.js';
import { EVENTS, JoinAck, PROTOCOL_OUTDATED, PROTOCOL_VERSION, type RecordsChanged } from '../../domain/realtime.js';
import { apiClient, connectPanel, eventually, seriesPath } from '../support/api.js';
import {
  INVALID_TOKEN_KINDS,
  startTestIdentityProvider,
  TEST_TENANT_ID,
  type TestIdentityProvider,
} from '../support/jwks.js';
import { seedSeries, startTestService, type TestService } from '../support/service.js';
import { API_ROUTES } from '../../bot/src/routes/apiRoutes.js';
import { call, casesWithoutRoute, routeName, ROUTES, routesWithoutCase, targetOf, type Target } from './routeTable.js';

let idp: TestIdentityProvider;
let svc: TestService;
let series: Series;
let manager: Member;
let report: Member;
let target: Target;
const outsider = { userId: 'f0f0f0f0-0000-4000-8000-0000000000aa', name: 'Olivia Outsider' };

beforeAll(async () => {
  idp = await startTestIdentityProvider();
  // Hundreds of refused sign-ins from one address would trip the rate limit, which has its own tests.
  svc = await startTestService({ env: { ...idp.env, DEV_MODE: 'false', RATE_LIMIT_PER_MINUTE: '1000000' } });
  series = await seedSeries(svc.service, { tenantId: TEST_TENANT_ID });
  [manager, report] = series.members as [Member, Member];
  const asManager = apiClient(svc.url, await idp.signToken(manager));
  const topic = await asManager.post(`${seriesPath(series.id)}/topics`, {
    id: 'topic-1',
    text: 'Workload this sprint',
  });
  const item = await asManager.post(`${seriesPath(series.id)}/action-items`, {
    id: 'item-1',
    text: 'Share the roadmap',
    ownerId: manager.userId,
  });
  expect([topic.status, item.status]).toEqual([201, 201]);
  target = targetOf(series, { topicId: 'topic-1', itemId: 'item-1' });
});

afterAll(async () => {
  await svc?.stop();
  await idp?.close();
});

function expectErrorBody(body: unknown, code: string): ErrorBody {
  const parsed = ErrorBody.parse(body);
  expect(parsed.error.code).toBe(code);
  expect(parsed.error.message.length).toBeGreaterThan(0);
  return parsed;
}

it('sweeps every route of the service’s route table, the one the router is built from', () => {
  expect(API_ROUTES.length).toBeGreaterThan(0);
  expect(routesWithoutCase()).toEqual([]);
  expect(casesWithoutRoute()).toEqual([]);
  expect(ROUTES).toHaveLength(API_ROUTES.length);
});

describe.each(ROUTES.map((route) => [routeName(route), route] as const))('%s', (_name, route) => {
  it('answers 401 with a reason to a missing, malformed or invalid token of any kind', async () => {
    const statuses: Record<string, number> = {};
    const noToken = await call(svc.url, route, target);
    statuses['no token'] = noToken.status;
    expectErrorBody(noToken.body, 'unauthenticated');
    statuses['empty bearer'] = (await call(svc.url, route, target, '')).status;
    for (const kind of INVALID_TOKEN_KINDS) {
      const answer = await call(svc.url, route, target, await idp.invalidToken(manager, kind));
      statuses[kind] = answer.status;
      expectErrorBody(answer.body, 'unauthenticated');
    }
    expect(statuses).toEqual(Object.fromEntries(Object.keys(statuses).map((k) => [k, 401])));
  });

  it('tells a signed-in non-member nothing about the 1:1, whether it exists or not', async () => {
    const token = await idp.signToken(outsider);
    const real = await call(svc.url, route, target, token);
    const missing = await call(
      svc.url,
      route,
      { ...target, seriesId: 's-does-not-exist', chatId: '19:no-such-chat@thread.v2' },
      token,
    );
    if (route.personal) {
      // Not a series route: the outsider simply has no 1:1s, and sees nothing of this one.
      expect(real.status).toBe(200);
      const member = await call(svc.url, route, target, await idp.signToken(manager));
      expect(JSON.stringify(member.body)).toMatch(/Workload this sprint|Alex \/ Sam 1:1/);
      expect(JSON.stringify(real.body)).not.toContain(series.id);
      expect(JSON.stringify(real.body)).not.toContain('Workload this sprint');
      if (route.pattern === '/api/me/series') expect(SeriesList.parse(real.body).series).toEqual([]);
      return;
    }
    expect(real.status).toBe(403);
    expectErrorBody(real.body, 'forbidden');
    expect(missing.status).toBe(403);
    expect(missing.body).toEqual(real.body);
    expect(JSON.stringify(real.body)).not.toContain(series.title);
    expect(JSON.stringify(real.body)).not.toContain(manager.userId);
  });
});

describe('a member', () => {
  it('can use every route, in the order a meeting goes', async () => {
    const token = await idp.signToken(manager);
    const statuses: Record<string, number> = {};
    for (const route of ROUTES) statuses[routeName(route)] = (await call(svc.url, route, target, token)).status;
    expect(statuses).toEqual(Object.fromEntries(ROUTES.map((r) => [routeName(r), r.created ? 201 : 200])));
  });

  it('of the same 1:1 in another tenant (same oid) is not a member', async () => {
    // Identity is tenant + oid: an equal oid from another tenant must not open this 1:1.
    const anyTenant = await startTestService({ env: { ...idp.env, AUTH_ALLOWED_TENANTS: '', DEV_MODE: 'false' } });
    try {
      const copy = await seedSeries(anyTenant.service, { tenantId: TEST_TENANT_ID, members: series.members });
      const elsewhere = await idp.signToken({ ...manager, tenantId: 'f8cdef31-a31e-4b4a-93e4-5f571e91255a' });
      const answer = await apiClient(anyTenant.url, elsewhere).get(`${seriesPath(copy.id)}/state`);
      expect(answer.status).toBe(403);
      const home = await apiClient(anyTenant.url, await idp.signToken(manager)).get(`${seriesPath(copy.id)}/state`);
      expect(home.status).toBe(200);
    } finally {
      await anyTenant.stop();
    }
  });
});

describe('records of another 1:1', () => {
  it('cannot be reached by a member through their own 1:1’s address', async () => {
    const other = await seedSeries(svc.service, { tenantId: TEST_TENANT_ID });
    const [otherManager] = other.members as [Member, Member];
    const owner = apiClient(svc.url, await idp.signToken(otherManager));
    expect(
      (await owner.post(`${seriesPath(other.id)}/topics`, { id: 'other-topic', text: 'Salary review' })).status,
    ).toBe(201);
    const before = (await owner.get(`${seriesPath(other.id)}/state`)).body;

    const intruder = apiClient(svc.url, await idp.signToken(manager));
    const viaOwnSeries = [
      await intruder.patch(`${seriesPath(series.id)}/topics/other-topic`, { text: 'Hijacked' }),
      await intruder.delete(`${seriesPath(series.id)}/topics/other-topic`),
      await intruder.put(`${seriesPath(series.id)}/topics/other-topic/notes/mine`, { text: 'Hijacked' }),
    ];
    expect(viaOwnSeries.map((a) => a.status)).toEqual([404, 404, 404]);
    expect((await intruder.patch(`${seriesPath(other.id)}/topics/other-topic`, { text: 'Hijacked' })).status).toBe(403);
    expect((await owner.get(`${seriesPath(other.id)}/state`)).body).toEqual(before);
  });
});

describe('the Socket.IO handshake', () => {
  async function handshake(
    auth: Record<string, unknown>,
  ): Promise<{ connected: boolean; code?: unknown; message?: string }> {
    const socket = io(svc.url, { auth, transports: ['websocket'], reconnection: false, timeout: 5000 });
    try {
      return await new Promise((resolve) => {
        socket.once('connect', () => resolve({ connected: true }));
        socket.once('connect_error', (error: Error & { data?: { code?: unknown } }) =>
          resolve({ connected: false, code: error.data?.code, message: error.message }),
        );
      });
    } finally {
      socket.close();
    }
  }

  it('refuses a missing token and every kind of invalid token as unauthenticated', async () => {
    const outcomes: Record<string, unknown> = {};
    outcomes['no token'] = (await handshake({})).code;
    outcomes['token of the wrong type'] = (await handshake({ token: 42 })).code;
    for (const kind of INVALID_TOKEN_KINDS) {
      const result = await handshake({ token: await idp.invalidToken(manager, kind) });
      expect(result.message, kind).toMatch(/\S/);
      outcomes[kind] = result.code;
    }
    expect(outcomes).toEqual(Object.fromEntries(Object.keys(outcomes).map((k) => [k, 'unauthenticated'])));
  });

  it('accepts a valid token', async () => {
    expect(await handshake({ token: await idp.signToken(outsider), protocol: PROTOCOL_VERSION })).toEqual({
      connected: true,
    });
  });

  it('tells a panel of another protocol version (an old tab) to reload', async () => {
    const token = await idp.signToken(outsider);
    for (const protocol of [undefined, 1, PROTOCOL_VERSION + 1, String(PROTOCOL_VERSION)]) {
      const result = await handshake({ token, protocol });
      expect(result, String(protocol)).toMatchObject({ connected: false, code: PROTOCOL_OUTDATED });
      expect(result.message).toMatch(/reload/i);
    }
  });

  it('does not let a non-member join a 1:1, answering the same whether it exists or not', async () => {
    const socket = io(svc.url, {
      auth: { token: await idp.signToken(outsider), protocol: PROTOCOL_VERSION },
      transports: ['websocket'],
      reconnection: false,
    });
    const received: RecordsChanged[] = [];
    socket.on(EVENTS.changed, (m: RecordsChanged) => received.push(m));
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      const real = JoinAck.parse(await socket.timeout(5000).emitWithAck(EVENTS.join, { seriesId: series.id }));
      const missing = JoinAck.parse(await socket.timeout(5000).emitWithAck(EVENTS.join, { seriesId: 's-nope' }));
      expect(real).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(missing).toEqual(real);

      // A member's change right after must not reach the refused socket, while it reaches a member's.
      const member = await connectPanel(svc.url, await idp.signToken(report), series.id);
      try {
        const added = await apiClient(svc.url, await idp.signToken(report)).post(`${seriesPath(series.id)}/topics`, {
          id: 'topic-after-refused-join',
          text: 'Feedback on the launch',
        });
        expect(added.status).toBe(201);
        await eventually(() => member.records().some((r) => r.id === 'topic-after-refused-join'), 'the member event');
        expect(received).toEqual([]);
      } finally {
        member.close();
      }
    } finally {
      socket.close();
    }
  });

  it('lets a member join and receive the other member’s changes', async () => {
    const panel = await connectPanel(svc.url, await idp.signToken(manager), series.id);
    try {
      const added = await apiClient(svc.url, await idp.signToken(report)).post(`${seriesPath(series.id)}/topics`, {
        id: 'topic-live',
        text: 'Conference budget',
      });
      expect(added.status).toBe(201);
      await eventually(() => panel.records().some((r) => r.id === 'topic-live'), 'the topic event');
    } finally {
      panel.close();
    }
  });
});
