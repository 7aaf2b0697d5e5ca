import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdjustableClock } from '../../bot/src/clock.js';
import { DevSession, PanelState } from '../../domain/api.js';
import type { Weekday } from '../../domain/entities.js';
import { SearchResults } from '../../domain/home.js';
import { apiClient, seriesPath } from '../support/api.js';
import { ensureTabBuilt, launchBrowser, type LaunchedBrowser } from '../support/browser.js';
import { startTestService, type TestService } from '../support/service.js';

/**
 * Issue 22's "done when": one 1:1 held early, its dropped call rejoined,
 * an action item done late, topics of every kind from both people, and the
 * report reading German. Every surface — the summary card in the local
 * meeting page's chat, both panels, My 1:1s, search and export — must tell
 * the same story: the same held day, the same count of meetings held, the
 * same verdicts. Writes docs/screenshots/one-truth-*.png.
 */
const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const SETTLE = { timeout: 20_000, interval: 100 };
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const WEEKDAYS: Weekday[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

function botMessage(page: Page, text: string): Locator {
  return page
    .getByRole('log', { name: 'Meeting chat messages' })
    .getByRole('article', { name: /^1:1 Companion at / })
    .filter({ hasText: text });
}

describe('one truth about a 1:1 held early, rejoined, with an item done late', { timeout: 180_000 }, () => {
  let service: TestService;
  let browser: LaunchedBrowser;
  const clock = new AdjustableClock();

  beforeAll(async () => {
    await ensureTabBuilt();
    await mkdir(root('docs/screenshots'), { recursive: true });
    service = await startTestService({ clock });
    browser = await launchBrowser({ viewport: { width: 1100, height: 1300 } });
  });

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('the summary card, both panels, My 1:1s, search and export agree on date, count and verdicts', async () => {
    const session = DevSession.parse(await (await fetch(`${service.url}/api/dev/session`)).json());
    const identity = (role: 'report' | 'manager') => session.identities.find((i) => i.role === role)!;
    const manager = apiClient(service.url, identity('manager').token);
    const report = apiClient(service.url, identity('report').token);
    const path = seriesPath(session.seriesId);
    const state = async () => PanelState.parse((await manager.get(`${path}/state`)).body);

    // An action item due today, ticked done two days later: done, but late.
    const itemId = randomUUID();
    const dueDate = clock.now().toISOString().slice(0, 10);
    expect(
      (
        await manager.post(`${path}/action-items`, {
          id: itemId,
          text: 'Draft the mentoring plan',
          ownerId: identity('report').userId,
          dueDate,
        })
      ).status,
    ).toBe(201);
    clock.advanceBy(2 * DAY);
    expect((await report.patch(`${path}/action-items/${itemId}`, { done: true })).status).toBe(200);

    // The slot: three days after the service's now (in UTC), so a start now is more than a day early.
    const slotDay = new Date(clock.now().getTime() + 3 * DAY);
    const cadence = {
      frequency: 'weekly',
      weekday: WEEKDAYS[slotDay.getUTCDay()]!,
      time: '09:00',
      timeZone: 'UTC',
      durationMinutes: 30,
    };
    expect((await manager.put(`${path}/cadence`, { cadence })).status).toBe(200);

    // Topics of all four kinds, raised by both people, all discussed.
    const topics: [typeof report, string, string][] = [
      [report, 'Oneword growth path to staff engineer', 'growth'],
      [report, 'Oneword feedback on my design review', 'feedback'],
      [manager, 'Oneword release planning', 'work'],
      [manager, 'Oneword workload and energy', 'wellbeing'],
    ];
    for (const [who, text, category] of topics) {
      const id = randomUUID();
      expect((await who.post(`${path}/topics`, { id, text, category })).status).toBe(201);
      expect((await who.patch(`${path}/topics/${id}`, { status: 'discussed' })).status).toBe(200);
    }

    // The panels read "now" from the browser's clock: it shows the service's time.
    await browser.context.clock.setSystemTime(clock.now());
    const managerPanel = await browser.context.newPage();
    const reportPanel = await browser.context.newPage();
    const meetingPage = await browser.context.newPage();
    try {
      // The local meeting page first: its chat is where the bot is added, and where the summary lands.
      await meetingPage.goto(`${service.url}/`);
      await botMessage(meetingPage, '1:1 Companion is set up').first().waitFor(SETTLE);
      await managerPanel.goto(`${service.url}/panel.html?dev=manager`);
      await reportPanel.goto(`${service.url}/panel.html?dev=report&locale=de-DE`);
      const zone = await managerPanel.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);

      // Start early: the panel asks first.
      await managerPanel.getByRole('button', { name: 'Start 1:1' }).click();
      const ask = managerPanel.getByRole('group', { name: 'Confirm holding the 1:1 early' });
      await ask.getByRole('button', { name: 'Yes, hold it now' }).click();
      await managerPanel.getByRole('button', { name: 'End 1:1' }).click();
      await managerPanel.getByRole('button', { name: 'Yes, end the 1:1' }).click();
      await managerPanel.getByRole('heading', { name: /has ended$/ }).waitFor();

      // The call dropped: rejoined five minutes later (within the window), ended for good ten later.
      clock.advanceBy(5 * MINUTE);
      expect((await manager.post(`${path}/meetings/current/start`)).status).toBe(200);
      // What the rejoined call adds lands on the same meeting, and on its one card.
      const late = randomUUID();
      const lateText = 'Oneword feedback on the on-call rota';
      expect((await report.post(`${path}/topics`, { id: late, text: lateText, category: 'feedback' })).status).toBe(
        201,
      );
      expect((await report.patch(`${path}/topics/${late}`, { status: 'discussed' })).status).toBe(200);
      clock.advanceBy(10 * MINUTE);
      expect((await manager.post(`${path}/meetings/current/end`)).status).toBe(200);

      const after = await state();
      const heldMeetings = after.meetings.filter((m) => m.status === 'ended');
      // One meeting held: the rejoined call is the same 1:1, and the next slot is untouched.
      expect(heldMeetings).toHaveLength(1);
      const heldAt = new Date(heldMeetings[0]!.startedAt!);
      expect(heldAt.getTime()).toBeLessThan(Date.parse(heldMeetings[0]!.scheduledStart) - DAY);
      const day = (locale: string, options: Intl.DateTimeFormatOptions) =>
        new Intl.DateTimeFormat(locale, { ...options, timeZone: zone }).format(heldAt);
      const longDay = (locale: string) =>
        day(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
      const shortDay = (locale: string) => day(locale, { weekday: 'short', day: 'numeric', month: 'short' });
      const flat = async (locator: Locator) => (await locator.innerText()).replace(/\s+/g, ' ');

      // The summary card: one card (updated in place at the final end), dated by the day it was held.
      const summary = botMessage(meetingPage, '1:1 summary');
      await summary.first().getByText('4 of the last 5').waitFor(SETTLE);
      expect(await summary.count()).toBe(1);
      const card = await flat(summary);
      expect(card).toContain(`Held ${longDay('en-US')}`);
      expect(card).toContain('1:1s held 1 of the 1 planned');
      expect(card).toContain('Topics on growth, wellbeing or feedback 4 of the last 5');
      expect(card).toContain('Oneword feedback on my design review (Feedback)');
      expect(card).toContain(`${lateText} (Feedback)`);
      expect(card).toContain('Topics raised by Sam Rivera 3 of the last 5');
      expect(card).toContain('Action items done by their due date 0 of 1 due lately');
      // Done, but after its due date: "done late", as follow-through counts it (0 of 1 by the due date).
      expect(card).toMatch(/✓ Draft the mentoring plan — Sam Rivera, due .* — done late/);
      await summary.screenshot({ path: root('docs/screenshots/one-truth-summary-card.png') });

      // Both panels, read at the service's time after the final end.
      await browser.context.clock.setSystemTime(clock.now());
      const ended = (panel: Page, name: RegExp) =>
        panel.locator('section', { has: panel.getByRole('heading', { name }) });
      await managerPanel.reload();
      await reportPanel.reload();
      const managerEnded = ended(managerPanel, /has ended$/);
      const reportEnded = ended(reportPanel, /ist beendet$/);
      await managerEnded.getByRole('heading', { name: /has ended$/ }).waitFor(SETTLE);
      await reportEnded.getByRole('heading', { name: /ist beendet$/ }).waitFor(SETTLE);
      expect(await managerEnded.getByRole('heading', { name: /has ended$/ }).textContent()).toContain(
        shortDay('en-US'),
      );
      expect(await reportEnded.getByRole('heading', { name: /ist beendet$/ }).textContent()).toContain(
        shortDay('de-DE'),
      );

      await expect
        .poll(() => flat(managerPanel.locator('body')), SETTLE)
        .toContain('Cadence: 1 of 1 planned 1:1s held');
      const managerText = await flat(managerPanel.locator('body'));
      expect(managerText).toContain('Balance: 4 of 5 topics about growth, wellbeing or feedback');
      expect(managerText).toContain('1 of 1 action items were done, but after their due date');
      await expect.poll(() => flat(reportPanel.locator('body')), SETTLE).toContain('Rhythmus: 1 von 1');
      const reportText = await flat(reportPanel.locator('body'));
      expect(reportText).toContain('Ausgewogenheit: 4 von 5 Themen zu Entwicklung, Wohlbefinden oder Feedback');
      expect(reportText).toContain('1 von 1 Aufgaben wurden erledigt, aber erst nach ihrem Fälligkeitsdatum');

      // History: one past meeting, under the day it was held, in each reader's language.
      const managerPast = managerPanel.getByRole('list', { name: 'Past meetings' }).getByRole('button');
      await managerPast.first().waitFor(SETTLE);
      expect(await managerPast.count()).toBe(1);
      expect(await managerPast.first().textContent()).toContain(`${shortDay('en-US')}`);
      expect(await managerPast.first().textContent()).toContain('Held');
      const reportPast = reportPanel.getByRole('list', { name: 'Frühere 1:1s' }).getByRole('button');
      await reportPast.first().waitFor(SETTLE);
      expect(await reportPast.count()).toBe(1);
      expect(await reportPast.first().textContent()).toContain(`${shortDay('de-DE')}`);
      await managerEnded.screenshot({ path: root('docs/screenshots/one-truth-ended-panel.png') });

      // My 1:1s: the same count and verdicts in Sam's row.
      const home = await browser.context.newPage();
      try {
        await home.goto(`${service.url}/home.html?dev=manager`);
        const row = home
          .getByRole('list', { name: /My 1:1s, the one needing most attention first/ })
          .getByRole('listitem')
          .filter({ has: home.getByRole('heading', { name: 'Sam Rivera', level: 3 }) });
        await row
          .getByText('1 of 1 action items were done, but after their due date', { exact: false })
          .waitFor(SETTLE);
        const rowText = await flat(row);
        expect(rowText).toContain('Cadence 1 of 1');
        expect(rowText).toContain('Balance 4 of 5 topics');
        expect(rowText).toContain('Follow-through 0 of 1 on time');
      } finally {
        await home.close();
      }

      // Search: every hit dated by the held meeting, once each.
      const search = SearchResults.parse((await manager.get('/me/search?q=oneword')).body);
      expect(search.hits).toHaveLength(5);
      for (const hit of search.hits) {
        expect(hit.meetingId).toBe(heldMeetings[0]!.id);
        expect(new Date(hit.meetingStart!).getTime()).toBe(heldAt.getTime());
      }

      // Export, in each reader's language: the held day, the count and the verdicts.
      const exported = async (role: 'manager' | 'report', language: string) => {
        const response = await fetch(`${service.url}/api${path}/export`, {
          headers: { Authorization: `Bearer ${identity(role).token}`, 'Accept-Language': language },
        });
        expect(response.status).toBe(200);
        return response.text();
      };
      const english = await exported('manager', 'en-US');
      expect(english).toContain(`## ${longDay('en-US')} — held`);
      expect(english.match(/ — held$/gm)).toHaveLength(1);
      expect(english).toContain('- Cadence: 1 of 1');
      expect(english).toContain('- Balance: 4 of 5 topics');
      expect(english).toContain('- Follow-through: 0 of 1 on time');
      expect(english).toContain('(feedback, discussed, raised by Sam Rivera)');
      const german = await exported('report', 'de-DE');
      expect(german).toContain(`## ${longDay('de-DE')} — stattgefunden`);
      expect(german).toContain('- Rhythmus: 1 von 1');
      expect(german).toContain('- Ausgewogenheit: 4 von 5 Themen');
      expect(german).toContain('- Umsetzung: 0 von 1 pünktlich');
    } finally {
      await managerPanel.close();
      await reportPanel.close();
      await meetingPage.close();
    }
  });
});
