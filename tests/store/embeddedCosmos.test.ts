import { CosmosClient, type Container } from '@azure/cosmos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../bot/src/store/cosmos.js';
import { queryWork } from '../../bot/src/store/embedded/partitionIndex.js';

/**
 * The embedded Cosmos DB protocol server with its partition index, reached
 * through @azure/cosmos over HTTP as the service reaches it. Queries sent with
 * a partition key read that partition only; queries without one still see
 * every partition.
 */
let server: EmbeddedCosmos;
let client: CosmosClient;
let container: Container;

const SERIES = 200;
const PER_SERIES = 5;

type Doc = { id: string; seriesId: string; kind: string; n: number };

beforeAll(async () => {
  server = await startEmbeddedCosmos();
  client = new CosmosClient({
    endpoint: server.endpoint,
    key: 'local',
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  const { database } = await client.databases.createIfNotExists({ id: 'index-test' });
  ({ container } = await database.containers.createIfNotExists({
    id: 'records',
    partitionKey: { paths: ['/seriesId'] },
  }));
  const docs: Doc[] = [];
  for (let s = 0; s < SERIES; s += 1) {
    for (let n = 0; n < PER_SERIES; n += 1)
      docs.push({ id: `d${n}`, seriesId: `s${s}`, kind: n % 2 ? 'odd' : 'even', n });
  }
  for (let i = 0; i < docs.length; i += 50)
    await Promise.all(docs.slice(i, i + 50).map((d) => container.items.create(d)));
}, 60_000);

afterAll(async () => {
  client?.dispose();
  await server?.close();
});

/** Runs a query and reports how many stored documents the server's query engine was handed. */
async function measured<T>(run: () => Promise<T>): Promise<{ result: T; scanned: number }> {
  const before = queryWork.documentsScanned;
  const result = await run();
  return { result, scanned: queryWork.documentsScanned - before };
}

const inSeries = (seriesId: string, query = 'SELECT * FROM c WHERE c.seriesId = @seriesId') =>
  container.items
    .query<Doc>({ query, parameters: [{ name: '@seriesId', value: seriesId }] }, { partitionKey: seriesId })
    .fetchAll();

describe('embedded Cosmos partition index', () => {
  it('a single-partition query returns its partition and reads only that partition', async () => {
    const { result, scanned } = await measured(() => inSeries('s7'));
    expect(result.resources.map((d) => d.id).sort()).toEqual(['d0', 'd1', 'd2', 'd3', 'd4']);
    expect(result.resources.every((d) => d.seriesId === 's7')).toBe(true);
    // Only the partition (5 documents) per request, not the 1000 stored.
    expect(scanned).toBeGreaterThan(0);
    expect(scanned).toBeLessThanOrEqual(2 * PER_SERIES);
  });

  it('a cross-partition query still sees every partition (and reads them all: the positive control)', async () => {
    const { result, scanned } = await measured(() =>
      container.items
        .query<Doc>({ query: 'SELECT * FROM c WHERE c.n = @n', parameters: [{ name: '@n', value: 3 }] })
        .fetchAll(),
    );
    expect(result.resources).toHaveLength(SERIES);
    expect(new Set(result.resources.map((d) => d.seriesId)).size).toBe(SERIES);
    expect(scanned).toBeGreaterThanOrEqual(SERIES * PER_SERIES);
  });

  it('a query with a partition key answers from that partition even when its text does not filter by it', async () => {
    const { resources } = await container.items
      .query<Doc>("SELECT * FROM c WHERE c.kind = 'odd'", { partitionKey: 's3' })
      .fetchAll();
    expect(resources.map((d) => `${d.seriesId}/${d.id}`).sort()).toEqual(['s3/d1', 's3/d3']);
  });

  it('replaced and deleted documents show their latest state, once, in partition queries', async () => {
    const { resource } = await container.item('d1', 's9').read<Doc>();
    await container.item('d1', 's9').replace({ ...resource!, kind: 'changed' });
    await container.item('d2', 's9').delete();
    await container.items.upsert({ id: 'd5', seriesId: 's9', kind: 'new', n: 5 });
    const { resources } = await inSeries('s9');
    expect(resources.map((d) => `${d.id}:${d.kind}`).sort()).toEqual([
      'd0:even',
      'd1:changed',
      'd3:odd',
      'd4:even',
      'd5:new',
    ]);
  });

  it('pages of an ordered single-partition query add up to the whole partition', async () => {
    const pages: Doc[][] = [];
    const iterator = container.items.query<Doc>(
      { query: 'SELECT * FROM c WHERE c.seriesId = @s ORDER BY c.n DESC', parameters: [{ name: '@s', value: 's11' }] },
      { partitionKey: 's11', maxItemCount: 2 },
    );
    while (iterator.hasMoreResults()) {
      const { resources } = await iterator.fetchNext();
      if (resources.length) pages.push(resources);
    }
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.flat().map((d) => d.n)).toEqual([4, 3, 2, 1, 0]);
  });

  it('a partition nobody wrote to answers empty, and a same id in two partitions stays apart', async () => {
    expect((await inSeries('nobody')).resources).toEqual([]);
    const [a, b] = await Promise.all([container.item('d0', 's1').read<Doc>(), container.item('d0', 's2').read<Doc>()]);
    expect([a.resource?.seriesId, b.resource?.seriesId]).toEqual(['s1', 's2']);
  });
});
