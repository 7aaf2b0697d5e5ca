import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevSession, PanelState } from '../../domain/api.js';
import { apiClient, seriesPath } from '../support/api.js';
import { ensureTabBuilt, launchBrowser, type LaunchedBrowser } from '../support/browser.js';
import { startTestService, type TestService } from '../support/service.js';
import { openTopic, topicIn, topicMenu } from './panelDriver.js';
import { dayFromToday } from '../support/dates.js';

const lastMonth = dayFromToday(-30);

const SETTLE = { timeout: 15_000, interval: 100 };

describe('a record both people can trust, from the panels', { timeout: 120_000 }, () => {
  let service: TestService;
  let browser: LaunchedBrowser;
  let session: DevSession;

  beforeAll(async () => {
    await ensureTabBuilt();
    service = await startTestService();
    browser = await launchBrowser({ viewport: { width: 760, height: 1000 } });
    session = DevSession.parse(await (await fetch(`${service.url}/api/dev/session`)).json());
  });

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  const as = (role: 'report' | 'manager') =>
    apiClient(service.url, session.identities.find((i) => i.role === role)!.token);
  const base = () => seriesPath(session.seriesId);
  const state = async () => PanelState.parse((await as('report').get(`${base()}/state`)).body);
  const addTopic = async (text: string) =>
    expect((await as('report').post(`${base()}/topics`, { id: randomUUID(), text })).status).toBe(201);
  const addItem = async (role: 'report' | 'manager', text: string) => {
    const ownerId = session.identities.find((i) => i.role === role)!.userId;
    expect((await as(role).post(`${base()}/action-items`, { id: randomUUID(), text, ownerId })).status).toBe(201);
  };

  /** A page that accepts every dialog (the browser's "leave this page?") and records which it was asked. */
  async function pageAnsweringDialogs(): Promise<{ page: Page; asked: string[] }> {
    const page = await browser.context.newPage();
    const asked: string[] = [];
    page.on('dialog', (dialog) => {
      asked.push(dialog.type());
      void dialog.accept();
    });
    return { page, asked };
  }

  async function meetingPage(page?: Page): Promise<{ page: Page; report: FrameLocator; manager: FrameLocator }> {
    page ??= await browser.context.newPage();
    await page.goto(`${service.url}/`);
    const report = page.frameLocator('iframe[title="Sam Rivera\'s side panel"]');
    const manager = page.frameLocator('iframe[title="Alex Morgan\'s side panel"]');
    await report.getByRole('heading', { name: 'Agenda', exact: false }).waitFor();
    await manager.getByRole('heading', { name: 'Agenda', exact: false }).waitFor();
    return { page, report, manager };
  }

  it('both panels edit the same topic: the second editor sees the change at once and keeps both texts', async () => {
    await addTopic('Budget');
    const { page, report, manager } = await meetingPage();
    try {
      await openTopic(report, 'Budget');
      await topicMenu(report, 'Budget', 'Edit text');
      await openTopic(manager, 'Budget');
      await topicMenu(manager, 'Budget', 'Edit text');
      await manager.getByLabel('Topic text').fill('Budget and headcount');

      await report.getByLabel('Topic text').fill('Budget for Q1');
      await report.getByLabel('Topic text').press('Enter');
      await topicIn(manager, 'Budget for Q1').waitFor();
      // Said politely to Alex's screen reader, with who did it.
      await manager
        .getByRole('status')
        .filter({ hasText: 'Sam Rivera changed ‘Budget’ to ‘Budget for Q1’' })
        .waitFor({ state: 'attached' });

      // Alex is still editing: Sam's text shows at once, and Alex's own words are still in the box.
      await manager.getByText('Sam Rivera changed this topic while you were editing', { exact: false }).waitFor();
      expect(await manager.getByLabel('Topic text').inputValue()).toBe('Budget and headcount');
      await manager.getByRole('button', { name: 'Edit both' }).click();
      expect(await manager.getByLabel('Topic text').inputValue()).toBe('Budget for Q1\nBudget and headcount');
      await manager.getByRole('button', { name: 'Save' }).click();

      const both = 'Budget for Q1\nBudget and headcount';
      await topicIn(report, both).waitFor();
      expect((await state()).topics.filter((t) => !t.deletedAt).map((t) => t.text)).toContain(both);
    } finally {
      await page.close();
    }
  });

  it('a double click on one box ticks that item only, never its neighbour, and the list holds still', async () => {
    await addItem('report', 'First item');
    await addItem('report', 'Second item');
    const { page, report } = await meetingPage();
    try {
      const list = report.getByRole('list', { name: 'Action items' });
      await list.getByRole('checkbox', { name: 'First item' }).waitFor();
      const before = await list.locator('li').allInnerTexts();
      await list.getByRole('checkbox', { name: 'First item' }).dblclick();

      await expect.poll(() => list.getByRole('checkbox', { name: 'First item' }).isChecked(), SETTLE).toBe(true);
      expect(await list.locator('li').allInnerTexts()).toEqual(before);
      const items = (await state()).actionItems.filter((a) => !a.deletedAt);
      expect(items.find((a) => a.text === 'First item')?.doneAt).toBeDefined();
      expect(items.find((a) => a.text === 'Second item')?.doneAt).toBeUndefined();

      // Once the pointer leaves the list, the done item goes last.
      await page.mouse.move(1, 1);
      await expect.poll(async () => (await list.locator('li').allInnerTexts())[0], SETTLE).toContain('Second item');
    } finally {
      await page.close();
    }
  });

  it('a note typed and the panel closed at once is saved, and leaving asked first while it was pending', async () => {
    await addTopic('Holidays');
    const { page, asked } = await pageAnsweringDialogs();
    try {
      await page.goto(`${service.url}/panel.html?dev=report`);
      await openTopic(page, 'Holidays');
      await page.getByLabel('Your notes').click();
      // The autosave waits 600 ms after the last key; the page goes away well before that.
      await page.keyboard.type('Two weeks in August', { delay: 0 });
      await page.goto('about:blank');

      expect(asked).toEqual(['beforeunload']);
      await expect
        .poll(async () => (await state()).sharedNotes.map((n) => n.text), SETTLE)
        .toContain('Two weeks in August');
    } finally {
      await page.close();
    }
  });

  it('a topic text and an action item change typed in their editors and the panel closed at once are saved', async () => {
    await addTopic('Conference');
    await addItem('report', 'Send the slides');
    const { page, asked } = await pageAnsweringDialogs();
    try {
      await page.goto(`${service.url}/panel.html?dev=report`);
      await openTopic(page, 'Conference');
      await topicMenu(page, 'Conference', 'Edit text');
      await page.getByLabel('Topic text').fill('Conference talk in March');
      await page.getByRole('button', { name: 'More for “Send the slides”' }).click();
      await page.getByRole('menuitem', { name: 'Edit' }).click();
      // Opening the second editor moved the focus out of the first: that alone saves the topic.
      await expect
        .poll(async () => (await state()).topics.map((t) => t.text), SETTLE)
        .toContain('Conference talk in March');
      const editor = page.getByRole('form', { name: 'Edit “Send the slides”' });
      await editor.getByLabel('Action item', { exact: true }).fill('Send the slides to Alex');
      // Neither Save nor a click elsewhere: the page goes away with the editor open.
      await page.goto('about:blank');

      expect(asked).toEqual(['beforeunload']);
      await expect
        .poll(async () => (await state()).actionItems.map((a) => a.text), SETTLE)
        .toContain('Send the slides to Alex');
    } finally {
      await page.close();
    }
  });

  it('Escape in a topic editor discards what was typed, and leaving the page then asks nothing and saves nothing', async () => {
    await addTopic('Parking');
    const { page, asked } = await pageAnsweringDialogs();
    try {
      await page.goto(`${service.url}/panel.html?dev=report`);
      await openTopic(page, 'Parking');
      await topicMenu(page, 'Parking', 'Edit text');
      await page.getByLabel('Topic text').fill('Parking spaces for the new starters');
      await page.getByLabel('Topic text').press('Escape');
      await page.getByLabel('Topic text').waitFor({ state: 'detached' });
      await page.goto('about:blank');

      expect(asked).toEqual([]);
      const texts = (await state()).topics.map((t) => t.text);
      expect(texts).toContain('Parking');
      expect(texts).not.toContain('Parking spaces for the new starters');
    } finally {
      await page.close();
    }
  });

  it('an action item is corrected (a past due date asks once), deleted and brought back with Undo', async () => {
    await addItem('manager', 'Book the venue');
    const { page, report, manager } = await meetingPage();
    try {
      await manager.getByRole('button', { name: 'More for “Book the venue”' }).click();
      await manager.getByRole('menuitem', { name: 'Edit' }).click();
      const editor = manager.getByRole('form', { name: 'Edit “Book the venue”' });
      await editor.getByLabel('Action item', { exact: true }).fill('Book the offsite venue');
      await editor.getByLabel('Owner').selectOption({ label: 'Sam Rivera' });
      await editor.getByLabel('Due date').fill(lastMonth);
      await editor.getByRole('button', { name: 'Save', exact: true }).click();
      await editor.getByText('is in the past. Save it with that date anyway?', { exact: false }).waitFor();
      await editor.getByRole('button', { name: 'Save anyway' }).click();

      const onReport = report
        .getByRole('list', { name: 'Action items' })
        .getByRole('listitem')
        .filter({ hasText: 'Book the offsite venue' });
      await onReport.getByText('Sam Rivera · due', { exact: false }).waitFor();
      await onReport.getByText('(overdue)', { exact: false }).waitFor();

      await manager.getByRole('button', { name: 'More for “Book the offsite venue”' }).click();
      await manager.getByRole('menuitem', { name: 'Delete' }).click();
      await onReport.waitFor({ state: 'detached' });
      await report.getByText('Alex Morgan deleted “Book the offsite venue”', { exact: true }).waitFor();

      await manager.getByRole('button', { name: 'Undo' }).click();
      await onReport.waitFor();
      const item = (await state()).actionItems.find((a) => a.text === 'Book the offsite venue');
      expect(item?.deletedAt).toBeUndefined();
      expect(item?.dueDate).toBe(lastMonth);
    } finally {
      await page.close();
    }
  });

  const itemNamed = async (text: string) => (await state()).actionItems.find((a) => a.text === text);

  /**
   * Sam edits an item's text while Alex moves its due date; Sam sees Alex's change and keeps their own.
   * Returns the PATCH requests that reach the service for the item from then on.
   */
  async function keepMineOverADueDateMove(page: Page, text: string, due: string) {
    await addItem('report', text);
    const { report, manager } = await meetingPage(page);
    const more = `More for “${text}”`;
    await report.getByRole('button', { name: more }).click();
    await report.getByRole('menuitem', { name: 'Edit' }).click();
    const samEditor = report.getByRole('form', { name: `Edit “${text}”` });
    await samEditor.getByLabel('Action item', { exact: true }).fill(`${text}, with the numbers`);

    await manager.getByRole('button', { name: more }).click();
    await manager.getByRole('menuitem', { name: 'Edit' }).click();
    const alexEditor = manager.getByRole('form', { name: `Edit “${text}”` });
    await alexEditor.getByLabel('Due date').fill(due);
    await alexEditor.getByRole('button', { name: 'Save', exact: true }).click();
    await alexEditor.waitFor({ state: 'detached' });

    await samEditor.getByText('Alex Morgan changed', { exact: false }).waitFor();
    const itemId = (await itemNamed(text))!.id;
    // Counted where they arrive (a keepalive request sent as the page goes away never reaches
    // Playwright); only seen, never read: the service's own body parser reads the stream.
    const patches: string[] = [];
    service.service.httpServer.on('request', (request: IncomingMessage) => {
      if (request.method === 'PATCH' && request.url?.endsWith(`/action-items/${itemId}`)) patches.push(request.url);
    });
    await samEditor.getByRole('button', { name: 'Keep mine' }).click();
    return { samEditor, patches };
  }

  it('Keep mine after the other person moved the due date saves only my text, and their date stays', async () => {
    const due = dayFromToday(9);
    const { page } = await pageAnsweringDialogs();
    try {
      const { samEditor, patches } = await keepMineOverADueDateMove(page, 'Write the plan', due);
      await samEditor.getByRole('button', { name: 'Save', exact: true }).click();
      await samEditor.waitFor({ state: 'detached' });

      const item = await itemNamed('Write the plan, with the numbers');
      expect(item?.dueDate).toBe(due);
      expect(patches).toHaveLength(1);
    } finally {
      await page.close();
    }
  });

  it('Keep mine and the panel closed at once: my text is saved in one request, and their due date stays', async () => {
    const due = dayFromToday(11);
    const { page } = await pageAnsweringDialogs();
    try {
      const { patches } = await keepMineOverADueDateMove(page, 'Order the laptops', due);
      // The page goes away with the editor open: hidden, then pagehide — one save, not two.
      await page.goto('about:blank');

      await expect.poll(() => itemNamed('Order the laptops, with the numbers'), SETTLE).toBeDefined();
      expect(patches).toHaveLength(1);
      expect((await itemNamed('Order the laptops, with the numbers'))?.dueDate).toBe(due);
    } finally {
      await page.close();
    }
  });

  it('End names the meeting it ends', async () => {
    const { page, manager } = await meetingPage();
    try {
      // End is offered only while the meeting is live: start it first, as Teams' start event would.
      await manager.getByRole('button', { name: 'Start 1:1' }).click();
      // The slot may be days away: holding it now is confirmed first.
      const early = manager.getByRole('button', { name: 'Yes, hold it now' });
      await early
        .or(manager.getByRole('button', { name: /^End/ }).first())
        .first()
        .waitFor();
      if (await early.isVisible()) await early.click();
      await manager.getByRole('button', { name: /^End/ }).first().waitFor();
      const meeting = (await state()).meetings.find((m) => m.status === 'live');
      const day = new Date(meeting!.startedAt ?? meeting!.scheduledStart).toLocaleDateString('en-US', {
        weekday: 'short',
        day: 'numeric',
        month: 'short',
      });
      await manager.getByRole('button', { name: /^End/ }).first().click();
      await manager.getByText(`End the 1:1 of ${day}?`, { exact: false }).waitFor();
    } finally {
      await page.close();
    }
  });
});
