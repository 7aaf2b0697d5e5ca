import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdjustableClock } from '../../bot/src/clock.js';
import { DevSession, PanelState } from '../../domain/api.js';
import type { Weekday } from '../../domain/entities.js';
import { apiClient, seriesPath } from '../support/api.js';
import { ensureTabBuilt, launchBrowser, type LaunchedBrowser } from '../support/browser.js';
import { startTestService, type TestService } from '../support/service.js';

/**
 * A 1:1 held days before its slot, in Chromium: the panel asks before using
 * up the slot, then dates the meeting by the day it was held everywhere it
 * names it (agenda header, End confirmation, ended panel, past meetings) and
 * says which slot it used.
 */
const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const DAY = 24 * 3_600_000;
const WEEKDAYS: Weekday[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

describe('a 1:1 held early, in the side panel', { timeout: 120_000 }, () => {
  let service: TestService;
  let browser: LaunchedBrowser;
  const clock = new AdjustableClock();

  beforeAll(async () => {
    await ensureTabBuilt();
    await mkdir(root('docs/screenshots'), { recursive: true });
    service = await startTestService({ clock });
    browser = await launchBrowser({ viewport: { width: 320, height: 1000 } });
  });

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('asks first, then shows the held date and “held early” in the agenda, End, ended panel and history', async () => {
    const session = DevSession.parse(await (await fetch(`${service.url}/api/dev/session`)).json());
    const manager = apiClient(service.url, session.identities.find((i) => i.role === 'manager')!.token);
    const path = seriesPath(session.seriesId);
    // The slot: three days after the service's now, so a start now is more than a day early.
    const slotDay = new Date(clock.now().getTime() + 3 * DAY);
    const weekday = WEEKDAYS[slotDay.getUTCDay()]!;
    const cadence = { frequency: 'weekly', weekday, time: '09:00', timeZone: 'UTC', durationMinutes: 30 };
    expect((await manager.put(`${path}/cadence`, { cadence })).status).toBe(200);
    expect((await manager.post(`${path}/topics`, { id: 'he-topic', text: 'Quarter goals' })).status).toBe(201);
    const state = async () => PanelState.parse((await manager.get(`${path}/state`)).body);
    const before = await state();
    const slot = before.meetings.find((m) => m.id === before.series.currentMeetingId)!;
    const slotName = new Date(slot.scheduledStart).toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' });

    const page = await browser.context.newPage();
    try {
      await page.goto(`${service.url}/panel.html?dev=report`);
      const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
      const shortDay = (iso: string) =>
        new Date(iso).toLocaleDateString('en-US', { weekday: 'short', day: 'numeric', month: 'short', timeZone: zone });
      const mediumDate = (iso: string) =>
        new Date(iso).toLocaleDateString('en-US', { dateStyle: 'medium', timeZone: zone });
      const heldEarly = page.getByText(`Held early — ${slotName}'s 1:1`);

      // Start asks first: it would use up the slot days away.
      await page.getByRole('button', { name: 'Start 1:1' }).click();
      const ask = page.getByRole('group', { name: 'Confirm holding the 1:1 early' });
      await ask
        .getByText(`This 1:1 is planned for ${shortDay(slot.scheduledStart)}. Hold this week's 1:1 now?`, {
          exact: false,
        })
        .waitFor();
      expect((await state()).meetings.find((m) => m.id === slot.id)?.status).toBe('scheduled');
      await ask.getByRole('button', { name: 'Yes, hold it now' }).click();

      await page.getByRole('button', { name: 'End 1:1' }).waitFor();
      const live = (await state()).meetings.find((m) => m.id === slot.id)!;
      expect(live.status).toBe('live');
      const held = live.startedAt!;
      await page.getByRole('heading', { name: `Agenda · ${mediumDate(held)}` }).waitFor();
      await heldEarly.first().waitFor();

      await page.getByRole('button', { name: 'End 1:1' }).click();
      await page.getByText(`End the 1:1 of ${shortDay(held)}?`, { exact: false }).waitFor();
      await page.getByRole('button', { name: 'Yes, end the 1:1' }).click();

      // The ended panel: dated by the day it was held, naming the slot it used.
      const wrapUp = page.locator('section', { has: page.getByRole('heading', { name: /has ended$/ }) });
      const endedHeading = wrapUp.getByRole('heading', { name: /has ended$/ });
      await endedHeading.waitFor();
      expect(await endedHeading.textContent()).toContain(shortDay(held));
      expect(await endedHeading.textContent()).not.toContain(shortDay(slot.scheduledStart));
      await wrapUp.getByText(`Held early — ${slotName}'s 1:1`).waitFor();
      await page.screenshot({ path: root('docs/screenshots/panel-held-early-ended.png'), fullPage: true });

      // History: the past meeting is listed, and opened, under the day it was held.
      const past = page.getByRole('list', { name: 'Past meetings' }).getByRole('button');
      await past.first().waitFor();
      const entry = (await past.first().textContent()) ?? '';
      expect(entry).toContain(shortDay(held));
      expect(entry).not.toContain(shortDay(slot.scheduledStart));
      await past.first().click();
      const view = page.getByRole('article');
      const viewHeading = view.getByRole('heading', { level: 2 });
      await viewHeading.waitFor();
      expect(await viewHeading.textContent()).toContain(shortDay(held));
      await view.getByText(`Held early — ${slotName}'s 1:1`).waitFor();
    } finally {
      await page.close();
    }
  });
});
