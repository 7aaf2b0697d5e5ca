import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DevSession, PanelState } from '../../domain/api.js';
import { apiClient, seriesPath } from '../support/api.js';
import { ensureTabBuilt, launchBrowser, type LaunchedBrowser } from '../support/browser.js';
import { startTestService, type TestService } from '../support/service.js';
import { agendaOf, topicIn } from './panelDriver.js';

const SETTLE = { timeout: 15_000, interval: 100 };

/** What has focus, as a person hears it: the accessible label, else the text. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el?.getAttribute('aria-label') || el?.id || el?.textContent?.trim() || '';
  });
}

function focusOnBody(page: Page): Promise<boolean> {
  return page.evaluate(() => document.activeElement === null || document.activeElement === document.body);
}

/** What the panel's live region said last. */
function announced(page: Page): Promise<string> {
  return page.getByTestId('announcements').innerText();
}

describe('a whole 1:1 from the keyboard alone', { timeout: 180_000 }, () => {
  let service: TestService;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    await ensureTabBuilt();
    service = await startTestService();
    browser = await launchBrowser({ viewport: { width: 320, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('adds, reorders, discusses, captures an action item and ends the 1:1 without the mouse', async () => {
    const session = DevSession.parse(await (await fetch(`${service.url}/api/dev/session`)).json());
    const report = apiClient(service.url, session.identities.find((i) => i.role === 'report')!.token);
    await fetch(`${service.url}/api/dev/meeting/start`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    const page = await browser.context.newPage();
    const keys = page.keyboard;
    try {
      await page.goto(`${service.url}/panel.html?dev=report`);
      await page.getByText('Nothing on the agenda yet', { exact: false }).waitFor();

      // With focus on the page's body, single-key shortcuts are just letters: N and the rest do nothing.
      expect(await focusOnBody(page)).toBe(true);
      for (const key of ['n', 'e', '?', 'd']) await keys.press(key);
      expect(await focusOnBody(page)).toBe(true);
      expect(await page.getByLabel('New topic').inputValue()).toBe('');
      expect(await page.getByRole('heading', { name: 'Keyboard shortcuts' }).count()).toBe(0);

      // Tab into the agenda; there N jumps to "New topic"; Enter adds; focus stays there for the next one.
      for (let i = 0; i < 40; i++) {
        if (await page.evaluate(() => document.activeElement?.closest('[data-shortcut-scope]') !== null)) break;
        await keys.press('Tab');
      }
      await keys.press('n');
      expect(await focused(page)).toBe('new-topic-input');
      for (const text of ['Career plan', 'Budget', 'Team offsite']) {
        await keys.type(text);
        await keys.press('Enter');
        await topicIn(page, text).waitFor();
        await expect.poll(() => page.getByLabel('New topic').inputValue(), SETTLE).toBe('');
      }
      expect(await focused(page)).toBe('new-topic-input');

      // The agenda is one Tab stop back; arrows go from topic to topic.
      await keys.press('Shift+Tab');
      expect(await focused(page)).toBe('Career plan');
      await keys.press('ArrowDown');
      expect(await focused(page)).toBe('Budget');

      // Alt+↑ moves it up, and focus stays on it.
      await keys.press('Alt+ArrowUp');
      await expect.poll(() => agendaOf(page), SETTLE).toEqual(['Budget', 'Career plan', 'Team offsite']);
      await expect.poll(() => focused(page), SETTLE).toBe('Budget');

      // ? lists the shortcuts; Escape, or Enter on Close, brings focus back to the topic it came from.
      for (const closeWith of ['Escape', 'Enter']) {
        await keys.press('?');
        await page.getByRole('heading', { name: 'Keyboard shortcuts' }).waitFor();
        await expect.poll(() => focused(page), SETTLE).toBe('Close');
        await keys.press(closeWith);
        await page.getByRole('heading', { name: 'Keyboard shortcuts' }).waitFor({ state: 'detached' });
        await expect.poll(() => focused(page), SETTLE).toBe('Budget');
      }

      // Delete, then Enter on Undo (where focus went): the topic is back in its place, focus on it, "Undone" said.
      let presses = 0;
      await keys.press('Delete');
      presses += 1;
      await expect.poll(() => agendaOf(page), SETTLE).toEqual(['Career plan', 'Team offsite']);
      await expect.poll(() => focused(page), SETTLE).toBe('Undo');
      await keys.press('Enter');
      presses += 1;
      await expect.poll(() => agendaOf(page), SETTLE).toEqual(['Budget', 'Career plan', 'Team offsite']);
      await expect.poll(() => focused(page), SETTLE).toBe('Budget');
      await expect.poll(() => announced(page), SETTLE).toBe('Undone: “Budget” is back');
      expect(presses).toBeLessThan(3);

      // Ctrl+Z does the same while the toast shows.
      await keys.press('Delete');
      await expect.poll(() => agendaOf(page), SETTLE).toEqual(['Career plan', 'Team offsite']);
      await expect.poll(() => focused(page), SETTLE).toBe('Undo');
      await keys.press('Control+z');
      await expect.poll(() => agendaOf(page), SETTLE).toEqual(['Budget', 'Career plan', 'Team offsite']);
      await expect.poll(() => focused(page), SETTLE).toBe('Budget');
      await expect.poll(() => page.getByRole('button', { name: 'Undo' }).count(), SETTLE).toBe(0);

      // D marks it discussed; the progress line follows.
      await keys.press('d');
      await page.getByText('1 of 3 discussed').waitFor();

      // A opens the action item form under the topic; Enter adds it.
      await keys.press('ArrowDown');
      expect(await focused(page)).toBe('Career plan');
      await keys.press('a');
      await expect.poll(() => focused(page), SETTLE).not.toBe('Career plan');
      await keys.type('Draft the growth plan');
      await keys.press('Enter');
      await page
        .getByRole('list', { name: 'Action items' })
        .getByRole('checkbox', { name: 'Draft the growth plan' })
        .waitFor();

      // Shift+F10 opens the topic's menu; the arrow keys and Enter pick "Park until next 1:1".
      await expect.poll(() => focused(page), SETTLE).toBe('Career plan');
      await keys.press('ArrowDown');
      expect(await focused(page)).toBe('Team offsite');
      await keys.press('Shift+F10');
      await page.getByRole('menuitem', { name: 'Notes' }).waitFor();
      for (let i = 0; i < 10 && (await focused(page)) !== 'Park until next 1:1'; i++) {
        const text = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
        if (text === 'Park until next 1:1') break;
        await keys.press('ArrowDown');
      }
      await keys.press('Enter');
      await topicIn(page, 'Team offsite').getByText('Parked').waitFor();

      // End, from the keyboard: back up to the End button, confirm.
      for (let i = 0; i < 60; i++) {
        const text = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
        if (/^End/.test(text)) break;
        await keys.press('Shift+Tab');
      }
      await keys.press('Enter');
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.textContent?.trim() ?? ''), SETTLE)
        .toMatch(/^Yes, end/);
      await keys.press('Enter');
      await page.getByRole('heading', { name: /has ended/ }).waitFor();

      const state = PanelState.parse((await report.get(`${seriesPath(session.seriesId)}/state`)).body);
      const ended = state.meetings.find((m) => m.status === 'ended');
      expect(ended).toBeDefined();
      const held = state.topics.filter((t) => t.meetingId === ended!.id && !t.deletedAt);
      expect(held.map((t) => [t.text, t.status]).sort()).toEqual([
        ['Budget', 'discussed'],
        ['Career plan', 'open'],
        ['Team offsite', 'deferred'],
      ]);
      expect(state.actionItems.map((a) => a.text)).toEqual(['Draft the growth plan']);
    } finally {
      await page.close();
    }
  });
});
