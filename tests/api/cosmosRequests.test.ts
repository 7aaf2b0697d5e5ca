import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PanelState } from '../../domain/api.js';
import type { Series } from '../../domain/entities.js';
import { apiClient, seriesPath } from '../support/api.js';
import { startCosmosFaultProxy, type CosmosFaultProxy, type CosmosRequest } from '../support/faultProxy.js';
import { devToken, seedSeries, startCosmosServer, startTestService, type TestService } from '../support/service.js';

/**
 * How many Cosmos requests each panel operation costs, counted by a proxy of
 * our own between the real service and the Cosmos protocol server (every
 * HTTP exchange the SDK makes, query plans included). Only the requests that
 * name the 1:1's partition are counted, so the scheduler's own polls never
 * land in a figure. The hot-path edits wait for exactly one request once the
 * panel has loaded: the ETag-guarded write itself.
 */

let cosmos: Awaited<ReturnType<typeof startCosmosServer>>;
let proxy: CosmosFaultProxy;
let t: TestService;

beforeAll(async () => {
  cosmos = await startCosmosServer();
  proxy = await startCosmosFaultProxy(cosmos.endpoint);
  t = await startTestService({ env: { COSMOS_ENDPOINT: proxy.endpoint, COSMOS_KEY: 'local' } });
});
afterAll(async () => {
  await t?.stop();
  await proxy?.close();
  await cosmos?.close();
});

const ofSeries = (seriesId: string) => (r: CosmosRequest) => r.partitionKey === JSON.stringify([seriesId]);

async function oneOnOne() {
  const series: Series = await seedSeries(t.service);
  const [manager, report] = series.members;
  const asManager = apiClient(t.url, await devToken(t.service, series.tenantId, manager!));
  const asReport = apiClient(t.url, await devToken(t.service, series.tenantId, report!));
  const path = seriesPath(series.id);
  /** Runs one call and answers its status and the Cosmos requests of this 1:1 it made, described. */
  async function counted(call: () => Promise<{ status: number; body: unknown }>) {
    const start = proxy.forwarded.length;
    const res = await call();
    const made = proxy.forwarded.slice(start).filter(ofSeries(series.id));
    return { res, requests: made.length, made: made.map((r) => `${r.method} ${r.path}${r.isQuery ? ' (query)' : ''}`) };
  }
  return { series, manager: manager!, report: report!, asManager, asReport, path, counted };
}

describe('Cosmos requests per operation', () => {
  it('every hot-path edit after the panel has loaded makes exactly one Cosmos request', async () => {
    const { report, asManager, asReport, path, counted } = await oneOnOne();
    await asReport.get(`${path}/state`);
    await asManager.get(`${path}/state`);

    const edits: [string, () => Promise<{ status: number; body: unknown }>][] = [
      ['add topic (report)', () => asReport.post(`${path}/topics`, { id: 'count-a', text: 'Growth' })],
      ['add topic (manager)', () => asManager.post(`${path}/topics`, { id: 'count-b', text: 'Planning' })],
      ['edit topic text', () => asManager.patch(`${path}/topics/count-a`, { text: 'Growth plan' })],
      ['move topic', () => asReport.post(`${path}/topics/count-b/move`, { afterId: null })],
      ['mark discussed', () => asReport.patch(`${path}/topics/count-a`, { status: 'discussed' })],
      [
        'add action item',
        () => asManager.post(`${path}/action-items`, { id: 'count-i', text: 'Book a course', ownerId: report.userId }),
      ],
      ['complete action item', () => asReport.patch(`${path}/action-items/count-i`, { done: true })],
      ['edit action item text', () => asManager.patch(`${path}/action-items/count-i`, { text: 'Book two courses' })],
    ];
    const figures: Record<string, number> = {};
    for (const [name, edit] of edits) {
      const { res, requests, made } = await counted(edit);
      expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
      figures[name] = requests;
      expect(requests, `${name} made ${made.join(', ')}`).toBe(1);
    }
    expect(Object.values(figures)).toHaveLength(edits.length);
  });

  it('a panel load makes at most two Cosmos requests, and carries the edits made before it', async () => {
    const { asManager, asReport, path, counted } = await oneOnOne();
    await asReport.get(`${path}/state`);
    await asManager.post(`${path}/topics`, { id: 'load-a', text: 'Growth' });
    const { res, requests, made } = await counted(() => asReport.get(`${path}/state`));
    expect(res.status).toBe(200);
    expect(PanelState.parse(res.body).topics.map((t) => t.id)).toContain('load-a');
    expect(requests, made.join(', ')).toBeLessThanOrEqual(2);
  });

  it('no query-plan request reaches Cosmos for a panel load or an edit; a query across 1:1s still asks for one', async () => {
    const { path, asReport, counted, series } = await oneOnOne();
    const start = proxy.forwarded.length;
    await counted(() => asReport.get(`${path}/state`));
    await counted(() => asReport.post(`${path}/topics`, { id: 'plan-a', text: 'Growth' }));
    await counted(() => asReport.get(`${path}/state`));
    expect(proxy.forwarded.slice(start).filter((r) => r.isQueryPlan)).toEqual([]);
    // Positive control: a cross-partition query (the reconciler's kind) is planned by the gateway as before.
    const before = proxy.forwarded.length;
    await t.service.ctx.store.records.queryAcrossSeries('SELECT * FROM c WHERE c.id = @id', [
      { name: '@id', value: series.id },
    ]);
    expect(proxy.forwarded.slice(before).filter((r) => r.isQueryPlan)).toHaveLength(1);
  });

  it('the counting sees every request: a panel load on a service that has never seen the 1:1 costs more', async () => {
    // Positive control for the counts above: a cold load must show up as requests.
    const { path, asReport, counted } = await oneOnOne();
    const { requests } = await counted(() => asReport.get(`${path}/state`));
    expect(requests).toBeGreaterThanOrEqual(2);
  });
});
