import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevSession } from '../../domain/api.js';
import type { ChatEntry } from '../../bot/src/teams/connectorEmulator.js';
import { apiClient } from '../support/api.js';
import { startTestService, type TestService } from '../support/service.js';

/**
 * The local meeting page names its language on every chat call; the service
 * puts it on the Bot Framework activity as Teams does (`activity.locale`).
 * botbuilder answers on the same conversation reference, so the bot's reply
 * as the connector received it carries the locale the bot was addressed in.
 */
let svc: TestService;
let session: DevSession;

beforeAll(async () => {
  svc = await startTestService();
  session = DevSession.parse((await apiClient(svc.url).get('/dev/session')).body);
});
afterAll(() => svc?.stop());

async function chat(): Promise<ChatEntry[]> {
  const response = await apiClient(svc.url).get(`/dev/chat?seriesId=${session.seriesId}&locale=de-DE`);
  expect(response.status).toBe(200);
  return (response.body as { activities: ChatEntry[] }).activities;
}

const sam = () => apiClient(svc.url, session.identities.find((i) => i.role === 'report')!.token);

/** Sends a message as Sam and returns the bot's answer to it (the chat's newest entry). */
async function answerTo(body: Record<string, string>): Promise<ChatEntry> {
  const before = (await chat()).length;
  const sent = await sam().post('/dev/chat/message', { seriesId: session.seriesId, ...body });
  expect(sent.status).toBe(202);
  const after = await chat();
  expect(after.length).toBe(before + 1);
  return after.at(-1)!;
}

describe('the local meeting chat’s locale', () => {
  it('a message sent from a German page reaches the bot as a German activity, so its answer is addressed in de-DE', async () => {
    const answer = await answerTo({ text: 'Hallo', locale: 'de-DE' });
    expect((answer.activity as { locale?: string }).locale).toBe('de-DE');
  });

  it('without a locale the activity names none (positive control: the locale above came from the page)', async () => {
    const answer = await answerTo({ text: 'Hello' });
    expect((answer.activity as { locale?: string }).locale).toBeUndefined();
  });

  it('a locale that is not a language tag is refused with a 400 that says what is expected', async () => {
    const sent = await sam().post('/dev/chat/message', { seriesId: session.seriesId, text: 'Hi', locale: 'de DE;<x>' });
    expect(sent.status).toBe(400);
    expect(JSON.stringify(sent.body)).toContain('locale must be a language tag');
  });
});
