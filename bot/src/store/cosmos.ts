import { CosmosClient, type Container, type CosmosClientOptions, type Database } from '@azure/cosmos';
import { DefaultAzureCredential } from '@azure/identity';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { startEmbeddedCosmos } from './embedded/server.js';
import { singlePartitionQueryPlans } from './queryPlan.js';

export { startEmbeddedCosmos, type EmbeddedCosmos, type EmbeddedCosmosOptions } from './embedded/server.js';

/**
 * Containers. Those of a 1:1 are partitioned by /seriesId so a panel load is
 * one single-partition query (and a change with its effects is one
 * transactional batch); the per-user index by /userId so "my 1:1s" is one
 * too; the due-time index of effects by due day.
 */
export const CONTAINERS = {
  /** Shared records of a 1:1: series, meetings, topics, action items, shared notes. */
  records: 'records',
  /** Private notes, apart from shared state so no shared query can ever return them. */
  privateNotes: 'privateNotes',
  /** Scheduled pre-meeting prompts (claimed with ETag-guarded writes). */
  prompts: 'prompts',
  /** Per-user index of the 1:1s a person belongs to (ids, titles, names; never note text). */
  userSeries: 'userSeries',
  /** The due-time index of effects not yet run (domain/effects.ts): small entries, one partition per due day. */
  dueEffects: 'dueEffects',
} as const;
export type ContainerName = keyof typeof CONTAINERS;

/** The partition key path of each container (infra/modules/cosmos.bicep creates the same). */
export const PARTITION_KEYS: Record<ContainerName, string> = {
  records: '/seriesId',
  privateNotes: '/seriesId',
  prompts: '/seriesId',
  userSeries: '/userId',
  dueEffects: '/bucket',
};

/** The emulator's published well-known key; the embedded server accepts any key. */
const LOCAL_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

/**
 * Retries of throttled requests (429) are left to the SDK rather than written
 * here: it waits what Cosmos asks (`x-ms-retry-after-ms`), retries only what
 * it knows is safe (it retries writes only on 429, where Cosmos guarantees
 * nothing was applied; reads and queries also on a reset connection), and it
 * reports how long it waited. Its defaults (9 retries, up to 30 s) would hold
 * a panel's request far longer than a person waits, so the budget here is
 * small: past it, the service answers 503 with Retry-After and the panel's
 * outbox retries with the same ids, which is safe for every write.
 */
const THROTTLE_RETRIES = { maxRetryAttemptCount: 3, maxWaitTimeInSeconds: 2 } as const;

/**
 * Storage time limits unless configured. The embedded server runs in the
 * service's own process: it compiles each new query shape on first use (about
 * 0.4 s on a quiet machine, several seconds on a busy 2-core one) while
 * sharing the service's event loop, so its limits must be far looser than a
 * same-region Azure account's, or the first panel load after start-up
 * answers 503.
 */
export function storageTimeouts(
  config: Pick<Config, 'COSMOS_REQUEST_TIMEOUT_MS' | 'REQUEST_DEADLINE_MS'>,
  embedded: boolean,
): { requestTimeoutMs: number; deadlineMs: number } {
  return {
    requestTimeoutMs: config.COSMOS_REQUEST_TIMEOUT_MS ?? (embedded ? 20_000 : 3_000),
    deadlineMs: config.REQUEST_DEADLINE_MS ?? (embedded ? 30_000 : 8_000),
  };
}

export interface CosmosConnection {
  client: CosmosClient;
  database: Database;
  containers: Record<ContainerName, Container>;
  /** Where the data lives, for the start-up banner. */
  description: string;
  embedded: boolean;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** Where the embedded server keeps its data across restarts (unset: memory only). Ignored with COSMOS_ENDPOINT. */
  dataDir?: string;
}

export async function connectCosmos(
  config: Config,
  logger: Logger,
  options: ConnectOptions = {},
): Promise<CosmosConnection> {
  const embedded = config.COSMOS_ENDPOINT
    ? undefined
    : await startEmbeddedCosmos(options.dataDir ? { dataDir: options.dataDir } : {});
  const endpoint = config.COSMOS_ENDPOINT ?? embedded!.endpoint;
  const useManagedIdentity = !embedded && !config.COSMOS_KEY;
  const clientOptions: CosmosClientOptions = {
    endpoint,
    ...(useManagedIdentity
      ? { aadCredentials: new DefaultAzureCredential({ managedIdentityClientId: config.AZURE_CLIENT_ID }) }
      : { key: config.COSMOS_KEY ?? LOCAL_KEY }),
    // No custom agent: the SDK's default agents keep connections alive, and a
    // custom one would stop it allowing plain HTTP to the embedded server.
    // The embedded server has no multi-region topology to discover.
    connectionPolicy: {
      enableEndpointDiscovery: !embedded && !endpoint.startsWith('http:'),
      // Per attempt; a stalled request fails fast and the panel is told to retry (503 + Retry-After).
      requestTimeout: storageTimeouts(config, Boolean(embedded)).requestTimeoutMs,
      retryOptions: THROTTLE_RETRIES,
    },
  };
  // Single-partition queries without a plan request (queryPlan.ts); `plugins` is missing from 4.9's public types.
  const client = new CosmosClient({ ...clientOptions, plugins: [singlePartitionQueryPlans] } as CosmosClientOptions);

  const containers = await openContainers(client, config.COSMOS_DATABASE, !useManagedIdentity);
  const description = embedded
    ? `embedded Cosmos DB protocol server at ${endpoint} (${
        options.dataDir
          ? `data kept in ${options.dataDir}; ${embedded.restoredDocuments} records restored`
          : 'data is kept in memory only and lost on exit'
      })`
    : `Azure Cosmos DB at ${endpoint}, database "${config.COSMOS_DATABASE}"${useManagedIdentity ? ' (managed identity)' : ''}`;
  logger.debug({ endpoint }, 'cosmos connected');

  return {
    client,
    database: client.database(config.COSMOS_DATABASE),
    containers,
    description,
    embedded: Boolean(embedded),
    async close() {
      client.dispose();
      await embedded?.close();
    },
  };
}

/**
 * With a key (local, tests) the service creates what it needs. With managed
 * identity, data-plane RBAC cannot create databases or containers — the Bicep
 * template does — so the service only opens them.
 */
async function openContainers(
  client: CosmosClient,
  databaseId: string,
  mayCreate: boolean,
): Promise<Record<ContainerName, Container>> {
  const database = mayCreate
    ? (await client.databases.createIfNotExists({ id: databaseId })).database
    : client.database(databaseId);
  const entries = await Promise.all(
    (Object.keys(CONTAINERS) as ContainerName[]).map(async (name) => {
      const id = CONTAINERS[name];
      const container = mayCreate
        ? (await database.containers.createIfNotExists({ id, partitionKey: { paths: [PARTITION_KEYS[name]] } }))
            .container
        : database.container(id);
      return [name, container] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<ContainerName, Container>;
}
