import type { IncomingMessage, ServerResponse } from 'node:http';
import { startEmbeddedCosmos } from '../../bot/src/store/cosmos.js';
import type { CosmosChildReply, CosmosChildRequest, CosmosStats } from './serviceProtocol.js';

/**
 * The Cosmos DB protocol server in a process of its own, as Azure Cosmos DB
 * is apart from the service: the same embedded server `npm start` uses (with
 * its partition index), plus a delay before every answer that models the
 * network round trip to a same-region Azure Cosmos DB account
 * (BENCH_COSMOS_DELAY_MS, default 3). It counts the requests it answers, by
 * operation, so the bench can report Cosmos requests per API operation.
 */
const stats: CosmosStats = { requests: 0, requestCharge: 0, byOperation: {}, byStatus: {} };
let connections = 0;

function operationOf(req: IncomingMessage): string {
  const path = (req.url ?? '').split('?')[0] ?? '';
  const onDocument = /\/docs\/[^/]+$/.test(path);
  const onDocs = /\/docs$/.test(path);
  if (onDocs && req.method === 'POST') {
    if (req.headers['x-ms-cosmos-is-query-plan-request']) return 'query plan';
    return req.headers['x-ms-documentdb-isquery'] || req.headers['content-type'] === 'application/query+json'
      ? 'query'
      : 'create';
  }
  if (onDocument && req.method === 'GET') return 'read';
  if (onDocument && req.method === 'PUT') return 'replace';
  if (onDocument && req.method === 'PATCH') return 'patch';
  if (onDocument && req.method === 'DELETE') return 'delete';
  return 'metadata';
}

function count(req: IncomingMessage, res: ServerResponse): void {
  res.once('finish', () => {
    const operation = operationOf(req);
    const charge = Number(res.getHeader('x-ms-request-charge') ?? 0) || 0;
    stats.requests += 1;
    stats.requestCharge += charge;
    stats.byStatus[res.statusCode] = (stats.byStatus[res.statusCode] ?? 0) + 1;
    const entry = (stats.byOperation[operation] ??= { requests: 0, requestCharge: 0 });
    entry.requests += 1;
    entry.requestCharge += charge;
  });
}

async function main(): Promise<void> {
  const delayMs = Number(process.env.BENCH_COSMOS_DELAY_MS ?? '3');
  const cosmos = await startEmbeddedCosmos({ delayMs });
  cosmos.server.prependListener('request', count);
  cosmos.server.on('connection', () => (connections += 1));
  process.on('message', (raw: CosmosChildRequest) => {
    if (raw.type === 'cosmosStats') {
      const reply: CosmosChildReply = { type: 'cosmosStats', id: raw.id, stats: structuredClone(stats), connections };
      process.send?.(reply);
    } else if (raw.type === 'stop') {
      void cosmos.close().finally(() => process.exit(0));
    }
  });
  const ready: CosmosChildReply = { type: 'ready', endpoint: cosmos.endpoint, delayMs };
  process.send?.(ready);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench Cosmos server failed to start: ${String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
