import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureTabBuilt, TAB_DIST } from '../support/browser.js';

/** The side panel opens inside a meeting, often on a busy connection: its first load stays small. */
const PANEL_INITIAL_JS_LIMIT = 180 * 1024;

/** Scripts a page loads before it can render: its entry module and every module it preloads. */
async function initialScripts(page: string): Promise<string[]> {
  const html = await readFile(path.join(TAB_DIST, page), 'utf8');
  const sources = [...html.matchAll(/<script[^>]+src="([^"]+)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)];
  return sources.map((match) => match[1] ?? match[2] ?? '').filter((src) => src.endsWith('.js'));
}

async function gzippedSize(scripts: string[]): Promise<number> {
  const sizes = await Promise.all(
    scripts.map(async (src) => gzipSync(await readFile(path.join(TAB_DIST, src.replace(/^\//, '')))).length),
  );
  return sizes.reduce((sum, size) => sum + size, 0);
}

describe('the built tab', () => {
  beforeAll(ensureTabBuilt, 120_000);

  it('the side panel loads at most 180 KB of gzipped JavaScript before it renders', async () => {
    const scripts = await initialScripts('panel.html');
    expect(scripts.length).toBeGreaterThan(0);
    expect(await gzippedSize(scripts)).toBeLessThanOrEqual(PANEL_INITIAL_JS_LIMIT);
  });

  it('the side panel loads teams-js only when it runs in Teams', async () => {
    const initial = await Promise.all(
      (await initialScripts('panel.html')).map((src) => readFile(path.join(TAB_DIST, src.replace(/^\//, '')), 'utf8')),
    );
    // A string only the teams-js runtime contains: its "no parent window" initialisation failure.
    expect(initial.some((code) => code.includes('No Parent window found'))).toBe(false);
  });
});
