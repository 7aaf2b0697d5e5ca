import { writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Session } from 'node:inspector';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createHttpServer } from '@vercel/cosmosdb-server';
import { DEFAULT_CADENCE, ensureSeriesForChat } from '../../bot/src/commands/series.js';
import { loadConfig } from '../../bot/src/config.js';
import { createService } from '../../bot/src/service.js';
import { indexQueriesByPartition } from './partitionIndex.js';
import type { BenchPair, ChildReply, CosmosStats, ParentRequest, WindowReport } from './serviceProtocol.js';

/**
 * The service under the benchmark, in its own process (started by
 * engines/service.ts): the real createService() exactly as `npm start`
 * builds it, with the Cosmos DB protocol server in the same process as in
 * the default local set-up. The only addition is a counter on that server's
 * requests, so the bench can report Cosmos requests and request charges per
 * API operation. 1:1s are seeded through the same command the bot runs on
 * install (ensureSeriesForChat), and members get dev-mode tokens, which the
 * service verifies with the same Entra verifier as real ones.
 */

const stats: CosmosStats = { requests: 0, requestCharge: 0, byOperation: {}, byStatus: {} };
let cosmosConnections = 0;
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
/** Profiles only the measured window (same V8 profiler as --cpu-prof, without start-up and seeding). */
const profileDir = process.env.BENCH_PROFILE_DIR;
let profiler: Session | undefined;

async function beginWindow(): Promise<void> {
  cosmosConnections = 0;
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
    cosmosConnections,
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

function operationOf(req: IncomingMessage): string {
  const path = (req.url ?? '').split('?')[0] ?? '';
  const onDocument = /\/docs\/[^/]+$/.test(path);
  const onDocs = /\/docs$/.test(path);
  if (onDocs && req.method === 'POST') {
    // The SDK asks for a query plan before a query; reported apart, as the gateway answers it without reading data.
    if (req.headers['x-ms-cosmos-is-query-plan-request']) return 'query plan';
    return req.headers['x-ms-documentdb-isquery'] ? 'query' : 'create';
  }
  if (onDocument && req.method === 'GET') return 'read';
  if (onDocument && req.method === 'PUT') return 'replace';
  if (onDocument && req.method === 'PATCH') return 'patch';
  if (onDocument && req.method === 'DELETE') return 'delete';
  return 'metadata';
}

function countCosmosRequest(req: IncomingMessage, res: ServerResponse): void {
  res.once('finish', () => {
    const operation = operationOf(req);
    const charge = Number(res.getHeader('x-ms-request-charge') ?? 0);
    stats.requests += 1;
    stats.byStatus[res.statusCode] = (stats.byStatus[res.statusCode] ?? 0) + 1;
    stats.requestCharge += Number.isFinite(charge) ? charge : 0;
    const entry = (stats.byOperation[operation] ??= { requests: 0, requestCharge: 0 });
    entry.requests += 1;
    entry.requestCharge += Number.isFinite(charge) ? charge : 0;
  });
}

function send(message: ChildReply): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const pairs = Number(process.env.BENCH_PAIRS ?? '10');
  if (process.env.BENCH_COSMOS_PARTITION_INDEX === 'true') indexQueriesByPartition();
  // keepAlive: without it the protocol server answers `Connection: close` and every Cosmos request opens a
  // new TCP connection (measured: one per request). BENCH_COSMOS_KEEPALIVE=false reproduces that.
  const cosmos = createHttpServer({ keepAlive: process.env.BENCH_COSMOS_KEEPALIVE !== 'false' });
  cosmos.prependListener('request', countCosmosRequest);
  cosmos.on('connection', () => (cosmosConnections += 1));
  await new Promise<void>((resolve) => cosmos.listen(0, '127.0.0.1', resolve));
  const cosmosEndpoint = `http://127.0.0.1:${(cosmos.address() as AddressInfo).port}`;

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
    const series = await ensureSeriesForChat(service.ctx, {
      tenantId: 'bench-tenant',
      chatId: `19:bench-${i}@thread.v2`,
      title: `1:1 number ${i}`,
      members,
      cadence: DEFAULT_CADENCE,
    });
    const tokens = await Promise.all(
      members.map((m) => issuer.issueToken({ tenantId: 'bench-tenant', userId: m.userId, name: m.name })),
    );
    seeded[i] = {
      seriesId: series.id,
      userIds: [members[0]!.userId, members[1]!.userId],
      tokens: [tokens[0]!, tokens[1]!],
    };
  };
  for (let start = 0; start < pairs; start += 50) {
    await Promise.all(Array.from({ length: Math.min(50, pairs - start) }, (_, k) => seedOne(start + k)));
  }

  process.on('message', (raw: ParentRequest) => {
    if (raw.type === 'cosmosStats') {
      send({ type: 'cosmosStats', id: raw.id, stats: structuredClone(stats) });
    } else if (raw.type === 'windowStart') {
      void beginWindow().then(() => send({ type: 'windowStarted', id: raw.id }));
    } else if (raw.type === 'windowEnd') {
      void endWindow().then((report) => send({ type: 'windowReport', id: raw.id, report }));
    } else if (raw.type === 'stop') {
      // A clean exit, so that --cpu-prof writes its profile.
      void service
        .close()
        .then(
          () =>
            new Promise<void>((resolve) => {
              cosmos.closeAllConnections();
              cosmos.close(() => resolve());
            }),
        )
        .finally(() => process.exit(0));
    }
  });
  send({ type: 'ready', url, pairs: seeded });
}

main().catch((error: unknown) => {
  process.stderr.write(`bench service failed to start: ${String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
