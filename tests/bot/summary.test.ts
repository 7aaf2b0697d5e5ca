import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PanelState } from '../../domain/api.js';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fakeOpenAI.js';
import { cardTexts, expectValidCards, startBotHarness, type BotHarness } from './harness.js';
import { DEFAULT_REJOIN_WINDOW_MINUTES } from '../../domain/occurrence.js';
import { cardDayInWords, dayFromToday } from '../support/dates.js';

const DUE = dayFromToday(38);

const PRIVATE = 'PRIVATE: thinking about a raise for Sam, do not share';

async function panel(h: BotHarness) {
  const response = await (await h.api(h.chat.manager)).get(`/series/${h.seriesId}/state`);
  return PanelState.parse(response.body);
}

/** A meeting with one discussed topic (notes from both), one left open, an action item and a private note. */
async function holdMeeting(h: BotHarness) {
  const manager = await h.api(h.chat.manager);
  const report = await h.api(h.chat.report);
  const path = `/series/${h.seriesId}`;
  expect(
    (await report.post(`${path}/topics`, { id: 't-growth', text: 'Growth plan for *next* year', category: 'growth' }))
      .status,
  ).toBe(201);
  expect(
    (await manager.post(`${path}/topics`, { id: 't-tooling', text: 'Team tooling', category: 'work' })).status,
  ).toBe(201);
  expect(
    (await report.put(`${path}/topics/t-growth/notes/mine`, { text: 'Wants to lead the API project' })).status,
  ).toBe(200);
  expect((await manager.put(`${path}/topics/t-growth/notes/mine`, { text: 'Suggest the staff track' })).status).toBe(
    200,
  );
  expect((await manager.patch(`${path}/topics/t-growth`, { status: 'discussed' })).status).toBe(200);
  expect(
    (
      await manager.post(`${path}/action-items`, {
        id: 'ai-course',
        text: 'Pick a leadership course',
        ownerId: h.chat.report.aadObjectId,
        dueDate: DUE,
      })
    ).status,
  ).toBe(201);
  const state = await panel(h);
  const meetingId = state.series.currentMeetingId;
  expect((await manager.put(`${path}/meetings/${meetingId}/private-note`, { text: PRIVATE })).status).toBe(200);
  return meetingId;
}

function summaryCards(h: BotHarness) {
  return h.connector.cards(h.chat.chatId).filter((c) => cardTexts(c).includes('1:1 summary'));
}

describe('the end of a meeting in Teams, with an AI endpoint configured', () => {
  let openai: FakeOpenAI;
  let h: BotHarness;
  let endedMeetingId: string;

  beforeAll(async () => {
    openai = await startFakeOpenAI('You discussed the growth plan and agreed on a leadership course.');
    h = await startBotHarness({
      env: { OPENAI_API_KEY: 'test-openai-key', OPENAI_BASE_URL: openai.baseUrl, OPENAI_MODEL: 'gpt-test' },
    });
    endedMeetingId = await holdMeeting(h);
    expect((await h.chat.meetingEvent('start')).status).toBe(200);
    const live = await panel(h);
    expect(live.meetings.find((m) => m.id === endedMeetingId)?.status).toBe('live');
    expect((await h.chat.meetingEvent('end')).status).toBe(200);
  });
  afterAll(async () => {
    await h?.stop();
    await openai?.stop();
  });

  it('carries over what was not discussed and posts one summary card with the shared content', async () => {
    const state = await panel(h);
    expect(state.meetings.find((m) => m.id === endedMeetingId)?.status).toBe('ended');
    const next = state.meetings.find((m) => m.id === state.series.currentMeetingId)!;

    const cards = summaryCards(h);
    expect(cards).toHaveLength(1);
    const text = cardTexts(cards[0]).join('\n');
    expect(text).toContain('Growth plan for \\*next\\* year (Growth)');
    expect(text).toContain('Wants to lead the API project');
    expect(text).toContain('Suggest the staff track');
    expect(text).toContain(`Pick a leadership course — Sam Rivera, due ${cardDayInWords(DUE, 'en-US')}`);
    expect(text).toMatch(/Carried over to next time\n• Team tooling/);
    expect(text).toContain(`Next 1:1: {{DATE(${next.scheduledStart.replace(/\.\d{3}Z$/, 'Z')}, LONG)}}`);
    expect(text).toContain('How your 1:1s are going');
    expect(text).toContain('You discussed the growth plan and agreed on a leadership course.');
    expectValidCards(h.connector);
  });

  it('never lets a private note reach the chat or the AI model', () => {
    expect(JSON.stringify(h.connector.requests)).not.toContain('raise for Sam');
    expect(openai.requests).toHaveLength(1);
    const request = openai.requests[0]!;
    expect(request.authorization).toBe('Bearer test-openai-key');
    expect((request.body as { model: string }).model).toBe('gpt-test');
    expect(request.raw).toContain('Wants to lead the API project');
    expect(request.raw).not.toContain('raise for Sam');
  });

  it('does not end the next meeting when Teams repeats the end event', async () => {
    const before = await panel(h);
    expect((await h.chat.meetingEvent('end')).status).toBe(200);
    const after = await panel(h);
    expect(after.series.currentMeetingId).toBe(before.series.currentMeetingId);
    expect(after.meetings.find((m) => m.id === after.series.currentMeetingId)?.status).toBe('scheduled');
    expect(summaryCards(h)).toHaveLength(1);
  });
});

describe('the end of a meeting from the panel, without AI', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness();
  });
  afterAll(() => h?.stop());

  it('posts a complete summary card with no AI narrative', async () => {
    await holdMeeting(h);
    const manager = await h.api(h.chat.manager);
    expect((await manager.post(`/series/${h.seriesId}/meetings/current/start`, { early: true })).status).toBe(200);
    expect((await manager.post(`/series/${h.seriesId}/meetings/current/end`)).status).toBe(200);
    const cards = summaryCards(h);
    expect(cards).toHaveLength(1);
    const text = cardTexts(cards[0]).join('\n');
    expect(text).toContain('Pick a leadership course');
    expect(text).not.toContain('Written by AI');
    expect(JSON.stringify(h.connector.requests)).not.toContain('raise for Sam');
    expectValidCards(h.connector);
  });

  it('is posted on the next scheduler tick when the chat was unreachable at the end', async () => {
    // The next 1:1 of this chat, not the one just ended rejoined.
    h.clock.advanceBy((DEFAULT_REJOIN_WINDOW_MINUTES + 1) * 60_000);
    const manager = await h.api(h.chat.manager);
    expect(
      (await manager.post(`/series/${h.seriesId}/topics`, { id: 't-retry', text: 'Retry topic', category: 'work' }))
        .status,
    ).toBe(201);
    expect((await manager.patch(`/series/${h.seriesId}/topics/t-retry`, { status: 'discussed' })).status).toBe(200);
    // Proactive posts are sent as replies to a generated continuation activity: …/activities/:id.
    h.connector.emulator.failNext(/^\/v3\/conversations\/[^/]+\/activities(\/[^/]+)?$/, 400);
    expect((await manager.post(`/series/${h.seriesId}/meetings/current/start`, { early: true })).status).toBe(200);
    expect((await manager.post(`/series/${h.seriesId}/meetings/current/end`)).status).toBe(200);
    expect(summaryCards(h)).toHaveLength(1);

    const report = await h.svc.service.bot.scheduler.tick();
    expect(report.summaries).toHaveLength(1);
    const cards = summaryCards(h);
    expect(cards).toHaveLength(2);
    expect(cardTexts(cards[1]).join('\n')).toContain('Retry topic');
    expect((await h.svc.service.bot.scheduler.tick()).summaries).toEqual([]);
  });
});
