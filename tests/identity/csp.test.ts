import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureTabBuilt, launchBrowser, type LaunchedBrowser } from '../support/browser.js';
import { startTestService, type TestService } from '../support/service.js';

/**
 * The Content-Security-Policy must hold the tab in a real browser: the built
 * tab (Fluent UI, teams-js, Socket.IO) runs without a single violation, and
 * a page of a foreign origin cannot frame it.
 */
let svc: TestService;
let browser: LaunchedBrowser;
let foreign: Server;
let foreignUrl: string;

beforeAll(async () => {
  await ensureTabBuilt();
  svc = await startTestService(); // dev mode: the local meeting page with both panels
  browser = await launchBrowser();
  foreign = createServer((_req, res) => {
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end(`<iframe id="framed" src="${svc.url}/panel.html"></iframe>`);
  });
  await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
  foreignUrl = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await browser?.close();
  foreign?.closeAllConnections();
  await new Promise((resolve) => foreign?.close(resolve));
  await svc?.stop();
});

it('runs the local meeting page and its panels without any CSP violation', { timeout: 90_000 }, async () => {
  const page = await browser.context.newPage();
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(
        `Refused to load (CSP): ${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
      ),
    );
  });
  const response = await page.goto(`${svc.url}/`);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  // The panels render (React ran, styles applied, the API answered) before we look for violations.
  await page.waitForFunction(() => (document.body.innerText ?? '').trim().length > 40, undefined, { timeout: 20_000 });
  await page.waitForLoadState('networkidle');
  // Not even zod's one-off eval probe: the tab sets `z.config({ jitless: true })` (tab/src/zodConfig.ts).
  expect(violations).toEqual([]);
  await page.close();
});

it('cannot be framed by a page of another origin', async () => {
  const page = await browser.context.newPage();
  const refusals: string[] = [];
  page.on('console', (message) => {
    if (/frame-ancestors/i.test(message.text())) refusals.push(message.text());
  });
  await page.goto(foreignUrl);
  await page.waitForLoadState('load');
  const frame = page.frames().find((f) => f !== page.mainFrame());
  // Chromium replaces a refused frame with an empty error page: none of the tab's markup gets in.
  const framedText = frame ? await frame.evaluate(() => document.documentElement.outerHTML).catch(() => '') : '';
  expect(framedText).not.toContain('id="root"');
  expect(refusals.join('\n')).toMatch(/frame-ancestors/);
  await page.close();
});
