import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { WorkloadResult } from './workload.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tests/support/browser.js';

export const TARGETS = { p99Ms: 50, pairs: 1000, tabInitialJsGzipKiB: 180 } as const;

const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—');

function pad(cells: string[], widths: number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
}

export interface EngineRow {
  result: WorkloadResult;
  /** Does the engine write the change durably before the other member sees it? */
  durableBeforeBroadcast: string;
  note?: string;
}

/** One table, the engines side by side, as printed on the terminal and pasted into docs/bench.md. */
export function engineTable(rows: EngineRow[]): string {
  const header = [
    'engine',
    '1:1s',
    'clients',
    'edits/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'max ms',
    'errors',
    'lost',
    'server CPU %',
    'peak RSS MiB',
    'durable before broadcast',
  ];
  const lines = rows.map(({ result: r, durableBeforeBroadcast }) => [
    r.engine,
    String(r.pairs),
    String(r.clients),
    fmt(r.edits.perSecond),
    fmt(r.latencyMs.p50),
    fmt(r.latencyMs.p95),
    fmt(r.latencyMs.p99),
    fmt(r.latencyMs.max),
    String(r.errors),
    String(r.lost),
    fmt(r.server.cpuPercent, 0),
    fmt(r.server.peakRssMiB, 0),
    durableBeforeBroadcast,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const notes = rows.filter((r) => r.note).map((r) => `  * ${r.result.engine}: ${r.note}`);
  return [
    pad(header, widths),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...lines.map((l) => pad(l, widths)),
    ...notes,
  ].join('\n');
}

/** The same table in Markdown, for docs/bench.md. */
export function engineMarkdown(rows: EngineRow[]): string {
  const head =
    '| engine | 1:1s (clients) | edits/s | p50 ms | p95 ms | p99 ms | max ms | errors / lost | server CPU % | peak RSS MiB | durable before broadcast |';
  const sep = '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|';
  const body = rows.map(
    ({ result: r, durableBeforeBroadcast, note }) =>
      `| ${r.engine}${note ? ' *' : ''} | ${r.pairs} (${r.clients}) | ${fmt(r.edits.perSecond)} | ${fmt(r.latencyMs.p50)} | ${fmt(
        r.latencyMs.p95,
      )} | ${fmt(r.latencyMs.p99)} | ${fmt(r.latencyMs.max)} | ${r.errors} / ${r.lost} | ${fmt(r.server.cpuPercent, 0)} | ${fmt(
        r.server.peakRssMiB,
        0,
      )} | ${durableBeforeBroadcast} |`,
  );
  return [head, sep, ...body].join('\n');
}

/** Short enough to sit under a group of bars. */
function chartLabel(engine: string): string {
  if (!engine.startsWith('1:1 Companion service')) return engine;
  return engine.includes('partition') ? 'Service (partition-indexed)' : 'Service (as shipped)';
}

const escapeXml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);

/** Latency percentiles per engine as grouped bars on a log scale, with the p99 target drawn across. */
export function latencySvg(rows: EngineRow[], subtitle: string): string {
  const width = 900;
  const height = 460;
  const left = 70;
  const right = 20;
  const top = 70;
  const bottom = 90;
  const plotH = height - top - bottom;
  const plotW = width - left - right;
  const values = rows.flatMap((r) => [r.result.latencyMs.p50, r.result.latencyMs.p95, r.result.latencyMs.p99]);
  const finite = values.filter((v) => Number.isFinite(v) && v > 0);
  const minV = 0.5;
  const maxV = Math.max(TARGETS.p99Ms * 2, ...finite) * 1.3;
  const y = (v: number) =>
    top + plotH - ((Math.log10(Math.max(v, minV)) - Math.log10(minV)) / (Math.log10(maxV) - Math.log10(minV))) * plotH;
  const colors = ['#6baed6', '#3182bd', '#08519c'];
  const labels = ['p50', 'p95', 'p99'];
  const groupW = plotW / Math.max(rows.length, 1);
  const barW = Math.min(60, (groupW * 0.7) / 3);
  const parts: string[] = [];
  parts.push(`<rect width="${width}" height="${height}" fill="#fff"/>`);
  parts.push(
    `<text x="${width / 2}" y="28" text-anchor="middle" font-size="20" font-weight="600">Edit → other member's panel latency</text>`,
  );
  parts.push(
    `<text x="${width / 2}" y="50" text-anchor="middle" font-size="13" fill="#555">${escapeXml(subtitle)}</text>`,
  );
  for (const tick of [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000]) {
    if (tick < minV || tick > maxV) continue;
    const ty = y(tick);
    parts.push(`<line x1="${left}" x2="${width - right}" y1="${ty}" y2="${ty}" stroke="#eee"/>`);
    parts.push(`<text x="${left - 8}" y="${ty + 4}" text-anchor="end" font-size="12" fill="#555">${tick}</text>`);
  }
  parts.push(
    `<text x="18" y="${top + plotH / 2}" font-size="13" fill="#555" transform="rotate(-90 18 ${top + plotH / 2})" text-anchor="middle">milliseconds (log scale)</text>`,
  );
  rows.forEach((row, g) => {
    const r = row.result;
    const gx = left + g * groupW + (groupW - barW * 3) / 2;
    [r.latencyMs.p50, r.latencyMs.p95, r.latencyMs.p99].forEach((v, k) => {
      if (!Number.isFinite(v)) return;
      const by = y(v);
      parts.push(
        `<rect x="${gx + k * barW}" y="${by}" width="${barW - 4}" height="${top + plotH - by}" fill="${colors[k]}"/>`,
      );
      parts.push(
        `<text x="${gx + k * barW + (barW - 4) / 2}" y="${by - 5}" text-anchor="middle" font-size="11">${fmt(v, v < 10 ? 1 : 0)}</text>`,
      );
    });
    parts.push(
      `<text x="${gx + barW * 1.5}" y="${top + plotH + 22}" text-anchor="middle" font-size="14" font-weight="600">${escapeXml(chartLabel(r.engine))}</text>`,
    );
    parts.push(
      `<text x="${gx + barW * 1.5}" y="${top + plotH + 40}" text-anchor="middle" font-size="12" fill="#555">${r.pairs} 1:1s · ${fmt(
        r.edits.perSecond,
        0,
      )} edits/s · CPU ${fmt(r.server.cpuPercent, 0)} %</text>`,
    );
  });
  const ty = y(TARGETS.p99Ms);
  parts.push(
    `<line x1="${left}" x2="${width - right}" y1="${ty}" y2="${ty}" stroke="#d62728" stroke-dasharray="6 4"/>`,
  );
  parts.push(
    // In the legend row, where no bar can cover it.
    `<line x1="${left + 260}" x2="${left + 290}" y1="${height - 21}" y2="${height - 21}" stroke="#d62728" stroke-dasharray="6 4"/><text x="${left + 298}" y="${height - 16}" font-size="13" fill="#d62728">target p99 ${TARGETS.p99Ms} ms</text>`,
  );
  labels.forEach((label, k) => {
    const lx = left + k * 80;
    parts.push(`<rect x="${lx}" y="${height - 28}" width="14" height="14" fill="${colors[k]}"/>`);
    parts.push(`<text x="${lx + 20}" y="${height - 16}" font-size="13">${label}</text>`);
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="DejaVu Sans, Arial, sans-serif">${parts.join('')}</svg>`;
}

/** Renders the SVG to PNG with the system's headless Chromium (no download, loopback only: the SVG is inline). */
export async function writePng(svg: string, path: string): Promise<void> {
  // Playwright takes the fresh profile directory through launchPersistentContext (it refuses --user-data-dir).
  const profile = mkdtempSync(join(tmpdir(), 'bench-chart-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS],
    viewport: { width: 900, height: 460 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.setContent(`<html><body style="margin:0">${svg}</body></html>`);
    await page.locator('svg').screenshot({ path });
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

export function writeJson(path: string, value: unknown): void {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}
