import { afterAll, beforeAll, expect, it } from 'vitest';
import { PanelState } from '../../domain/api.js';
import { EVENTS, JoinAck } from '../../domain/realtime.js';
import { connectPanel, eventually } from '../support/api.js';
import { devToken } from '../support/service.js';
import type { EmulatedMember } from '../support/fakeConnector.js';
import { cardTexts, startBotHarness, type BotHarness } from './harness.js';

/**
 * Issue 12.3: the 1:1's membership follows the Teams chat. Teams' updates
 * are real conversationUpdate activities; the fake connector answers the
 * roster (members) calls with whoever is in the chat now.
 */
let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness();
});
afterAll(() => h?.stop());

const summaries = () => h.connector.cards(h.chat.chatId).filter((c) => cardTexts(c).includes('1:1 summary'));
const stateOf = async (member: EmulatedMember) => (await h.api(member)).get(`/series/${h.seriesId}/state`);
/** The ids "My 1:1s" lists for a member. */
const listedFor = async (member: EmulatedMember) =>
  ((await (await h.api(member)).get('/me/series')).body as { series: { id: string }[] }).series.map((s) => s.id);

function chatNow(...people: EmulatedMember[]): void {
  h.connector.emulator.setMembers(h.chat.chatId, people);
}

async function membersChanged(kind: 'membersAdded' | 'membersRemoved', who: EmulatedMember) {
  const answer = await h.chat.post(
    h.chat.activity(h.chat.manager, {
      type: 'conversationUpdate',
      [kind]: [{ id: who.id, aadObjectId: who.aadObjectId }],
    }),
  );
  expect(answer.status).toBe(200);
}

it('a member removed from the chat loses REST and live access at once, and gets both back on return', async () => {
  const { manager, report } = h.chat;
  const token = await devToken(h.svc.service, h.chat.tenantId, { userId: report.aadObjectId, name: report.name });
  const reportPanel = await connectPanel(h.svc.url, token, h.seriesId);
  const managerPanel = await connectPanel(
    h.svc.url,
    await devToken(h.svc.service, h.chat.tenantId, { userId: manager.aadObjectId, name: manager.name }),
    h.seriesId,
  );
  try {
    expect((await stateOf(report)).status).toBe(200);
    expect(await listedFor(report)).toContain(h.seriesId);
    chatNow(manager);
    await membersChanged('membersRemoved', report);
    expect((await stateOf(report)).status).toBe(403);
    // "My 1:1s" no longer shows its title and names to them; the manager still sees it.
    expect(await listedFor(report)).not.toContain(h.seriesId);
    expect(await listedFor(manager)).toContain(h.seriesId);

    const asManager = await h.api(manager);
    expect((await asManager.post(`/series/${h.seriesId}/topics`, { id: 'after-leaving', text: 'Reorg' })).status).toBe(
      201,
    );
    // Positive control: the manager's panel gets it; the departed member's socket does not.
    await eventually(() => managerPanel.records().some((r) => r.id === 'after-leaving'), 'the manager’s event');
    expect(reportPanel.records().some((r) => r.id === 'after-leaving')).toBe(false);
    const rejoin = JoinAck.parse(
      await reportPanel.socket.timeout(5000).emitWithAck(EVENTS.join, { seriesId: h.seriesId }),
    );
    expect(rejoin).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    chatNow(manager, report);
    await membersChanged('membersAdded', report);
    expect((await stateOf(report)).status).toBe(200);
    expect(await listedFor(report)).toContain(h.seriesId);
  } finally {
    reportPanel.close();
    managerPanel.close();
  }
});

it('a chat with a third person gets no summary, the panel says why, and the summary follows once it is two again', async () => {
  const { manager, report } = h.chat;
  const third: EmulatedMember = {
    id: '29:third',
    name: 'Casey Third',
    aadObjectId: `aad-third-${h.chat.tenantId}`,
    tenantId: h.chat.tenantId,
  };
  chatNow(manager, report, third);
  await membersChanged('membersAdded', third);
  const paused = PanelState.parse((await stateOf(manager)).body).series;
  expect(paused.sharingPaused).toMatchObject({ code: 'chat_not_one_on_one' });
  expect(paused.sharingPaused?.message).toMatch(/3 people/);

  const asManager = await h.api(manager);
  expect(
    (await asManager.post(`/series/${h.seriesId}/topics`, { id: 'shared-stuff', text: 'Shared stuff' })).status,
  ).toBe(201);
  expect(
    (await asManager.put(`/series/${h.seriesId}/topics/shared-stuff/notes/mine`, { text: 'Secret-ish note' })).status,
  ).toBe(200);
  expect((await asManager.post(`/series/${h.seriesId}/meetings/current/start`, { early: true })).status).toBe(200);
  expect((await asManager.post(`/series/${h.seriesId}/meetings/current/end`)).status).toBe(200);
  await h.svc.service.bot.scheduler.tick();
  expect(summaries()).toEqual([]);
  expect(JSON.stringify(h.connector.cards(h.chat.chatId))).not.toContain('Secret-ish note');

  // Positive control: back to two people, the held summary is posted on the next tick.
  chatNow(manager, report);
  await membersChanged('membersRemoved', third);
  expect(PanelState.parse((await stateOf(manager)).body).series.sharingPaused).toBeUndefined();
  await h.svc.service.bot.scheduler.tick();
  expect(summaries()).toHaveLength(1);
});

it('the roster is checked right before posting, so a third person Teams did not announce still blocks the summary', async () => {
  const { manager, report } = h.chat;
  const quiet: EmulatedMember = {
    id: '29:quiet',
    name: 'Quiet Guest',
    aadObjectId: `aad-quiet-${h.chat.tenantId}`,
    tenantId: h.chat.tenantId,
  };
  chatNow(manager, report, quiet);
  const before = summaries().length;
  const asManager = await h.api(manager);
  expect((await asManager.post(`/series/${h.seriesId}/topics`, { id: 'second-meeting', text: 'Next' })).status).toBe(
    201,
  );
  expect((await asManager.post(`/series/${h.seriesId}/meetings/current/start`, { early: true })).status).toBe(200);
  expect((await asManager.post(`/series/${h.seriesId}/meetings/current/end`)).status).toBe(200);
  expect(summaries()).toHaveLength(before);
  expect(PanelState.parse((await stateOf(report)).body).series.sharingPaused?.code).toBe('chat_not_one_on_one');
});
