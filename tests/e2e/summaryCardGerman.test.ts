import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { teamsLightTheme } from '@fluentui/react-components';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriesIdForChat } from '../../domain/series.js';
import { cardHostConfig } from '../../tab/src/meeting/chat/cardHostConfig.js';
import { apiClient } from '../support/api.js';
import { launchBrowser, type LaunchedBrowser } from '../support/browser.js';
import { devToken } from '../support/service.js';
import { cardTexts, startBotHarness, type BotHarness } from '../bot/harness.js';
import { cardDayInWords, dayFromToday, instantFromNow } from '../support/dates.js';

/**
 * The post-meeting summary card of a German-speaking chat, drawn by the
 * official Adaptive Cards renderer (the one the local meeting page uses,
 * with the same Markdown setup and host config) in Chromium set to German,
 * so `{{DATE()}}` / `{{TIME()}}` read as a German Teams client shows them.
 * Writes docs/screenshots/summary-card-de.png.
 */

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const TOPIC = 'Wachstum: *nächstes* Jahr als Tech Lead <b>wirklich</b>?';
// Card markup typed by a person stays text; the date inside it means nothing.
const NOTE = `Möchte das API-Projekt leiten; {{DATE(${instantFromNow(400).replace(/\.\d{3}Z$/, 'Z')})}} bleibt Text`;
const DUE = dayFromToday(38);

/** The renderer in a blank page: the theme's CSS variables (the host config refers to them), then the scripts. */
async function cardPage(browser: LaunchedBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Emulation.setLocaleOverride', { locale: 'de-DE' });
  await cdp.send('Emulation.setTimezoneOverride', { timezoneId: 'Europe/Berlin' });
  const variables = Object.entries(teamsLightTheme)
    .map(([name, value]) => `--${name}: ${String(value)};`)
    .join('\n');
  await page.setContent(
    `<!doctype html><html lang="de"><head><style>:root { ${variables} } body { margin: 16px; background: var(--colorNeutralBackground2); }
     #card { width: 520px; border: 1px solid var(--colorNeutralStroke2); border-radius: 4px; overflow: hidden; }</style></head>
     <body><div id="card"></div></body></html>`,
  );
  await page.addScriptTag({ path: root('node_modules/adaptivecards/dist/adaptivecards.js') });
  await page.addScriptTag({ path: root('node_modules/markdown-it/dist/markdown-it.min.js') });
  return page;
}

describe('the German summary card in a browser', () => {
  let h: BotHarness;
  let browser: LaunchedBrowser;
  let summary: Record<string, unknown>;

  beforeAll(async () => {
    await mkdir(root('docs/screenshots'), { recursive: true });
    h = await startBotHarness({ install: false });
    const chat = h.chat;
    expect(
      (await chat.post(chat.activity(chat.manager, { type: 'installationUpdate', action: 'add', locale: 'de-DE' })))
        .status,
    ).toBe(200);
    const path = `/series/${seriesIdForChat(chat.chatId)}`;
    const as = async (member: typeof chat.manager) =>
      apiClient(
        h.svc.url,
        await devToken(h.svc.service, chat.tenantId, { userId: member.aadObjectId, name: member.name }),
      );
    const report = await as(chat.report);
    const manager = await as(chat.manager);
    await report.post(`${path}/topics`, { id: 't-1', text: TOPIC, category: 'growth' });
    await manager.post(`${path}/topics`, { id: 't-2', text: 'Urlaubsplanung im Team', category: 'work' });
    await report.put(`${path}/topics/t-1/notes/mine`, { text: NOTE });
    await manager.put(`${path}/topics/t-1/notes/mine`, { text: 'Schlägt den Staff-Track vor' });
    await manager.patch(`${path}/topics/t-1`, { status: 'discussed' });
    await manager.post(`${path}/action-items`, {
      id: 'ai-1',
      text: 'Führungskurs auswählen',
      ownerId: chat.report.aadObjectId,
      dueDate: DUE,
    });
    expect((await chat.meetingEvent('start')).status).toBe(200);
    expect((await chat.meetingEvent('end')).status).toBe(200);
    const cards = h.connector.cards(chat.chatId).filter((c) => cardTexts(c).includes('Zusammenfassung des 1:1'));
    expect(cards).toHaveLength(1);
    summary = cards[0]!;
    browser = await launchBrowser({ viewport: { width: 600, height: 900 } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  });

  it(
    'reads German, dates in German by the renderer, and people’s text exactly as typed',
    { timeout: 60_000 },
    async () => {
      const page = await cardPage(browser);
      await page.evaluate(
        ([card, hostConfig]) => {
          type Renderer = {
            AdaptiveCard: {
              new (): { hostConfig: unknown; parse(json: unknown): void; render(): HTMLElement | undefined };
              onProcessMarkdown: (text: string, result: { outputHtml?: string; didProcess: boolean }) => void;
            };
            HostConfig: new (json: unknown) => unknown;
          };
          const globals = window as unknown as {
            AdaptiveCards: Renderer;
            markdownit: (options: object) => { render(text: string): string };
          };
          const markdown = globals.markdownit({ html: false, linkify: false });
          globals.AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
            result.outputHtml = markdown.render(text);
            result.didProcess = true;
          };
          const rendered = new globals.AdaptiveCards.AdaptiveCard();
          rendered.hostConfig = new globals.AdaptiveCards.HostConfig(hostConfig);
          rendered.parse(card);
          document.getElementById('card')!.appendChild(rendered.render()!);
        },
        [summary, cardHostConfig(teamsLightTheme)] as const,
      );
      const card = page.locator('#card');
      const text = await card.innerText();
      for (const expected of [
        'Zusammenfassung des 1:1',
        'Besprochen',
        `${TOPIC} (Entwicklung)`,
        NOTE,
        'Aufgaben',
        `• Führungskurs auswählen — Sam Rivera, fällig am ${cardDayInWords(DUE, 'de-DE')}`,
        'Ins nächste 1:1 übernommen',
        'So laufen Ihre 1:1s',
      ])
        expect(text).toContain(expected);
      // {{DATE(…, LONG)}} drawn by the renderer in the reader's (German) locale: a German month name.
      expect(text).toMatch(
        /Stattgefunden am \S+, \d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4}/,
      );
      // Markdown and HTML in people's text stay text.
      expect(await card.locator('b, em, strong').count()).toBe(0);
      await card.screenshot({ path: root('docs/screenshots/summary-card-de.png') });
    },
  );
});
