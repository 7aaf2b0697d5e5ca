import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PanelState } from '../../domain/api.js';
import { seriesIdForChat } from '../../domain/series.js';
import { calendarDate } from '../../bot/src/cards/adaptiveCard.js';
import { cardTextInline } from '../../bot/src/cards/text.js';
import { CARD_VERBS } from '../../bot/src/cards/verbs.js';
import { apiClient } from '../support/api.js';
import type { EmulatedMember } from '../support/fakeConnector.js';
import { devToken } from '../support/service.js';
import { cardTexts, expectValidCards, startBotHarness, type BotHarness } from './harness.js';
import { teamsChat, type TeamsChat } from './teamsChat.js';
import { cardDayInWords, dayFromToday, instantFromNow } from '../support/dates.js';

/**
 * The bot in the reader's language: replies in `activity.locale`, proactive
 * cards (prompt, summary) in the language the chat last spoke to the bot in.
 * Three meeting chats on one service: German, English and the pseudo-locale
 * (every catalog message wrapped in ⟦ ⟧, so text that bypassed the catalog shows).
 */

const HOUR = 3_600_000;
/** User text shaped like Markdown, a card date function and HTML: it must reach the card as typed (escaped). */
// Card markup typed by a person stays text; the date inside it means nothing.
const TOPIC = `Gehalt & Rolle: *nächstes* Jahr {{DATE(${instantFromNow(400).replace(/\.\d{3}Z$/, 'Z')})}} <b>fett</b>`;
const NOTE = 'Möchte das API-Projekt [leiten](https://evil.example)';
const ITEM = 'Führungskurs _auswählen_';
const DUE = dayFromToday(38);

/** Every string a person reads on a card: TextBlocks, facts, input labels, choices, button titles. */
function readableTexts(card: unknown): string[] {
  const texts: string[] = [];
  const walk = (node: unknown, key = '') => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, key));
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    for (const field of ['text', 'label', 'placeholder', 'errorMessage', 'title'])
      if (typeof record[field] === 'string') texts.push(record[field]);
    // A fact's value is read; an input's value is its data.
    if (key === 'facts' && typeof record.value === 'string') texts.push(record.value);
    for (const [name, value] of Object.entries(record)) if (name !== 'data') walk(value, name);
  };
  walk(card);
  return texts;
}

/**
 * What is left of each text once the catalog's ⟦…⟧ (innermost first, they
 * nest), the user data and the dates (`{{DATE()}}`/`{{TIME()}}`, and due
 * dates from Intl) are taken out: any letter left did not come from a catalog.
 */
function unwrapped(texts: readonly string[], userData: readonly string[], dates: readonly string[]): string[] {
  return texts
    .map((text) => {
      let rest = text.replace(/\{\{(DATE|TIME)\([^)]*\)\}\}/g, '');
      for (const data of [...userData, ...dates]) rest = rest.split(data).join('');
      for (let previous = ''; previous !== rest;) {
        previous = rest;
        rest = rest.replace(/⟦[^⟦⟧]*⟧/g, '');
      }
      return rest;
    })
    .filter((rest) => /[A-Za-z]/.test(rest));
}

async function panelOf(h: BotHarness, chat: TeamsChat) {
  const api = await apiAs(h, chat, chat.manager);
  return PanelState.parse((await api.get(`/series/${seriesIdForChat(chat.chatId)}/state`)).body);
}

async function apiAs(h: BotHarness, chat: TeamsChat, member: EmulatedMember) {
  return apiClient(
    h.svc.url,
    await devToken(h.svc.service, chat.tenantId, { userId: member.aadObjectId, name: member.name }),
  );
}

/** A chat of its own on the same service, its Teams meeting at `start`. */
function anotherChat(h: BotHarness, name: string, start: Date): TeamsChat {
  const chat = teamsChat(h.svc.url, h.connector, name);
  h.connector.emulator.setMeetingInfo(chat.meetingId, {
    details: {
      id: chat.meetingId,
      title: '',
      scheduledStartTime: start.toISOString(),
      scheduledEndTime: new Date(start.getTime() + 30 * 60_000).toISOString(),
    },
    organizer: { id: chat.manager.id, aadObjectId: chat.manager.aadObjectId },
  });
  return chat;
}

const install = (chat: TeamsChat, locale: string) =>
  chat.post(chat.activity(chat.manager, { type: 'installationUpdate', action: 'add', locale }));

function cardsWith(h: BotHarness, chat: TeamsChat, text: string) {
  return h.connector.cards(chat.chatId).filter((card) => cardTexts(card).some((t) => t.includes(text)));
}

/** A topic on the agenda (user text), discussed with a shared note, and an action item with a due date. */
async function prepareMeeting(h: BotHarness, chat: TeamsChat) {
  const seriesPath = `/series/${seriesIdForChat(chat.chatId)}`;
  const report = await apiAs(h, chat, chat.report);
  const manager = await apiAs(h, chat, chat.manager);
  expect((await report.post(`${seriesPath}/topics`, { id: 't-1', text: TOPIC, category: 'growth' })).status).toBe(201);
  expect((await manager.post(`${seriesPath}/topics`, { id: 't-2', text: 'Team-Tools', category: 'work' })).status).toBe(
    201,
  );
  return { seriesPath, report, manager };
}

async function holdMeeting(h: BotHarness, chat: TeamsChat) {
  const seriesPath = `/series/${seriesIdForChat(chat.chatId)}`;
  const report = await apiAs(h, chat, chat.report);
  const manager = await apiAs(h, chat, chat.manager);
  expect((await report.put(`${seriesPath}/topics/t-1/notes/mine`, { text: NOTE })).status).toBe(200);
  expect((await manager.patch(`${seriesPath}/topics/t-1`, { status: 'discussed' })).status).toBe(200);
  const item = { id: 'ai-1', text: ITEM, ownerId: chat.report.aadObjectId, dueDate: DUE };
  expect((await manager.post(`${seriesPath}/action-items`, item)).status).toBe(201);
  expect((await chat.meetingEvent('start', h.clock.now())).status).toBe(200);
  expect((await chat.meetingEvent('end', h.clock.now())).status).toBe(200);
}

describe('the bot in the reader’s language', () => {
  let h: BotHarness;
  let german: TeamsChat;
  let english: TeamsChat;
  let pseudo: TeamsChat;
  let start: Date;

  beforeAll(async () => {
    start = new Date(Math.ceil((Date.now() + 3 * 86_400_000) / HOUR) * HOUR);
    h = await startBotHarness({ install: false, firstStart: start });
    german = h.chat;
    english = anotherChat(h, 'english', start);
    pseudo = anotherChat(h, 'pseudo', start);
    expect((await install(german, 'de-DE')).status).toBe(200);
    expect((await install(english, 'en-US')).status).toBe(200);
    expect((await install(pseudo, 'qps-ploc')).status).toBe(200);
    for (const chat of [german, english, pseudo]) await prepareMeeting(h, chat);
    // The prompt lead time (24 h) has come for all three chats' next 1:1.
    h.clock.advanceTo(new Date(start.getTime() - 23 * HOUR));
    expect((await h.svc.service.bot.scheduler.tick()).prompts).toHaveLength(3);
  }, 120_000);
  afterAll(() => h?.stop());

  it('welcomes a German chat in German, the people’s names as Teams gave them', () => {
    const [welcome] = cardsWith(h, german, '1:1 Companion ist eingerichtet');
    expect(cardTexts(welcome)).toContain('Dieser Chat gehört ab jetzt zum 1:1 von Alex Morgan und Sam Rivera.');
    expect(cardTexts(welcome).join('\n')).toContain('Etwa 24 Stunden vor jedem Termin frage ich');
  });

  it('posts the German prompt card in German, with the topic exactly as typed and a German question', () => {
    const [prompt] = cardsWith(h, german, 'Worüber möchten Sie sprechen?');
    expect(prompt).toBeDefined();
    const texts = cardTexts(prompt);
    expect(texts.some((t) => /^Ihr nächstes 1:1: \{\{DATE\(.+, LONG\)\}\} \{\{TIME\(.+\)\}\}$/.test(t))).toBe(true);
    expect(texts).toContain('Auf der Agenda');
    expect(texts).toContain(`• ${cardTextInline(TOPIC)} — Entwicklung, Sam Rivera`);
    expect(texts).toContain('Eine Frage zum Nachdenken');
    // Read as translators wrote it (an import would be compiled by the catalog plugin).
    const deDomain = JSON.parse(
      readFileSync(new URL('../../i18n/catalogs/de/domain.json', import.meta.url), 'utf8'),
    ) as Record<string, string>;
    const germanQuestions = Object.entries(deDomain)
      .filter(([key]) => key.startsWith('domain.prompt.p-'))
      .map(([, text]) => text);
    expect(texts.some((t) => germanQuestions.includes(t))).toBe(true);
    const json = JSON.stringify(prompt);
    for (const words of [
      '"label":"Thema"',
      '"label":"Kategorie"',
      '"title":"Zur Agenda hinzufügen"',
      '"title":"Wohlbefinden"',
    ])
      expect(json).toContain(words);
    expect(json).not.toContain('What would you like to talk about?');
    expectValidCards(h.connector);
  });

  it('answers a German button press in German and adds the topic as typed', async () => {
    const post = h.connector
      .posted(german.chatId)
      .find((r) => cardTexts(r.activity.attachments?.[0]?.content).includes('Worüber möchten Sie sprechen?'))!;
    const json = JSON.stringify(post.activity.attachments![0]!.content);
    const data = JSON.parse(/"verb":"prompt\.addTopic","title":"[^"]+","data":(\{[^}]*\})/.exec(json)![1]!) as Record<
      string,
      string
    >;
    const pressed = await german.post(
      german.activity(german.report, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        replyToId: post.activityId,
        locale: 'de-DE',
        value: {
          action: {
            type: 'Action.Execute',
            verb: CARD_VERBS.addTopic,
            data: { ...data, topicText: 'Feedback (bitte ehrlich)' },
          },
          trigger: 'manual',
        },
      }),
    );
    const texts = cardTexts((pressed.body as { value: unknown }).value);
    expect(texts).toContain('Zur Agenda hinzugefügt: Feedback \\(bitte ehrlich\\)');
    expect(texts).toContain('• Feedback \\(bitte ehrlich\\) — Arbeit, Sam Rivera');
    const state = await panelOf(h, german);
    expect(state.topics.some((t) => t.text === 'Feedback (bitte ehrlich)')).toBe(true);
  });

  it('keeps an English chat in English', async () => {
    const [prompt] = cardsWith(h, english, 'What would you like to talk about?');
    expect(prompt).toBeDefined();
    expect(cardTexts(prompt)).toContain(`• ${cardTextInline(TOPIC)} — Growth, Sam Rivera`);
    expect(JSON.stringify(prompt)).not.toMatch(/Worüber|Thema|Kategorie/);
    expect(
      (await english.post(english.activity(english.manager, { type: 'message', text: 'help', locale: 'en-US' })))
        .status,
    ).toBe(200);
    expect(cardsWith(h, english, 'I keep the shared agenda of this 1:1')).toHaveLength(1);
  });

  it('posts the German summary card in German: sections, category, due date and state; notes and items as typed', async () => {
    await holdMeeting(h, german);
    const [summary] = cardsWith(h, german, 'Zusammenfassung des 1:1');
    expect(summary).toBeDefined();
    const text = cardTexts(summary).join('\n');
    for (const expected of [
      'Besprochen',
      `${cardTextInline(TOPIC)} (Entwicklung)`,
      'Möchte das API-Projekt \\[leiten\\]\\(https://evil.example\\)',
      'Aufgaben',
      `• ${cardTextInline(ITEM)} — Sam Rivera, fällig am ${cardDayInWords(DUE, 'de-DE')}`,
      'So laufen Ihre 1:1s',
    ])
      expect(text).toContain(expected);
    expect(text).toMatch(/Ins nächste 1:1 übernommen\n(• .*\n)*• Team-Tools/);
    expect(text).toMatch(/Stattgefunden am \{\{DATE\(/);
    expect(text).toMatch(/Nächstes 1:1: \{\{DATE\(/);
    expect(text).not.toMatch(/Discussed|Action items|Carried over|due /);
    expectValidCards(h.connector);
  });

  it('finds no text outside the catalog on the pseudo-locale’s prompt, help and summary cards (and finds it on an English one)', async () => {
    await pseudo.post(pseudo.activity(pseudo.report, { type: 'message', text: 'hallo', locale: 'qps-ploc' }));
    await holdMeeting(h, pseudo);
    const cards = h.connector.cards(pseudo.chatId);
    // Welcome, prompt, help and summary, each with text to check.
    expect(cards.length).toBeGreaterThanOrEqual(4);
    const userData = [
      'Alex Morgan',
      'Sam Rivera',
      'Team-Tools',
      cardTextInline(TOPIC),
      cardTextInline(NOTE),
      cardTextInline(ITEM),
    ];
    const dates = [calendarDate(DUE, 'en')];
    for (const card of cards) {
      const texts = readableTexts(card);
      expect(texts.length).toBeGreaterThan(0);
      expect(unwrapped(texts, userData, dates), JSON.stringify(texts)).toEqual([]);
    }
    expect(
      cards.some((card) => cardTexts(card).some((t) => t.includes('⟦') && t.includes(cardTextInline(TOPIC)))),
    ).toBe(true);
    // Positive control: the same check on the English chat's prompt finds its English words.
    const [englishPrompt] = cardsWith(h, english, 'What would you like to talk about?');
    expect(unwrapped(readableTexts(englishPrompt), userData, dates)).toContain('What would you like to talk about?');
  });

  it('the next proactive card follows the language the chat last spoke to the bot in', async () => {
    // The manager writes in English to the German chat: the help answer is English, and so is the next prompt.
    await german.post(german.activity(german.manager, { type: 'message', text: 'hello', locale: 'en-GB' }));
    expect(cardsWith(h, german, 'I keep the shared agenda of this 1:1')).toHaveLength(1);
    const state = await panelOf(h, german);
    const next = state.meetings.find((m) => m.id === state.series.currentMeetingId)!;
    h.clock.advanceTo(new Date(Date.parse(next.scheduledStart) - 23 * HOUR));
    await h.svc.service.bot.scheduler.tick();
    const prompts = cardsWith(h, german, 'What would you like to talk about?');
    expect(prompts).toHaveLength(1);
    // Positive control: the first prompt in this chat was German.
    expect(cardsWith(h, german, 'Worüber möchten Sie sprechen?')).toHaveLength(1);
  });
});
