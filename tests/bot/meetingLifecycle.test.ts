import { effectId } from '../../domain/effects.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PanelState } from '../../domain/api.js';
import { DEFAULT_REJOIN_WINDOW_MINUTES } from '../../domain/occurrence.js';
import { seriesIdForChat } from '../../domain/series.js';
import { apiClient } from '../support/api.js';
import type { EmulatedMember } from '../support/fakeConnector.js';
import { devToken } from '../support/service.js';
import { cardTexts, expectValidCards, startBotHarness, type BotHarness } from './harness.js';
import { teamsChat, type TeamsChat } from './teamsChat.js';

/**
 * Teams' meeting events and the panel's Start/End against the real service
 * and the fake Teams connector: each call ends once, Teams' events are
 * matched to the occurrence by the time they carry, and the summary card is
 * posted once, only for a meeting that was held.
 */
let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness({ install: false });
});
afterAll(() => h?.stop());

const HOUR = 3_600_000;

/** A new Teams meeting chat with the bot installed; its first meeting is `firstStart` (default: three days ahead). */
async function meetingChat(firstStart = new Date(Math.ceil((Date.now() + 3 * 86_400_000) / HOUR) * HOUR)) {
  const chat: TeamsChat = teamsChat(h.svc.url, h.connector);
  h.connector.emulator.setMeetingInfo(chat.meetingId, {
    details: {
      id: chat.meetingId,
      title: '',
      scheduledStartTime: firstStart.toISOString(),
      scheduledEndTime: new Date(firstStart.getTime() + 30 * 60_000).toISOString(),
    },
    organizer: { id: chat.manager.id, aadObjectId: chat.manager.aadObjectId },
  });
  expect((await chat.install()).status).toBe(200);
  const seriesId = seriesIdForChat(chat.chatId);
  const api = async (member: EmulatedMember) =>
    apiClient(
      h.svc.url,
      await devToken(h.svc.service, chat.tenantId, { userId: member.aadObjectId, name: member.name }),
    );
  const manager = await api(chat.manager);
  const report = await api(chat.report);
  const path = `/series/${seriesId}`;
  const state = async () => PanelState.parse((await manager.get(`${path}/state`)).body);
  const summaries = () =>
    h.connector
      .cards(chat.chatId)
      .map((c) => cardTexts(c).join('\n'))
      .filter((text) => text.includes('1:1 summary') || text.includes('nothing was recorded'));
  const snapshot = async () => {
    const s = await state();
    return JSON.stringify({ series: s.series, meetings: s.meetings, topics: s.topics });
  };
  return { chat, seriesId, manager, report, path, state, summaries, snapshot };
}

describe('Teams’ meeting events', () => {
  it('the same end event delivered twice at once ends one meeting and posts one summary', async () => {
    const m = await meetingChat();
    await m.report.post(`${m.path}/topics`, { id: 'tw-1', text: 'Open topic' });
    expect((await m.chat.meetingEvent('start')).status).toBe(200);
    const endedAt = new Date();
    const [a, b] = await Promise.all([m.chat.meetingEvent('end', endedAt), m.chat.meetingEvent('end', endedAt)]);
    expect([a.status, b.status]).toEqual([200, 200]);

    const after = await m.state();
    expect(after.meetings.filter((x) => x.status === 'ended')).toHaveLength(1);
    expect(
      after.topics.filter((x) => x.originId === 'tw-1' && x.meetingId === after.series.currentMeetingId),
    ).toHaveLength(1);
    expect(m.summaries()).toHaveLength(1);
  });

  it('the panel and Teams ending together end one meeting and post one summary', async () => {
    const m = await meetingChat();
    await m.report.post(`${m.path}/topics`, { id: 'pt-1', text: 'Open topic' });
    expect((await m.manager.post(`${m.path}/meetings/current/start`, { early: true })).status).toBe(200);
    const meetingId = (await m.state()).series.currentMeetingId;
    const [teams, panel] = await Promise.all([
      m.chat.meetingEvent('end'),
      m.report.post(`${m.path}/meetings/${meetingId}/end`),
    ]);
    expect(teams.status).toBe(200);
    expect(panel.status).toBe(200);
    const after = await m.state();
    expect(after.meetings.filter((x) => x.status === 'ended').map((x) => x.id)).toEqual([meetingId]);
    expect(after.topics.filter((x) => x.originId === 'pt-1' && !x.deletedAt)).toHaveLength(2);
    expect(m.summaries()).toHaveLength(1);
  });

  it('a replayed end event changes nothing', async () => {
    const m = await meetingChat();
    await m.report.post(`${m.path}/topics`, { id: 'rp-1', text: 'Open topic' });
    await m.chat.meetingEvent('start');
    const endedAt = new Date();
    await m.chat.meetingEvent('end', endedAt);
    const after = await m.snapshot();
    expect(m.summaries()).toHaveLength(1);

    expect((await m.chat.meetingEvent('end', endedAt)).status).toBe(200);
    expect((await m.chat.meetingEvent('end')).status).toBe(200);
    expect(await m.snapshot()).toBe(after);
    expect(m.summaries()).toHaveLength(1);
  });

  it('a late start event after the end does not make next week’s meeting live', async () => {
    const m = await meetingChat();
    const startedAt = new Date(Date.now() - 1000);
    await m.chat.meetingEvent('start', startedAt);
    await m.chat.meetingEvent('end');
    const after = await m.snapshot();

    expect((await m.chat.meetingEvent('start', startedAt)).status).toBe(200);
    expect(await m.snapshot()).toBe(after);
    const next = (await m.state()).meetings.find(
      (x) => x.id === (JSON.parse(after) as PanelState).series.currentMeetingId,
    );
    expect(next?.status).toBe('scheduled');

    // Positive control: a call that really starts after the end (later than a rejoin of the same call) starts the next meeting.
    h.clock.advanceBy((DEFAULT_REJOIN_WINDOW_MINUTES + 1) * 60_000);
    await m.chat.meetingEvent('start', h.clock.now());
    expect((await m.state()).meetings.find((x) => x.id === next!.id)?.status).toBe('live');
  });

  it('an end event for an occurrence that got no start records it held when the call ended, not on its slot', async () => {
    const slot = new Date(Math.ceil((Date.now() + 2 * HOUR) / HOUR) * HOUR);
    const m = await meetingChat(slot);
    const before = await m.state();
    const meetingId = before.series.currentMeetingId;
    expect(before.meetings.find((x) => x.id === meetingId)?.scheduledStart).toBe(slot.toISOString());
    const callEnded = new Date();

    await m.chat.meetingEvent('end', callEnded);
    const held = (await m.state()).meetings.find((x) => x.id === meetingId)!;
    expect(held).toMatchObject({
      status: 'ended',
      startedAt: callEnded.toISOString(),
      endedAt: callEnded.toISOString(),
    });
    expect(Date.parse(held.endedAt!)).toBeLessThan(slot.getTime());
    expect(m.summaries()).toHaveLength(1);
    expect(m.summaries()[0]).toContain(`{{DATE(${callEnded.toISOString().replace(/\.\d{3}Z$/, 'Z')}, LONG)}}`);
  });

  it('an end event when the next occurrence is days away changes nothing', async () => {
    const m = await meetingChat();
    const before = await m.snapshot();
    expect((await m.chat.meetingEvent('end')).status).toBe(200);
    expect(await m.snapshot()).toBe(before);
    expect(m.summaries()).toHaveLength(0);
  });
});

describe('the summary card', () => {
  it('is not posted for a meeting that never started', async () => {
    const m = await meetingChat();
    await m.report.post(`${m.path}/topics`, { id: 'ns-1', text: 'Never discussed' });
    expect((await m.manager.post(`${m.path}/meetings/current/end`)).status).toBe(409);
    expect((await m.manager.post(`${m.path}/meetings/current/skip`, {})).status).toBe(200);
    await h.svc.service.bot.scheduler.tick();
    expect(m.summaries()).toHaveLength(0);

    // Positive control: the next one, started and ended, gets its card.
    await m.manager.post(`${m.path}/meetings/current/start`, { early: true });
    await m.manager.post(`${m.path}/meetings/current/end`);
    expect(m.summaries()).toHaveLength(1);
  });

  it('is one line when a meeting ended with nothing recorded', async () => {
    const m = await meetingChat();
    await m.manager.post(`${m.path}/meetings/current/start`, { early: true });
    const startedAt = (await m.state()).meetings.find((x) => x.status === 'live')!.startedAt!;
    await m.manager.post(`${m.path}/meetings/current/end`);
    const cards = h.connector.cards(m.chat.chatId).filter((c) => cardTexts(c).join().includes('nothing was recorded'));
    expect(cards).toHaveLength(1);
    expect(cardTexts(cards[0])).toEqual([
      `1:1 of {{DATE(${startedAt.replace(/\.\d{3}Z$/, 'Z')}, LONG)}} {{TIME(${startedAt.replace(/\.\d{3}Z$/, 'Z')})}}: nothing was recorded on the agenda.`,
    ]);
    expectValidCards(h.connector);
  });

  it('shows done and overdue action items and the real date, with health lines in words', async () => {
    const m = await meetingChat();
    const owner = m.chat.report.aadObjectId;
    const longAgo = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10);
    await m.report.post(`${m.path}/topics`, { id: 'sc-1', text: 'Career', category: 'growth' });
    await m.manager.patch(`${m.path}/topics/sc-1`, { status: 'discussed' });
    await m.manager.post(`${m.path}/action-items`, {
      id: 'ai-late',
      text: 'Send the slides',
      ownerId: owner,
      dueDate: longAgo,
    });
    await m.manager.post(`${m.path}/action-items`, { id: 'ai-done', text: 'Book the room', ownerId: owner });
    await m.manager.patch(`${m.path}/action-items/ai-done`, { done: true });
    await m.manager.post(`${m.path}/meetings/current/start`, { early: true });
    const startedAt = (await m.state()).meetings.find((x) => x.status === 'live')!.startedAt!;
    h.clock.advanceBy(30 * 60_000);
    await m.manager.post(`${m.path}/meetings/current/end`);

    const [card] = m.summaries();
    expect(card).toContain(`Held {{DATE(${startedAt.replace(/\.\d{3}Z$/, 'Z')}, LONG)}}`);
    expect(card).toContain('✓ Book the room — Sam Rivera — done');
    expect(card).toMatch(/• Send the slides — Sam Rivera, due .* — overdue/);
    expect(card).toContain('Topics raised by Sam Rivera: 1 of the last 1');
    expect(card).not.toMatch(/Who leads|Cadence:/);
    expectValidCards(h.connector);
  });
});

describe('the next meeting’s prompt', () => {
  it('is owed from the moment the meeting ends: a pending effect with its due time, committed with the end, posted once when due', async () => {
    const m = await meetingChat();
    await m.manager.post(`${m.path}/meetings/current/start`, { early: true });
    await m.manager.post(`${m.path}/meetings/current/end`);
    const next = (await m.state()).meetings.find((x) => x.status === 'scheduled')!;
    const records = h.svc.service.cosmos.containers.records;
    const { resource } = await records
      .item(effectId('prompt', next.id), m.seriesId)
      .read<{ state: string; dueAt: string }>();
    expect(resource).toMatchObject({ state: 'pending' });
    const dueAt = Date.parse(resource!.dueAt);
    expect(Date.parse(next.scheduledStart) - dueAt).toBe(24 * HOUR);

    h.clock.advanceTo(new Date(dueAt + 60_000));
    const prompted = () =>
      h.connector.cards(m.chat.chatId).filter((c) => cardTexts(c).includes('What would you like to talk about?'));
    const first = await h.svc.service.bot.scheduler.tick();
    expect(first.prompts).toContain(next.id);
    await h.svc.service.bot.scheduler.tick();
    expect(prompted()).toHaveLength(1);
    expect(
      (await records.item(effectId('prompt', next.id), m.seriesId).read<{ state: string }>()).resource,
    ).toMatchObject({ state: 'done' });
  });
});
