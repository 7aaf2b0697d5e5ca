import { randomUUID } from 'node:crypto';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevSession, PanelState } from '../../domain/api.js';
import { AdjustableClock } from '../../bot/src/clock.js';
import { apiClient, seriesPath } from '../support/api.js';
import { ensureTabBuilt, launchBrowser, type LaunchedBrowser } from '../support/browser.js';
import { startTestService, type TestService } from '../support/service.js';

const SETTLE = { timeout: 15_000, interval: 100 };
const MINUTE = 60_000;

/** The figures of the health strip as a person reads them: "<label>: <count>, <level>". */
function healthOf(panel: FrameLocator): Promise<string[]> {
  return panel
    .getByRole('list', { name: '1:1 health figures' })
    .getByRole('listitem')
    .evaluateAll((items) => items.map((item) => item.getAttribute('aria-label') ?? ''))
    .catch(() => []);
}

describe('the 1:1 health strip', () => {
  let service: TestService;
  let browser: LaunchedBrowser;
  let clock: AdjustableClock;

  beforeAll(async () => {
    await ensureTabBuilt();
    clock = new AdjustableClock();
    service = await startTestService({ clock });
    browser = await launchBrowser({ viewport: { width: 760, height: 1000 } });
  });

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it(
    'reads a month of meetings: a skipped 1:1, a manager-led agenda, slipped action items, and improves at once',
    { timeout: 120_000 },
    async () => {
      const session = DevSession.parse(await (await fetch(`${service.url}/api/dev/session`)).json());
      const as = (role: 'report' | 'manager') =>
        apiClient(service.url, session.identities.find((i) => i.role === role)!.token);
      const report = as('report');
      const manager = as('manager');
      const base = seriesPath(session.seriesId);
      const state = async () => PanelState.parse((await report.get(`${base}/state`)).body);
      const currentStart = async () => {
        const s = await state();
        return Date.parse(s.meetings.find((m) => m.id === s.series.currentMeetingId)!.scheduledStart);
      };
      const topic = async (who: ReturnType<typeof as>, text: string, category: string) => {
        const id = randomUUID();
        expect((await who.post(`${base}/topics`, { id, text, category })).status).toBe(201);
        expect((await who.patch(`${base}/topics/${id}`, { status: 'discussed' })).status).toBe(200);
      };
      const item = async (text: string, ownerRole: 'report' | 'manager', dueDate: string) => {
        const id = randomUUID();
        const ownerId = session.identities.find((i) => i.role === ownerRole)!.userId;
        expect((await manager.post(`${base}/action-items`, { id, text, ownerId, dueDate })).status).toBe(201);
        return id;
      };
      const holdMeeting = async (agenda: () => Promise<void>) => {
        clock.advanceTo(new Date((await currentStart()) + 2 * MINUTE));
        expect((await manager.post(`${base}/meetings/current/start`)).status).toBe(200);
        await agenda();
        clock.advanceBy(28 * MINUTE);
        expect((await manager.post(`${base}/meetings/current/end`)).status).toBe(200);
      };

      // The demo 1:1 meets weekly on Thursdays at 10:00, London time.
      let late = '';
      await holdMeeting(async () => {
        await topic(report, 'Where I want to be in two years', 'growth');
        await topic(manager, 'Release planning', 'work');
        await topic(manager, 'Team offsite logistics', 'work');
        const due = new Date((await currentStart()) + 4 * 24 * 60 * MINUTE).toISOString().slice(0, 10);
        late = await item('Write up the growth plan', 'report', due);
        await item('Book the offsite venue', 'manager', due);
      });
      // The report finishes a day after the due date.
      clock.advanceBy(5 * 24 * 60 * MINUTE);
      expect((await report.patch(`${base}/action-items/${late}`, { done: true })).status).toBe(200);

      await holdMeeting(async () => {
        await topic(report, 'Code review backlog', 'work');
        await topic(report, 'On-call rota', 'work');
        await topic(manager, 'Hiring update', 'work');
      });
      // The third week's 1:1 is skipped the day before; the panel is opened an hour before the fourth.
      clock.advanceTo(new Date((await currentStart()) - 24 * 60 * MINUTE));
      expect((await manager.post(`${base}/meetings/current/skip`, { outcome: 'skipped' })).status).toBe(200);
      clock.advanceTo(new Date((await currentStart()) - 60 * MINUTE));

      // The panels read "now" from the browser's clock: it shows the service's time.
      await browser.context.clock.setSystemTime(clock.now());
      const page: Page = await browser.context.newPage();
      try {
        await page.goto(`${service.url}/`);
        const panel = page.frameLocator('iframe[title="Sam Rivera\'s side panel"]');
        await expect
          .poll(() => healthOf(panel), SETTLE)
          .toEqual([
            'Cadence: 2 of 3 planned 1:1s held, Watch',
            'Who leads: 3 of 6 topics raised by Sam Rivera, Good',
            'Balance: 1 of 6 topics about growth, wellbeing or feedback, Watch',
            'Follow-through: 0 of 2 action items done by their due date, Needs attention',
          ]);

        // The next step stands inline with its figure: nothing to open.
        await panel.getByText('The last 1:1 did not happen.', { exact: false }).waitFor();

        // The open item from two meetings ago is flagged in words, not by colour alone.
        const fromLastTime = panel.getByRole('list', { name: 'Action items from last time' });
        await fromLastTime
          .getByRole('listitem')
          .filter({ hasText: 'Book the offsite venue' })
          .getByText('Overdue')
          .waitFor();
        expect(await fromLastTime.getByText('Write up the growth plan').count()).toBe(0);

        // The balance nudge's question goes straight onto the agenda, and the strip follows.
        await panel.getByRole('button', { name: 'Ask: Where do you want to grow?' }).click();
        await panel
          .getByRole('list', { name: 'Agenda topics' })
          .getByRole('listitem', { name: 'Where do you want to grow?' })
          .waitFor();
        await expect
          .poll(() => healthOf(panel), SETTLE)
          .toEqual([
            'Cadence: 2 of 3 planned 1:1s held, Watch',
            'Who leads: 4 of 7 topics raised by Sam Rivera, Good',
            'Balance: 2 of 7 topics about growth, wellbeing or feedback, Good',
            'Follow-through: 0 of 2 action items done by their due date, Needs attention',
          ]);
      } finally {
        await page.close();
      }
    },
  );
});
