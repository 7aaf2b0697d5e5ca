import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevSession } from '../../domain/api.js';
import type { ChatEntry } from '../../bot/src/teams/connectorEmulator.js';
import { apiClient } from '../support/api.js';
import { startTestService, type TestService } from '../support/service.js';

/**
 * The local meeting page sends its language as Accept-Language on every chat
 * call; the service puts it on the Bot Framework activity as Teams does
 * (`activity.locale`). botbuilder answers on the same conversation
 * reference, so the bot's reply as the connector received it carries the
 * locale the bot was addressed in.
 */
let svc: TestService;
let session: DevSession;

beforeAll(async () => {
  svc = await startTestService();
  session = DevSession.parse((await apiClient(svc.url).get('/dev/session')).body);
});
afterAll(() => svc?.stop());

async function chat(): Promise<ChatEntry[]> {
  const response = await apiClient(svc.url).get(`/dev/chat?seriesId=${session.seriesId}`);
  expect(response.status).toBe(200);
  return (response.body as { activities: ChatEntry[] }).activities;
}

/** Sends a message as Sam from a page in `language` and returns the bot's answer to it (the chat's newest entry). */
async function answerTo(text: string, language?: string): Promise<ChatEntry> {
  const sam = session.identities.find((i) => i.role === 'report')!.token;
  const page = apiClient(svc.url, sam, language ? { acceptLanguage: language } : {});
  const before = (await chat()).length;
  expect((await page.post('/dev/chat/message', { seriesId: session.seriesId, text })).status).toBe(202);
  const after = await chat();
  expect(after.length).toBe(before + 1);
  return after.at(-1)!;
}

const localeOf = (entry: ChatEntry) => (entry.activity as { locale?: string }).locale;

describe('the local meeting chat’s locale', () => {
  it('a message from a German page reaches the bot as a German activity, so its answer is addressed in de-DE', async () => {
    expect(localeOf(await answerTo('Hallo', 'de-DE'))).toBe('de-DE');
  });

  it('a page in the right-to-left pseudo-locale addresses the bot in it by name', async () => {
    expect(localeOf(await answerTo('Hello', 'qps-plocm'))).toBe('qps-plocm');
  });

  it('a page that names no language, or one we have no catalog for, is answered in English (positive control)', async () => {
    expect(localeOf(await answerTo('Hello'))).toBe('en');
    expect(localeOf(await answerTo('Hej', 'sv-SE'))).toBe('en');
  });
});
