import type { AddressInfo } from 'node:net';
import { CosmosClient, type Container, type Database } from '@azure/cosmos';
import { DefaultAzureCredential } from '@azure/identity';
import { createHttpServer } from '@vercel/cosmosdb-server';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';

/**
 * Containers. Those of a 1:1 are partitioned by /seriesId so a panel load is
 * one single-partition query; the per-user index by /userId so "my 1:1s" is one too.
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
} as const;
export type ContainerName = keyof typeof CONTAINERS;

/** The partition key path of each container (infra/modules/cosmos.bicep creates the same). */
export const PARTITION_KEYS: Record<ContainerName, string> = {
  records: '/seriesId',
  privateNotes: '/seriesId',
  prompts: '/seriesId',
  userSeries: '/userId',
};

/** The emulator's published well-known key; the embedded server accepts any key. */
const LOCAL_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

export interface CosmosConnection {
  client: CosmosClient;
  database: Database;
  containers: Record<ContainerName, Container>;
  /** Where the data lives, for the start-up banner. */
  description: string;
  embedded: boolean;
  close(): Promise<void>;
}

/** Starts the Cosmos DB protocol server in-process (data in memory only). */
export async function startEmbeddedCosmos(): Promise<{ endpoint: string; close(): Promise<void> }> {
  // Keep-alive: without it the server answers `Connection: close` and every Cosmos call opens a new TCP connection.
  const server = createHttpServer({ keepAlive: true });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function connectCosmos(config: Config, logger: Logger): Promise<CosmosConnection> {
  const embedded = config.COSMOS_ENDPOINT ? undefined : await startEmbeddedCosmos();
  const endpoint = config.COSMOS_ENDPOINT ?? embedded!.endpoint;
  const useManagedIdentity = !embedded && !config.COSMOS_KEY;
  const client = new CosmosClient({
    endpoint,
    ...(useManagedIdentity
      ? { aadCredentials: new DefaultAzureCredential({ managedIdentityClientId: config.AZURE_CLIENT_ID }) }
      : { key: config.COSMOS_KEY ?? LOCAL_KEY }),
    // No custom agent: the SDK's default agents keep connections alive, and a
    // custom one would stop it allowing plain HTTP to the embedded server.
    // The embedded server has no multi-region topology to discover.
    connectionPolicy: { enableEndpointDiscovery: !embedded && !endpoint.startsWith('http:') },
  });

  const containers = await openContainers(client, config.COSMOS_DATABASE, !useManagedIdentity);
  const description = embedded
    ? `embedded Cosmos DB protocol server at ${endpoint} (data is kept in memory only and lost on exit)`
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
