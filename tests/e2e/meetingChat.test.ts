import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { teamsDarkTheme, teamsHighContrastTheme } from '@fluentui/react-components';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevSession, PanelState } from '../../domain/api.js';
import { ensureTabBuilt, launchBrowser, type LaunchedBrowser } from '../support/browser.js';
import { openTopic } from './panelDriver.js';
import { startTestService, type TestService } from '../support/service.js';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const screenshot = (name: string) => root(`docs/screenshots/cards-${name}.png`);
// An upper bound for what a busy 2-core machine may take (the local page loads two panels and the chat at once).
const SETTLE = { timeout: 30_000, interval: 100 };

/** Text shaped like Markdown and HTML: the card must show it exactly as typed. */
const TOPIC = 'Grow into tech lead (Q1) — *not* a <b>status</b> update';
const PRIVATE_NOTE = 'Private: thinking about asking for a transfer';
const SHARED_NOTE = 'Agreed to shadow the current tech lead for a sprint';

function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

/** The chat message from the bot whose card shows this text. */
function botMessage(page: Page, text: string): Locator {
  return page
    .getByRole('log', { name: 'Meeting chat messages' })
    .getByRole('article', { name: /^1:1 Companion at / })
    .filter({ hasText: text });
}

describe('the meeting chat on the local meeting page', () => {
  let service: TestService;
  let browser: LaunchedBrowser;
  let page: Page;

  /** A REST call as one of the demo 1:1's members (their real signed dev token). */
  async function api(role: 'report' | 'manager', method: string, path: string, body?: unknown): Promise<unknown> {
    const session = DevSession.parse(await (await fetch(`${service.url}/api/dev/session`)).json());
    const token = session.identities.find((i) => i.role === role)?.token;
    const response = await fetch(`${service.url}/api/series/${session.seriesId}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(response.ok, `${method} ${path}: ${response.status}`).toBe(true);
    return response.json();
  }

  beforeAll(async () => {
    await ensureTabBuilt();
    await mkdir(root('docs/screenshots'), { recursive: true });
    service = await startTestService();
    browser = await launchBrowser({ viewport: { width: 1300, height: 1100 } });
    page = await browser.context.newPage();
    await page.goto(`${service.url}/`);
    await page.getByRole('heading', { name: 'Meeting chat' }).waitFor();
    // The chat has loaded (its first load also installs the bot, which posts the welcome).
    await page.getByRole('log', { name: 'Meeting chat messages' }).getByRole('article').first().waitFor(SETTLE);
  });

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('the bot welcomes the two members once it is added to the chat', { timeout: 60_000 }, async () => {
    const welcome = botMessage(page, '1:1 Companion is set up');
    await welcome.getByText('This chat is now the home of the 1:1 between').waitFor(SETTLE);
    await expect.poll(() => welcome.count(), SETTLE).toBe(1);
    await welcome.screenshot({ path: screenshot('welcome') });
  });

  it('the prompt card asks for a topic and will not send an empty one', { timeout: 60_000 }, async () => {
    await page.getByRole('button', { name: 'Advance clock to the pre-meeting prompt' }).click();
    await page.getByText(/The service's clock is now .*: the prompt is in the chat\./).waitFor(SETTLE);
    const prompt = botMessage(page, 'What would you like to talk about?');
    await prompt.getByRole('textbox', { name: 'Topic' }).waitFor(SETTLE);
    await expect(prompt.getByRole('combobox', { name: 'Category' }).inputValue()).resolves.toBe('work');

    // The renderer's own validation: a required input left empty shows its message and nothing is sent.
    await prompt.getByRole('button', { name: 'Add to agenda' }).click();
    await prompt.getByText('Write the topic first.').waitFor();
  });

  it(
    'a topic typed into the prompt card as the report lands on the manager’s panel and in the card',
    {
      timeout: 90_000,
    },
    async () => {
      const asReport = page.getByRole('button', { name: 'Sam Rivera (report)' });
      await asReport.click();
      await expect(asReport.getAttribute('aria-pressed')).resolves.toBe('true');

      const prompt = botMessage(page, 'What would you like to talk about?');
      await prompt.getByRole('textbox', { name: 'Topic' }).fill(TOPIC);
      const category = prompt.getByRole('combobox', { name: 'Category' });
      await category.selectOption({ label: 'Growth' });
      // From the keyboard: the card's button is the next stop after the category.
      await category.focus();
      await page.keyboard.press('Tab');
      await expect(
        prompt.getByRole('button', { name: 'Add to agenda' }).evaluate((b) => b === document.activeElement),
      ).resolves.toBe(true);
      await page.keyboard.press('Enter');

      const manager = page.frameLocator('iframe[title="Alex Morgan\'s side panel"]');
      await manager.getByRole('listitem', { name: TOPIC }).waitFor(SETTLE);
      await (await openTopic(manager, TOPIC)).getByText('by Sam Rivera', { exact: false }).waitFor(SETTLE);

      // The refreshed card: the personal confirmation and the agenda with the topic, all as plain text.
      await prompt.getByText(`Added to the agenda: ${TOPIC}`).waitFor(SETTLE);
      await prompt.getByText(`• ${TOPIC} — Growth, Sam Rivera`).waitFor(SETTLE);
      expect(await prompt.locator('b, em, strong').count()).toBe(0);
      await prompt.screenshot({ path: screenshot('prompt') });
    },
  );

  it(
    'ending the meeting posts a summary of what was discussed, without anyone’s private note',
    {
      timeout: 90_000,
    },
    async () => {
      const state = PanelState.parse(await api('report', 'GET', '/state'));
      const topic = state.topics.find((t) => t.text === TOPIC);
      expect(topic).toBeDefined();
      await api('report', 'PUT', `/meetings/${state.series.currentMeetingId}/private-note`, { text: PRIVATE_NOTE });
      await api('manager', 'PATCH', `/topics/${topic?.id}`, { status: 'discussed' });
      await api('manager', 'PUT', `/topics/${topic?.id}/notes/mine`, { text: SHARED_NOTE });

      await page.getByRole('button', { name: 'Start meeting' }).click();
      await page.getByRole('button', { name: 'End meeting' }).click();

      const summary = botMessage(page, '1:1 summary');
      await summary.getByText(`${TOPIC} (Growth)`).waitFor(SETTLE);
      await summary.getByText(SHARED_NOTE).waitFor(SETTLE);
      await expect(summary.innerText()).resolves.not.toContain(PRIVATE_NOTE);
      await expect(page.getByRole('log', { name: 'Meeting chat messages' }).innerText()).resolves.not.toContain(
        PRIVATE_NOTE,
      );
      await summary.screenshot({ path: screenshot('summary') });
    },
  );

  it(
    'a message the manager writes to the bot shows in the chat, followed by the bot’s help card',
    {
      timeout: 60_000,
    },
    async () => {
      await page.getByRole('button', { name: 'Alex Morgan (manager)' }).click();
      const input = page.getByRole('textbox', { name: 'Message the bot as Alex Morgan' });
      await input.fill('What can you do?');
      await input.press('Enter');

      const log = page.getByRole('log', { name: 'Meeting chat messages' });
      const mine = log.getByRole('article', { name: /^Alex Morgan at / }).filter({ hasText: 'What can you do?' });
      await mine.waitFor(SETTLE);
      await botMessage(page, 'I keep the shared agenda of this 1:1').waitFor(SETTLE);
      const authors = await log
        .getByRole('article')
        .evaluateAll((articles) => articles.map((a) => a.getAttribute('aria-label')?.split(' at ')[0]));
      expect(authors.slice(-2)).toEqual(['Alex Morgan', '1:1 Companion']);
      await expect(input.inputValue()).resolves.toBe('');
    },
  );

  it(
    '"Add to 1:1 agenda" on a chat message opens the bot’s dialog and adds the topic, as in Teams',
    { timeout: 60_000 },
    async () => {
      await page.getByRole('button', { name: 'Sam Rivera (report)' }).click();
      const input = page.getByRole('textbox', { name: 'Message the bot as Sam Rivera' });
      await input.fill('Can we talk about the on-call rota?');
      await input.press('Enter');
      const log = page.getByRole('log', { name: 'Meeting chat messages' });
      const mine = log
        .getByRole('article', { name: /^Sam Rivera at / })
        .filter({ hasText: 'Can we talk about the on-call rota?' });
      await mine.waitFor(SETTLE);

      await mine.getByRole('button', { name: /^More options for the message from Sam Rivera/ }).click();
      await page.getByRole('menuitem', { name: 'Add to 1:1 agenda' }).click();
      // The bot's dialog: its title and its Adaptive Card, with the message as the topic's starting point.
      const dialog = page.getByRole('dialog', { name: 'Add to 1:1 agenda' });
      const topic = dialog.getByRole('textbox', { name: 'Topic' });
      await topic.waitFor(SETTLE);
      expect(await topic.inputValue()).toBe('Can we talk about the on-call rota?');
      await topic.fill('The on-call rota is getting heavy');
      await dialog.getByRole('button', { name: 'Add to agenda' }).click();

      await dialog.getByText('Added to the agenda of your next 1:1: The on-call rota is getting heavy').waitFor(SETTLE);
      await dialog.getByRole('button', { name: 'Close' }).click();
      await dialog.waitFor({ state: 'detached' });
      const state = PanelState.parse(await api('manager', 'GET', '/state'));
      const added = state.topics.find((t) => t.text === 'The on-call rota is getting heavy');
      expect(added?.deletedAt).toBeUndefined();
      expect(added?.meetingId).toBe(state.series.currentMeetingId);
    },
  );

  it('cards take the page theme (Teams dark and high contrast)', { timeout: 60_000 }, async () => {
    for (const [name, theme] of [
      ['dark', teamsDarkTheme],
      ['contrast', teamsHighContrastTheme],
    ] as const) {
      const themed = await browser.context.newPage();
      try {
        await themed.goto(`${service.url}/?theme=${name}`);
        const card = botMessage(themed, '1:1 Companion is set up').locator('.ac-adaptiveCard');
        await card.waitFor(SETTLE);
        const colours = await card.evaluate((el) => ({
          background: getComputedStyle(el).backgroundColor,
          text: getComputedStyle(el.querySelector('.ac-textBlock') ?? el).color,
        }));
        expect(colours).toEqual({
          background: rgb(theme.colorNeutralBackground1),
          text: rgb(theme.colorNeutralForeground1),
        });
      } finally {
        await themed.close();
      }
    }
  });
});
