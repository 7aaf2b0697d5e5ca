import { randomUUID } from 'node:crypto';
import { teamsDarkTheme, teamsHighContrastTheme } from '@fluentui/react-components';
import type { FrameLocator, Page } from 'playwright-core';
import { DevSession } from '../../domain/api.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTabBuilt, launchBrowser, type LaunchedBrowser } from '../support/browser.js';
import { startTestService, type TestService } from '../support/service.js';
import { addTopic, agendaOf, discussedBox, openTopic, topicMenu } from './panelDriver.js';
import { dayFromToday } from '../support/dates.js';

const SETTLE = { timeout: 15_000, interval: 100 };

function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

/** The two side panels of the local meeting page, named after their members (the dev series' demo people). */
function panels(page: Page): { report: FrameLocator; manager: FrameLocator } {
  return {
    report: page.frameLocator('iframe[title="Sam Rivera\'s side panel"]'),
    manager: page.frameLocator('iframe[title="Alex Morgan\'s side panel"]'),
  };
}

describe('the local meeting page', () => {
  let service: TestService;
  let browser: LaunchedBrowser;
  let page: Page;

  beforeAll(async () => {
    await ensureTabBuilt();
    service = await startTestService();
    browser = await launchBrowser({ viewport: { width: 760, height: 1000 } });
    page = await browser.context.newPage();
    await page.goto(`${service.url}/`);
    await page.getByRole('heading', { name: 'Sam Rivera (report)' }).waitFor();
    await page.getByRole('heading', { name: 'Alex Morgan (manager)' }).waitFor();
  });

  /** A change made elsewhere (another device of that member), straight through the REST API. */
  async function addTopicAs(role: 'report' | 'manager', text: string): Promise<void> {
    const session = DevSession.parse(await (await fetch(`${service.url}/api/dev/session`)).json());
    const token = session.identities.find((i) => i.role === role)?.token;
    const response = await fetch(`${service.url}/api/series/${session.seriesId}/topics`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: randomUUID(), text }),
    });
    expect(response.status).toBe(201);
  }

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('a topic the report adds, moves and closes shows on both panels as it changes', { timeout: 120_000 }, async () => {
    const { report, manager } = panels(page);

    // The report leads: the empty agenda invites them to add the first topic.
    await report.getByText('add the first topic').waitFor();
    await manager.getByText('Sam Rivera (report) is here').waitFor();

    const mine = 'How can I grow into tech lead?';
    const theirs = 'Quarterly goals check-in';
    await addTopic(report, mine, 'Growth');
    await manager.getByRole('listitem', { name: mine }).getByText('Growth').waitFor();
    await (await openTopic(manager, mine)).getByText('by Sam Rivera', { exact: false }).waitFor();

    await addTopic(manager, theirs);
    await expect.poll(() => agendaOf(report), SETTLE).toEqual([mine, theirs]);

    // The manager moves the report's topic down with its button…
    await topicMenu(manager, mine, 'Move down');
    await expect.poll(() => agendaOf(manager), SETTLE).toEqual([theirs, mine]);
    await expect.poll(() => agendaOf(report), SETTLE).toEqual([theirs, mine]);

    // …and back up from the keyboard, keeping focus on the moved topic.
    const moved = manager.getByRole('listitem', { name: mine });
    await moved.focus();
    await moved.press('Alt+ArrowUp');
    await expect.poll(() => agendaOf(report), SETTLE).toEqual([mine, theirs]);
    await expect.poll(() => moved.evaluate((item) => item === document.activeElement), SETTLE).toBe(true);

    await discussedBox(manager, mine).check();
    await expect.poll(() => discussedBox(report, mine).isChecked(), SETTLE).toBe(true);
    await report.getByRole('button', { name: `More for “${mine}”` }).click();
    await report.getByRole('menuitem', { name: 'Reopen' }).waitFor();
    await page.keyboard.press('Escape');
  });

  it('a topic edited inline on one panel reads the same on the other', { timeout: 60_000 }, async () => {
    const { report, manager } = panels(page);
    const before = 'Quarterly goals check-in';
    const after = 'Quarterly goals: agree Q1 priorities';

    await topicMenu(manager, before, 'Edit text');
    const editor = manager.getByLabel('Topic text');
    await editor.fill(after);
    await editor.press('Enter');

    await report.getByRole('listitem', { name: after }).waitFor();
    await topicMenu(manager, after, 'Park until next 1:1');
    await report.getByRole('listitem', { name: after }).getByText('Parked').waitFor();
  });

  it('an action item added for the report is ticked off on the other panel', { timeout: 60_000 }, async () => {
    const { report, manager } = panels(page);
    const text = 'Draft the tech lead growth plan';

    await manager.getByLabel('New action item').fill(text);
    await manager.getByLabel('Owner').selectOption({ label: 'Sam Rivera' });
    await manager.getByLabel('Due date (optional)').fill(dayFromToday(3));
    await manager.getByRole('button', { name: 'Add action item' }).click();

    const onReport = report.getByRole('checkbox', { name: text });
    await onReport.waitFor();
    await report.getByText('Sam Rivera · due').waitFor();
    await onReport.check();
    await expect.poll(() => manager.getByRole('checkbox', { name: text }).isChecked(), SETTLE).toBe(true);
  });

  it('a panel whose connection dropped catches up with what changed meanwhile', { timeout: 60_000 }, async () => {
    const { report } = panels(page);
    const text = 'Added while Sam was offline';

    await browser.context.setOffline(true);
    // Drop the live connections the way a flaky network does: no goodbye, just a closed transport.
    for (const socket of service.service.io.of('/').sockets.values()) socket.conn.close();
    await report.getByText('Live updates paused').waitFor();

    await addTopicAs('manager', text);

    await browser.context.setOffline(false);
    await report.getByRole('listitem', { name: text }).waitFor();
    await report.getByText('Live updates paused').waitFor({ state: 'hidden' });
  });

  it('both panels follow the theme the page pins (Teams dark and high contrast)', { timeout: 60_000 }, async () => {
    for (const [name, theme] of [
      ['dark', teamsDarkTheme],
      ['contrast', teamsHighContrastTheme],
    ] as const) {
      const themed = await browser.context.newPage();
      try {
        await themed.goto(`${service.url}/?theme=${name}`);
        for (const panel of Object.values(panels(themed))) {
          await panel.getByRole('heading', { name: 'Agenda', exact: false }).waitFor();
          const background = await panel
            .locator('.fui-FluentProvider')
            .first()
            .evaluate((el) => getComputedStyle(el).backgroundColor);
          expect(background).toBe(rgb(theme.colorNeutralBackground1));
        }
      } finally {
        await themed.close();
      }
    }
  });

  it(
    'the page switches the panels’ theme and width, shows the newest card, and its notices wrap',
    { timeout: 60_000 },
    async () => {
      const settings = await browser.context.newPage();
      try {
        await settings.goto(`${service.url}/`);
        await settings.getByLabel('Theme').selectOption({ label: 'Dark' });
        await settings.getByLabel('Panel width').selectOption({ label: '280 px (narrowest)' });
        expect(settings.url()).toContain('theme=dark');
        for (const panel of Object.values(panels(settings))) {
          await panel.getByRole('heading', { name: 'Agenda', exact: false }).waitFor();
          const background = await panel
            .locator('.fui-FluentProvider')
            .first()
            .evaluate((el) => getComputedStyle(el).backgroundColor);
          expect(background).toBe(rgb(teamsDarkTheme.colorNeutralBackground1));
          expect(
            await panel.locator('body').evaluate((body) => body.scrollWidth - body.clientWidth),
          ).toBeLessThanOrEqual(0);
        }
        const frames = settings.locator('iframe');
        expect(await frames.evaluateAll((all) => all.map((f) => f.getBoundingClientRect().width))).toEqual([280, 280]);

        const log = settings.getByRole('log', { name: 'Meeting chat messages' });
        await settings.getByRole('button', { name: 'Advance clock to the pre-meeting prompt' }).click();
        const notice = settings.getByText(/The service's clock is now/);
        await notice.waitFor();
        expect(await notice.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
        await expect
          .poll(() => log.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight), SETTLE)
          .toBeLessThanOrEqual(2);
      } finally {
        await settings.close();
      }
    },
  );

  it('a panel opened outside Teams and without a dev identity says where to open it', async () => {
    const outside = await browser.context.newPage();
    try {
      await outside.goto(`${service.url}/panel.html`);
      await outside.getByText('Open this panel in a Teams meeting').waitFor();
    } finally {
      await outside.close();
    }
  });
});
