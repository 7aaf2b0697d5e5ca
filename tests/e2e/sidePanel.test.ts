import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdjustableClock } from '../../bot/src/clock.js';
import { DevSession, PanelState } from '../../domain/api.js';
import { DEFAULT_REJOIN_WINDOW_MINUTES } from '../../domain/occurrence.js';
import { apiClient, seriesPath } from '../support/api.js';
import { ensureTabBuilt, launchBrowser, type LaunchedBrowser } from '../support/browser.js';
import { startTestService, type TestService } from '../support/service.js';
import { watchFrameTraffic } from './frameTraffic.js';
import { addTopic, agendaOf, discussedBox, openTopic, topicIn, topicMenu, undoToast } from './panelDriver.js';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const SETTLE = { timeout: 15_000, interval: 100 };
const REPORT_FRAME = 'iframe[title="Sam Rivera\'s side panel"]';
const MANAGER_FRAME = 'iframe[title="Alex Morgan\'s side panel"]';

/** What a keystroke does to a textarea, without the page-wide keyboard (two panels type at once). */
function typeInto(field: Locator, value: string): Promise<void> {
  return field.evaluate((element, text) => {
    const textarea = element as HTMLTextAreaElement;
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(textarea, text);
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

/** The service's clock: each 1:1 here is a new one, not the last call rejoined. */
const clock = new AdjustableClock();

/**
 * Starts the meeting from the panel when it is not live yet (End is offered
 * only while it is; a slot days away asks to confirm holding it early), then
 * ends it, and moves the clock past the rejoin window: the next Start is the next 1:1.
 */
async function endMeeting(panel: FrameLocator): Promise<void> {
  const start = panel.getByRole('button', { name: 'Start 1:1' });
  const end = panel.getByRole('button', { name: 'End 1:1' });
  const early = panel.getByRole('button', { name: 'Yes, hold it now' });
  await start.or(end).first().waitFor();
  if (await start.isVisible()) {
    await start.click();
    await early.or(end).first().waitFor();
    if (await early.isVisible()) await early.click();
  }
  await end.click();
  await panel.getByRole('button', { name: 'Yes, end the 1:1' }).click();
  await start.waitFor();
  clock.advanceBy((DEFAULT_REJOIN_WINDOW_MINUTES + 1) * 60_000);
}

describe('the side panel during a 1:1', { timeout: 90_000 }, () => {
  let service: TestService;
  let browser: LaunchedBrowser;
  let session: DevSession;

  beforeAll(async () => {
    await ensureTabBuilt();
    service = await startTestService({ clock });
    browser = await launchBrowser({ viewport: { width: 760, height: 1000 } });
    session = DevSession.parse(await (await fetch(`${service.url}/api/dev/session`)).json());
  });

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  const tokenOf = (role: 'report' | 'manager') => session.identities.find((i) => i.role === role)!.token;
  const stateAs = async (role: 'report' | 'manager') =>
    PanelState.parse((await apiClient(service.url, tokenOf(role)).get(`${seriesPath(session.seriesId)}/state`)).body);

  /** The local meeting page, both panels loaded. */
  async function meetingPage(): Promise<{ page: Page; report: FrameLocator; manager: FrameLocator }> {
    const page = await browser.context.newPage();
    await page.goto(`${service.url}/`);
    const report = page.frameLocator(REPORT_FRAME);
    const manager = page.frameLocator(MANAGER_FRAME);
    await report.getByRole('heading', { name: 'Agenda', exact: false }).waitFor();
    await manager.getByRole('heading', { name: 'Agenda', exact: false }).waitFor();
    return { page, report, manager };
  }

  it('the report’s topics go first, whoever adds first, and the empty agenda invites the report', async () => {
    const { page, report, manager } = await meetingPage();
    try {
      await report.getByText('add the first topic you want to talk about').waitFor();
      await manager.getByText('Your report’s topics come first').waitFor();

      await addTopic(manager, 'Budget for Q1');
      await addTopic(report, 'My growth plan', 'Growth');
      await expect.poll(() => agendaOf(manager), SETTLE).toEqual(['My growth plan', 'Budget for Q1']);
      await topicIn(manager, 'My growth plan').getByText('Growth', { exact: true }).waitFor();
      await (await openTopic(manager, 'My growth plan')).getByText('by Sam Rivera · Growth').waitFor();
    } finally {
      await page.close();
    }
  });

  it('a topic dragged with the mouse or moved from the keyboard moves on both panels', async () => {
    const { page, report, manager } = await meetingPage();
    try {
      await topicIn(report, 'Budget for Q1')
        .getByTitle('Drag to reorder')
        .dragTo(topicIn(report, 'My growth plan'), {
          targetPosition: { x: 20, y: 4 },
        });
      await expect.poll(() => agendaOf(manager), SETTLE).toEqual(['Budget for Q1', 'My growth plan']);

      const moved = topicIn(manager, 'Budget for Q1');
      await moved.focus();
      await moved.press('Alt+ArrowDown');
      await expect.poll(() => agendaOf(report), SETTLE).toEqual(['My growth plan', 'Budget for Q1']);
      await expect.poll(() => moved.evaluate((item) => item === document.activeElement), SETTLE).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('a deleted topic comes back in its place with Undo', async () => {
    const { page, report, manager } = await meetingPage();
    try {
      await addTopic(report, 'Parking at the office', 'Wellbeing');
      await topicMenu(report, 'Parking at the office', 'Delete');
      await expect.poll(() => agendaOf(manager), SETTLE).toEqual(['My growth plan', 'Budget for Q1']);
      const toast = undoToast(report, 'Topic deleted: “Parking at the office”');
      await toast.waitFor();

      await toast.getByRole('button', { name: 'Undo' }).click();
      await expect
        .poll(() => agendaOf(manager), SETTLE)
        .toEqual(['My growth plan', 'Parking at the office', 'Budget for Q1']);
      await toast.waitFor({ state: 'hidden' });
    } finally {
      await page.close();
    }
  });

  it('shared notes typed by both people at once are all kept', { timeout: 60_000 }, async () => {
    const { page, report, manager } = await meetingPage();
    try {
      const topic = 'My growth plan';
      await openTopic(report, topic);
      await openTopic(manager, topic);
      const mine = 'Sam: wants to lead the Q1 migration and pair with the architect.';
      const theirs = 'Alex: will ask the architect about mentoring; check budget for a course.';
      // One keyboard serves the whole page, so the two people's typing is interleaved word by word instead.
      const mineWords = mine.split(' ');
      const theirWords = theirs.split(' ');
      for (let i = 1; i <= Math.max(mineWords.length, theirWords.length); i++) {
        await typeInto(topicIn(report, topic).getByLabel('Your notes'), mineWords.slice(0, i).join(' '));
        await typeInto(topicIn(manager, topic).getByLabel('Your notes'), theirWords.slice(0, i).join(' '));
      }

      await topicIn(report, topic).getByRole('group', { name: 'Alex Morgan’s notes' }).getByText(theirs).waitFor();
      await topicIn(manager, topic).getByRole('group', { name: 'Sam Rivera’s notes' }).getByText(mine).waitFor();
      await expect.poll(() => topicIn(report, topic).getByLabel('Your notes').inputValue(), SETTLE).toBe(mine);

      await expect
        .poll(async () => (await stateAs('manager')).sharedNotes.map((n) => n.text).sort(), SETTLE)
        .toEqual([theirs, mine].sort());
    } finally {
      await page.close();
    }
  });

  it('private notes reach their author only: not the other panel, not its network traffic', async () => {
    const page = await browser.context.newPage();
    const traffic = watchFrameTraffic(page, { 'dev=report': tokenOf('report'), 'dev=manager': tokenOf('manager') });
    try {
      await page.goto(`${service.url}/`);
      const report = page.frameLocator(REPORT_FRAME);
      const manager = page.frameLocator(MANAGER_FRAME);
      const secret = 'Feeling stretched thin — ask about workload privately';
      await report.getByLabel('Private notes — only you can see these').fill(secret);
      await report.getByText('Saved', { exact: true }).first().waitFor();
      // Something shared afterwards proves the manager's panel is live and receiving.
      await addTopic(report, 'Conference budget');
      await topicIn(manager, 'Conference budget').waitFor();

      await page.reload();
      await page.frameLocator(REPORT_FRAME).getByLabel('Private notes — only you can see these').waitFor();
      await expect
        .poll(
          () => page.frameLocator(REPORT_FRAME).getByLabel('Private notes — only you can see these').inputValue(),
          SETTLE,
        )
        .toBe(secret);
      await page.frameLocator(MANAGER_FRAME).getByRole('listitem', { name: 'Conference budget' }).waitFor();

      await traffic.settled();
      // The capture works: the manager's panel got the shared topic live, and the report's got the note.
      expect(traffic.socketMessages('dev=manager').some((text) => text.includes('Conference budget'))).toBe(true);
      expect(await page.frameLocator(MANAGER_FRAME).locator('body').innerText()).not.toContain(secret);
      expect(
        await page.frameLocator(MANAGER_FRAME).getByLabel('Private notes — only you can see these').inputValue(),
      ).toBe('');
      expect(traffic.received('dev=report').some((text) => text.includes(secret))).toBe(true);
      expect(traffic.received('dev=manager').filter((text) => text.includes(secret))).toEqual([]);
    } finally {
      traffic.stop();
      await page.close();
    }
  });

  it(
    'an undiscussed topic carries over, asks for a decision the third time, and its action item follows up',
    { timeout: 90_000 },
    async () => {
      const { page, report, manager } = await meetingPage();
      try {
        // An action item captured on a topic, owned by the report.
        await topicMenu(manager, 'My growth plan', 'Add action item');
        const form = topicIn(manager, 'My growth plan').getByRole('form');
        await form.getByLabel('New action item').fill('Draft the growth plan');
        await form.getByLabel('Owner').selectOption({ label: 'Sam Rivera' });
        await form.getByRole('button', { name: 'Add action item' }).click();
        await report.getByRole('checkbox', { name: 'Draft the growth plan' }).waitFor();

        for (const done of ['Budget for Q1', 'Parking at the office', 'Conference budget']) {
          await discussedBox(manager, done).check();
          await expect.poll(() => discussedBox(report, done).isChecked(), SETTLE).toBe(true);
        }
        await endMeeting(manager);

        // Meeting 2: the undiscussed topic is back, marked; the item waits under "From last time".
        await expect.poll(() => agendaOf(report), SETTLE).toEqual(['My growth plan']);
        await topicIn(report, 'My growth plan').getByText('carried over ×1').waitFor();
        const fromLastTime = report.getByRole('list', { name: 'Action items from last time' });
        await fromLastTime.getByRole('checkbox', { name: 'Draft the growth plan' }).waitFor();

        await endMeeting(report);
        await topicIn(manager, 'My growth plan').getByText('carried over ×2').waitFor();
        await topicIn(report, 'My growth plan').getByText('carried over ×2').waitFor();

        // Meeting 3: still open from meeting 1, so still at the top; the report ticks it off there.
        await fromLastTime.getByRole('checkbox', { name: 'Draft the growth plan' }).check();
        await expect
          .poll(
            () =>
              manager
                .getByRole('list', { name: 'Action items from last time' })
                .getByRole('checkbox', { name: 'Draft the growth plan' })
                .isChecked(),
            SETTLE,
          )
          .toBe(true);

        // Carried a third time, the topic asks for a decision; parking it defers it for both.
        await endMeeting(manager);
        const stuck = topicIn(report, 'My growth plan');
        await stuck.getByText('carried over ×3').waitFor();
        await stuck.getByText('Decide', { exact: true }).waitFor();
        await openTopic(report, 'My growth plan');
        await stuck
          .getByRole('group', { name: 'Decide about “My growth plan”' })
          .getByText('Decide: discuss, drop or park')
          .waitFor();
        await stuck.getByRole('button', { name: 'Park “My growth plan”' }).click();
        await topicIn(manager, 'My growth plan').getByText('Parked').waitFor();
        await stuck.getByText('Decide: discuss, drop or park').waitFor({ state: 'hidden' });
      } finally {
        await page.close();
      }
    },
  );

  it(
    'a past meeting opens read-only with its topics, notes and action items, then back',
    { timeout: 60_000 },
    async () => {
      const { page, report } = await meetingPage();
      try {
        const past = report.getByRole('list', { name: 'Past meetings' }).getByRole('button');
        await expect.poll(() => past.count(), SETTLE).toBe(3);
        await past.last().click();
        const topics = report.getByRole('list', { name: 'Topics of this meeting' });
        await topics.getByRole('listitem', { name: 'Budget for Q1' }).getByText('Discussed').waitFor();
        await topics.getByRole('listitem', { name: 'My growth plan' }).getByText('Open').waitFor();
        await topics.getByText('Alex: will ask the architect', { exact: false }).waitFor();
        await report.getByRole('list', { name: 'Action items agreed' }).getByText('Draft the growth plan').waitFor();
        expect(await report.getByLabel('New topic').count()).toBe(0);

        await report.getByRole('button', { name: 'Back to the current meeting' }).click();
        await report.getByLabel('New topic').waitFor();
      } finally {
        await page.close();
      }
    },
  );

  it('a suggested question, a template and a new schedule each take one or two clicks', async () => {
    const { page, report, manager } = await meetingPage();
    try {
      const card = report.getByRole('region', { name: 'Try asking' });
      const first = await card.locator('p, span').first().innerText();
      await card.getByRole('button', { name: 'Another' }).click();
      await expect.poll(() => card.locator('p, span').first().innerText(), SETTLE).not.toBe(first);
      const question = await card.locator('p, span').first().innerText();
      await card.getByRole('button', { name: 'Add to agenda' }).click();
      await topicIn(manager, question).waitFor();

      await manager.getByRole('button', { name: 'Start from a template' }).click();
      await manager.getByRole('button', { name: 'Use the “Career conversation” template' }).click();
      await topicIn(report, 'What would you like to be doing in two to three years?').waitFor();

      await manager.getByRole('button', { name: 'Change schedule' }).click();
      await manager.getByLabel('How often').selectOption({ label: 'Every other week' });
      await manager.getByLabel('Day').selectOption({ label: 'Tuesday' });
      await manager.getByLabel('Time', { exact: true }).fill('14:30');
      await manager.getByRole('button', { name: 'Save schedule' }).click();
      await report.getByText('Every 2 weeks · Tue 14:30 Europe/London', { exact: false }).waitFor();
    } finally {
      await page.close();
    }
  });

  it('a topic added while offline is kept, shown as not saved, and sent once when back online', async () => {
    const { page, report, manager } = await meetingPage();
    try {
      await browser.context.setOffline(true);
      for (const socket of service.service.io.of('/').sockets.values()) socket.conn.close();
      await report.getByText('Live updates paused').waitFor();

      await report.getByLabel('New topic').fill('Written on the train');
      await report.getByRole('button', { name: 'Add topic' }).click();
      await topicIn(report, 'Written on the train').waitFor();
      await report.getByText('1 change not saved yet').waitFor();

      await browser.context.setOffline(false);
      await topicIn(manager, 'Written on the train').waitFor();
      await report.getByText('1 change not saved yet').waitFor({ state: 'hidden' });
      const state = await stateAs('manager');
      expect(state.topics.filter((t) => t.text === 'Written on the train' && !t.deletedAt)).toHaveLength(1);
    } finally {
      await browser.context.setOffline(false);
      await page.close();
    }
  });

  it('the panel fits 320 px in the light, dark and high-contrast themes', { timeout: 60_000 }, async () => {
    await mkdir(root('docs/screenshots'), { recursive: true });
    for (const theme of ['light', 'dark', 'contrast'] as const) {
      const page = await browser.context.newPage();
      try {
        await page.setViewportSize({ width: 320, height: 1400 });
        await page.goto(`${service.url}/panel.html?dev=report${theme === 'light' ? '' : `&theme=${theme}`}`);
        await page.getByRole('heading', { name: '1:1 health' }).waitFor();
        await page.getByRole('heading', { name: 'Try asking' }).waitFor();
        await page.getByRole('list', { name: 'Agenda topics' }).waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await page.screenshot({ path: root(`docs/screenshots/panel-${theme}.png`), fullPage: true });
      } finally {
        await page.close();
      }
    }
    const { page } = await meetingPage();
    try {
      // Wide enough for both panels and the meeting chat side by side, as a person sees the page.
      await page.setViewportSize({ width: 1300, height: 1000 });
      await page.getByRole('log', { name: 'Meeting chat messages' }).getByRole('article').first().waitFor();
      await page.screenshot({ path: root('docs/screenshots/meeting-page.png'), fullPage: true });
    } finally {
      await page.close();
    }
  });
});
