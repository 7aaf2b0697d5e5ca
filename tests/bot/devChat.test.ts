import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevSession, PanelState } from '../../domain/api.js';
import { CARD_VERBS } from '../../bot/src/cards/verbs.js';
import type { ChatEntry } from '../../bot/src/teams/connectorEmulator.js';
import { apiClient } from '../support/api.js';
import { startTestService, type TestService } from '../support/service.js';
import { cardTexts, isPromptCard } from './harness.js';
import { describeProblems, validateCard } from './cardSchema.js';

/** The local meeting page's chat: the real bot, talking to the in-process connector. */
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
  const entries = (response.body as { activities: ChatEntry[] }).activities;
  for (const entry of entries) {
    for (const attachment of entry.activity.attachments ?? [])
      expect(describeProblems(validateCard(attachment.content))).toBe('');
  }
  return entries;
}

const card = (entry: ChatEntry | undefined) => entry?.activity.attachments?.[0]?.content;
const identity = (role: 'manager' | 'report') => session.identities.find((i) => i.role === role)!;

describe('the local meeting chat', () => {
  it('shows the bot’s welcome once the page opens the chat', async () => {
    const entries = await chat();
    expect(entries.some((e) => cardTexts(card(e)).includes('1:1 Companion is set up'))).toBe(true);
    expect((await chat()).length).toBe(entries.length);
  });

  it('advancing the clock posts the prompt, and answering it as a dev user adds the topic', async () => {
    const advanced = await apiClient(svc.url).post('/dev/clock/advance-to-prompt', { seriesId: session.seriesId });
    expect(advanced.status).toBe(200);
    const prompt = (await chat()).find((e) => isPromptCard(card(e)));
    expect(prompt).toBeDefined();
    const data = JSON.parse(
      /"verb":"prompt\.addTopic","title":"Add to agenda","data":(\{[^}]*\})/.exec(JSON.stringify(card(prompt)))![1]!,
    ) as Record<string, string>;

    const anonymous = await apiClient(svc.url).post('/dev/chat/invoke', {
      activityId: prompt!.id,
      verb: CARD_VERBS.addTopic,
      data,
    });
    expect(anonymous.status).toBe(401);

    const sam = apiClient(svc.url, identity('report').token);
    const invoked = await sam.post('/dev/chat/invoke', {
      seriesId: session.seriesId,
      activityId: prompt!.id,
      verb: CARD_VERBS.addTopic,
      data,
      inputs: { topicText: 'Feedback on my demo', category: 'feedback' },
    });
    expect(invoked.status).toBe(200);
    const answer = invoked.body as { status: number; body: { value: unknown } };
    expect(cardTexts(answer.body.value).join('\n')).toContain('Added to the agenda: Feedback on my demo');

    const state = PanelState.parse((await sam.get(`/series/${session.seriesId}/state`)).body);
    expect(state.topics.find((t) => t.text === 'Feedback on my demo')?.addedBy).toBe(identity('report').userId);
    const updated = (await chat()).find((e) => e.id === prompt!.id);
    expect(cardTexts(card(updated)).join('\n')).toContain('Feedback on my demo');
  });

  it('the Start and End buttons run Teams’ meeting events, and the summary lands in the chat', async () => {
    expect((await apiClient(svc.url).post('/dev/meeting/start', { seriesId: session.seriesId })).status).toBe(200);
    const alex = apiClient(svc.url, identity('manager').token);
    const live = PanelState.parse((await alex.get(`/series/${session.seriesId}/state`)).body);
    expect(live.meetings.find((m) => m.id === live.series.currentMeetingId)?.status).toBe('live');

    expect((await apiClient(svc.url).post('/dev/meeting/end', { seriesId: session.seriesId })).status).toBe(200);
    const summary = (await chat()).find((e) => cardTexts(card(e)).includes('1:1 summary'));
    expect(cardTexts(card(summary)).join('\n')).toContain('Feedback on my demo');
  });
});

describe('the local meeting chat in the page’s language', () => {
  it('answers a message from a German page in German, and an English page in English', async () => {
    const alex = identity('manager').token;
    const german = apiClient(svc.url, alex, { acceptLanguage: 'de-DE,de;q=0.9' });
    expect((await german.post('/dev/chat/message', { seriesId: session.seriesId, text: 'Hallo' })).status).toBe(202);
    const afterGerman = await chat();
    expect(cardTexts(card(afterGerman.at(-1))).join('\n')).toContain('Ich führe die gemeinsame Agenda dieses 1:1');
    // Positive control: the same message from an English page is answered in English.
    const english = apiClient(svc.url, alex, { acceptLanguage: 'en-US' });
    expect((await english.post('/dev/chat/message', { seriesId: session.seriesId, text: 'Hello' })).status).toBe(202);
    expect(cardTexts(card((await chat()).at(-1))).join('\n')).toContain('I keep the shared agenda of this 1:1');
  });
});

/**
 * The local meeting page sends its language as Accept-Language on every chat
 * call; the service puts it on the Bot Framework activity as Teams does
 * (`activity.locale`). botbuilder answers on the same conversation
 * reference, so the bot's reply as the connector received it carries the
 * locale the bot was addressed in.
 */
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
