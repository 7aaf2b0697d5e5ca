import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody, PanelState, RecordResponse } from '../../domain/api.js';
import type { Member, Series, Topic } from '../../domain/entities.js';
import { followChatMembers } from '../../bot/src/commands/membership.js';
import { editTopic } from '../../bot/src/commands/topics.js';
import { apiClient, eventually, seriesPath } from '../support/api.js';
import { startCosmosFaultProxy, startTcpProxy, type CosmosFaultProxy, type TcpProxy } from '../support/faultProxy.js';
import { startTestIdentityProvider, type TestIdentityProvider } from '../support/jwks.js';
import { seedSeries, startCosmosServer, startTestService, type TestService } from '../support/service.js';
import { startLocalRedis, type LocalRedis } from './redisServer.js';

/**
 * Each instance keeps a cache of the 1:1s it serves (bot/src/store/seriesCache.ts),
 * so an edit waits for one Cosmos request. Two instances on one Cosmos DB:
 * without Redis, nothing tells one of the other's writes, and the ETag of a
 * write is what keeps a stale cache from losing or hiding a change; with
 * Redis, each instance's writes reach the other's cache as events, so a
 * person removed from the chat through one instance is refused by the other
 * at once, and the other's next edit needs no read.
 */

/** The emulator's published key; the Cosmos protocol server accepts any key. */
const LOCAL_COSMOS_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

let redis: LocalRedis;
let idp: TestIdentityProvider;
let cosmos: { endpoint: string; close(): Promise<void> };
/** In front of instance B of the Redis pair, to count its requests. */
let proxy: CosmosFaultProxy;
const started: TestService[] = [];
const proxies: TcpProxy[] = [];

beforeAll(async () => {
  [redis, idp, cosmos] = await Promise.all([startLocalRedis(), startTestIdentityProvider(), startCosmosServer()]);
  proxy = await startCosmosFaultProxy(cosmos.endpoint);
});

afterAll(async () => {
  await Promise.allSettled(started.map((s) => s.stop()));
  await Promise.allSettled(proxies.map((p) => p.close()));
  await Promise.allSettled([redis?.stop(), idp?.close(), cosmos?.close(), proxy?.close()]);
});

async function instance(env: Record<string, string> = {}): Promise<TestService> {
  const service = await startTestService({
    env: { ...idp.env, DEV_MODE: 'false', COSMOS_ENDPOINT: cosmos.endpoint, COSMOS_KEY: LOCAL_COSMOS_KEY, ...env },
  });
  started.push(service);
  return service;
}

/** A 1:1 whose manager works through `a` and report through `b`, both panels loaded (both caches warm). */
async function oneOnOne(a: TestService, b: TestService) {
  const series: Series = await seedSeries(a.service, { tenantId: idp.tenantId });
  const member = (role: Member['role']) => series.members.find((m) => m.role === role)!;
  const [manager, report] = [member('manager'), member('report')];
  const asManager = apiClient(a.url, await idp.signToken(manager));
  const asReport = apiClient(b.url, await idp.signToken(report));
  const path = seriesPath(series.id);
  const added = await asManager.post(`${path}/topics`, {
    id: `cache-${series.id.length}-${Date.now()}`,
    text: 'Growth',
  });
  expect(added.status, JSON.stringify(added.body)).toBe(201);
  const topic = RecordResponse.parse(added.body).record as Topic;
  for (const client of [asManager, asReport]) expect((await client.get(`${path}/state`)).status).toBe(200);
  return { series, manager, report, asManager, asReport, path, topic };
}

describe('two instances without Redis: the ETag keeps a stale cache honest', () => {
  let a: TestService;
  let b: TestService;
  beforeAll(async () => {
    [a, b] = [await instance(), await instance()];
  });

  it('an edit through A, then one through B from the same base version, answers 409 edit_conflict on B', async () => {
    const { asManager, asReport, path, topic } = await oneOnOne(a, b);
    const first = await asManager.patch(`${path}/topics/${topic.id}`, { text: 'Growth plan', baseVersion: 1 });
    expect(first.status).toBe(200);
    // B's cache still holds version 1: its write is refused by the ETag, re-read, and the conflict found.
    const second = await asReport.patch(`${path}/topics/${topic.id}`, { text: 'Career growth', baseVersion: 1 });
    expect(second.status, JSON.stringify(second.body)).toBe(409);
    expect(ErrorBody.parse(second.body).error.code).toBe('edit_conflict');
    const state = PanelState.parse((await asReport.get(`${path}/state`)).body);
    expect(state.topics.find((t) => t.id === topic.id)?.text).toBe('Growth plan');
  });

  it('an edit of another field through B keeps the text written through A (the stale copy is never written back)', async () => {
    const { asManager, asReport, path, topic } = await oneOnOne(a, b);
    expect((await asManager.patch(`${path}/topics/${topic.id}`, { text: 'Growth plan' })).status).toBe(200);
    const marked = await asReport.patch(`${path}/topics/${topic.id}`, { status: 'discussed', baseVersion: 1 });
    expect(marked.status, JSON.stringify(marked.body)).toBe(200);
    const record = RecordResponse.parse(marked.body).record as Topic;
    expect(record).toMatchObject({ text: 'Growth plan', status: 'discussed', version: 3 });
  });

  it('a delete through A, then a delete through B, answers the deleted topic; a restore through B is not ignored', async () => {
    const { asManager, asReport, path, topic } = await oneOnOne(a, b);
    expect((await asManager.delete(`${path}/topics/${topic.id}`)).status).toBe(200);
    expect((await asManager.post(`${path}/topics/${topic.id}/restore`)).status).toBe(200);
    // B's cache says "not deleted" (version 1) and A restored it: a delete through B must still delete.
    const deleted = await asReport.delete(`${path}/topics/${topic.id}`);
    expect(deleted.status).toBe(200);
    expect(RecordResponse.parse(deleted.body).record).toMatchObject({ version: 4, deletedAt: expect.any(String) });
    // Now A's cache says "restored" (version 3): a restore through A must still restore.
    const restored = await asManager.post(`${path}/topics/${topic.id}/restore`);
    expect(RecordResponse.parse(restored.body).record).toMatchObject({ version: 5 });
    expect(RecordResponse.parse(restored.body).record).not.toHaveProperty('deletedAt');
  });
});

describe('two instances with Redis: writes reach the other instance’s cache', () => {
  let a: TestService;
  let b: TestService;
  beforeAll(async () => {
    a = await instance({ REDIS_URL: redis.url });
    b = await instance({ REDIS_URL: redis.url, COSMOS_ENDPOINT: proxy.endpoint });
  });

  it('a person removed from the chat through A is refused by B as soon as the change reaches it', async () => {
    const { series, manager, asReport, path, topic } = await oneOnOne(a, b);
    // Positive control: B lets the report edit while they are in the chat.
    expect((await asReport.patch(`${path}/topics/${topic.id}`, { status: 'discussed' })).status).toBe(200);
    const updated = await followChatMembers(a.service.ctx, series.id, [manager.userId]);
    await eventually(
      () => b.service.ctx.store.cache.get(series.id, series.id)?.record.version === updated.version,
      'the membership change to reach B',
    );
    const refused = await asReport.patch(`${path}/topics/${topic.id}`, { status: 'open' });
    expect(refused.status).toBe(403);
    expect((await asReport.get(`${path}/state`)).status).toBe(403);
  });

  it('an edit through A, then one through B of the same topic: B writes with the ETag A’s event brought, one request', async () => {
    const { series, asManager, asReport, path, topic } = await oneOnOne(a, b);
    const first = RecordResponse.parse(
      (await asManager.patch(`${path}/topics/${topic.id}`, { text: 'Growth plan', baseVersion: 1 })).body,
    ).record;
    await eventually(
      () => b.service.ctx.store.cache.get(series.id, topic.id)?.record.version === first.version,
      'the edit to reach B',
    );
    const before = proxy.forwarded.length;
    const second = await asReport.patch(`${path}/topics/${topic.id}`, { status: 'discussed', baseVersion: 2 });
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    const made = proxy.forwarded.slice(before).filter((r) => r.partitionKey === JSON.stringify([series.id]));
    expect(made.map((r) => `${r.method} ${r.path}`)).toHaveLength(1);
    expect(RecordResponse.parse(second.body).record).toMatchObject({ text: 'Growth plan', status: 'discussed' });
  });
});

describe('a close made through A while B cannot hear A (Redis cut)', () => {
  it(
    'a topic edit B accepts on its stale cache reaches the carried copy once B is back on Redis',
    { timeout: 60_000 },
    async () => {
      const redisForB = await startTcpProxy('127.0.0.1', Number(new URL(redis.url).port));
      const a = await instance({ REDIS_URL: redis.url });
      const b = await instance({ REDIS_URL: `redis://127.0.0.1:${redisForB.port}` });
      try {
        const { series, report, asManager, path, topic } = await oneOnOne(a, b);
        redisForB.block();
        redisForB.cut();
        expect((await asManager.post(`${path}/meetings/current/start`, { early: true })).status).toBe(200);
        const ended = await asManager.post(`${path}/meetings/current/end`);
        expect(ended.status, JSON.stringify(ended.body)).toBe(200);
        // B still holds the meeting as open: the edit is written, after A copied the agenda on. Through the
        // command, not HTTP: B's shared rate limits live in Redis too, so its API refuses requests meanwhile
        // (only its subscriber connection could drop alone, which a TCP proxy cannot single out).
        const edited = await editTopic(
          b.service.ctx,
          { tenantId: series.tenantId, userId: report.userId },
          series.id,
          topic.id,
          {
            text: 'Growth plan',
          },
        );
        expect(edited.text).toBe('Growth plan');
        const copyText = async () => {
          const state = PanelState.parse((await asManager.get(`${path}/state`)).body);
          return state.topics.find((t) => t.originId === topic.id && t.meetingId === state.series.currentMeetingId)
            ?.text;
        };
        // Positive control: the race happened — the copy A made does not have B's change yet.
        expect(await copyText()).toBe('Growth');
        redisForB.restore();
        let text: string | undefined;
        for (let i = 0; i < 200 && text !== 'Growth plan'; i++) {
          text = await copyText();
          if (text !== 'Growth plan') await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect(text).toBe('Growth plan');
      } finally {
        redisForB.restore();
        // Closed after the services (afterAll): closing it first would cut B's Redis again as B stops.
        proxies.push(redisForB);
      }
    },
  );
});
