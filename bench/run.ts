import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { FluidEngine } from './engines/fluid.js';
import { ServiceEngine, type OperationCost } from './engines/service.js';
import type { Engine } from './engines/types.js';
import { YjsEngine } from './engines/yjs.js';
import { parseBenchArgs, type Peer } from './lib/args.js';
import { summarizeProfile, type ProfileSummary } from './lib/profile.js';
import {
  saturation,
  stepMarkdown,
  stepsSvg,
  stepTable,
  TARGETS,
  targetLines,
  withinBudget,
  writeJson,
  writePng,
  type EngineSteps,
  type TargetLine,
} from './lib/report.js';
import type { LatencySummary } from './lib/stats.js';
import { measureTabJs, type TabSize } from './lib/tabSize.js';
import { runWorkload, type WorkloadResult } from './lib/workload.js';

/**
 * `npm run bench`: N concurrent 1:1s against one service instance, its
 * Cosmos DB protocol server in a process of its own with a modelled round
 * trip, stepped through offered rates; the same steps through Yjs (and, on
 * request, Fluid), one engine at a time so they never compete for the
 * machine's cores. Not part of the test suite; everything runs on loopback
 * and stops by itself.
 */
const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const options = parseBenchArgs(process.argv.slice(2));
const log = (line: string) => process.stdout.write(`${line}\n`);

/** A step this far past the budget means the engine has broken down: the higher steps are not run. */
const BROKEN_DOWN_P99_MS = 5_000;

interface ServiceExtras {
  coldLoadMs?: LatencySummary & { sample: number; stored: number };
  operationCosts: OperationCost[];
  profile?: ProfileSummary;
  profilePath?: string;
}

async function stepThrough(
  engine: Engine,
  pairs: number,
): Promise<{ steps: WorkloadResult[]; skippedRates: number[] }> {
  log(`\n▶ ${engine.name}: ${pairs} 1:1s, steps ${options.rates.join(', ')} edits/s per 1:1`);
  const steps: WorkloadResult[] = [];
  const skippedRates: number[] = [];
  for (const [i, rate] of options.rates.entries()) {
    const last = steps.at(-1);
    if (last && (last.latencyMs.p99 > BROKEN_DOWN_P99_MS || last.errors > last.edits.attempted * 0.05)) {
      skippedRates.push(rate);
      continue;
    }
    const result = await runWorkload(engine, {
      pairs,
      rate,
      durationSeconds: options.duration,
      warmupSeconds: options.warmup,
      idPrefix: `r${i}-`,
      log,
    });
    log(
      `  ${rate}/s per 1:1: ${result.edits.perSecond.toFixed(1)} edits/s, p99 ${result.latencyMs.p99.toFixed(1)} ms, ${result.errors} errors, ${result.lost} lost, server CPU ${result.server.cpuPercent.toFixed(0)} % (${result.server.cpuMsPerEdit.toFixed(2)} ms per edit)`,
    );
    steps.push(result);
  }
  return { steps, skippedRates };
}

async function runService(): Promise<{ engine: EngineSteps; extras: ServiceExtras }> {
  // Profiles are tens of MB: kept out of the repository, in the system's temp folder.
  const profileDir = options.profile ? join(tmpdir(), 'one-on-one-bench-profiles') : undefined;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const engine = new ServiceEngine({
    cosmosDelayMs: options.cosmosDelayMs,
    stored: options.stored,
    ...(profileDir ? { profileDir } : {}),
  });
  log(
    `\n  starting the Cosmos child (${options.cosmosDelayMs} ms round trip) and the service; seeding ${options.stored} 1:1s…`,
  );
  try {
    await engine.start(options.series);
    const { steps, skippedRates } = await stepThrough(engine, options.series);
    log('  cold panel loads and Cosmos requests per operation…');
    // Both are measured on an idle service; an overloaded one still working through its backlog would blur them.
    const idle = await engine.settle();
    if (!idle)
      log('  the service was still draining its backlog after 60 s: cold loads and per-operation costs not measured');
    const coldLoadMs = idle ? await engine.coldLoad(Math.min(200, options.series)) : undefined;
    const operationCosts = idle ? await engine.operationCosts() : [];
    const profilePath = steps.at(-1)?.server.window.profilePath;
    const profile = typeof profilePath === 'string' ? summarizeProfile(profilePath, repoRoot) : undefined;
    return {
      engine: {
        engine: engine.name,
        description: engine.description,
        pairs: options.series,
        durableBeforeBroadcast: 'yes: Cosmos write acknowledged, then emit',
        steps,
        skippedRates,
      },
      extras: {
        operationCosts,
        ...(coldLoadMs ? { coldLoadMs: { ...coldLoadMs, stored: options.stored } } : {}),
        ...(profile && typeof profilePath === 'string' ? { profile, profilePath } : {}),
      },
    };
  } finally {
    await engine.stop();
  }
}

const PEER_ENGINES: Record<Peer, () => Engine> = { yjs: () => new YjsEngine(), fluid: () => new FluidEngine() };
const PEER_DURABILITY: Record<Peer, string> = {
  yjs: 'no: relayed from memory (no persistence set)',
  fluid: 'no: op log in memory, summaries to disk later',
};

/**
 * Runs `fn` with the load generator's console and stderr going to a log file: the Fluid client libraries
 * print telemetry and stack traces on teardown, which would bury the bench's own output.
 */
async function withOutputTo<T>(path: string, fn: () => Promise<T>): Promise<T> {
  const file = createWriteStream(path, { flags: 'w' });
  const saved = {
    log: console.log,
    warn: console.warn,
    error: console.error,
    info: console.info,
    debug: console.debug,
  };
  const write = (...args: unknown[]) => void file.write(`${format(...args)}\n`);
  const stderrWrite = process.stderr.write.bind(process.stderr);
  Object.assign(console, { log: write, warn: write, error: write, info: write, debug: write });
  process.stderr.write = ((chunk: string | Uint8Array) => file.write(chunk)) as typeof process.stderr.write;
  try {
    return await fn();
  } finally {
    Object.assign(console, saved);
    process.stderr.write = stderrWrite;
    await new Promise((resolve) => file.end(resolve));
  }
}

async function runPeer(peer: Peer): Promise<EngineSteps> {
  const pairs = options.peerSeries[peer] ?? options.series;
  const engine = PEER_ENGINES[peer]();
  const run = async () => {
    await engine.start(pairs);
    try {
      return await stepThrough(engine, pairs);
    } finally {
      await engine.stop();
    }
  };
  const logPath = join(options.outDir, `${peer}.log`);
  const { steps, skippedRates } = peer === 'fluid' ? await withOutputTo(logPath, run) : await run();
  const note =
    pairs < options.series
      ? `run at ${pairs} 1:1s, not ${options.series} (raise with --${peer}-series)${peer === 'fluid' ? `; its client noise is in ${logPath}` : ''}`
      : undefined;
  return {
    engine: engine.name,
    description: engine.description,
    pairs,
    durableBeforeBroadcast: PEER_DURABILITY[peer],
    steps,
    skippedRates,
    ...(note ? { note } : {}),
  };
}

const EDIT_OPERATIONS = ['add topic', 'edit topic text', 'move topic', 'mark discussed', 'complete action item'];

function targets(service: EngineSteps | undefined, extras: ServiceExtras | undefined, tab: TabSize): TargetLine[] {
  const lines: TargetLine[] = [];
  const first = service?.steps[0];
  if (!service || !first) {
    lines.push({
      target: 'service targets',
      measured: 'the service was not run (--skip-service)',
      met: 'not measured',
    });
  } else {
    const atScale = service.pairs >= TARGETS.pairs && options.cosmosDelayMs >= TARGETS.cosmosDelayMs;
    lines.push({
      target: `p99 edit → other panel < ${TARGETS.p99Ms} ms at N = ${TARGETS.pairs} (0.2/s per 1:1), ${TARGETS.cosmosDelayMs} ms Cosmos round trip, durable before broadcast, 0 errors`,
      measured: `p99 ${first.latencyMs.p99.toFixed(1)} ms at N = ${service.pairs}, ${first.rate}/s per 1:1, ${options.cosmosDelayMs} ms round trip, ${first.errors} errors, ${first.lost} lost${
        atScale ? '' : ' (below the target scale: not a verdict)'
      }`,
      met: atScale ? withinBudget(first) : 'not measured',
    });
    const sat = saturation(service);
    lines.push({
      target: `one instance holds ≥ ${TARGETS.editsPerSecondPerInstance} edits/s before p99 crosses ${TARGETS.p99Ms} ms`,
      measured: sat.crossed
        ? `${sat.editsPerSecond.toFixed(0)} edits/s held; p99 crossed ${TARGETS.p99Ms} ms at ${sat.crossedAtRate}/s per 1:1 (${(sat.crossedAtRate! * service.pairs).toFixed(0)} offered)`
        : `held every step, up to ${sat.editsPerSecond.toFixed(0)} edits/s (offer more to find the point)`,
      met: sat.editsPerSecond >= TARGETS.editsPerSecondPerInstance,
    });
  }
  const costs = extras?.operationCosts ?? [];
  const edits = costs.filter((c) => EDIT_OPERATIONS.includes(c.operation));
  const load = costs.find((c) => c.operation.startsWith('load panel'));
  if (edits.length && load) {
    const worst = Math.max(...edits.map((c) => c.cosmosRequests));
    lines.push({
      target: `Cosmos requests per edit: ${TARGETS.cosmosRequestsPerEdit}`,
      measured: edits.map((c) => `${c.operation} ${c.cosmosRequests}`).join(', '),
      met: worst <= TARGETS.cosmosRequestsPerEdit,
    });
    lines.push({
      target: `Cosmos requests per panel load: ≤ ${TARGETS.cosmosRequestsPerPanelLoad}`,
      measured: `${load.cosmosRequests}`,
      met: load.cosmosRequests <= TARGETS.cosmosRequestsPerPanelLoad,
    });
  } else if (service) {
    lines.push({
      target: 'Cosmos requests per edit and per panel load',
      measured: 'not measured (service not idle)',
      met: 'not measured',
    });
  }
  const cold = extras?.coldLoadMs;
  if (cold) {
    const enough = cold.stored >= TARGETS.storedForPanelLoad;
    lines.push({
      target: `panel load p95 < ${TARGETS.panelLoadP95Ms} ms with ${TARGETS.storedForPanelLoad} 1:1s stored`,
      measured: `p95 ${cold.p95.toFixed(1)} ms (p50 ${cold.p50.toFixed(1)} ms) with ${cold.stored} stored${enough ? '' : ' (fewer than the target: not a verdict)'}`,
      met: enough ? cold.p95 < TARGETS.panelLoadP95Ms : 'not measured',
    });
  }
  const kib = tab.totalGzipBytes / 1024;
  lines.push({
    target: `tab initial JS ≤ ${TARGETS.tabInitialJsGzipKiB} KiB gzipped`,
    measured: `${kib.toFixed(1)} KiB (${tab.files.length} files, ${tab.page})`,
    met: kib <= TARGETS.tabInitialJsGzipKiB,
  });
  return lines;
}

function printExtras(extras: ServiceExtras | undefined): void {
  if (!extras) return;
  const c = extras.coldLoadMs;
  if (c)
    log(
      `\nPanel cold load (GET /api/series/:id/state, idle service, ${c.sample} 1:1s sampled of ${c.stored} stored): p50 ${c.p50.toFixed(1)} ms, p95 ${c.p95.toFixed(1)} ms`,
    );
  if (extras.operationCosts.length > 0) log('Cosmos requests per API operation (each run alone):');
  for (const cost of extras.operationCosts) {
    const parts = Object.entries(cost.byCosmosOperation)
      .map(([op, n]) => `${n} ${op}`)
      .join(', ');
    log(`  ${cost.operation.padEnd(26)} ${String(cost.cosmosRequests).padStart(2)} requests  (${parts})`);
  }
  if (extras.profile) {
    const p = extras.profile;
    log(
      `Service CPU profile (${extras.profilePath}) of the last step (${(100 - p.idlePercent).toFixed(0)} % busy), self time by package:`,
    );
    for (const m of p.byModule) log(`  ${m.module.padEnd(28)} ${m.selfPercent.toFixed(1).padStart(5)} %`);
    log('Top functions by self time:');
    for (const s of p.top) log(`  ${s.selfPercent.toFixed(1).padStart(5)} %  ${s.function}  ${s.where}`);
  }
}

async function main(): Promise<void> {
  mkdirSync(options.outDir, { recursive: true });
  const machine = {
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAverageAtStart: loadavg().map((v) => Math.round(v * 100) / 100),
  };
  log(
    `1:1 Companion bench: ${options.series} 1:1s (${options.series * 2} clients), steps ${options.rates.join(', ')} edits/s per 1:1, ${options.duration} s each after ${options.warmup} s warm-up; Cosmos round trip ${options.cosmosDelayMs} ms; Node ${machine.node}, ${machine.cpus} cores, load ${machine.loadAverageAtStart.join(' ')}`,
  );

  const engines: EngineSteps[] = [];
  let extras: ServiceExtras | undefined;
  if (!options.skipService) {
    const service = await runService();
    engines.push(service.engine);
    extras = service.extras;
  }
  for (const peer of options.peers) {
    try {
      engines.push(await runPeer(peer));
    } catch (error) {
      log(`  ${peer} failed: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  const tab = measureTabJs(repoRoot);
  const finishedLoad = loadavg().map((v) => Math.round(v * 100) / 100);

  log(`\n${stepTable(engines)}`);
  for (const e of engines) {
    const sat = saturation(e);
    log(
      `Saturation (${e.engine}): ${sat.crossed ? `p99 crossed ${TARGETS.p99Ms} ms at ${sat.crossedAtRate}/s per 1:1; last step within budget delivered ${sat.editsPerSecond.toFixed(0)} edits/s` : `every step within budget, up to ${sat.editsPerSecond.toFixed(0)} edits/s`}`,
    );
  }
  printExtras(extras);
  const lines = targets(
    engines.find((e) => e.engine.startsWith('1:1 Companion')),
    extras,
    tab,
  );
  log(`\nTargets:\n${targetLines(lines)}`);

  const subtitle = `${options.series} 1:1s · ${options.duration} s per step · Cosmos round trip ${options.cosmosDelayMs} ms · ${machine.cpus} cores · load ${machine.loadAverageAtStart[0]}`;
  const pngPath = join(options.outDir, 'latest.png');
  const jsonPath = join(options.outDir, 'latest.json');
  writeJson(jsonPath, {
    at: new Date().toISOString(),
    options,
    machine: { ...machine, loadAverageAtEnd: finishedLoad },
    targets: lines,
    engines,
    saturation: Object.fromEntries(engines.map((e) => [e.engine, saturation(e)])),
    service: extras,
    tab,
    markdown: stepMarkdown(engines),
  });
  try {
    await writePng(stepsSvg(engines, subtitle), pngPath);
  } catch (error) {
    rmSync(pngPath, { force: true });
    log(`(chart not rendered: ${(error as Error).message.split('\n')[0]})`);
  }
  log(`\nSaved ${jsonPath} and ${pngPath}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${String((error as Error)?.stack ?? error)}\n`);
    process.exit(1);
  },
);
