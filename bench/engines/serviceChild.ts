import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { DEFAULT_CADENCE, ensureSeriesForChat } from '../../bot/src/commands/series.js';
import { loadConfig } from '../../bot/src/config.js';
import { createService } from '../../bot/src/service.js';
import type { BenchPair, ChildReply, ParentRequest, WindowReport } from './serviceProtocol.js';

/**
 * The service under the benchmark, in its own process (started by
 * engines/service.ts): the real createService() exactly as `npm start`
 * builds it, pointed at the Cosmos DB protocol server running in another
 * child process (engines/cosmosChild.ts, BENCH_COSMOS_ENDPOINT), as Azure
 * Cosmos DB is apart from the service. 1:1s are seeded through the same
 * command the bot runs on install (ensureSeriesForChat), and members get
 * dev-mode tokens, which the service verifies with the same Entra verifier
 * as real ones.
 */

const loopDelay = monitorEventLoopDelay({ resolution: 10 });
/** Profiles only the measured window (same V8 profiler as --cpu-prof, without start-up and seeding). */
const profileDir = process.env.BENCH_PROFILE_DIR;
let profiler: Session | undefined;

async function beginWindow(): Promise<void> {
  loopDelay.reset();
  loopDelay.enable();
  if (profileDir) {
    profiler = new Session();
    profiler.connect();
    await post(profiler, 'Profiler.enable');
    await post(profiler, 'Profiler.setSamplingInterval', { interval: 500 });
    await post(profiler, 'Profiler.start');
  }
}

/** The callback inspector API as a promise (node:inspector/promises is not in every @types/node in this tree). */
function post<T = unknown>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) =>
    session.post(method, params ?? {}, (error: Error | null, result?: object) =>
      error ? reject(error) : resolve(result as T),
    ),
  );
}

async function endWindow(): Promise<WindowReport> {
  loopDelay.disable();
  const ms = (ns: number) => Math.round(ns / 1e4) / 100;
  const report: WindowReport = {
    eventLoopDelayMs: { p50: ms(loopDelay.percentile(50)), p99: ms(loopDelay.percentile(99)), max: ms(loopDelay.max) },
  };
  if (profiler && profileDir) {
    const { profile } = await post<{ profile: unknown }>(profiler, 'Profiler.stop');
    profiler.disconnect();
    profiler = undefined;
    report.profilePath = join(profileDir, `service-${process.pid}.cpuprofile`);
    writeFileSync(report.profilePath, JSON.stringify(profile));
  }
  return report;
}

function send(message: ChildReply): void {
  process.send?.(message);
}

/**
 * Seeding is not measured, and on a busy machine a request may pass the
 * service's 3 s storage limit: a 1:1 is seeded again (ensureSeriesForChat is
 * idempotent) rather than failing the whole run.
 */
async function seeding<T>(seed: () => Promise<T>, attempts = 30): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await seed();
    } catch (error) {
      if (attempt >= attempts) throw error;
      // The Cosmos child answers nothing while it runs the scheduler's cross-partition scans: wait it out.
      await new Promise((resolve) => setTimeout(resolve, Math.min(500 * attempt, 5_000)));
    }
  }
}

async function main(): Promise<void> {
  const pairs = Number(process.env.BENCH_PAIRS ?? '10');
  /** 1:1s stored beside the active ones (no clients): the panel-load target is measured with 10,000 stored. */
  const stored = Number(process.env.BENCH_STORED ?? '0');
  const cosmosEndpoint = process.env.BENCH_COSMOS_ENDPOINT;
  if (!cosmosEndpoint) throw new Error('BENCH_COSMOS_ENDPOINT is not set (engines/service.ts starts the Cosmos child)');

  const config = loadConfig({
    NODE_ENV: 'development',
    DEV_MODE: 'true',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    PORT: '0',
    COSMOS_ENDPOINT: cosmosEndpoint,
    COSMOS_KEY: 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==',
  });
  const service = await createService(config);
  const url = await service.listen(0);
  const issuer = service.devIdentities!;

  const seeded: BenchPair[] = new Array(pairs);
  const seedOne = async (i: number) => {
    const members = [
      { userId: `bench-manager-${i}`, name: `Manager ${i}`, role: 'manager' as const },
      { userId: `bench-report-${i}`, name: `Report ${i}`, role: 'report' as const },
    ];
    const series = await seeding(() =>
      ensureSeriesForChat(service.ctx, {
        tenantId: 'bench-tenant',
        chatId: `19:bench-${i}@thread.v2`,
        title: `1:1 number ${i}`,
        members,
        cadence: DEFAULT_CADENCE,
      }),
    );
    const tokens = await Promise.all(
      members.map((m) => issuer.issueToken({ tenantId: 'bench-tenant', userId: m.userId, name: m.name })),
    );
    seeded[i] = {
      seriesId: series.id,
      userIds: [members[0]!.userId, members[1]!.userId],
      tokens: [tokens[0]!, tokens[1]!],
    };
  };
  for (let start = 0; start < pairs; start += 25) {
    await Promise.all(Array.from({ length: Math.min(25, pairs - start) }, (_, k) => seedOne(start + k)));
  }
  // The idle 1:1s: stored like the others (series and first meeting), never connected.
  const seedIdle = (i: number) =>
    seeding(() =>
      ensureSeriesForChat(service.ctx, {
        tenantId: 'bench-tenant',
        chatId: `19:bench-idle-${i}@thread.v2`,
        title: `Idle 1:1 number ${i}`,
        members: [
          { userId: `bench-idle-manager-${i}`, name: `Manager ${i}`, role: 'manager' },
          { userId: `bench-idle-report-${i}`, name: `Report ${i}`, role: 'report' },
        ],
        cadence: DEFAULT_CADENCE,
      }),
    );
  // 25 at a time: more only queue behind each other in the Cosmos child and pass the 3 s limit on a busy machine.
  for (let start = 0; start < stored - pairs; start += 25) {
    await Promise.all(Array.from({ length: Math.min(25, stored - pairs - start) }, (_, k) => seedIdle(start + k)));
  }

  process.on('message', (raw: ParentRequest) => {
    if (raw.type === 'windowStart') {
      void beginWindow().then(() => send({ type: 'windowStarted', id: raw.id }));
    } else if (raw.type === 'windowEnd') {
      void endWindow().then((report) => send({ type: 'windowReport', id: raw.id, report }));
    } else if (raw.type === 'stop') {
      // A clean exit, so that --cpu-prof writes its profile.
      void service.close().finally(() => process.exit(0));
    }
  });
  send({ type: 'ready', url, pairs: seeded });
}

main().catch((error: unknown) => {
  process.stderr.write(`bench service failed to start: ${String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
