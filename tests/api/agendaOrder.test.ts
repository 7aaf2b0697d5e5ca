import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PanelState } from '../../domain/api.js';
import { ORDER_KEY_MAX, type Series, type Topic } from '../../domain/entities.js';
import { compareByOrder, ORDER_KEY_SOFT_LIMIT } from '../../domain/ordering.js';
import { apiClient, seriesPath } from '../support/api.js';
import { devToken, seedSeries, startTestService, type TestService } from '../support/service.js';

/** Issue 10.5 (bounded order keys) and 11.7 (distinct keys, exact moves) over HTTP against the real service. */

let t: TestService;
beforeAll(async () => {
  // Thousands of moves from one member: lift the rate limit, which has its own tests.
  t = await startTestService({ env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
});
afterAll(async () => {
  await t?.stop();
});

async function oneOnOne() {
  const series: Series = await seedSeries(t.service);
  const manager = series.members.find((m) => m.role === 'manager')!;
  const report = series.members.find((m) => m.role === 'report')!;
  return {
    series,
    asManager: apiClient(t.url, await devToken(t.service, series.tenantId, manager)),
    asReport: apiClient(t.url, await devToken(t.service, series.tenantId, report)),
    path: seriesPath(series.id),
  };
}

async function agenda(client: ReturnType<typeof apiClient>, path: string): Promise<Topic[]> {
  const res = await client.get(`${path}/state`);
  expect(res.status).toBe(200);
  return PanelState.parse(res.body)
    .topics.filter((x) => !x.deletedAt)
    .sort(compareByOrder);
}

/** The intended order after moving `id` right after `afterId` (null: the top). */
function moved(ids: readonly string[], id: string, afterId: string | null): string[] {
  const rest = ids.filter((x) => x !== id);
  const at = afterId === null ? 0 : rest.indexOf(afterId) + 1;
  return [...rest.slice(0, at), id, ...rest.slice(at)];
}

describe('bounded order keys', () => {
  it('5,000 alternating moves to the top keep every key within the limit, and the 1:1 still loads', async () => {
    const { asReport, asManager, path } = await oneOnOne();
    for (const id of ['a', 'b', 'c'])
      expect((await asReport.post(`${path}/topics`, { id, text: id })).status).toBe(201);
    for (let i = 0; i < 5000; i++) {
      const res = await (i % 2 === 0 ? asReport : asManager).post(`${path}/topics/${i % 2 === 0 ? 'b' : 'c'}/move`, {
        afterId: null,
      });
      if (res.status !== 200) throw new Error(`move ${i} answered ${res.status}: ${JSON.stringify(res.body)}`);
    }
    const topics = await agenda(asManager, path);
    expect(topics.map((x) => x.id)).toEqual(['c', 'b', 'a']);
    expect(Math.max(...topics.map((x) => x.order.length))).toBeLessThanOrEqual(ORDER_KEY_MAX);
    expect(Math.max(...topics.map((x) => x.order.length))).toBeLessThanOrEqual(12);
  }, 600_000);

  it('moves that keep narrowing one gap rebalance the agenda, and the order stays exact', async () => {
    const { asReport, path } = await oneOnOne();
    let expected: string[] = [];
    for (const id of ['a', 'b', 'c', 'd']) {
      await asReport.post(`${path}/topics`, { id, text: id });
      expected.push(id);
    }
    let rebalanced = false;
    for (let i = 0; i < 400; i++) {
      const id = i % 2 === 0 ? 'c' : 'd';
      const res = await asReport.post(`${path}/topics/${id}/move`, { afterId: 'a' });
      expect(res.status).toBe(200);
      expected = moved(expected, id, 'a');
      // A rebalance rewrites every topic: the first topic's version grows although it never moves.
      if (i % 50 === 49) {
        const topics = await agenda(asReport, path);
        expect(topics.map((x) => x.id)).toEqual(expected);
        expect(Math.max(...topics.map((x) => x.order.length))).toBeLessThanOrEqual(ORDER_KEY_SOFT_LIMIT);
        rebalanced ||= topics.find((x) => x.id === 'a')!.version > 1;
      }
    }
    // Positive control: these moves did need rebalancing (the untouched first topic was rewritten).
    expect(rebalanced).toBe(true);
  }, 300_000);
});

describe('distinct order keys and exact moves', () => {
  it('topics added at once get distinct keys, and a move next to each lands exactly there', async () => {
    const { asReport, asManager, path } = await oneOnOne();
    const adds = Array.from({ length: 12 }, (_, i) =>
      (i % 2 === 0 ? asManager : asReport).post(`${path}/topics`, { id: `p${i}`, text: `Parallel ${i}` }),
    );
    expect((await Promise.all(adds)).map((r) => r.status)).toEqual(Array(12).fill(201));
    let topics = await agenda(asManager, path);
    expect(new Set(topics.map((x) => x.order)).size).toBe(12);

    let expected = topics.map((x) => x.id);
    const mover = 'p0';
    for (const neighbour of topics.map((x) => x.id).filter((id) => id !== mover)) {
      expect((await asManager.post(`${path}/topics/${mover}/move`, { afterId: neighbour })).status).toBe(200);
      expected = moved(expected, mover, neighbour);
      topics = await agenda(asReport, path);
      expect(topics.map((x) => x.id)).toEqual(expected);
    }
  });

  it('a move next to topics stored with equal keys lands exactly between them', async () => {
    const { asReport, path, series } = await oneOnOne();
    for (const id of ['a', 'b', 'c', 'd']) await asReport.post(`${path}/topics`, { id, text: id });
    // Two topics with one key, as written before the tie-breaker existed (or by two people at once).
    const records = t.service.ctx.store.records;
    const b = (await records.read(series.id, 'b'))!;
    const c = (await records.read(series.id, 'c'))!;
    await records.replace({ ...(c.record as Topic), order: (b.record as Topic).order, version: 2 }, c.etag);
    expect((await agenda(asReport, path)).map((x) => x.id)).toEqual(['a', 'b', 'c', 'd']);

    expect((await asReport.post(`${path}/topics/d/move`, { afterId: 'b' })).status).toBe(200);
    const topics = await agenda(asReport, path);
    expect(topics.map((x) => x.id)).toEqual(['a', 'b', 'd', 'c']);
    expect(new Set(topics.map((x) => x.order)).size).toBe(4);
  });
});
