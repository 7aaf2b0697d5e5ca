import { afterAll, beforeAll, expect, it } from 'vitest';
import { DevSession } from '../../domain/api.js';
import { followChatMembers } from '../../bot/src/commands/membership.js';
import { ensureTabBuilt, launchBrowser, type LaunchedBrowser } from '../support/browser.js';
import { startTestService, type TestService } from '../support/service.js';

/**
 * Issue 12.3, the panel's side: when the meeting chat is no longer just the
 * two members, the panel says why nothing is posted there. (The Teams side,
 * real conversationUpdate activities, is tests/bot/membership.test.ts.)
 */
let service: TestService;
let browser: LaunchedBrowser;

beforeAll(async () => {
  await ensureTabBuilt();
  service = await startTestService();
  browser = await launchBrowser({ viewport: { width: 760, height: 1000 } });
});

afterAll(async () => {
  await browser?.close();
  await service?.stop();
});

it(
  'the panel says why the bot holds back the summary when a third person is in the chat',
  { timeout: 90_000 },
  async () => {
    const session = DevSession.parse(await (await fetch(`${service.url}/api/dev/session`)).json());
    const page = await browser.context.newPage();
    try {
      await page.goto(`${service.url}/`);
      const panel = page.frameLocator('iframe[title="Sam Rivera\'s side panel"]');
      // Positive control: the panel is up, with no such notice while the chat is the two of them.
      await expect.poll(() => panel.getByRole('heading').first().isVisible(), { timeout: 30_000 }).toBe(true);
      expect(await panel.getByText('Nothing is posted in the meeting chat').count()).toBe(0);

      await followChatMembers(service.service.ctx, session.seriesId, [
        ...session.identities.map((i) => i.userId),
        'guest-user',
      ]);
      // The change reaches the open panel live, like any other.
      const notice = panel.getByText(/Other people are in the meeting chat now/);
      await expect.poll(() => notice.isVisible(), { timeout: 15_000 }).toBe(true);
      expect(await panel.getByText('Nothing is posted in the meeting chat').isVisible()).toBe(true);
    } finally {
      await page.close();
    }
  },
);
