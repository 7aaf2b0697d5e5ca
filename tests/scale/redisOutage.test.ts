import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PanelState } from '../../domain/api.js';
import type { Series } from '../../domain/entities.js';
import { ChangesResponse, EVENTS, Resync } from '../../domain/realtime.js';
import { highestClock } from '../../domain/seriesClock.js';
import { apiClient, connectPanel, eventually, seriesPath } from '../support/api.js';
import { startTcpProxy, type TcpProxy } from '../support/faultProxy.js';
import { startTestIdentityProvider, type TestIdentityProvider } from '../support/jwks.js';
import { seedSeries, startCosmosServer, startTestService, type TestService } from '../support/service.js';
import { startLocalRedis, type LocalRedis } from './redisServer.js';

/**
 * Redis is an accelerator, never on a request's critical path. Two instances
 * on one Cosmos DB and one Redis; instance B reaches Redis through a TCP
 * proxy of our own that stalls (connections stay up, nothing is answered)
 * or refuses. B's REST writes and socket handshakes must still be answered —
 * the in-memory rate limit decides after REDIS_TIMEOUT_MS — and once Redis is
 * back, the panels on both instances catch up by clock.
 */

const LOCAL_COSMOS_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

let redis: LocalRedis;
let idp: TestIdentityProvider;
let cosmos: { endpoint: string; close(): Promise<void> };
let redisForB: TcpProxy;
let a: TestService;
let b: TestService;

beforeAll(async () => {
  [redis, idp, cosmos] = await Promise.all([startLocalRedis(), startTestIdentityProvider(), startCosmosServer()]);
  redisForB = await startTcpProxy('127.0.0.1', Number(new URL(redis.url).port));
  const env = { ...idp.env, DEV_MODE: 'false', COSMOS_ENDPOINT: cosmos.endpoint, COSMOS_KEY: LOCAL_COSMOS_KEY };
  a = await startTestService({ env: { ...env, REDIS_URL: redis.url } });
  b = await startTestService({ env: { ...env, REDIS_URL: `redis://127.0.0.1:${redisForB.port}` } });
}, 120_000);

afterAll(async () => {
  redisForB?.restore();
  await Promise.allSettled([a?.stop(), b?.stop()]);
  await Promise.allSettled([redisForB?.close(), redis?.stop(), idp?.close(), cosmos?.close()]);
});

async function oneOnOne() {
  const series: Series = await seedSeries(a.service, { tenantId: idp.tenantId });
  const manager = series.members.find((m) => m.role === 'manager')!;
  const report = series.members.find((m) => m.role === 'report')!;
  const [managerToken, reportToken] = await Promise.all([idp.signToken(manager), idp.signToken(report)]);
  const path = seriesPath(series.id);
  const asManagerOnA = apiClient(a.url, managerToken);
  const asReportOnB = apiClient(b.url, reportToken);
  const managerOnA = await connectPanel(a.url, managerToken, series.id);
  const resyncs: Resync[] = [];
  managerOnA.socket.on(EVENTS.resync, (raw: unknown) => resyncs.push(Resync.parse(raw)));
  const state = PanelState.parse((await asManagerOnA.get(`${path}/state`)).body);
  const clock = highestClock([state.series, ...state.meetings, ...state.topics]);
  return { series, path, reportToken, asManagerOnA, asReportOnB, managerOnA, resyncs, clock };
}

/** The request deadline of these services (tests/support/service.ts): a write waiting on Redis without a limit runs into it (503). */
const DEADLINE_MS = 30_000;

async function timed<T>(call: () => Promise<T>): Promise<{ answer: T; ms: number }> {
  const start = Date.now();
  const answer = await call();
  return { answer, ms: Date.now() - start };
}

describe('Redis is an accelerator', () => {
  it(
    'a stalled Redis: writes and handshakes through B are answered, the in-memory limit decides, and both panels catch up afterwards',
    { timeout: 90_000 },
    async () => {
      const { series, path, reportToken, asManagerOnA, asReportOnB, managerOnA, resyncs, clock } = await oneOnOne();
      try {
        const before = b.service.rateLimiter.fallbacks;
        redisForB.stall();
        const { answer: added, ms } = await timed(() =>
          asReportOnB.post(`${path}/topics`, { id: 'during-stall', text: 'Written while Redis stalls' }),
        );
        expect(added.status, JSON.stringify(added.body)).toBe(201);
        // Not a timing test: only "well before the request deadline", which a write waiting on Redis runs into.
        expect(ms).toBeLessThan(DEADLINE_MS);
        expect(b.service.rateLimiter.fallbacks).toBeGreaterThan(before);
        // A socket handshake and join on B (they spend the same budgets) are answered too.
        const reportOnB = await connectPanel(b.url, reportToken, series.id);
        reportOnB.close();
        expect((await asReportOnB.patch(`${path}/topics/during-stall`, { status: 'discussed' })).status).toBe(200);

        redisForB.restore();
        const resync = await eventually(() => resyncs[0], 'a resync notice once Redis answers again', 30_000);
        expect(resync.reason).toMatch(/redis/);
        const caughtUp = ChangesResponse.parse((await asManagerOnA.get(`${path}/changes?since=${clock}`)).body);
        if (caughtUp.reset) throw new Error('expected a catch-up, not a reset');
        expect(caughtUp.records.find((r) => r.id === 'during-stall')).toMatchObject({ status: 'discussed' });
      } finally {
        redisForB.restore();
        managerOnA.close();
      }
    },
  );

  it(
    'a refused Redis: writes through B are answered at once by the in-memory limit, and both panels catch up once it is back',
    { timeout: 90_000 },
    async () => {
      const { path, asManagerOnA, asReportOnB, managerOnA, resyncs, clock } = await oneOnOne();
      try {
        redisForB.block();
        redisForB.cut();
        const before = b.service.rateLimiter.fallbacks;
        const { answer: added, ms } = await timed(() =>
          asReportOnB.post(`${path}/topics`, { id: 'during-refusal', text: 'Written while Redis refuses' }),
        );
        expect(added.status, JSON.stringify(added.body)).toBe(201);
        expect(ms).toBeLessThan(DEADLINE_MS);
        expect(b.service.rateLimiter.fallbacks).toBeGreaterThan(before);
        // Positive control: the panel on A did not get B's event while B could not reach Redis.
        expect(managerOnA.records().some((r) => r.id === 'during-refusal')).toBe(false);

        redisForB.restore();
        await eventually(() => resyncs[0], 'a resync notice once Redis is back', 30_000);
        const caughtUp = ChangesResponse.parse((await asManagerOnA.get(`${path}/changes?since=${clock}`)).body);
        if (caughtUp.reset) throw new Error('expected a catch-up, not a reset');
        expect(caughtUp.records.find((r) => r.id === 'during-refusal')).toMatchObject({
          text: 'Written while Redis refuses',
        });
      } finally {
        redisForB.restore();
        managerOnA.close();
      }
    },
  );
});
