import { effectId } from '../../domain/effects.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PanelState } from '../../domain/api.js';
import { AdjustableClock } from '../../bot/src/clock.js';
import { CARD_VERBS } from '../../bot/src/cards/verbs.js';
import type { FakeConnector } from '../support/fakeConnector.js';
import { startCosmosServer, startTestService, type TestService } from '../support/service.js';
import { cardTexts, expectValidCards, isPromptCard, startBotHarness, type BotHarness } from './harness.js';

const LOCAL_COSMOS_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';
const HOUR = 3_600_000;

async function panel(h: BotHarness) {
  const api = await h.api(h.chat.manager);
  const response = await api.get(`/series/${h.seriesId}/state`);
  expect(response.status).toBe(200);
  return PanelState.parse(response.body);
}

async function nextStart(h: BotHarness): Promise<Date> {
  const state = await panel(h);
  return new Date(state.meetings.find((m) => m.id === state.series.currentMeetingId)!.scheduledStart);
}

function promptPosts(connector: FakeConnector, chatId: string) {
  return connector.posted(chatId).filter((r) => isPromptCard(r.activity.attachments?.[0]?.content));
}

describe('the pre-meeting prompt with two service instances', () => {
  let cosmos: Awaited<ReturnType<typeof startCosmosServer>>;
  let h: BotHarness;
  let second: TestService;
  const secondClock = new AdjustableClock();

  beforeAll(async () => {
    cosmos = await startCosmosServer();
    const env = { COSMOS_ENDPOINT: cosmos.endpoint, COSMOS_KEY: LOCAL_COSMOS_KEY, SCHEDULER_INTERVAL_SECONDS: '3600' };
    h = await startBotHarness({ env });
    second = await startTestService({ env, clock: secondClock });
  });
  afterAll(async () => {
    await h?.stop();
    await second?.stop();
    await cosmos?.close();
  });

  it('is not posted before its time', async () => {
    const start = await nextStart(h);
    h.clock.advanceTo(new Date(start.getTime() - 25 * HOUR));
    const report = await h.svc.service.bot.scheduler.tick();
    expect(report.prompts).toEqual([]);
    expect(promptPosts(h.connector, h.chat.chatId)).toHaveLength(0);
  });

  it('is posted exactly once when both instances tick together at the lead time', async () => {
    const start = await nextStart(h);
    const due = new Date(start.getTime() - 24 * HOUR);
    h.clock.advanceTo(due);
    secondClock.advanceTo(due);
    const schedulers = [h.svc.service.bot.scheduler, second.service.bot.scheduler];

    const reports = await Promise.all([...schedulers, ...schedulers].map((s) => s.tick()));
    const again = await Promise.all(schedulers.map((s) => s.tick()));

    const posted = [...reports, ...again].flatMap((r) => r.prompts);
    expect(new Set(posted).size).toBe(1);
    const prompts = promptPosts(h.connector, h.chat.chatId);
    expect(prompts).toHaveLength(1);
    const card = prompts[0]!.activity.attachments![0]!.content;
    expect(JSON.stringify(card)).toContain(`"verb":"${CARD_VERBS.addTopic}"`);
    expect(cardTexts(card).join('\n')).toMatch(/A question to think about/);
    expect((card as { refresh: { userIds: string[] } }).refresh.userIds.sort()).toEqual(
      [h.chat.manager.id, h.chat.report.id].sort(),
    );
    expectValidCards(h.connector);
  });
});

describe('answering the prompt card', () => {
  let h: BotHarness;
  let promptActivityId: string;
  let data: Record<string, string>;

  beforeAll(async () => {
    h = await startBotHarness();
    const start = await nextStart(h);
    h.clock.advanceTo(new Date(start.getTime() - 23 * HOUR));
    expect((await h.svc.service.bot.scheduler.tick()).prompts).toHaveLength(1);
    const post = promptPosts(h.connector, h.chat.chatId)[0]!;
    promptActivityId = post.activityId;
    const json = JSON.stringify(post.activity.attachments![0]!.content);
    data = JSON.parse(/"verb":"prompt\.addTopic","title":"Add to agenda","data":(\{[^}]*\})/.exec(json)![1]!) as Record<
      string,
      string
    >;
  });
  afterAll(() => h?.stop());

  it('adds the topic to the agenda as the person who pressed it and refreshes the card for both', async () => {
    const response = await h.chat.invoke(h.chat.report, promptActivityId, CARD_VERBS.addTopic, {
      ...data,
      topicText: 'I would like to talk about [my growth](https://evil.example)',
      category: 'growth',
    });
    expect(response.status).toBe(200);
    const body = response.body as { statusCode: number; type: string; value: unknown };
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardTexts(body.value).join('\n')).toContain('Added to the agenda');

    const state = await panel(h);
    const topics = state.topics.filter((t) => t.meetingId === state.series.currentMeetingId);
    expect(topics).toHaveLength(1);
    expect(topics[0]).toMatchObject({
      text: 'I would like to talk about [my growth](https://evil.example)',
      category: 'growth',
      addedBy: h.chat.report.aadObjectId,
    });

    // The chat message itself was replaced for everyone, with the new agenda and no personal notice.
    const update = h.connector.requests.filter((r) => r.method === 'PUT' && r.activityId === promptActivityId).at(-1);
    expect(update).toBeDefined();
    const shared = cardTexts(update!.activity.attachments![0]!.content).join('\n');
    expect(shared).toContain('I would like to talk about \\[my growth\\]\\(https://evil.example\\)');
    expect(shared).not.toContain('Added to the agenda');
    expectValidCards(h.connector);
  });

  it('does not add the topic twice when the same answer is submitted again', async () => {
    const response = await h.chat.invoke(h.chat.report, promptActivityId, CARD_VERBS.addTopic, {
      ...data,
      topicText: '  I would like to talk about [my growth](https://evil.example) ',
      category: 'growth',
    });
    expect(cardTexts((response.body as { value: unknown }).value).join('\n')).toContain('Already on the agenda');
    const state = await panel(h);
    expect(state.topics.filter((t) => t.meetingId === state.series.currentMeetingId)).toHaveLength(1);
  });

  it('refuses a topic over the limit with a message saying so, and adds nothing (never a cut topic)', async () => {
    const before = (await panel(h)).topics.length;
    const response = await h.chat.invoke(h.chat.report, promptActivityId, CARD_VERBS.addTopic, {
      ...data,
      topicText: 'a'.repeat(5000),
      category: 'work',
    });
    expect(response.status).toBe(200);
    const card = (response.body as { value: unknown }).value;
    const texts = cardTexts(card).join('\n');
    expect(texts).toContain('Your topic has 5,000 characters; a topic can have at most 500.');
    expect(texts).not.toContain('a'.repeat(501));
    expect((await panel(h)).topics).toHaveLength(before);
    // The box itself says where the limit is, so most people never reach the message.
    expect(JSON.stringify(card)).toContain('"maxLength":500');
    // Positive control: at the limit it is added whole.
    await h.chat.invoke(h.chat.report, promptActivityId, CARD_VERBS.addTopic, { ...data, topicText: 'b'.repeat(500) });
    expect((await panel(h)).topics.some((t) => t.text === 'b'.repeat(500))).toBe(true);
  });

  it('refuses someone outside the 1:1: an error card, nothing written, no agenda shown', async () => {
    const stranger = { id: '29:stranger', name: 'Eve', aadObjectId: 'aad-stranger', tenantId: h.chat.tenantId };
    const puts = h.connector.requests.filter((r) => r.method === 'PUT').length;
    const response = await h.chat.invoke(stranger, promptActivityId, CARD_VERBS.addTopic, {
      ...data,
      topicText: 'sneaky topic',
      category: 'work',
    });
    expect(response.status).toBe(200);
    const card = (response.body as { value: unknown }).value;
    expect(cardTexts(card).join('\n')).toMatch(/not a member of this 1:1/);
    expect(JSON.stringify(card)).not.toContain('my growth');
    const state = await panel(h);
    expect(state.topics.some((t) => t.text === 'sneaky topic')).toBe(false);
    expect(h.connector.requests.filter((r) => r.method === 'PUT').length).toBe(puts);
  });

  it('gives a member the current card when Teams refreshes it, and a stranger only an error', async () => {
    const refreshed = await h.chat.invoke(h.chat.manager, promptActivityId, CARD_VERBS.refreshPrompt, data);
    const card = (refreshed.body as { value: unknown }).value;
    expect(cardTexts(card).join('\n')).toContain('my growth');
    expect(JSON.stringify(card)).toContain(`"verb":"${CARD_VERBS.refreshPrompt}"`);

    const stranger = { id: '29:stranger', name: 'Eve', aadObjectId: 'aad-stranger', tenantId: h.chat.tenantId };
    const refused = await h.chat.invoke(stranger, promptActivityId, CARD_VERBS.refreshPrompt, data);
    const refusedCard = (refused.body as { value: unknown }).value;
    expect(cardTexts(refusedCard).join('\n')).toMatch(/not a member of this 1:1/);
    expect(JSON.stringify(refusedCard)).not.toContain('my growth');
  });

  it('marks one of last time’s action items done from the card', async () => {
    const api = await h.api(h.chat.manager);
    // An action item agreed in the meeting before: end the current one, then prompt for the next.
    expect(
      (
        await api.post(`/series/${h.seriesId}/action-items`, {
          id: 'ai-book-course',
          text: 'Book the course',
          ownerId: h.chat.report.aadObjectId,
        })
      ).status,
    ).toBe(201);
    expect((await api.post(`/series/${h.seriesId}/meetings/current/start`, { early: true })).status).toBe(200);
    expect((await api.post(`/series/${h.seriesId}/meetings/current/end`)).status).toBe(200);
    const start = await nextStart(h);
    h.clock.advanceTo(new Date(start.getTime() - 23 * HOUR));
    expect((await h.svc.service.bot.scheduler.tick()).prompts).toHaveLength(1);
    const post = promptPosts(h.connector, h.chat.chatId).at(-1)!;
    const json = JSON.stringify(post.activity.attachments![0]!.content);
    expect(json).toContain('Book the course');
    const done = JSON.parse(
      /"verb":"prompt\.completeActionItem","title":"Done","data":(\{[^}]*\})/.exec(json)![1]!,
    ) as Record<string, string>;

    const response = await h.chat.invoke(h.chat.report, post.activityId, CARD_VERBS.completeActionItem, done);
    expect(cardTexts((response.body as { value: unknown }).value).join('\n')).toContain('Marked done: Book the course');
    const state = await panel(h);
    expect(state.actionItems.find((a) => a.id === 'ai-book-course')?.doneAt).toBeDefined();
    expect(JSON.stringify((response.body as { value: unknown }).value)).not.toContain(
      '"actionItemId":"ai-book-course"',
    );
    expectValidCards(h.connector);
  });
});

describe('prompts and skipped meetings', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness();
  });
  afterAll(() => h?.stop());

  it('posts a prompt missed while the service was down late, retrying a failed post, but not once the meeting has started', async () => {
    const start = await nextStart(h);
    // Down through the lead time: the first tick comes two hours before the meeting.
    h.clock.advanceTo(new Date(start.getTime() - 2 * HOUR));
    const api = await h.api(h.chat.manager);
    expect((await api.post(`/series/${h.seriesId}/meetings/current/start`, { early: true })).status).toBe(200);
    expect((await h.svc.service.bot.scheduler.tick()).prompts).toEqual([]);
    expect((await api.post(`/series/${h.seriesId}/meetings/current/start`, { early: true })).status).toBe(200);
    expect((await api.post(`/series/${h.seriesId}/meetings/current/end`)).status).toBe(200);

    const next = await nextStart(h);
    h.clock.advanceTo(new Date(next.getTime() - 2 * HOUR));
    // The chat cannot be reached on the first try: the claim is given back and the next tick posts it.
    h.connector.emulator.failNext(/^\/v3\/conversations\/[^/]+\/activities(\/[^/]+)?$/, 400);
    expect((await h.svc.service.bot.scheduler.tick()).prompts).toEqual([]);
    expect((await h.svc.service.bot.scheduler.tick()).prompts).toHaveLength(1);
    expect((await h.svc.service.bot.scheduler.tick()).prompts).toEqual([]);
  });

  it('sends no prompt for a skipped meeting, and nudges gently when two in a row were skipped', async () => {
    const api = await h.api(h.chat.report);
    const before = promptPosts(h.connector, h.chat.chatId).length;
    expect((await api.post(`/series/${h.seriesId}/meetings/current/skip`, { outcome: 'skipped' })).status).toBe(200);
    const nudgesAfterOne = h.connector
      .cards(h.chat.chatId)
      .filter((c) => cardTexts(c).includes('The last two 1:1s did not happen.'));
    expect(nudgesAfterOne).toHaveLength(0);

    expect((await api.post(`/series/${h.seriesId}/meetings/current/skip`, { outcome: 'cancelled' })).status).toBe(200);
    await h.svc.service.bot.scheduler.tick();
    const nudges = h.connector
      .cards(h.chat.chatId)
      .filter((c) => cardTexts(c).includes('The last two 1:1s did not happen.'));
    expect(nudges).toHaveLength(1);
    expect(promptPosts(h.connector, h.chat.chatId)).toHaveLength(before);
    expectValidCards(h.connector);
  });

  it('drops the prompt owed to a meeting skipped before its time: never posted, never read again', async () => {
    const api = await h.api(h.chat.manager);
    const before = promptPosts(h.connector, h.chat.chatId).length;
    h.clock.advanceTo(new Date((await nextStart(h)).getTime() - HOUR));
    expect((await api.post(`/series/${h.seriesId}/meetings/current/start`, { early: true })).status).toBe(200);
    expect((await api.post(`/series/${h.seriesId}/meetings/current/end`)).status).toBe(200);
    // Positive control: the end wrote the next meeting's prompt as owed.
    const owedTo = (await panel(h)).series.currentMeetingId;
    const start = await nextStart(h);
    expect(await promptState(owedTo)).toBe('pending');

    expect((await api.post(`/series/${h.seriesId}/meetings/current/skip`, { outcome: 'skipped' })).status).toBe(200);
    h.clock.advanceTo(new Date(start.getTime() - HOUR));
    await h.svc.service.bot.scheduler.tick();
    expect(await promptState(owedTo)).toBe('dropped');
    expect(promptPosts(h.connector, h.chat.chatId)).toHaveLength(before);
    // Never read again: its due-time index entry is gone.
    const { resources: due } = await h.svc.service.cosmos.containers.dueEffects.items
      .query({
        query: 'SELECT * FROM c WHERE c.effectId = @id',
        parameters: [{ name: '@id', value: effectId('prompt', owedTo) }],
      })
      .fetchAll();
    expect(due).toEqual([]);
  });

  async function promptState(meetingId: string): Promise<string | undefined> {
    const { resource } = await h.svc.service.cosmos.containers.records
      .item(effectId('prompt', meetingId), h.seriesId)
      .read<{ state: string }>();
    return resource?.state;
  }
});
