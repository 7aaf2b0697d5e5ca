import { CosmosClient, type Container } from '@azure/cosmos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeries } from '../../domain/series.js';
import { AdjustableClock } from '../../bot/src/clock.js';
import { DEFAULT_CADENCE } from '../../bot/src/commands/series.js';
import { CONTAINERS } from '../../bot/src/store/cosmos.js';
import { startCosmosFaultProxy, type CosmosFaultProxy } from '../support/faultProxy.js';
import { startCosmosServer, startTestService, type TestService } from '../support/service.js';

/**
 * Issue 21, failure 4: effects are found through the small due-time index,
 * never by scanning 1:1 records, so the Cosmos requests of a scheduler tick
 * do not grow with the number of 1:1s stored. Counted by the Cosmos proxy
 * between the service and the protocol server, with 10 and then 1,000 1:1s
 * stored — each with a meeting in the next hours, whose prompt was already
 * handled (the state most 1:1s are in on a busy day).
 */
let cosmos: Awaited<ReturnType<typeof startCosmosServer>>;
let proxy: CosmosFaultProxy;
let t: TestService;
let seedClient: CosmosClient;
let records: Container;
const clock = new AdjustableClock();
let stored = 0;

beforeAll(async () => {
  cosmos = await startCosmosServer();
  proxy = await startCosmosFaultProxy(cosmos.endpoint);
  t = await startTestService({
    env: { COSMOS_ENDPOINT: proxy.endpoint, COSMOS_KEY: 'local', SCHEDULER_INTERVAL_SECONDS: '3600' },
    clock,
  });
  // Seeded straight into storage, past the proxy: only the tick's own requests are counted.
  seedClient = new CosmosClient({
    endpoint: cosmos.endpoint,
    key: 'local',
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  records = seedClient.database(t.service.config.COSMOS_DATABASE).container(CONTAINERS.records);
}, 60_000);
afterAll(async () => {
  seedClient?.dispose();
  await t?.stop();
  await proxy?.close();
  await cosmos?.close();
});

/** Stores 1:1s until `total` are stored: a series and its meeting, a few hours ahead. */
async function storeOneOnOnes(total: number): Promise<void> {
  const now = clock.now();
  const work: Promise<unknown>[] = [];
  for (; stored < total; stored += 1) {
    const { series, meeting } = createSeries({
      tenantId: 'tick-tenant',
      chatId: `19:tick-${stored}@thread.v2`,
      title: '',
      members: [
        { userId: `tick-manager-${stored}`, name: 'Alex Morgan', role: 'manager' },
        { userId: `tick-report-${stored}`, name: 'Sam Rivera', role: 'report' },
      ],
      cadence: DEFAULT_CADENCE,
      now,
      firstStart: new Date(now.getTime() + (2 + (stored % 12)) * 3_600_000),
    });
    work.push(
      records.items.batch(
        [
          { operationType: 'Create', resourceBody: meeting },
          { operationType: 'Create', resourceBody: series },
        ],
        series.id,
      ),
    );
    if (work.length >= 50) await Promise.all(work.splice(0));
  }
  await Promise.all(work);
}

/** One scheduler tick, and the Cosmos requests it made. */
async function countedTick(): Promise<{ requests: number; made: string[] }> {
  const start = proxy.forwarded.length;
  await t.service.bot.scheduler.tick();
  const made = proxy.forwarded.slice(start);
  return {
    requests: made.length,
    made: made.map((r) => `${r.method} ${r.container ?? ''}${r.partitionKey ? ` ${r.partitionKey}` : ''}`),
  };
}

describe('Cosmos requests per scheduler tick', { timeout: 300_000 }, () => {
  it('are the same with 10 and with 1,000 1:1s stored, and none reads the 1:1 records', async () => {
    await storeOneOnOnes(10);
    const few = await countedTick();
    await storeOneOnOnes(1_000);
    const many = await countedTick();
    const shown = (made: string[]) => `${made.slice(0, 12).join(', ')}${made.length > 12 ? ', …' : ''}`;
    expect(many.requests, `10: ${shown(few.made)}\n1,000: ${shown(many.made)}`).toBe(few.requests);
    // Positive control: the proxy sees a tick's requests at all.
    expect(few.requests).toBeGreaterThan(0);
    // Nothing of a tick touches the records container: it reads the due-time index only.
    const start = proxy.forwarded.length;
    await t.service.bot.scheduler.tick();
    expect(proxy.forwarded.slice(start).filter((r) => r.container === CONTAINERS.records)).toEqual([]);
  });
});
