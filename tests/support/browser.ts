import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { build } from 'vite';

/** Where `npm run build:tab` puts the tab that the service serves. */
export const TAB_DIST = fileURLToPath(new URL('../../tab/dist/', import.meta.url));

/**
 * `npm test` builds the tab first; a lone run of a browser test builds it
 * only when it was never built (a rebuild would empty the folder under
 * services other test files may be running).
 */
export async function ensureTabBuilt(): Promise<void> {
  if (existsSync(path.join(TAB_DIST, 'panel.html'))) return;
  await build({ configFile: fileURLToPath(new URL('../../tab/vite.config.ts', import.meta.url)), logLevel: 'warn' });
}

/** The system Chromium, with the flags CI uses: no GPU, no QUIC, nothing phoning home. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

export interface LaunchedBrowser {
  context: BrowserContext;
  /** Closes Chromium and deletes its profile directory. */
  close(): Promise<void>;
}

/**
 * Real headless Chromium with a fresh profile. Playwright refuses a
 * `--user-data-dir` argument and takes the directory through
 * `launchPersistentContext` instead, which passes it as that same flag.
 */
export async function launchBrowser(
  options: {
    viewport?: { width: number; height: number };
    /** Extra Chromium flags (the Teams host maps host names to loopback). */
    args?: readonly string[];
    /** For the Teams host's throw-away self-signed certificate. */
    ignoreHTTPSErrors?: boolean;
  } = {},
): Promise<LaunchedBrowser> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'one-on-one-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
      viewport: options.viewport ?? { width: 1100, height: 900 },
      ignoreHTTPSErrors: options.ignoreHTTPSErrors ?? false,
    });
    return {
      context,
      async close() {
        await context.close().catch(() => undefined);
        await rm(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
}
