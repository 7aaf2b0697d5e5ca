import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevSession } from '../../domain/api.js';
import type { Meeting, Topic } from '../../domain/entities.js';
import { ensureTabBuilt, launchBrowser, type LaunchedBrowser } from '../support/browser.js';
import { startTestService, type TestService } from '../support/service.js';

/**
 * The panel loads the recent past only; the history view pages the rest in
 * as the person asks for it. Real service and storage, the built tab in
 * Chromium; 14 weekly meetings are written to storage as months of use would
 * have left them.
 */
const DAY = 86_400_000;
const SETTLE = { timeout: 20_000, interval: 100 };

describe('history paging in the side panel', { timeout: 120_000 }, () => {
  let service: TestService;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    await ensureTabBuilt();
    service = await startTestService();
    const session = DevSession.parse(await (await fetch(`${service.url}/api/dev/session`)).json());
    const { records } = service.service.ctx.store;
    const at = new Date(Date.now() - 400 * DAY).toISOString();
    for (let i = 0; i < 14; i += 1) {
      const start = new Date(Date.now() - (1 + 7 * i) * DAY);
      const meetingId = `hist-${String(i).padStart(2, '0')}`;
      const base = { seriesId: session.seriesId, version: 1, createdAt: at, updatedAt: at };
      const meeting: Meeting = {
        ...base,
        id: meetingId,
        type: 'meeting',
        scheduledStart: start.toISOString(),
        endedAt: new Date(start.getTime() + 1_800_000).toISOString(),
        status: 'ended',
      };
      const topic: Topic = {
        ...base,
        id: `${meetingId}-t`,
        type: 'topic',
        meetingId,
        text: `Topic of week ${i}`,
        category: 'growth',
        addedBy: session.identities.find((m) => m.role === 'report')!.userId,
        order: 'a0',
        status: 'discussed',
        carriedOverCount: 0,
        originId: `${meetingId}-t`,
      };
      await records.create(meeting);
      await records.create(topic);
    }
    browser = await launchBrowser({ viewport: { width: 760, height: 1000 } });
  });

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('shows the recent meetings, pages in the earlier ones on request, and opens the oldest', async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(`${service.url}/`);
      const report = page.frameLocator('iframe[title="Sam Rivera\'s side panel"]');
      const past = report.getByRole('list', { name: 'Past meetings' }).getByRole('button');
      // Eight weeks of weekly meetings come with the load; six are older. The catch-up on joining
      // (changes since the panel's clock minus a 30 s skew margin) may also bring the older ones,
      // seeded moments ago: then there is nothing left to page. Either way all 14 become reachable,
      // and the offer of earlier meetings goes once nothing is left to fetch.
      await expect.poll(() => past.count(), SETTLE).toBeGreaterThanOrEqual(8);
      const more = report.getByRole('button', { name: /^Show earlier meetings/ });
      if ((await past.count()) < 14) {
        await more.click();
        await expect.poll(() => past.count(), SETTLE).toBe(14);
      }
      await more.waitFor({ state: 'detached' });
      expect(await past.count()).toBe(14);

      await past.last().click();
      await report
        .getByRole('list', { name: 'Topics of this meeting' })
        .getByRole('listitem', { name: 'Topic of week 13' })
        .waitFor();
    } finally {
      await page.close();
    }
  });
});
