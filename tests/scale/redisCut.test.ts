import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PanelState, RecordResponse } from '../../domain/api.js';
import type { Series } from '../../domain/entities.js';
import { ChangesResponse, EVENTS, Resync } from '../../domain/realtime.js';
import { highestClock } from '../../domain/seriesClock.js';
import { apiClient, connectPanel, eventually, seriesPath } from '../support/api.js';
import { startTcpProxy, type TcpProxy } from '../support/faultProxy.js';
import { startTestIdentityProvider, type TestIdentityProvider } from '../support/jwks.js';
import { seedSeries, startCosmosServer, startTestService, type TestService } from '../support/service.js';
import { startLocalRedis, type LocalRedis } from './redisServer.js';
import { startServiceProcess, type ServiceProcess } from './serviceProcess.js';

/**
 * Two instances on one Cosmos DB and one Redis; instance B is a child process
 * (so a crash would end it for real) whose Redis connections go through a TCP
 * proxy of our own. The proxy cuts B's publisher connection at the moment it
 * sends the broadcast of the report's change — the PUBLISH is in flight — and
 * refuses B's reconnects for a while. B must survive, and the manager's panel
 * on A, which missed the event, must converge once Redis is back.
 */

const LOCAL_COSMOS_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

let redis: LocalRedis;
let idp: TestIdentityProvider;
let cosmos: { endpoint: string; close(): Promise<void> };
let redisForB: TcpProxy;
let a: TestService;
let b: ServiceProcess;

beforeAll(async () => {
  [redis, idp, cosmos] = await Promise.all([startLocalRedis(), startTestIdentityProvider(), startCosmosServer()]);
  redisForB = await startTcpProxy('127.0.0.1', Number(new URL(redis.url).port));
  const env = { ...idp.env, DEV_MODE: 'false', COSMOS_ENDPOINT: cosmos.endpoint, COSMOS_KEY: LOCAL_COSMOS_KEY };
  a = await startTestService({ env: { ...env, REDIS_URL: redis.url } });
  b = await startServiceProcess({ ...env, REDIS_URL: `redis://127.0.0.1:${redisForB.port}` });
}, 120_000);

afterAll(async () => {
  await Promise.allSettled([a?.stop(), b?.stop()]);
  await Promise.allSettled([redisForB?.close(), redis?.stop(), idp?.close(), cosmos?.close()]);
});

describe('Redis cut while a broadcast is in flight', () => {
  it(
    'the instance survives, and the panel on the other instance catches up once Redis is back',
    { timeout: 90_000 },
    async () => {
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
      try {
        // Before the cut, B's events cross over through the proxy.
        const before = RecordResponse.parse(
          (await asReportOnB.post(`${path}/topics`, { id: 'before-cut', text: 'Hello' })).body,
        );
        await eventually(
          () => managerOnA.records().some((r) => r.id === 'before-cut'),
          'the event before the cut',
          10_000,
        );
        let clock = highestClock([
          ...PanelState.parse((await asManagerOnA.get(`${path}/state`)).body).topics,
          before.record,
        ]);

        const cut = redisForB.cutWhen((chunk) => chunk.includes('PUBLISH') && chunk.includes('during-cut'), {
          thenBlock: true,
        });
        const during = await asReportOnB.post(`${path}/topics`, { id: 'during-cut', text: 'Written during the cut' });
        expect(during.status).toBe(201);
        await cut;
        // Positive control: B's publish was in flight when its connection was reset; B caught it and lives on.
        await eventually(
          () => b.output().includes('redis publish failed') || b.child.exitCode !== null,
          'B to log the failed publish (or to die of it)',
          10_000,
        );
        expect(b.child.exitCode, b.output().slice(-1500)).toBeNull();
        expect(b.output()).toContain('redis publish failed');
        expect(managerOnA.records().some((r) => r.id === 'during-cut')).toBe(false);

        redisForB.restore();
        const resync = await eventually(() => resyncs[0], 'a resync notice after Redis is back', 30_000);
        expect(resync.reason).toMatch(/redis/);
        const caughtUp = ChangesResponse.parse((await asManagerOnA.get(`${path}/changes?since=${clock}`)).body);
        if (caughtUp.reset) throw new Error('expected a catch-up, not a reset');
        expect(caughtUp.records.find((r) => r.id === 'during-cut')).toMatchObject({ text: 'Written during the cut' });
        clock = caughtUp.clock;

        // B is alive and its events cross over again.
        expect(b.child.exitCode).toBeNull();
        expect((await fetch(`${b.url}/healthz`)).status).toBe(200);
        expect((await asReportOnB.post(`${path}/topics`, { id: 'after-cut', text: 'Back to normal' })).status).toBe(
          201,
        );
        await eventually(
          () => managerOnA.records().some((r) => r.id === 'after-cut'),
          'the event after the cut',
          15_000,
        );
        expect(clock).toBeGreaterThan(0);
      } finally {
        managerOnA.close();
      }
    },
  );
});
