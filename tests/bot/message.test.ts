import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotHarness, cardTexts, expectValidCards, type BotHarness } from './harness.js';

let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness({ env: { PUBLIC_URL: 'https://companion.example' } });
});
afterAll(() => h?.stop());

describe('a message in the meeting chat', () => {
  it('gets an answer saying what the app does, with a link to open the panel', async () => {
    const before = h.connector.posted(h.chat.chatId).length;
    const response = await h.chat.say(h.chat.report, 'hi bot, what can you do?');
    expect(response.status).toBe(200);

    const replies = h.connector.posted(h.chat.chatId).slice(before);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.replyToId).toBeDefined();
    const card = replies[0]!.activity.attachments?.[0]?.content;
    expect(cardTexts(card).join(' ')).toMatch(/before each meeting I ask what you want to talk about/);
    expect(JSON.stringify(card)).toContain(
      '"type":"Action.OpenUrl","title":"Open the 1:1 panel","url":"https://companion.example/"',
    );
    expectValidCards(h.connector);
  });
});

describe('an activity the bot cannot read', () => {
  it.each([
    ['no type', { text: 'hello' }],
    ['no conversation', { type: 'message', text: 'hello', channelId: 'msteams', serviceUrl: 'http://127.0.0.1:9' }],
    ['not an object', ['message']],
  ])('with %s is answered 400 with a readable error, and the bot keeps answering', async (_what, body) => {
    const response = await fetch(`${h.svc.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(400);
    const error = (await response.json()) as { error: { code: string; message: string } };
    expect(error.error.code).toBe('invalid');
    expect(error.error.message).toMatch(/not a Bot Framework activity/);

    const before = h.connector.posted(h.chat.chatId).length;
    expect((await h.chat.say(h.chat.manager, 'still there?')).status).toBe(200);
    expect(h.connector.posted(h.chat.chatId).length).toBe(before + 1);
  });

  it('that is not JSON is answered 400', async () => {
    const response = await fetch(`${h.svc.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type": "message",',
    });
    expect(response.status).toBe(400);
  });
});
