import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface TabSize {
  page: string;
  /** Every script the page loads up front: <script src> and <link rel="modulepreload">. */
  files: { file: string; bytes: number; gzipBytes: number }[];
  totalBytes: number;
  totalGzipBytes: number;
  builtNow: boolean;
}

/**
 * The side panel's initial JavaScript, gzipped (level 6, what servers use by
 * default): what Teams downloads before the panel can render. Builds the tab
 * when tab/dist is missing.
 */
export function measureTabJs(repoRoot: string, page = 'panel.html'): TabSize {
  const dist = join(repoRoot, 'tab', 'dist');
  let builtNow = false;
  if (!existsSync(join(dist, page))) {
    const build = spawnSync('npm', ['run', 'build:tab'], { cwd: repoRoot, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build:tab failed; cannot measure the tab');
    builtNow = true;
  }
  const html = readFileSync(join(dist, page), 'utf8');
  const sources = new Set<string>();
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) sources.add(match[1]!);
  for (const match of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)) sources.add(match[1]!);
  for (const match of html.matchAll(/<link\b[^>]*\bhref="([^"]+)"[^>]*\brel="modulepreload"/g)) sources.add(match[1]!);
  const files = [...sources]
    .filter((src) => !/^https?:/.test(src))
    .map((src) => {
      const content = readFileSync(join(dist, src.replace(/^\//, '')));
      return { file: src, bytes: content.length, gzipBytes: gzipSync(content, { level: 6 }).length };
    });
  return {
    page,
    files,
    totalBytes: files.reduce((a, f) => a + f.bytes, 0),
    totalGzipBytes: files.reduce((a, f) => a + f.gzipBytes, 0),
    builtNow,
  };
}
