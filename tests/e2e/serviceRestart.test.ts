import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevSession, PanelState } from '../../domain/api.js';
import { ensureTabBuilt, launchBrowser, type LaunchedBrowser } from '../support/browser.js';
import { startCosmosServer, startTestService, type TestService } from '../support/service.js';

/**
 * The service restarts (a deployment, a crash) while both panels are open.
 * Storage outlives it, as Azure Cosmos DB does; here a Cosmos protocol server
 * started apart from the service plays that part.
 */
describe('a service restart during a 1:1', { timeout: 120_000 }, () => {
  let cosmos: Awaited<ReturnType<typeof startCosmosServer>>;
  let service: TestService;
  let browser: LaunchedBrowser;
  let page: Page;

  const env = () => ({ COSMOS_ENDPOINT: cosmos.endpoint, COSMOS_KEY: 'local' });

  beforeAll(async () => {
    await ensureTabBuilt();
    cosmos = await startCosmosServer();
    service = await startTestService({ env: env() });
    browser = await launchBrowser({ viewport: { width: 760, height: 1000 } });
    page = await browser.context.newPage();
    await page.goto(`${service.url}/`);
  });
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
    await cosmos?.close();
  });

  const panel = (name: string): FrameLocator => page.frameLocator(`iframe[title="${name}'s side panel"]`);
  const topicIn = (frame: FrameLocator, text: string) =>
    frame.getByRole('list', { name: 'Agenda topics' }).getByRole('listitem', { name: text });

  it('while live updates are paused the other person is not shown as here, and is again once live', async () => {
    const presence = (frame: FrameLocator, name: string) => frame.getByRole('status').filter({ hasText: `${name} (` });
    const report = panel('Sam Rivera');
    const manager = panel('Alex Morgan');
    // The first panel load of a fresh service can take a while on a busy machine.
    await presence(report, 'Alex Morgan').filter({ hasText: 'is here' }).waitFor({ timeout: 60_000 });
    await presence(manager, 'Sam Rivera').filter({ hasText: 'is here' }).waitFor({ timeout: 60_000 });

    const port = Number(new URL(service.url).port);
    const issuer = service.service.devIdentities;
    await service.stop();
    await report.getByText('Live updates paused').waitFor();
    await manager.getByText('Live updates paused').waitFor();
    // Nobody can be seen leaving while the channel is down: the panel says it does not know.
    for (const [frame, other] of [
      [report, 'Alex Morgan'],
      [manager, 'Sam Rivera'],
    ] as const) {
      expect(await presence(frame, other).innerText()).not.toContain('is here');
      expect(await presence(frame, other).innerText()).toContain('presence unknown while live updates are paused');
    }

    service = await startTestService({ env: env(), port, ...(issuer ? { devIdentities: issuer } : {}) });
    await presence(report, 'Alex Morgan').filter({ hasText: 'is here' }).waitFor({ timeout: 30_000 });
    await presence(manager, 'Sam Rivera').filter({ hasText: 'is here' }).waitFor({ timeout: 30_000 });
  });

  it('resynchronises both panels, and an edit made while it was down is saved once', async () => {
    const report = panel('Sam Rivera');
    const manager = panel('Alex Morgan');
    await report.getByLabel('New topic').fill('Before the restart');
    await report.getByRole('button', { name: 'Add topic' }).click();
    await topicIn(manager, 'Before the restart').waitFor();

    const port = Number(new URL(service.url).port);
    const issuer = service.service.devIdentities;
    await service.stop();
    await report.getByText('Live updates paused').waitFor();

    await report.getByLabel('New topic').fill('Written while the service was down');
    await report.getByRole('button', { name: 'Add topic' }).click();
    await report.getByText('1 change not saved yet').waitFor();

    service = await startTestService({ env: env(), port, ...(issuer ? { devIdentities: issuer } : {}) });
    await topicIn(manager, 'Written while the service was down').waitFor({ timeout: 30_000 });
    await report.getByText('1 change not saved yet').waitFor({ state: 'hidden' });
    await topicIn(manager, 'Before the restart').waitFor();

    const session = DevSession.parse(await (await fetch(`${service.url}/api/dev/session`)).json());
    const token = session.identities.find((i) => i.role === 'manager')!.token;
    const res = await fetch(`${service.url}/api/series/${encodeURIComponent(session.seriesId)}/state`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const texts = PanelState.parse(await res.json())
      .topics.filter((t) => !t.deletedAt)
      .map((t) => t.text)
      .sort();
    expect(texts).toEqual(['Before the restart', 'Written while the service was down']);
  });
});
