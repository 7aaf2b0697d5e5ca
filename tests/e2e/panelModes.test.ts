import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevSession } from '../../domain/api.js';
import { apiClient, seriesPath } from '../support/api.js';
import { accessibilityViolations } from '../support/axe.js';
import { ensureTabBuilt, launchBrowser, type LaunchedBrowser } from '../support/browser.js';
import { startTestService, type TestService } from '../support/service.js';
import { discussedBox, openTopic, topicIn, topicMenu, undoToast } from './panelDriver.js';
import { dayFromToday } from '../support/dates.js';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const THEMES = ['light', 'dark', 'contrast'] as const;
type Theme = (typeof THEMES)[number];

/** A fresh service and its dev 1:1, with a helper to add topics as either member. */
async function freshOneOnOne() {
  const service = await startTestService();
  const session = DevSession.parse(await (await fetch(`${service.url}/api/dev/session`)).json());
  const as = (role: 'report' | 'manager') =>
    apiClient(service.url, session.identities.find((i) => i.role === role)!.token);
  const addTopic = async (role: 'report' | 'manager', text: string, category = 'work') =>
    expect(
      (await as(role).post(`${seriesPath(session.seriesId)}/topics`, { id: randomUUID(), text, category })).status,
    ).toBe(201);
  const startMeeting = async () =>
    expect(
      (
        await fetch(`${service.url}/api/dev/meeting/start`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{}',
        })
      ).ok,
    ).toBe(true);
  return { service, addTopic, startMeeting };
}

function panelUrl(service: TestService, theme: Theme): string {
  return `${service.url}/panel.html?dev=report${theme === 'light' ? '' : `&theme=${theme}`}`;
}

describe('the side panel at 320 px', { timeout: 300_000 }, () => {
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    await ensureTabBuilt();
    await mkdir(root('docs/screenshots'), { recursive: true });
    browser = await launchBrowser({ viewport: { width: 320, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('a one-line topic is one row at most 56 px tall, and ten topics fit in about 600 px', async () => {
    const { service, addTopic } = await freshOneOnOne();
    const page = await browser.context.newPage();
    try {
      const texts = [
        'Budget',
        'Career plan',
        'Offsite',
        'Hiring',
        'Feedback on the demo',
        'Workload',
        'Q1 goals',
        'Training',
        'Holidays',
        'Team lunch',
      ];
      for (const text of texts) await addTopic('report', text);
      await page.goto(panelUrl(service, 'light'));
      await topicIn(page, 'Team lunch').waitFor();
      const heights = await page
        .getByRole('list', { name: 'Agenda topics' })
        .getByRole('listitem')
        .evaluateAll((rows) => rows.map((row) => row.getBoundingClientRect().height));
      const list = await page.getByRole('list', { name: 'Agenda topics' }).boundingBox();
      console.info(`topic row heights at 320 px: ${heights.join(', ')}; ten topics: ${list?.height} px`);
      expect(heights).toHaveLength(10);
      expect(Math.max(...heights)).toBeLessThanOrEqual(56);
      expect(list!.height).toBeLessThanOrEqual(600);
    } finally {
      await page.close();
      await service.stop();
    }
  });

  it('the accessibility check finds a violation when there is one (positive control)', async () => {
    const { service } = await freshOneOnOne();
    const page = await browser.context.newPage();
    try {
      await page.goto(panelUrl(service, 'light'));
      await page.getByText('Nothing on the agenda yet', { exact: false }).waitFor();
      await page.evaluate(() => document.querySelector('main')?.append(document.createElement('button')));
      expect((await accessibilityViolations(page)).some((v) => v.startsWith('button-name:'))).toBe(true);
    } finally {
      await page.close();
      await service.stop();
    }
  });

  for (const theme of THEMES) {
    it(`every panel state has no WCAG 2.1 AA violation in the ${theme} theme (axe-core), and each mode is photographed`, async () => {
      const { service, addTopic, startMeeting } = await freshOneOnOne();
      const page = await browser.context.newPage();
      const failures: string[] = [];
      const check = async (state: string) => {
        for (const violation of await accessibilityViolations(page)) failures.push(`${state}: ${violation}`);
      };
      const shoot = (mode: string) =>
        page.screenshot({ path: root(`docs/screenshots/panel-${mode}-${theme}.png`), fullPage: true });
      try {
        await page.goto(panelUrl(service, theme));
        await page.getByText('Nothing on the agenda yet', { exact: false }).waitFor();
        await check('empty');

        await addTopic('report', 'Career plan: lead the Q1 migration', 'growth');
        await addTopic('report', 'Workload this sprint', 'wellbeing');
        await addTopic('manager', 'Budget for Q1');
        await topicIn(page, 'Budget for Q1').waitFor();
        await page.getByLabel('New action item').fill('Book the architecture course');
        await page.getByRole('button', { name: 'Add action item' }).click();
        await page.getByRole('checkbox', { name: 'Book the architecture course' }).waitFor();
        await check('preparing');
        await shoot('preparing');

        await page.getByRole('button', { name: 'More for “Workload this sprint”' }).click();
        await page.getByRole('menuitem', { name: 'Delete' }).waitFor();
        await check('topic menu open');
        await page.keyboard.press('Escape');

        await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
        await page.getByRole('heading', { name: 'Keyboard shortcuts' }).waitFor();
        await check('keyboard shortcuts open');
        await page.getByRole('button', { name: 'Close' }).click();

        await openTopic(page, 'Budget for Q1');
        await topicMenu(page, 'Budget for Q1', 'Edit text');
        await page.getByLabel('Topic text').waitFor();
        await check('topic open, text editor and notes');
        await page.getByRole('button', { name: 'Cancel' }).click();

        await page.getByRole('button', { name: 'More for “Book the architecture course”' }).click();
        await page.getByRole('menuitem', { name: 'Edit' }).click();
        await page.getByLabel('Due date', { exact: true }).fill(dayFromToday(-30));
        await page.getByRole('button', { name: 'Save' }).click();
        await page.getByText('is in the past', { exact: false }).waitFor();
        await check('action item editor, past date asked');
        await page.getByRole('button', { name: 'Cancel' }).click();

        await topicMenu(page, 'Workload this sprint', 'Delete');
        const toast = undoToast(page, 'Topic deleted: “Workload this sprint”');
        await toast.waitFor();
        await check('undo toast');
        await toast.getByRole('button', { name: 'Undo' }).click();
        await topicIn(page, 'Workload this sprint').waitFor();

        await startMeeting();
        await page.getByText('0 of 3 discussed').waitFor();
        await discussedBox(page, 'Career plan: lead the Q1 migration').check();
        await page.getByText('1 of 3 discussed').waitFor();
        await check('live');
        await shoot('live');

        await page.getByRole('button', { name: /^End/ }).first().click();
        await page.getByRole('button', { name: /^Yes, end/ }).waitFor();
        await check('end confirmation');
        await page.getByRole('button', { name: /^Yes, end/ }).click();
        await page.getByRole('heading', { name: /has ended/ }).waitFor();
        await check('ended');
        await shoot('ended');

        await page.getByRole('list', { name: 'Past meetings' }).getByRole('button').first().click();
        await page.getByRole('list', { name: 'Topics of this meeting' }).waitFor();
        await check('history');
        await page.getByRole('button', { name: 'Back to the current meeting' }).click();

        expect(failures).toEqual([]);
      } finally {
        await page.close();
        await service.stop();
      }
    });
  }
});
