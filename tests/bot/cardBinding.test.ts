import { afterAll, beforeAll, expect, it } from 'vitest';
import { PanelState } from '../../domain/api.js';
import { seriesIdForChat } from '../../domain/series.js';
import { CARD_VERBS } from '../../bot/src/cards/verbs.js';
import { cardTexts, startBotHarness, type BotHarness } from './harness.js';
import { teamsChat, type TeamsChat } from './teamsChat.js';

/**
 * Issue 12.4: a card action acts only on the 1:1 bound to the chat it came
 * from. The manager here is in two 1:1s (chat X with one report, chat Y
 * with another) and presses a button in X whose data names Y.
 */
let h: BotHarness;
let y: TeamsChat;
let ySeriesId: string;
let yMeetingId: string;
let xMessageId: string;

beforeAll(async () => {
  h = await startBotHarness();
  y = teamsChat(h.svc.url, h.connector, 'other', { manager: h.chat.manager });
  expect((await y.install()).status).toBe(200);
  ySeriesId = seriesIdForChat(y.chatId);
  const asManager = await h.api(h.chat.manager);
  expect(
    (await asManager.post(`/series/${ySeriesId}/topics`, { id: 'y-topic', text: 'Y’s private agenda' })).status,
  ).toBe(201);
  yMeetingId = PanelState.parse((await asManager.get(`/series/${ySeriesId}/state`)).body).series.currentMeetingId;
  xMessageId = h.connector.posted(h.chat.chatId)[0]!.activityId;
});

afterAll(() => h?.stop());

const yData = () => ({ seriesId: ySeriesId, meetingId: yMeetingId, promptId: `prompt~${yMeetingId}` });
const putsIn = (chatId: string) =>
  h.connector.requests.filter((r) => r.method === 'PUT' && r.conversationId === chatId).length;

it('a refresh pressed in chat X naming the 1:1 of chat Y shows nothing of Y', async () => {
  const answer = await h.chat.invoke(h.chat.manager, xMessageId, CARD_VERBS.refreshPrompt, yData());
  const card = (answer.body as { value: unknown }).value;
  expect(JSON.stringify(card)).not.toContain('Y’s private agenda');
  expect(cardTexts(card).join('\n')).toMatch(/not the 1:1 of this chat/);
  // Positive control: pressed in Y's own chat, the same data shows Y's agenda.
  const own = await y.invoke(h.chat.manager, y.chatId, CARD_VERBS.refreshPrompt, yData());
  expect(JSON.stringify((own.body as { value: unknown }).value)).toContain('Y’s private agenda');
});

it('an "add topic" pressed in chat X naming Y writes nothing to Y and leaves X’s message alone', async () => {
  const puts = putsIn(h.chat.chatId);
  const answer = await h.chat.invoke(h.chat.manager, xMessageId, CARD_VERBS.addTopic, {
    ...yData(),
    topicText: 'Slipped into the wrong 1:1',
    category: 'work',
  });
  expect(JSON.stringify((answer.body as { value: unknown }).value)).not.toContain('Y’s private agenda');
  const state = PanelState.parse((await (await h.api(h.chat.manager)).get(`/series/${ySeriesId}/state`)).body);
  expect(state.topics.map((t) => t.text)).not.toContain('Slipped into the wrong 1:1');
  expect(putsIn(h.chat.chatId)).toBe(puts);
});
