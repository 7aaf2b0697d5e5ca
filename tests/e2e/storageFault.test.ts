import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DevSession, PanelState } from '../../domain/api.js';
import { ensureTabBuilt, launchBrowser, type LaunchedBrowser } from '../support/browser.js';
import { requests, startCosmosFaultProxy, type CosmosFaultProxy } from '../support/faultProxy.js';
import { startCosmosServer, startTestService, type TestService } from '../support/service.js';

/**
 * The real panels in Chromium, with a fault-injecting proxy between the
 * service and its Cosmos DB: a person's change made while storage answers
 * 503, or whose stored write lost its answer, is kept on screen, sent again
 * by the panel on its own, and saved exactly once.
 */
describe('panels during a storage fault', { timeout: 120_000 }, () => {
  let cosmos: Awaited<ReturnType<typeof startCosmosServer>>;
  let proxy: CosmosFaultProxy;
  let service: TestService;
  let browser: LaunchedBrowser;
  let page: Page;

  beforeAll(async () => {
    await ensureTabBuilt();
    cosmos = await startCosmosServer();
    proxy = await startCosmosFaultProxy(cosmos.endpoint);
    service = await startTestService({
      env: {
        COSMOS_ENDPOINT: proxy.endpoint,
        COSMOS_KEY: 'local',
        COSMOS_REQUEST_TIMEOUT_MS: '1500',
        REQUEST_DEADLINE_MS: '4000',
      },
    });
    // The embedded server compiles each query shape on first use, which can outlast the short
    // storage time limit set here: load the 1:1 until both panel-load shapes (the instance's first
    // load of a 1:1, and a load from its cache) have answered once.
    const session = DevSession.parse(await (await fetch(`${service.url}/api/dev/session`)).json());
    const token = session.identities.find((i) => i.role === 'report')!.token;
    let loaded = 0;
    for (let attempt = 0; attempt < 10 && loaded < 2; attempt++) {
      const res = await fetch(`${service.url}/api/series/${encodeURIComponent(session.seriesId)}/state`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (res.status === 200) loaded += 1;
    }
    browser = await launchBrowser({ viewport: { width: 760, height: 1000 } });
    page = await browser.context.newPage();
    await page.goto(`${service.url}/`);
  });
  afterEach(() => proxy.clearAll());
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
    await proxy?.close();
    await cosmos?.close();
  });

  const panel = (name: string): FrameLocator => page.frameLocator(`iframe[title="${name}'s side panel"]`);
  const topicIn = (frame: FrameLocator, text: string) =>
    frame.getByRole('list', { name: 'Agenda topics' }).getByRole('listitem', { name: text });

  async function storedTexts(): Promise<string[]> {
    const session = DevSession.parse(await (await fetch(`${service.url}/api/dev/session`)).json());
    const token = session.identities.find((i) => i.role === 'manager')!.token;
    const res = await fetch(`${service.url}/api/series/${encodeURIComponent(session.seriesId)}/state`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return PanelState.parse(await res.json())
      .topics.filter((t) => !t.deletedAt)
      .map((t) => t.text);
  }

  it('a topic added while storage answers 503 is kept, sent again by itself and saved once', async () => {
    const report = panel('Sam Rivera');
    const manager = panel('Alex Morgan');
    await report.getByLabel('New topic').waitFor();
    const unavailable = proxy.inject({
      match: requests.writesTo('records'),
      fault: { kind: 'status', status: 503 },
      times: Infinity,
    });

    await report.getByLabel('New topic').fill('Added while storage was unavailable');
    await report.getByRole('button', { name: 'Add topic' }).click();
    await report.getByText('1 change not saved yet').waitFor();
    await topicIn(report, 'Added while storage was unavailable').waitFor();
    expect(unavailable.hits).toBeGreaterThan(0);

    unavailable.clear();
    await topicIn(manager, 'Added while storage was unavailable').waitFor({ timeout: 30_000 });
    await report.getByText('1 change not saved yet').waitFor({ state: 'hidden' });
    expect((await storedTexts()).filter((t) => t === 'Added while storage was unavailable')).toHaveLength(1);
  });

  it('a topic whose stored write lost its answer is sent again and still saved once', async () => {
    const report = panel('Sam Rivera');
    const manager = panel('Alex Morgan');
    const dropped = proxy.inject({ match: requests.writesTo('records'), fault: { kind: 'dropAnswer' } });

    await report.getByLabel('New topic').fill('Stored, answer lost');
    await report.getByRole('button', { name: 'Add topic' }).click();
    await topicIn(manager, 'Stored, answer lost').waitFor({ timeout: 30_000 });
    await report.getByText(/not saved yet/).waitFor({ state: 'hidden' });
    expect(dropped.hits).toBe(1);
    expect((await storedTexts()).filter((t) => t === 'Stored, answer lost')).toHaveLength(1);
    // Nothing was refused: no error notice in the report's panel.
    expect(await report.getByText('was not saved').count()).toBe(0);
  });
});
