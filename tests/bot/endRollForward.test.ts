import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PanelState } from '../../domain/api.js';
import { seriesIdForChat } from '../../domain/series.js';
import { AdjustableClock } from '../../bot/src/clock.js';
import { apiClient } from '../support/api.js';
import { effectId } from '../../domain/effects.js';
import { batchDocuments, requests, startCosmosFaultProxy, type CosmosFaultProxy } from '../support/faultProxy.js';
import { startFakeConnector, type EmulatedMember, type FakeConnector } from '../support/fakeConnector.js';
import { devToken, startCosmosServer, startTestService, type TestService } from '../support/service.js';
import { cardTexts } from './harness.js';
import { teamsChat, type TeamsChat } from './teamsChat.js';

/**
 * Crashes at chosen points of a meeting end. Storage outlives the service
 * (a Cosmos protocol server of its own); the service reaches it through a
 * fault-injecting proxy that, at the chosen write, lets that write land and
 * then cuts every connection for good: from storage's point of view the
 * service died right there. A meeting end is one atomic commit (the ended
 * meeting, the next meeting, the carried copies, the series moved on and the
 * summary effect), so a crash leaves the end either whole or not there at
 * all; a new instance on the same storage runs the effect the dead one did
 * not, and posts the summary card once.
 */
let cosmos: Awaited<ReturnType<typeof startCosmosServer>>;
let connector: FakeConnector;
const clock = new AdjustableClock();
const running: TestService[] = [];
const proxies: CosmosFaultProxy[] = [];

beforeAll(async () => {
  cosmos = await startCosmosServer();
  connector = await startFakeConnector();
});
afterAll(async () => {
  for (const s of running) await s.stop().catch(() => undefined);
  for (const p of proxies) await p.close();
  await connector?.stop();
  await cosmos?.close();
});

async function service(endpoint: string, devIdentities?: TestService['service']['devIdentities']) {
  const svc = await startTestService({
    env: { COSMOS_ENDPOINT: endpoint, COSMOS_KEY: 'local', SCHEDULER_INTERVAL_SECONDS: '3600' },
    clock,
    ...(devIdentities ? { devIdentities } : {}),
  });
  running.push(svc);
  return svc;
}

/** A meeting chat served by a service behind a fresh fault proxy. */
async function chatBehindProxy() {
  const proxy = await startCosmosFaultProxy(cosmos.endpoint);
  proxies.push(proxy);
  const first = await service(proxy.endpoint);
  const chat: TeamsChat = teamsChat(first.url, connector);
  const start = new Date(Math.ceil((Date.now() + 3 * 86_400_000) / 3_600_000) * 3_600_000);
  connector.emulator.setMeetingInfo(chat.meetingId, {
    details: {
      id: chat.meetingId,
      title: '',
      scheduledStartTime: start.toISOString(),
      scheduledEndTime: new Date(start.getTime() + 30 * 60_000).toISOString(),
    },
    organizer: { id: chat.manager.id, aadObjectId: chat.manager.aadObjectId },
  });
  expect((await chat.install()).status).toBe(200);
  const seriesId = seriesIdForChat(chat.chatId);
  const path = `/series/${seriesId}`;
  const api = async (svc: TestService, member: EmulatedMember) =>
    apiClient(svc.url, await devToken(svc.service, chat.tenantId, { userId: member.aadObjectId, name: member.name }));
  const state = async (svc: TestService) =>
    PanelState.parse((await (await api(svc, chat.manager)).get(`${path}/state`)).body);
  const summaries = () =>
    connector
      .cards(chat.chatId)
      .map((c) => cardTexts(c).join('\n'))
      .filter((t) => t.includes('1:1 summary'));
  /** Teams delivering a meeting event to whichever instance now runs. */
  const teamsEvent = (svc: TestService, kind: 'start' | 'end', at = new Date()) =>
    fetch(`${svc.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(
        chat.activity(chat.manager, {
          type: 'event',
          name: kind === 'start' ? 'application/vnd.microsoft.meetingStart' : 'application/vnd.microsoft.meetingEnd',
          value: {
            Id: chat.meetingId,
            MeetingType: 'Scheduled',
            [kind === 'start' ? 'StartTime' : 'EndTime']: at.toISOString(),
          },
        }),
      ),
    });
  return { proxy, first, chat, seriesId, path, api, state, summaries, teamsEvent };
}

async function until(check: () => unknown, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The service "dies": its process would be gone; here its storage is cut off and it is shut down. */
async function crash(svc: TestService, proxy: CosmosFaultProxy) {
  await until(() => proxy.frozenAt, 'the chosen write');
  await svc.stop().catch(() => undefined);
}

describe('a meeting end interrupted by a crash', { timeout: 150_000 }, () => {
  it('killed right after the end is committed, before its summary is posted: the end is whole, and a new instance posts the summary once', async () => {
    const t = await chatBehindProxy();
    const report = await t.api(t.first, t.chat.report);
    for (const id of ['rf-1', 'rf-2']) await report.post(`${t.path}/topics`, { id, text: `Open ${id}` });
    await report.post(`${t.path}/topics`, { id: 'rf-done', text: 'Discussed' });
    await report.patch(`${t.path}/topics/rf-done`, { status: 'discussed' });
    await report.post(`${t.path}/meetings/current/start`, { early: true });
    const meetingId = (await t.state(t.first)).series.currentMeetingId;

    t.proxy.inject({
      match: requests.batchWith((doc) => doc.type === 'meeting' && doc.id === meetingId && doc.status === 'ended'),
      fault: { kind: 'freezeAfter' },
    });
    void report.post(`${t.path}/meetings/${meetingId}/end`).catch(() => undefined);
    await crash(t.first, t.proxy);

    const second = await service(cosmos.endpoint, t.first.service.devIdentities);
    const after = await t.state(second);
    // The crash hit where it was meant to: everything of the end is stored, in one commit; no card yet.
    expect(after.meetings.find((m) => m.id === meetingId)).toMatchObject({ status: 'ended' });
    expect(after.meetings.find((m) => m.id === meetingId)?.settledAt).toBeDefined();
    const next = after.series.currentMeetingId;
    expect(next).not.toBe(meetingId);
    const onNext = after.topics.filter((x) => x.meetingId === next && !x.deletedAt).map((x) => x.originId);
    expect(onNext.sort()).toEqual(['rf-1', 'rf-2']);
    expect(t.summaries()).toHaveLength(0);

    // The summary effect was committed with the end: the next tick runs it, once.
    const tick = await second.service.bot.scheduler.tick();
    expect(tick.summaries).toEqual([meetingId]);
    expect(t.summaries()).toHaveLength(1);

    // Nothing left to do, and Teams' own end event arriving now changes nothing.
    expect(await second.service.bot.scheduler.tick()).toMatchObject({ summaries: [] });
    const settled = JSON.stringify(await t.state(second));
    expect((await t.teamsEvent(second, 'end')).status).toBe(200);
    expect(JSON.stringify(await t.state(second))).toBe(settled);
    expect(t.summaries()).toHaveLength(1);
  });

  it('an end whose commit never reaches storage leaves nothing of it behind, and ending again works', async () => {
    const t = await chatBehindProxy();
    const report = await t.api(t.first, t.chat.report);
    await report.post(`${t.path}/topics`, { id: 'nb-1', text: 'Still open' });
    await report.post(`${t.path}/meetings/current/start`, { early: true });
    const before = await t.state(t.first);
    const meetingId = before.series.currentMeetingId;

    const lost = t.proxy.inject({
      match: requests.batchWith((doc) => doc.type === 'meeting' && doc.id === meetingId),
      fault: { kind: 'reset' },
    });
    expect((await report.post(`${t.path}/meetings/${meetingId}/end`)).status).toBeGreaterThanOrEqual(500);
    expect(lost.hits).toBe(1);
    // Nothing of the end: the meeting is live, no next meeting, no copy, no summary owed.
    const half = await t.state(t.first);
    expect(half.meetings.find((m) => m.id === meetingId)).toMatchObject({ status: 'live' });
    expect(half.meetings).toHaveLength(before.meetings.length);
    expect(half.topics).toEqual(before.topics);
    expect(
      await t.first.service.cosmos.containers.records.item(effectId('summary', meetingId), t.seriesId).read(),
    ).toMatchObject({
      statusCode: 404,
    });

    expect((await report.post(`${t.path}/meetings/${meetingId}/end`)).status).toBe(200);
    await until(() => t.summaries().length === 1, 'the summary card');
    const ended = await t.state(t.first);
    expect(ended.topics.filter((x) => x.meetingId === ended.series.currentMeetingId).map((x) => x.originId)).toEqual([
      'nb-1',
    ]);
  });

  it('killed after a Teams-triggered end, before the summary is posted: the next instance posts it once, and Teams redelivering the event changes nothing', async () => {
    const t = await chatBehindProxy();
    const report = await t.api(t.first, t.chat.report);
    await report.post(`${t.path}/topics`, { id: 'tk-1', text: 'Discussed in the call' });
    await report.patch(`${t.path}/topics/tk-1`, { status: 'discussed' });
    expect((await t.teamsEvent(t.first, 'start')).status).toBe(200);
    const meetingId = (await t.state(t.first)).series.currentMeetingId;

    t.proxy.inject({
      match: requests.batchWith((doc) => doc.type === 'meeting' && doc.id === meetingId && doc.status === 'ended'),
      fault: { kind: 'freezeAfter' },
    });
    const endedAt = new Date();
    void t.teamsEvent(t.first, 'end', endedAt).catch(() => undefined);
    await crash(t.first, t.proxy);
    expect(t.summaries()).toHaveLength(0);

    const second = await service(cosmos.endpoint, t.first.service.devIdentities);
    const before = JSON.stringify(await t.state(second));
    expect((await t.teamsEvent(second, 'end', endedAt)).status).toBe(200);
    expect(JSON.stringify(await t.state(second))).toBe(before);

    const tick = await second.service.bot.scheduler.tick();
    expect(tick.summaries).toEqual([meetingId]);
    expect(t.summaries()).toHaveLength(1);
    expect(t.summaries()[0]).toContain('Discussed in the call');
    expect((await second.service.bot.scheduler.tick()).summaries).toEqual([]);
    expect(t.summaries()).toHaveLength(1);
  });
});

describe('marking a posted card done', { timeout: 60_000 }, () => {
  const summaryWrites = (proxy: CosmosFaultProxy, meetingId: string) =>
    proxy.writes
      .flatMap((w) => (w.json ? [w.json] : batchDocuments(w.body)))
      .filter((b) => b.type === 'effect' && b.kind === 'summary' && b.subject === meetingId)
      .map((b) => String(b.state));

  for (const fault of ['refused once', 'answer lost once'] as const) {
    it(`a summary whose “done” mark is ${fault} is posted once and never given back to pending`, async () => {
      const t = await chatBehindProxy();
      const manager = await t.api(t.first, t.chat.manager);
      await manager.post(`${t.path}/topics`, { id: 'ms-1', text: 'Posted once' });
      await manager.patch(`${t.path}/topics/ms-1`, { status: 'discussed' });
      await manager.post(`${t.path}/meetings/current/start`, { early: true });
      const meetingId = (await t.state(t.first)).series.currentMeetingId;
      const isMark = requests.writeWhere(
        (doc) => doc.type === 'effect' && doc.kind === 'summary' && doc.state === 'done',
      );
      const injected = t.proxy.inject({
        match: isMark,
        fault: fault === 'refused once' ? { kind: 'status', status: 503 } : { kind: 'dropAnswer' },
      });

      expect((await manager.post(`${t.path}/meetings/${meetingId}/end`)).status).toBe(200);
      const records = t.first.service.cosmos.containers.records;
      await until(async () => {
        const { resource } = await records.item(effectId('summary', meetingId), t.seriesId).read<{ state: string }>();
        return resource?.state === 'done';
      }, 'the effect marked done');
      // The fault hit the mark, and the claim was never released after the post.
      expect(injected.hits).toBe(1);
      const states = summaryWrites(t.proxy, meetingId);
      expect(states[0]).toBe('pending');
      expect(states.slice(states.indexOf('running'))).not.toContain('pending');

      clock.advanceBy(11 * 60_000); // past any claim lease
      await t.first.service.bot.scheduler.tick();
      await t.first.service.bot.scheduler.tick();
      expect(t.summaries()).toHaveLength(1);
    });
  }
});
