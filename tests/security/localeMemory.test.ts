import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/**
 * Issue 23.4: language tags come straight from clients (Accept-Language even
 * on a 401, the socket handshake's auth.locale, activity.locale), so what the
 * service keeps per tag must be bounded. The heap is measured after
 * `global.gc()` in a child process started with --expose-gc
 * (localeMemory.child.ts); vitest's workers cannot get that flag for one file.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const TAGS = 1500;

async function heapGrowth(mode: 'distinct' | 'same' | 'retain'): Promise<{ growth: number; tagLength: number }> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', 'tests/security/localeMemory.child.ts', mode, String(TAGS)],
    { cwd: root, env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test' } },
  );
  return JSON.parse(stdout) as { growth: number; tagLength: number };
}

const MB = 1024 * 1024;

describe('language tags from clients', () => {
  it('1,500 distinct ≈10 KB tags (and 1,500 short ones) leave the heap as one tag repeated does', async () => {
    // Positive control: the measurement sees the tags when something keeps them (≈15 MB).
    const retained = await heapGrowth('retain');
    expect(retained.tagLength).toBeGreaterThanOrEqual(10_000);
    expect(retained.growth).toBeGreaterThan(10 * MB);

    const same = await heapGrowth('same');
    const distinct = await heapGrowth('distinct');
    expect(distinct.growth).toBeLessThan(1 * MB);
    expect(distinct.growth - same.growth).toBeLessThan(0.5 * MB);
  }, 180_000);
});
