import { CosmosClient } from '@azure/cosmos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { effectId } from '../../domain/effects.js';
import { createSeries } from '../../domain/series.js';
import { DEFAULT_CADENCE } from '../../bot/src/commands/series.js';
import { CONTAINERS } from '../../bot/src/store/cosmos.js';
import { loadConfig } from '../../bot/src/config.js';
import { startCosmosServer, startTestService, type TestService } from '../support/service.js';

/**
 * An upgrade: meetings stored before prompts were effects get their prompt
 * effect when the service starts, once per store, so the effects processor
 * (which reads only its due-time index) still posts their prompts.
 */
let cosmos: Awaited<ReturnType<typeof startCosmosServer>>;
let client: CosmosClient;
const running: TestService[] = [];

beforeAll(async () => {
  cosmos = await startCosmosServer();
  client = new CosmosClient({
    endpoint: cosmos.endpoint,
    key: 'local',
    connectionPolicy: { enableEndpointDiscovery: false },
  });
});
afterAll(async () => {
  for (const t of running) await t.stop();
  client?.dispose();
  await cosmos?.close();
});

const env = { COSMOS_ENDPOINT: '', COSMOS_KEY: 'local', SCHEDULER_INTERVAL_SECONDS: '3600' };

describe('prompt effects for meetings stored before them', () => {
  it('are written once when the service starts, due their lead time before the meeting', async () => {
    const database = loadConfig({ NODE_ENV: 'test', DEV_MODE: 'true' }).COSMOS_DATABASE;
    const { database: db } = await client.databases.createIfNotExists({ id: database });
    const { container: records } = await db.containers.createIfNotExists({
      id: CONTAINERS.records,
      partitionKey: { paths: ['/seriesId'] },
    });
    const now = new Date();
    const { series, meeting } = createSeries({
      tenantId: 'upgrade-tenant',
      chatId: '19:upgrade@thread.v2',
      title: '',
      members: [
        { userId: 'upgrade-manager', name: 'Alex Morgan', role: 'manager' },
        { userId: 'upgrade-report', name: 'Sam Rivera', role: 'report' },
      ],
      cadence: DEFAULT_CADENCE,
      now,
      firstStart: new Date(now.getTime() + 3 * 86_400_000),
    });
    await records.items.create(meeting);
    await records.items.create(series);

    running.push(await startTestService({ env: { ...env, COSMOS_ENDPOINT: cosmos.endpoint } }));
    const read = async () =>
      (await records.item(effectId('prompt', meeting.id), series.id).read<{ state: string; dueAt: string }>()).resource;
    const effect = await read();
    expect(effect).toMatchObject({ state: 'pending' });
    expect(Date.parse(meeting.scheduledStart) - Date.parse(effect!.dueAt)).toBe(24 * 3_600_000);

    // Once per store: an effect removed since is not written again by the next start.
    await records.item(effectId('prompt', meeting.id), series.id).delete();
    running.push(await startTestService({ env: { ...env, COSMOS_ENDPOINT: cosmos.endpoint } }));
    expect(await read()).toBeUndefined();
  });
});
