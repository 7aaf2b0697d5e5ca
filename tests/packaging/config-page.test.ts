import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tabInstanceConfig } from '../../tab/src/config/tabInstance.js';
import { launchBrowser, type LaunchedBrowser } from '../support/browser.js';
import { startTestService, type TestService } from '../support/service.js';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/** `npm test` builds the tab first; a lone run of this file builds it when the page is missing. */
async function ensureTabBuilt(): Promise<void> {
  if (existsSync(root('tab/dist/config.html'))) return;
  await build({ configFile: root('tab/vite.config.ts'), logLevel: 'warn' });
}

describe('the tab settings the configuration page saves', () => {
  it('point Teams at the side panel next to the page, whatever the trailing slash', () => {
    for (const origin of ['https://one.contoso.example', 'https://one.contoso.example/']) {
      expect(tabInstanceConfig(origin)).toEqual({
        entityId: 'one-on-one-companion',
        suggestedDisplayName: '1:1 Companion',
        contentUrl: 'https://one.contoso.example/panel.html',
        websiteUrl: 'https://one.contoso.example/panel.html',
      });
    }
  });
});

describe('the configuration page outside Teams', () => {
  let service: TestService;
  let browser: LaunchedBrowser;
  let page: Page;

  beforeAll(async () => {
    await ensureTabBuilt();
    service = await startTestService();
    browser = await launchBrowser({ viewport: { width: 800, height: 900 } });
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  async function expectSettingsShown(target: Pick<Page, 'getByRole' | 'getByText'>) {
    await target.getByRole('heading', { name: 'Add 1:1 Companion to this meeting' }).waitFor();
    await target.getByText('Not running in Teams').waitFor();
    const settings = target.getByRole('definition');
    expect(await settings.allInnerTexts()).toEqual([
      '1:1 Companion',
      `${service.url}/panel.html`,
      `${service.url}/panel.html`,
      'one-on-one-companion',
    ]);
  }

  it('shows what it would save when opened on its own', { timeout: 60_000 }, async () => {
    await page.goto(`${service.url}/config.html`);
    await expectSettingsShown(page);
  });

  it(
    'gives up waiting for Teams in a frame no Teams host answers, instead of hanging',
    { timeout: 60_000 },
    async () => {
      await page.goto(`${service.url}/panel.html`);
      await page.evaluate((src) => {
        document.body.innerHTML = '';
        const frame = document.createElement('iframe');
        frame.title = 'config';
        frame.src = src;
        frame.style.width = '700px';
        frame.style.height = '800px';
        document.body.append(frame);
      }, `${service.url}/config.html`);
      const frame = page.frameLocator('iframe[title="config"]');
      await frame.getByText('Connecting to Teams…').waitFor();
      await expectSettingsShown(frame);
    },
  );
});
