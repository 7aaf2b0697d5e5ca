import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordResponse } from '../../domain/api.js';
import type { Member, Series } from '../../domain/entities.js';
import type { ChangedRecord } from '../../domain/realtime.js';
import { apiClient, connectPanel, eventually, seriesPath } from '../support/api.js';
import { startTestIdentityProvider, type TestIdentityProvider } from '../support/jwks.js';
import { seedSeries, startCosmosServer, startTestService, type TestService } from '../support/service.js';
import { startLocalRedis, type LocalRedis } from './redisServer.js';

/**
 * Two service instances on one Cosmos DB and one Redis, as behind a load
 * balancer: the manager's panel talks to instance A, the report's to
 * instance B. Tokens come from a shared test identity provider (dev tokens
 * are per instance), so either instance accepts either member.
 */

/** The emulator's published key; the Cosmos protocol server accepts any key. */
const LOCAL_COSMOS_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

let redis: LocalRedis;
let idp: TestIdentityProvider;
let cosmos: { endpoint: string; close(): Promise<void> };
let a: TestService;
let b: TestService;

beforeAll(async () => {
  [redis, idp, cosmos] = await Promise.all([startLocalRedis(), startTestIdentityProvider(), startCosmosServer()]);
  const env = {
    ...idp.env,
    DEV_MODE: 'false',
    COSMOS_ENDPOINT: cosmos.endpoint,
    COSMOS_KEY: LOCAL_COSMOS_KEY,
    REDIS_URL: redis.url,
  };
  a = await startTestService({ env });
  b = await startTestService({ env });
});

afterAll(async () => {
  await Promise.allSettled([a?.stop(), b?.stop()]);
  await Promise.allSettled([redis?.stop(), idp?.close(), cosmos?.close()]);
});

type Panel = Awaited<ReturnType<typeof connectPanel>>;

async function oneOnOneAcrossInstances() {
  const series: Series = await seedSeries(a.service, { tenantId: idp.tenantId });
  const member = (role: Member['role']) => series.members.find((m) => m.role === role)!;
  const [manager, report] = [member('manager'), member('report')];
  const [managerToken, reportToken] = await Promise.all([idp.signToken(manager), idp.signToken(report)]);
  const managerPanel = await connectPanel(a.url, managerToken, series.id);
  const reportPanel = await connectPanel(b.url, reportToken, series.id);
  return {
    series,
    manager,
    report,
    managerToken,
    reportToken,
    managerPanel,
    reportPanel,
    /** Each member writes through the instance their panel is connected to. */
    asManager: apiClient(a.url, managerToken),
    asReport: apiClient(b.url, reportToken),
    path: seriesPath(series.id),
    close() {
      managerPanel.close();
      reportPanel.close();
    },
  };
}

/** The committed record from a write's answer, after checking the write succeeded. */
function committed(res: { status: number; body: unknown }): ChangedRecord {
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return RecordResponse.parse(res.body).record;
}

/** Waits until `panel` has received exactly this committed version of the record. */
function receives(panel: Panel, record: ChangedRecord, who: string): Promise<ChangedRecord> {
  return eventually(
    () => panel.records().find((r) => r.id === record.id && r.version === record.version),
    `${who} to receive ${record.type} ${record.id} v${record.version}`,
    10_000,
  );
}

describe('two service instances sharing Redis', () => {
  it('every kind of agenda change reaches the other member connected to the other instance, both ways', async () => {
    const s = await oneOnOneAcrossInstances();
    try {
      const { asManager, asReport, path, managerPanel: onA, reportPanel: onB } = s;

      const reportTopic = committed(
        await asReport.post(`${path}/topics`, { id: 'r1', text: 'Where do I want to grow?' }),
      );
      expect(await receives(onA, reportTopic, 'the manager')).toMatchObject({
        type: 'topic',
        text: 'Where do I want to grow?',
      });

      const managerTopic = committed(await asManager.post(`${path}/topics`, { id: 'm1', text: 'Quarter planning' }));
      expect(await receives(onB, managerTopic, 'the report')).toMatchObject({
        type: 'topic',
        text: 'Quarter planning',
      });

      const reworded = committed(await asManager.patch(`${path}/topics/r1`, { text: 'Growth: a conference talk?' }));
      expect(await receives(onB, reworded, 'the report')).toMatchObject({ text: 'Growth: a conference talk?' });

      const moved = committed(await asReport.post(`${path}/topics/m1/move`, { afterId: null }));
      const movedOnA = (await receives(onA, moved, 'the manager')) as Extract<ChangedRecord, { type: 'topic' }>;
      expect(movedOnA.order < (reworded as Extract<ChangedRecord, { type: 'topic' }>).order).toBe(true);

      const discussed = committed(await asManager.patch(`${path}/topics/r1`, { status: 'discussed' }));
      expect(await receives(onB, discussed, 'the report')).toMatchObject({ status: 'discussed' });

      const deferred = committed(await asReport.patch(`${path}/topics/m1`, { status: 'deferred' }));
      expect(await receives(onA, deferred, 'the manager')).toMatchObject({ status: 'deferred' });

      const reportItem = committed(
        await asReport.post(`${path}/action-items`, {
          id: 'a1',
          text: 'Draft the talk abstract',
          ownerId: s.report.userId,
        }),
      );
      expect(await receives(onA, reportItem, 'the manager')).toMatchObject({
        type: 'actionItem',
        text: 'Draft the talk abstract',
      });

      const managerDone = committed(await asManager.patch(`${path}/action-items/a1`, { done: true }));
      expect((await receives(onB, managerDone, 'the report')) as { doneAt?: string }).toHaveProperty('doneAt');

      const managerItem = committed(
        await asManager.post(`${path}/action-items`, {
          id: 'a2',
          text: 'Ask about the budget',
          ownerId: s.manager.userId,
        }),
      );
      expect(await receives(onB, managerItem, 'the report')).toMatchObject({
        type: 'actionItem',
        text: 'Ask about the budget',
      });

      const reportDone = committed(await asReport.patch(`${path}/action-items/a2`, { done: true }));
      expect((await receives(onA, reportDone, 'the manager')) as { doneAt?: string }).toHaveProperty('doneAt');
    } finally {
      s.close();
    }
  });

  it('presence spans instances: each sees the other online, and offline once they close the panel', async () => {
    const s = await oneOnOneAcrossInstances();
    try {
      const both = [s.manager.userId, s.report.userId].sort();
      await eventually(
        () => s.managerPanel.presence.some((p) => JSON.stringify(p.online) === JSON.stringify(both)),
        'the manager on A to see the report on B online',
        10_000,
      );
      await eventually(
        () => s.reportPanel.presence.some((p) => JSON.stringify(p.online) === JSON.stringify(both)),
        'the report on B to see the manager on A online',
        10_000,
      );
      s.reportPanel.close();
      await eventually(
        () => JSON.stringify(s.managerPanel.presence.at(-1)?.online) === JSON.stringify([s.manager.userId]),
        'the manager on A to see the report go offline',
        10_000,
      );
    } finally {
      s.close();
    }
  });

  it("a private note crosses instances to its author's other panel only", async () => {
    const s = await oneOnOneAcrossInstances();
    // The report also has the panel open on instance A (a second window, or the meeting stage).
    const reportOnA = await connectPanel(a.url, s.reportToken, s.series.id);
    try {
      const { asReport, path, series } = s;
      const note = committed(
        await asReport.put(`${path}/meetings/${series.currentMeetingId}/private-note`, { text: 'Ask for the raise' }),
      );
      expect(await receives(reportOnA, note, "the report's other panel")).toMatchObject({ type: 'privateNote' });
      // A shared change published after the note: once the manager has it, the note would have arrived before it.
      const marker = committed(await asReport.post(`${path}/topics`, { id: 'after-note', text: 'Workload' }));
      await receives(s.managerPanel, marker, 'the manager');
      expect(s.managerPanel.records().filter((r) => r.type === 'privateNote')).toEqual([]);
      expect(JSON.stringify(s.managerPanel.changes)).not.toContain('Ask for the raise');
    } finally {
      reportOnA.close();
      s.close();
    }
  });

  it('refuses to start when REDIS_URL points at no Redis, naming the setting', async () => {
    const closed = await startLocalRedis();
    await closed.stop();
    await expect(
      startTestService({
        env: { COSMOS_ENDPOINT: cosmos.endpoint, COSMOS_KEY: LOCAL_COSMOS_KEY, REDIS_URL: closed.url },
      }),
    ).rejects.toThrow(/REDIS_URL/);
  });
});
