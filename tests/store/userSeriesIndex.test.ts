import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeriesList } from '../../domain/api.js';
import type { Member, Series } from '../../domain/entities.js';
import { writeUserIndex } from '../../bot/src/commands/userIndex.js';
import { apiClient, seriesPath } from '../support/api.js';
import { devToken, seedSeries, startCosmosServer, startTestService, type TestService } from '../support/service.js';

/** The per-user index, through @azure/cosmos against the real protocol server. */
let t: TestService;
beforeAll(async () => {
  t = await startTestService();
});
afterAll(() => t?.stop());

const container = () => t.service.cosmos.containers.userSeries;

async function rawEntries(userId: string): Promise<Record<string, unknown>[]> {
  const { resources } = await container()
    .items.query<Record<string, unknown>>(
      { query: 'SELECT * FROM c WHERE c.userId = @userId', parameters: [{ name: '@userId', value: userId }] },
      { partitionKey: userId },
    )
    .fetchAll();
  return resources;
}

async function mySeries(series: Series, member: Member) {
  const api = apiClient(t.url, await devToken(t.service, series.tenantId, member));
  const res = await api.get('/me/series');
  expect(res.status).toBe(200);
  return SeriesList.parse(res.body).series;
}

describe('the per-user index of 1:1s', () => {
  it('gets an entry in each member’s own partition when a 1:1 is created, and none twice on a repeated install', async () => {
    const series = await seedSeries(t.service);
    const [manager, report] = series.members as [Member, Member];
    await seedSeries(t.service, { chatId: series.chatId, tenantId: series.tenantId, members: series.members });

    for (const member of [manager, report]) {
      const entries = await rawEntries(member.userId);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        id: series.id,
        userId: member.userId,
        seriesId: series.id,
        role: member.role,
        title: series.title,
      });
    }
    expect((await mySeries(series, report)).map((s) => s.id)).toEqual([series.id]);
  });

  it('never holds topic or note text, only what a list shows', async () => {
    const series = await seedSeries(t.service);
    const [manager] = series.members as [Member, Member];
    const api = apiClient(t.url, await devToken(t.service, series.tenantId, manager));
    const secret = 'Considering leaving the team';
    expect((await api.post(`${seriesPath(series.id)}/topics`, { id: 'secret', text: secret })).status).toBe(201);
    expect(
      (await api.put(`${seriesPath(series.id)}/meetings/${series.currentMeetingId}/private-note`, { text: secret }))
        .status,
    ).toBe(200);
    // Positive control: the text is stored in the 1:1's own containers.
    expect(JSON.stringify((await api.get(`${seriesPath(series.id)}/state`)).body)).toContain(secret);

    const entries = await rawEntries(manager.userId);
    expect(JSON.stringify(entries)).not.toContain(secret);
    const keys = Object.keys(entries[0]!).filter((k) => !k.startsWith('_'));
    expect(keys.sort()).toEqual(
      ['chatId', 'id', 'members', 'role', 'seriesId', 'tenantId', 'title', 'updatedAt', 'userId'].sort(),
    );
  });

  it('follows a change of members: the one who left loses the entry, the one who joined gets it, a replay changes nothing', async () => {
    const series = await seedSeries(t.service);
    const [manager, report] = series.members as [Member, Member];
    const newcomer: Member = { userId: `${report.userId}-successor`, name: 'Kim Lee', role: 'report' };
    const changed: Series = { ...series, members: [manager, newcomer] };

    await writeUserIndex(t.service.ctx, changed, series.members);
    await writeUserIndex(t.service.ctx, changed, series.members);

    expect(await rawEntries(report.userId)).toEqual([]);
    expect(await mySeries(series, report)).toEqual([]);
    expect((await rawEntries(newcomer.userId)).map((e) => e.seriesId)).toEqual([series.id]);
    const managerEntry = (await rawEntries(manager.userId))[0]!;
    expect((managerEntry.members as Member[]).map((m) => m.name)).toEqual(['Alex Morgan', 'Kim Lee']);
  });

  it('is what "my 1:1s" reads: a 1:1 missing from the index is not listed, one put back is', async () => {
    const series = await seedSeries(t.service);
    const [manager] = series.members as [Member, Member];
    expect((await mySeries(series, manager)).map((s) => s.id)).toEqual([series.id]);

    await container().item(series.id, manager.userId).delete();
    expect(await mySeries(series, manager)).toEqual([]);

    // The next install of the same chat repairs the index.
    await seedSeries(t.service, { chatId: series.chatId, tenantId: series.tenantId, members: series.members });
    expect((await mySeries(series, manager)).map((s) => s.id)).toEqual([series.id]);
  });

  it('lists only the caller’s tenant', async () => {
    const series = await seedSeries(t.service);
    const [manager] = series.members as [Member, Member];
    const elsewhere = await seedSeries(t.service, { tenantId: 'other-tenant', members: series.members });
    expect((await mySeries(series, manager)).map((s) => s.id)).toEqual([series.id]);
    expect((await mySeries(elsewhere, manager)).map((s) => s.id)).toEqual([elsewhere.id]);
  });
});

describe('a store written before the index existed', () => {
  it('gets its index filled once at start-up, so everyone’s 1:1s are listed', async () => {
    const cosmos = await startCosmosServer();
    const env = { COSMOS_ENDPOINT: cosmos.endpoint, COSMOS_KEY: 'local' };
    try {
      const first = await startTestService({ env });
      const series = await seedSeries(first.service);
      const [manager, report] = series.members as [Member, Member];
      // Back to how such a store looks: series records, an empty index.
      for (const m of [manager, report])
        await first.service.cosmos.containers.userSeries.item(series.id, m.userId).delete();
      const list = async (svc: TestService, m: Member) =>
        SeriesList.parse(
          (await apiClient(svc.url, await devToken(svc.service, series.tenantId, m)).get('/me/series')).body,
        ).series;
      expect(await list(first, report)).toEqual([]);
      await first.stop();

      const second = await startTestService({ env });
      try {
        expect((await list(second, report)).map((s) => s.id)).toEqual([series.id]);
        expect((await list(second, manager)).map((s) => s.id)).toEqual([series.id]);
      } finally {
        await second.stop();
      }
    } finally {
      await cosmos.close();
    }
  });
});
