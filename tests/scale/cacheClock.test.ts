import { CosmosClient, type ItemDefinition } from '@azure/cosmos';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import { Server } from 'socket.io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody, PanelState, RecordResponse } from '../../domain/api.js';
import type { Member, Series, Topic } from '../../domain/entities.js';
import { followChatMembers } from '../../bot/src/commands/membership.js';
import { loadPanelState } from '../../bot/src/commands/panel.js';
import { editTopic } from '../../bot/src/commands/topics.js';
import { CACHE_EVENT } from '../../bot/src/realtime/cacheBus.js';
import { apiClient, eventually, seriesPath } from '../support/api.js';
import { startTcpProxy, type TcpProxy } from '../support/faultProxy.js';
import { startTestIdentityProvider, type TestIdentityProvider } from '../support/jwks.js';
import { seedSeries, startCosmosServer, startTestService, type TestService } from '../support/service.js';
import { startLocalRedis, type LocalRedis } from './redisServer.js';

/**
 * Caches follow the clock, not a trust window: each instance's copy of a 1:1
 * (bot/src/store/seriesCache.ts) can only make a request faster. Every
 * decision that grants or places — membership, "the meeting is still open" —
 * rests on the stored version, read in the write's own transactional batch.
 * The faults sit where they happen: a writer that sends no cache events (an
 * instance of an older release: here one without Redis), a TCP proxy in front
 * of Redis that loses one instance's publishes without anyone knowing, or
 * stalls one instance's connections, and a cache of two 1:1s so one is
 * evicted. A newer release beside this one writes fields and values this one
 * does not know (a rolling deploy).
 */

const LOCAL_COSMOS_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

let redis: LocalRedis;
let idp: TestIdentityProvider;
let cosmos: { endpoint: string; close(): Promise<void> };
let redisForA: TcpProxy;
let redisForB: TcpProxy;
/** On Redis through a proxy that can lose its publishes. */
let a: TestService;
/** On Redis through a proxy that can stall; its cache holds two 1:1s. */
let b: TestService;
/** Without Redis: writes to the same Cosmos DB and tells nobody (the older-release writer). */
let w: TestService;

beforeAll(async () => {
  [redis, idp, cosmos] = await Promise.all([startLocalRedis(), startTestIdentityProvider(), startCosmosServer()]);
  const redisPort = Number(new URL(redis.url).port);
  [redisForA, redisForB] = await Promise.all([
    startTcpProxy('127.0.0.1', redisPort),
    startTcpProxy('127.0.0.1', redisPort),
  ]);
  const env = { ...idp.env, DEV_MODE: 'false', COSMOS_ENDPOINT: cosmos.endpoint, COSMOS_KEY: LOCAL_COSMOS_KEY };
  a = await startTestService({ env: { ...env, REDIS_URL: `redis://127.0.0.1:${redisForA.port}` } });
  b = await startTestService({
    env: { ...env, REDIS_URL: `redis://127.0.0.1:${redisForB.port}`, SERIES_CACHE_SIZE: '2' },
  });
  w = await startTestService({ env });
}, 120_000);

afterAll(async () => {
  redisForA?.restore();
  redisForB?.restore();
  await Promise.allSettled([a?.stop(), b?.stop(), w?.stop()]);
  await Promise.allSettled([redisForA?.close(), redisForB?.close(), redis?.stop(), idp?.close(), cosmos?.close()]);
});

/** A 1:1 with a topic; the manager works through `managerOn`, the report through B; both panels loaded. */
async function oneOnOne(managerOn: TestService) {
  const series: Series = await seedSeries(a.service, { tenantId: idp.tenantId });
  const member = (role: Member['role']) => series.members.find((m) => m.role === role)!;
  const [manager, report] = [member('manager'), member('report')];
  const asManager = apiClient(managerOn.url, await idp.signToken(manager));
  const asReport = apiClient(b.url, await idp.signToken(report));
  const path = seriesPath(series.id);
  const added = await asManager.post(`${path}/topics`, { id: `growth-${series.id.length}`, text: 'Growth' });
  expect(added.status, JSON.stringify(added.body)).toBe(201);
  const topic = RecordResponse.parse(added.body).record as Topic;
  for (const client of [asManager, asReport]) expect((await client.get(`${path}/state`)).status).toBe(200);
  const reportCaller = { tenantId: series.tenantId, userId: report.userId };
  return { series, manager, report, reportCaller, asManager, asReport, path, topic };
}

/** B holds the meeting as live: its panel load cached it after the start. */
async function bHoldsLive(seriesId: string, meetingId: string) {
  await eventually(() => {
    const meeting = b.service.ctx.store.cache.peek(seriesId, meetingId)?.record;
    return meeting?.type === 'meeting' && meeting.status === 'live';
  }, 'B to hold the meeting as live');
}

/** The agenda of the series' current meeting as stored (read through W, fresh). */
async function currentAgenda(asManagerOnW: ReturnType<typeof apiClient>, path: string) {
  const state = PanelState.parse((await asManagerOnW.get(`${path}/state`)).body);
  return {
    meetingId: state.series.currentMeetingId,
    topics: state.topics.filter((t) => t.meetingId === state.series.currentMeetingId),
  };
}

describe('a topic added through B right after an end B never heard of lands on the next agenda', () => {
  it('the end came from a writer that sends no cache events (an older release)', { timeout: 60_000 }, async () => {
    const { series, manager, asReport, path } = await oneOnOne(w);
    const asManagerOnW = apiClient(w.url, await idp.signToken(manager));
    expect((await asReport.post(`${path}/meetings/current/start`, { early: true })).status).toBe(200);
    expect((await asReport.get(`${path}/state`)).status).toBe(200);
    await bHoldsLive(series.id, series.currentMeetingId);

    expect((await asManagerOnW.post(`${path}/meetings/current/end`)).status).toBe(200);
    // Positive control: B's copy still says live — nothing told it of the end.
    expect(b.service.ctx.store.cache.peek(series.id, series.currentMeetingId)?.record).toMatchObject({
      status: 'live',
    });

    const added = await asReport.post(`${path}/topics`, { id: 'after-silent-end', text: 'Holiday plan' });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const next = await currentAgenda(asManagerOnW, path);
    expect(next.meetingId).not.toBe(series.currentMeetingId);
    expect(RecordResponse.parse(added.body).record).toMatchObject({ meetingId: next.meetingId, text: 'Holiday plan' });
    expect(next.topics.map((t) => t.text)).toContain('Holiday plan');
  });

  it('the end’s cache event was lost in Redis (A’s publish went nowhere)', { timeout: 60_000 }, async () => {
    const { series, manager, asManager, asReport, path } = await oneOnOne(a);
    const asManagerOnW = apiClient(w.url, await idp.signToken(manager));
    expect((await asManager.post(`${path}/meetings/current/start`, { early: true })).status).toBe(200);
    await bHoldsLive(series.id, series.currentMeetingId);

    // Every PUBLISH of A goes to a channel nobody listens on: answered as usual, lost without a trace.
    redisForA.rewriteWhen((chunk) => chunk.includes('PUBLISH'), 'one-on-one', 'lost-in-io');
    try {
      expect((await asManager.post(`${path}/meetings/current/end`)).status).toBe(200);
    } finally {
      redisForA.restore();
    }
    expect(b.service.ctx.store.cache.peek(series.id, series.currentMeetingId)?.record).toMatchObject({
      status: 'live',
    });

    const added = await asReport.post(`${path}/topics`, { id: 'after-lost-end', text: 'Team offsite' });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const next = await currentAgenda(asManagerOnW, path);
    expect(RecordResponse.parse(added.body).record).toMatchObject({ meetingId: next.meetingId });
    expect(next.topics.map((t) => t.text)).toContain('Team offsite');
  });
});

describe('membership is decided on the stored series', () => {
  it(
    'a person removed through a writer that sends no events is refused by B at once, and nothing they sent stays',
    { timeout: 60_000 },
    async () => {
      const { series, manager, asReport, path, topic } = await oneOnOne(a);
      const asManagerOnW = apiClient(w.url, await idp.signToken(manager));
      // Positive control: B lets the report edit while they are in the chat (and now holds the series).
      expect((await asReport.patch(`${path}/topics/${topic.id}`, { status: 'discussed' })).status).toBe(200);

      await followChatMembers(w.service.ctx, series.id, [manager.userId]);
      expect(b.service.ctx.store.cache.peek(series.id, series.id)?.record).toMatchObject({ version: 1 });

      const edit = await asReport.patch(`${path}/topics/${topic.id}`, { text: 'Edited after removal' });
      expect(edit.status, JSON.stringify(edit.body)).toBe(403);
      const add = await asReport.post(`${path}/topics`, { id: 'after-removal', text: 'Added after removal' });
      expect(add.status, JSON.stringify(add.body)).toBe(403);
      const item = await asReport.post(`${path}/action-items`, {
        id: 'item-after-removal',
        text: 'Item after removal',
        ownerId: manager.userId,
      });
      expect(item.status, JSON.stringify(item.body)).toBe(403);

      const state = PanelState.parse((await asManagerOnW.get(`${path}/state`)).body);
      expect(state.topics.find((t) => t.id === topic.id)?.text).toBe('Growth');
      expect(state.topics.map((t) => t.id)).not.toContain('after-removal');
      expect(state.actionItems.map((i) => i.id)).not.toContain('item-after-removal');
    },
  );
});

describe('the race signal cannot be lost', () => {
  it(
    'an edit B made after a close it had not heard of reaches the carried copy, though B evicted the 1:1 before the close arrived',
    { timeout: 90_000 },
    async () => {
      const { series, manager, reportCaller, asManager, path, topic } = await oneOnOne(a);
      const asManagerOnW = apiClient(w.url, await idp.signToken(manager));
      expect((await asManager.post(`${path}/meetings/current/start`, { early: true })).status).toBe(200);
      await bHoldsLive(series.id, series.currentMeetingId);

      redisForB.stall();
      try {
        expect((await asManager.post(`${path}/meetings/current/end`)).status).toBe(200);
        // Through the command, not HTTP: on the starting commit B's rate limits wait on the stalled Redis.
        const edited = await editTopic(b.service.ctx, reportCaller, series.id, topic.id, { text: 'Growth plan' });
        expect(edited.text).toBe('Growth plan');
        // B serves two other 1:1s (made through W, so no event of theirs reaches B): its cache of two drops this one.
        for (let i = 0; i < 2; i++) {
          const other = await seedSeries(w.service, { tenantId: idp.tenantId });
          const otherReport = other.members.find((m) => m.role === 'report')!;
          await loadPanelState(b.service.ctx, { tenantId: other.tenantId, userId: otherReport.userId }, other.id);
        }
        expect(b.service.ctx.store.cache.peek(series.id, series.id)).toBeUndefined();
      } finally {
        // The close's event now reaches B, long after the write and for a 1:1 it no longer holds.
        redisForB.restore();
      }
      // Wait for B to take the close's event (into a fresh entry: the 1:1 was evicted) — when the old race
      // signal would have fired, if it still could.
      await eventually(
        () => b.service.ctx.store.cache.peek(series.id, series.currentMeetingId)?.record,
        'the close to reach B',
        15_000,
      );
      const next = await currentAgenda(asManagerOnW, path);
      expect(next.topics.find((t) => t.originId === topic.id)?.text).toBe('Growth plan');
    },
  );
});

describe('a rolling deploy: a newer release beside this one', () => {
  it(
    'fields it adds survive this release’s write-back, and a record this release cannot read is never served from an older copy',
    { timeout: 90_000 },
    async () => {
      const { series, asManager, asReport, path, topic } = await oneOnOne(a);
      // The newer release: its own Cosmos client and its own Socket.IO server on the same Redis adapter.
      const client = new CosmosClient({
        endpoint: cosmos.endpoint,
        key: LOCAL_COSMOS_KEY,
        connectionPolicy: { enableEndpointDiscovery: false },
      });
      const records = client.database('one-on-one').container('records');
      const pub = createClient({ url: redis.url });
      const sub = pub.duplicate();
      for (const c of [pub, sub]) c.on('error', () => undefined);
      await Promise.all([pub.connect(), sub.connect()]);
      const newer = new Server();
      newer.adapter(createAdapter(pub, sub, { key: 'one-on-one' }));
      try {
        const writeAsNewer = async (change: (doc: ItemDefinition) => ItemDefinition) => {
          const { resource, etag } = await records.item(topic.id, series.id).read<ItemDefinition>();
          const next = change(resource!);
          const { resource: written } = await records
            .item(topic.id, series.id)
            .replace<ItemDefinition>(next, { accessCondition: { type: 'IfMatch', condition: etag! } });
          const record = Object.fromEntries(Object.entries(written!).filter(([key]) => !key.startsWith('_')));
          newer.serverSideEmit(CACHE_EVENT, { record, etag: written!._etag });
          return written!;
        };

        const v2 = await writeAsNewer((doc) => ({ ...doc, version: 2, text: 'Growth (newer)', reactions: ['👍'] }));
        await eventually(
          () => a.service.ctx.store.cache.peek(series.id, topic.id)?.etag === v2._etag,
          'A to take the newer version',
        );
        // This release writes the topic back: the field it does not know stays.
        const marked = await asManager.patch(`${path}/topics/${topic.id}`, { status: 'discussed' });
        expect(marked.status, JSON.stringify(marked.body)).toBe(200);
        expect(RecordResponse.parse(marked.body).record).toMatchObject({ text: 'Growth (newer)', version: 3 });
        const { resource: stored } = await records.item(topic.id, series.id).read<ItemDefinition>();
        expect(stored).toMatchObject({ status: 'discussed', reactions: ['👍'] });

        // A value this release cannot read: its copy is dropped, and nothing stale is served.
        await writeAsNewer((doc) => ({ ...doc, version: 4, status: 'parked' }));
        await eventually(
          () => a.service.ctx.store.cache.peek(series.id, topic.id) === undefined,
          'A to drop its copy of a version it cannot read',
        );
        const load = await asManager.get(`${path}/state`);
        expect(load.status, JSON.stringify(load.body)).toBe(503);
        expect(ErrorBody.parse(load.body).error.code).toBe('unavailable');
        const edit = await asReport.patch(`${path}/topics/${topic.id}`, { status: 'open' });
        expect(edit.status, JSON.stringify(edit.body)).toBe(503);
      } finally {
        // Not newer.close(): a Socket.IO server never attached to an HTTP server has no engine to close.
        await Promise.allSettled([pub.quit(), sub.quit()]);
        client.dispose();
      }
    },
  );
});
