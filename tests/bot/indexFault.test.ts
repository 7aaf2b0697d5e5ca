import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requests, startCosmosFaultProxy, type CosmosFaultProxy } from '../support/faultProxy.js';
import type { EmulatedMember } from '../support/fakeConnector.js';
import { startCosmosServer } from '../support/service.js';
import { startBotHarness, type BotHarness } from './harness.js';

/**
 * Issue 21, failure 3: a member's removal whose per-user index write fails
 * once must not leave the 1:1 visible to them. The index is a copy written by
 * the effects processor after the series changed; the three places that list
 * a person's 1:1s from it — `GET /api/me/series`, the "Add to 1:1 agenda"
 * dialog and the personal chat — check the series' members when reading, and
 * the failed write is retried by the processor, never only logged. The fault
 * is real: the Cosmos fault proxy refuses the index delete once.
 */
let cosmos: Awaited<ReturnType<typeof startCosmosServer>>;
let proxy: CosmosFaultProxy;
let h: BotHarness;

beforeAll(async () => {
  cosmos = await startCosmosServer();
  proxy = await startCosmosFaultProxy(cosmos.endpoint);
  h = await startBotHarness({ env: { COSMOS_ENDPOINT: proxy.endpoint, COSMOS_KEY: 'local' } });
});
afterAll(async () => {
  await h?.stop();
  await proxy?.close();
  await cosmos?.close();
});

const listed = async (member: EmulatedMember) =>
  ((await (await h.api(member)).get('/me/series')).body as { series: { id: string }[] }).series.map((s) => s.id);

/** The "Add to 1:1 agenda" dialog as Teams fetches it for a message elsewhere. */
async function dialog(from: EmulatedMember): Promise<string> {
  const answer = await h.chat.post(
    h.chat.activity(from, {
      type: 'invoke',
      name: 'composeExtension/fetchTask',
      value: {
        commandId: 'addToAgenda',
        commandContext: 'message',
        messagePayload: { id: '1712345678901', body: { contentType: 'html', content: '<p>Rota</p>' } },
      },
      conversation: { id: '19:team-channel@thread.tacv2', conversationType: 'channel', tenantId: h.chat.tenantId },
    }),
  );
  expect(answer.status).toBe(200);
  return JSON.stringify(answer.body);
}

/** The bot's answer to a message in personal chat. */
async function personalAnswer(from: EmulatedMember, text: string): Promise<string> {
  const conversationId = `a:personal-${from.aadObjectId}-${text.length}`;
  const answer = await h.chat.post(
    h.chat.activity(from, {
      type: 'message',
      text,
      conversation: { id: conversationId, conversationType: 'personal', tenantId: h.chat.tenantId },
      channelData: { tenant: { id: h.chat.tenantId } },
    }),
  );
  expect(answer.status).toBe(200);
  return JSON.stringify(h.connector.posted(conversationId).at(-1)?.activity.attachments?.[0]?.content);
}

async function indexEntry(userId: string) {
  const { resources } = await h.svc.service.cosmos.containers.userSeries.items
    .query(
      { query: 'SELECT * FROM c WHERE c.seriesId = @id', parameters: [{ name: '@id', value: h.seriesId }] },
      {
        partitionKey: userId,
      },
    )
    .fetchAll();
  return resources;
}

describe('a member removed while the index write fails once', () => {
  it('sees the 1:1 nowhere — My 1:1s, the Add to agenda dialog, the personal chat — and the index is repaired by a retry', async () => {
    const { manager, report } = h.chat;
    // Positive controls: before the removal each surface shows the 1:1 (and the other member's name) to the report.
    expect(await listed(report)).toContain(h.seriesId);
    expect(await dialog(report)).toContain(h.seriesId);
    expect(await personalAnswer(report, 'hi')).toContain(manager.name);

    const refused = proxy.inject({
      match: (r) => requests.anyTo('userSeries')(r) && r.method === 'DELETE',
      fault: { kind: 'status', status: 503 },
    });
    h.connector.emulator.setMembers(h.chat.chatId, [manager]);
    const removed = await h.chat.post(
      h.chat.activity(manager, {
        type: 'conversationUpdate',
        membersRemoved: [{ id: report.id, aadObjectId: report.aadObjectId }],
      }),
    );
    expect(removed.status).toBe(200);
    // The fault hit the index write: the report's entry is still there (stale).
    expect(refused.hits).toBeGreaterThanOrEqual(1);
    refused.clear();
    expect(await indexEntry(report.aadObjectId)).toHaveLength(1);

    expect(await listed(report)).not.toContain(h.seriesId);
    const asDialog = await dialog(report);
    expect(asDialog).not.toContain(h.seriesId);
    expect(asDialog).not.toContain(manager.name);
    expect(await personalAnswer(report, 'my 1:1s?')).not.toContain(manager.name);
    // The manager still sees it everywhere.
    expect(await listed(manager)).toContain(h.seriesId);
    expect(await dialog(manager)).toContain(h.seriesId);

    // The index update is an effect: the processor's next run writes it again, and this time it lands.
    const tick = await h.svc.service.bot.scheduler.tick();
    expect(tick.indexes).toEqual([h.seriesId]);
    expect(await indexEntry(report.aadObjectId)).toEqual([]);
    expect(await indexEntry(manager.aadObjectId)).toHaveLength(1);
  });
});
