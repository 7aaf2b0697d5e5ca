import { mkdirSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FluidEngine } from './engines/fluid.js';
import { ServiceEngine, type OperationCost } from './engines/service.js';
import type { Engine } from './engines/types.js';
import { YjsEngine } from './engines/yjs.js';
import { parseBenchArgs, type Peer } from './lib/args.js';
import { summarizeProfile, type ProfileSummary } from './lib/profile.js';
import { engineMarkdown, engineTable, latencySvg, TARGETS, writeJson, writePng, type EngineRow } from './lib/report.js';
import type { LatencySummary } from './lib/stats.js';
import { measureTabJs, type TabSize } from './lib/tabSize.js';
import { runWorkload, type WorkloadResult } from './lib/workload.js';

/**
 * `npm run bench`: N concurrent 1:1s against one service instance, and the
 * same workload through two real-time reference engines (Yjs, Fluid), one
 * engine at a time so they never compete for the machine's two cores. Not
 * part of the test suite; everything runs on loopback and stops by itself.
 */
const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const options = parseBenchArgs(process.argv.slice(2));
const log = (line: string) => process.stdout.write(`${line}\n`);

interface ServiceExtras {
  engine: string;
  /** Absent when the service never became idle after the load. */
  coldLoadMs?: LatencySummary & { sample: number };
  operationCosts: OperationCost[];
  profile?: ProfileSummary;
  profilePath?: string;
}

async function measure(engine: Engine, pairs: number): Promise<WorkloadResult> {
  log(`\n▶ ${engine.name}: ${pairs} 1:1s`);
  await engine.start(pairs);
  try {
    return await runWorkload(engine, { pairs, rate: options.rate, durationSeconds: options.duration, log });
  } catch (error) {
    await engine.stop();
    throw error;
  }
}

async function runService(partitionIndex: boolean): Promise<{ row: EngineRow; extras: ServiceExtras }> {
  // Profiles are tens of MB: kept out of the repository, in the system's temp folder.
  const profileDir = options.profile ? join(tmpdir(), 'one-on-one-bench-profiles') : undefined;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const engine = new ServiceEngine({ partitionIndex, ...(profileDir ? { profileDir } : {}) });
  const result = await measure(engine, options.series);
  try {
    log('  cold panel loads and Cosmos requests per operation…');
    // Both are measured on an idle service; an overloaded one still working through its backlog would blur them.
    const idle = await engine.settle();
    if (!idle)
      log('  the service was still draining its backlog after 60 s: cold loads and per-operation costs not measured');
    const coldLoadMs = idle ? await engine.coldLoad(Math.min(200, options.series)) : undefined;
    const operationCosts = idle ? await engine.operationCosts() : [];
    const profilePath = result.server.window.profilePath;
    const profile = typeof profilePath === 'string' ? summarizeProfile(profilePath, repoRoot) : undefined;
    return {
      row: { result, durableBeforeBroadcast: 'yes: Cosmos write acknowledged, then emit' },
      extras: {
        engine: engine.name,
        operationCosts,
        ...(coldLoadMs ? { coldLoadMs } : {}),
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

async function runPeer(peer: Peer): Promise<EngineRow> {
  const pairs = options.peerSeries[peer] ?? options.series;
  const engine = PEER_ENGINES[peer]();
  const result = await measure(engine, pairs);
  await engine.stop();
  const note =
    pairs < options.series
      ? `run at ${pairs} 1:1s, not ${options.series}: opening its ${pairs * 2} clients took ${result.connectSeconds.toFixed(0)} s here (each is a full Fluid container runtime in the load generator, and every document also elects a summarizer client), so ${options.series} would not connect within the bench's time; raise with --${peer}-series`
      : undefined;
  return { result, durableBeforeBroadcast: PEER_DURABILITY[peer], ...(note ? { note } : {}) };
}

function printExtras(all: ServiceExtras[], tab: TabSize): void {
  for (const extras of all) {
    log(`\n— ${extras.engine} —`);
    const c = extras.coldLoadMs;
    if (c) {
      log(
        `Panel cold load (GET /api/series/:id/state, one single-partition query per container, idle service, ${c.sample} 1:1s): p50 ${c.p50.toFixed(1)} ms, p95 ${c.p95.toFixed(1)} ms`,
      );
    }
    if (extras.operationCosts.length > 0)
      log(
        'Cosmos requests per API operation (each run alone; the embedded protocol server reports 1 RU for every request):',
      );
    for (const cost of extras.operationCosts) {
      const parts = Object.entries(cost.byCosmosOperation)
        .map(([op, n]) => `${n} ${op}`)
        .join(', ');
      log(
        `  ${cost.operation.padEnd(26)} ${String(cost.cosmosRequests).padStart(2)} requests, ${cost.requestCharge} RU reported  (${parts})`,
      );
    }
    if (extras.profile) {
      const p = extras.profile;
      log(
        `Service CPU profile (${extras.profilePath}) of the measured window (${(100 - p.idlePercent).toFixed(0)} % busy), self time by package:`,
      );
      for (const m of p.byModule) log(`  ${m.module.padEnd(28)} ${m.selfPercent.toFixed(1).padStart(5)} %`);
      log('Top functions by self time:');
      for (const s of p.top) log(`  ${s.selfPercent.toFixed(1).padStart(5)} %  ${s.function}  ${s.where}`);
    }
  }
  const kib = tab.totalGzipBytes / 1024;
  log(
    `\nTab initial JavaScript (${tab.page}: ${tab.files.length} files): ${(tab.totalBytes / 1024).toFixed(0)} KiB raw, ${kib.toFixed(
      1,
    )} KiB gzipped (target ≤ ${TARGETS.tabInitialJsGzipKiB} KiB)`,
  );
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
    `1:1 Companion bench: ${options.series} 1:1s (${options.series * 2} clients), ${options.rate} edits/s per 1:1, ${options.duration} s per engine after a 10 s warm-up; Node ${machine.node}, ${machine.cpus} cores, load ${machine.loadAverageAtStart.join(' ')}`,
  );

  const rows: EngineRow[] = [];
  const extras: ServiceExtras[] = [];
  if (!options.skipService) {
    for (const variant of options.cosmos) {
      const service = await runService(variant === 'partition-index');
      rows.push(service.row);
      extras.push(service.extras);
    }
  }
  for (const peer of options.peers) {
    try {
      rows.push(await runPeer(peer));
    } catch (error) {
      log(`  ${peer} failed: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  const tab = measureTabJs(repoRoot);
  const finishedLoad = loadavg().map((v) => Math.round(v * 100) / 100);

  log(`\n${engineTable(rows)}`);
  printExtras(extras, tab);

  const verdict = rows
    .filter((r) => r.result.engine.startsWith('1:1 Companion service'))
    .map(
      ({ result: r }) =>
        `Target p99 < ${TARGETS.p99Ms} ms at ${TARGETS.pairs} concurrent 1:1s — ${r.engine}: p99 ${r.latencyMs.p99.toFixed(1)} ms at ${
          r.pairs
        } 1:1s, ${r.errors} errors, ${r.lost} lost: ${
          r.latencyMs.p99 < TARGETS.p99Ms && r.pairs >= TARGETS.pairs && r.errors === 0 && r.lost === 0
            ? 'met'
            : 'not met'
        }`,
    )
    .join('\n');
  log(`\n${verdict}`);

  const subtitle = `${options.rate} edits/s per 1:1 · ${options.duration} s · ${machine.cpus} cores · load ${machine.loadAverageAtStart[0]}`;
  const pngPath = join(options.outDir, 'latest.png');
  const jsonPath = join(options.outDir, 'latest.json');
  writeJson(jsonPath, {
    at: new Date().toISOString(),
    options,
    machine: { ...machine, loadAverageAtEnd: finishedLoad },
    targets: TARGETS,
    engines: rows,
    service: extras,
    tab,
    markdown: engineMarkdown(rows),
  });
  try {
    await writePng(latencySvg(rows, subtitle), pngPath);
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
