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
  const endMeeting = async () =>
    expect(
      (
        await fetch(`${service.url}/api/dev/meeting/end`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{}',
        })
      ).ok,
    ).toBe(true);
  return { service, addTopic, startMeeting, endMeeting };
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

  it('a topic carrying both a carry-over chip and a category chip shows at least its first 40 characters', async () => {
    const { service, addTopic, startMeeting, endMeeting } = await freshOneOnOne();
    const page = await browser.context.newPage();
    const text = 'Promotion timeline and what the committee expects from me this year';
    try {
      await addTopic('report', text, 'growth');
      await startMeeting();
      await endMeeting();
      await page.goto(panelUrl(service, 'light'));
      const row = topicIn(page, text);
      await row.getByText(/×1/).waitFor();
      await row.getByText('Growth', { exact: true }).waitFor();
      // Characters a person sees: each one's box inside the text's clamped box.
      const visible = await row.locator('[data-topic-text]').evaluate((el) => {
        const box = el.getBoundingClientRect();
        const node = el.firstChild!;
        const range = document.createRange();
        let seen = 0;
        for (let i = 0; i < (node.textContent ?? '').length; i++) {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const r = range.getBoundingClientRect();
          if (r.bottom <= box.bottom + 0.5 && r.right <= box.right + 0.5 && r.left >= box.left - 0.5) seen = i + 1;
          else break;
        }
        return seen;
      });
      console.info(`a topic with both chips shows ${visible} of ${text.length} characters at 320 px`);
      expect(visible).toBeGreaterThanOrEqual(40);
      // The full text is one click away, without the editor.
      await row.getByText(text, { exact: true }).click();
      await row.getByText(/^by /).waitFor();
      expect(await page.getByLabel('Topic text').count()).toBe(0);
      const full = await row.locator('[data-topic-text]').evaluate((el) => el.scrollHeight <= el.clientHeight + 1);
      expect(full).toBe(true);
    } finally {
      await page.close();
      await service.stop();
    }
  });

  it('a double click on a topic’s discussed box ticks it once', async () => {
    const { service, addTopic } = await freshOneOnOne();
    const page = await browser.context.newPage();
    let patches = 0;
    page.on('request', (request) => {
      if (request.method() === 'PATCH' && /\/topics\//.test(request.url())) patches += 1;
    });
    try {
      await addTopic('report', 'Budget');
      await page.goto(panelUrl(service, 'light'));
      await topicIn(page, 'Budget').waitFor();
      await discussedBox(page, 'Budget').dblclick();
      await expect.poll(() => discussedBox(page, 'Budget').isChecked(), { timeout: 15_000 }).toBe(true);
      await page.waitForLoadState('networkidle');
      expect(await discussedBox(page, 'Budget').isChecked()).toBe(true);
      expect(patches).toBe(1);
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
        await expect
          .poll(() => page.evaluate(() => document.activeElement?.textContent?.trim()), { timeout: 15_000 })
          .toBe('Undo');
        expect(await toast.evaluate((el) => el.contains(document.activeElement))).toBe(true);
        await check('undo toast, its Undo focused');
        // The toast's portal must not cover the panel: scrolled to the top, the title is what is there.
        await page.evaluate(() => window.scrollTo(0, 0));
        expect(
          await page.locator('h1').evaluate((h1) => {
            const box = h1.getBoundingClientRect();
            return h1.contains(document.elementFromPoint(box.left + 4, box.top + box.height / 2));
          }),
        ).toBe(true);
        await page.screenshot({ path: root(`docs/screenshots/panel-undo-${theme}.png`), fullPage: true });
        await page.keyboard.press('Enter');
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

        // My 1:1s' action items, and the Undo offered when one is ticked away.
        await page.goto(`${service.url}/home.html?dev=report${theme === 'light' ? '' : `&theme=${theme}`}`);
        const items = page.getByRole('list', { name: 'My open action items' });
        await items.getByRole('checkbox', { name: 'Mark done: Book the architecture course' }).waitFor();
        await check('My 1:1s');
        await items.getByRole('checkbox', { name: 'Mark done: Book the architecture course' }).check();
        await page.getByRole('button', { name: 'Undo' }).waitFor();
        await check('My 1:1s, Undo after ticking');
        await page.screenshot({ path: root(`docs/screenshots/home-undo-${theme}.png`), fullPage: true });

        expect(failures).toEqual([]);
      } finally {
        await page.close();
        await service.stop();
      }
    });
  }
});
