import { effectId } from '../../domain/effects.js';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seriesIdForChat } from '../../domain/series.js';
import { teamsChat } from '../bot/teamsChat.js';
import { apiClient, seriesPath } from '../support/api.js';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector.js';
import { devToken, startTestService, type TestService } from '../support/service.js';

/**
 * Issue 12.2: the bot sends requests only to allow-listed Bot Framework /
 * Teams service URLs, whatever an activity (or a stored conversation
 * reference) names. Both hosts here are loopback; only the fake connector's
 * host:port is on the list.
 */
interface Listener {
  url: string;
  hits: string[];
  stop(): Promise<void>;
}

async function startForeignListener(): Promise<Listener> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"x","members":[]}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let connector: FakeConnector;
let foreign: Listener;
let svc: TestService;

beforeAll(async () => {
  [connector, foreign] = await Promise.all([startFakeConnector(), startForeignListener()]);
  svc = await startTestService({
    env: { BOT_SERVICE_URL_HOSTS: new URL(connector.url).host, SCHEDULER_INTERVAL_SECONDS: '3600' },
  });
});

afterAll(async () => {
  await svc?.stop();
  await Promise.all([connector?.stop(), foreign?.stop()]);
});

it('a forged install naming a foreign serviceUrl is refused and nothing is sent there; the allowed one is reached', async () => {
  const chat = teamsChat(svc.url, connector);
  const forged = chat.activity(chat.manager, { type: 'installationUpdate', action: 'add', serviceUrl: foreign.url });
  const refused = await chat.post(forged);
  expect(refused.status).toBe(403);
  expect(foreign.hits).toEqual([]);
  expect(
    await svc.service.ctx.store.records.read(seriesIdForChat(chat.chatId), seriesIdForChat(chat.chatId)),
  ).toBeUndefined();

  // Positive control: the same install through the allow-listed connector reaches it (members, welcome card).
  const before = connector.emulator.requests.length;
  expect((await chat.install()).status).toBe(200);
  expect(connector.emulator.requests.length).toBeGreaterThan(before);
  expect(connector.cards(chat.chatId).length).toBeGreaterThan(0);
});

it('a stored conversation reference pointing elsewhere gets no summary sent to it', async () => {
  const chat = teamsChat(svc.url, connector);
  expect((await chat.install()).status).toBe(200);
  const seriesId = seriesIdForChat(chat.chatId);
  const prompts = svc.service.cosmos.containers.prompts;
  const { resource: binding } = await prompts
    .item('chat', seriesId)
    .read<{ conversationReference: { serviceUrl: string } }>();
  expect(binding).toBeDefined();
  await prompts.items.upsert({
    ...binding!,
    conversationReference: { ...binding!.conversationReference, serviceUrl: foreign.url },
  });

  const asManager = apiClient(
    svc.url,
    await devToken(svc.service, chat.tenantId, { userId: chat.manager.aadObjectId!, name: 'Alex' }),
  );
  expect((await asManager.post(`${seriesPath(seriesId)}/topics`, { id: 'held', text: 'Held' })).status).toBe(201);
  expect((await asManager.post(`${seriesPath(seriesId)}/meetings/current/start`, { early: true })).status).toBe(200);
  const meetingId = (await asManager.get(`${seriesPath(seriesId)}/state`)).body as {
    series: { currentMeetingId: string };
  };
  expect((await asManager.post(`${seriesPath(seriesId)}/meetings/current/end`)).status).toBe(200);
  await svc.service.bot.scheduler.tick();
  expect(foreign.hits).toEqual([]);
  // Positive control: the summary was due and its post was attempted, and refused for the service URL.
  const { resource: effect } = await svc.service.cosmos.containers.records
    .item(effectId('summary', meetingId.series.currentMeetingId), seriesId)
    .read<{ state: string; lastError?: string }>();
  expect(effect?.state).not.toBe('done');
  expect(effect?.lastError).toMatch(/service URL/i);
});
