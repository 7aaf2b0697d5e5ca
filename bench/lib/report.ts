import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { WorkloadResult } from './workload.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tests/support/browser.js';

export const TARGETS = {
  p99Ms: 50,
  pairs: 1000,
  cosmosDelayMs: 3,
  editsPerSecondPerInstance: 1000,
  cosmosRequestsPerEdit: 1,
  cosmosRequestsPerPanelLoad: 2,
  panelLoadP95Ms: 20,
  storedForPanelLoad: 10_000,
  tabInitialJsGzipKiB: 180,
} as const;

const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—');

function pad(cells: string[], widths: number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
}

/** One engine stepped through the offered rates, on one server process. */
export interface EngineSteps {
  engine: string;
  description: string;
  pairs: number;
  /** Does the engine write the change durably before the other member sees it? */
  durableBeforeBroadcast: string;
  steps: WorkloadResult[];
  /** Steps not run because an earlier one had already broken down. */
  skippedRates: number[];
  note?: string;
}

/** A step is within budget when its p99 is under the target with nothing failed or lost. */
export const withinBudget = (r: WorkloadResult) =>
  r.latencyMs.p99 < TARGETS.p99Ms && r.errors === 0 && r.lost === 0 && r.latencyMs.count > 0;

/**
 * The saturation point: the delivered edits/s of the highest step still within budget, and whether a step
 * beyond it crossed the budget (otherwise the engine held every step offered, and the point is higher).
 */
export function saturation(e: EngineSteps): { editsPerSecond: number; crossed: boolean; crossedAtRate?: number } {
  let held = 0;
  for (const step of e.steps) {
    if (!withinBudget(step)) return { editsPerSecond: held, crossed: true, crossedAtRate: step.rate };
    held = step.edits.perSecond;
  }
  return { editsPerSecond: held, crossed: false };
}

const COLUMNS = [
  'engine',
  'rate/1:1',
  'offered/s',
  'edits/s',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  'max ms',
  'errors',
  'lost',
  'CPU %',
  'CPU ms/edit',
  'RSS MiB',
];

function stepCells(e: EngineSteps, r: WorkloadResult): string[] {
  return [
    e.engine,
    String(r.rate),
    fmt(r.rate * r.pairs, 0),
    fmt(r.edits.perSecond),
    fmt(r.latencyMs.p50),
    fmt(r.latencyMs.p95),
    fmt(r.latencyMs.p99),
    fmt(r.latencyMs.max),
    String(r.errors),
    String(r.lost),
    fmt(r.server.cpuPercent, 0),
    fmt(r.server.cpuMsPerEdit, 2),
    fmt(r.server.peakRssMiB, 0),
  ];
}

/** The steps of every engine, side by side by rate, as printed on the terminal. */
export function stepTable(engines: EngineSteps[]): string {
  const rates = [...new Set(engines.flatMap((e) => e.steps.map((s) => s.rate)))].sort((a, b) => a - b);
  const lines: string[][] = [];
  for (const rate of rates) {
    for (const e of engines) {
      const step = e.steps.find((s) => s.rate === rate);
      if (step) lines.push(stepCells(e, step));
    }
  }
  const widths = COLUMNS.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const notes = engines.flatMap((e) => [
    ...(e.skippedRates.length
      ? [`  ${e.engine}: steps ${e.skippedRates.join(', ')}/s per 1:1 not run (an earlier step had broken down)`]
      : []),
    ...(e.note ? [`  * ${e.engine}: ${e.note}`] : []),
  ]);
  return [
    pad(COLUMNS, widths),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...lines.map((l) => pad(l, widths)),
    ...notes,
  ].join('\n');
}

/** The same table in Markdown, for docs/bench.md. */
export function stepMarkdown(engines: EngineSteps[]): string {
  const rates = [...new Set(engines.flatMap((e) => e.steps.map((s) => s.rate)))].sort((a, b) => a - b);
  const head = `| ${COLUMNS.join(' | ')} |`;
  const sep = `|---${'|---:'.repeat(COLUMNS.length - 1)}|`;
  const body: string[] = [];
  for (const rate of rates) {
    for (const e of engines) {
      const step = e.steps.find((s) => s.rate === rate);
      if (step) body.push(`| ${stepCells(e, step).join(' | ')} |`);
    }
  }
  return [head, sep, ...body].join('\n');
}

export interface TargetLine {
  target: string;
  measured: string;
  met: boolean | 'not measured';
}

export function targetLines(lines: TargetLine[]): string {
  return lines
    .map(
      (l) => `  ${l.met === true ? 'met    ' : l.met === false ? 'NOT MET' : 'n/a    '}  ${l.target} — ${l.measured}`,
    )
    .join('\n');
}

const escapeXml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);

const ENGINE_COLORS = ['#08519c', '#e6550d', '#31a354', '#756bb1'];

/** p99 (bar) and p50 (tick) per offered rate step, the engines side by side, log scale, with the target line. */
export function stepsSvg(engines: EngineSteps[], subtitle: string): string {
  const width = 900;
  const height = 460;
  const [left, right, top, bottom] = [70, 20, 90, 70];
  const plotH = height - top - bottom;
  const plotW = width - left - right;
  const rates = [...new Set(engines.flatMap((e) => e.steps.map((s) => s.rate)))].sort((a, b) => a - b);
  const values = engines.flatMap((e) => e.steps.flatMap((s) => [s.latencyMs.p50, s.latencyMs.p99]));
  const finite = values.filter((v) => Number.isFinite(v) && v > 0);
  const minV = 0.5;
  const maxV = Math.max(TARGETS.p99Ms * 2, ...finite) * 1.3;
  const y = (v: number) =>
    top + plotH - ((Math.log10(Math.max(v, minV)) - Math.log10(minV)) / (Math.log10(maxV) - Math.log10(minV))) * plotH;
  const groupW = plotW / Math.max(rates.length, 1);
  const barW = Math.min(70, (groupW * 0.7) / Math.max(engines.length, 1));
  const parts: string[] = [`<rect width="${width}" height="${height}" fill="#fff"/>`];
  parts.push(
    `<text x="${width / 2}" y="26" text-anchor="middle" font-size="20" font-weight="600">Edit → other member's panel, p99 by offered load</text>`,
    `<text x="${width / 2}" y="48" text-anchor="middle" font-size="13" fill="#555">${escapeXml(subtitle)}</text>`,
  );
  engines.forEach((e, k) => {
    const lx = left + k * 300;
    parts.push(
      `<rect x="${lx}" y="60" width="14" height="14" fill="${ENGINE_COLORS[k % ENGINE_COLORS.length]}"/>`,
      `<text x="${lx + 20}" y="72" font-size="13">${escapeXml(e.engine)} (${e.pairs} 1:1s)</text>`,
    );
  });
  for (const tick of [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000]) {
    if (tick < minV || tick > maxV) continue;
    const ty = y(tick);
    parts.push(`<line x1="${left}" x2="${width - right}" y1="${ty}" y2="${ty}" stroke="#eee"/>`);
    parts.push(`<text x="${left - 8}" y="${ty + 4}" text-anchor="end" font-size="12" fill="#555">${tick}</text>`);
  }
  parts.push(
    `<text x="18" y="${top + plotH / 2}" font-size="13" fill="#555" transform="rotate(-90 18 ${top + plotH / 2})" text-anchor="middle">p99 ms (log scale); tick: p50</text>`,
  );
  rates.forEach((rate, g) => {
    const gx = left + g * groupW + (groupW - barW * engines.length) / 2;
    engines.forEach((e, k) => {
      const step = e.steps.find((s) => s.rate === rate);
      if (!step || !Number.isFinite(step.latencyMs.p99)) return;
      const x = gx + k * barW;
      const by = y(step.latencyMs.p99);
      parts.push(
        `<rect x="${x}" y="${by}" width="${barW - 6}" height="${top + plotH - by}" fill="${ENGINE_COLORS[k % ENGINE_COLORS.length]}"/>`,
        `<line x1="${x}" x2="${x + barW - 6}" y1="${y(step.latencyMs.p50)}" y2="${y(step.latencyMs.p50)}" stroke="#fff" stroke-width="2"/>`,
        `<text x="${x + (barW - 6) / 2}" y="${by - 5}" text-anchor="middle" font-size="11">${fmt(step.latencyMs.p99, step.latencyMs.p99 < 10 ? 1 : 0)}</text>`,
      );
    });
    parts.push(
      `<text x="${gx + (barW * engines.length) / 2}" y="${top + plotH + 22}" text-anchor="middle" font-size="14" font-weight="600">${rate}/s per 1:1</text>`,
    );
  });
  const ty = y(TARGETS.p99Ms);
  parts.push(
    `<line x1="${left}" x2="${width - right}" y1="${ty}" y2="${ty}" stroke="#d62728" stroke-dasharray="6 4" stroke-width="2"/>`,
    `<text x="${width - right - 4}" y="${ty - 6}" text-anchor="end" font-size="12" fill="#d62728">target p99 ${TARGETS.p99Ms} ms</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">${parts.join('')}</svg>`;
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
