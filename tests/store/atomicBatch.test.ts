import { CosmosClient, type Container, type OperationInput } from '@azure/cosmos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../bot/src/store/cosmos.js';

/**
 * The embedded Cosmos DB protocol server applies a transactional batch as
 * Azure does: one partition key, at most 100 operations, all or nothing.
 * Reached through @azure/cosmos's `container.items.batch`, as the service does.
 */
let server: EmbeddedCosmos;
let client: CosmosClient;
let container: Container;

type Doc = { id: string; seriesId: string; text: string };

beforeAll(async () => {
  server = await startEmbeddedCosmos();
  client = new CosmosClient({
    endpoint: server.endpoint,
    key: 'local',
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  const { database } = await client.databases.createIfNotExists({ id: 'batch-test' });
  ({ container } = await database.containers.createIfNotExists({
    id: 'records',
    partitionKey: { paths: ['/seriesId'] },
  }));
}, 60_000);

afterAll(async () => {
  client?.dispose();
  await server?.close();
});

async function read(seriesId: string, id: string): Promise<(Doc & { _etag: string }) | undefined> {
  const { resource } = await container.item(id, seriesId).read<Doc & { _etag: string }>();
  return resource ?? undefined;
}

async function all(seriesId: string): Promise<Doc[]> {
  const { resources } = await container.items
    .query<Doc>({ query: 'SELECT c.id, c.seriesId, c.text FROM c ORDER BY c.id' }, { partitionKey: seriesId })
    .fetchAll();
  return resources;
}

const create = (seriesId: string, id: string, text: string): OperationInput => ({
  operationType: 'Create',
  resourceBody: { id, seriesId, text },
});

describe('embedded Cosmos transactional batch', () => {
  it('applies every operation of a batch that succeeds, in order', async () => {
    await container.items.create({ id: 'kept', seriesId: 'ok', text: 'before' });
    const etag = (await read('ok', 'kept'))!._etag;
    const { result } = await container.items.batch(
      [
        create('ok', 'a', 'first'),
        {
          operationType: 'Replace',
          id: 'kept',
          resourceBody: { id: 'kept', seriesId: 'ok', text: 'after' },
          ifMatch: etag,
        },
        { operationType: 'Upsert', resourceBody: { id: 'b', seriesId: 'ok', text: 'second' } },
        {
          operationType: 'Patch',
          id: 'a',
          resourceBody: { operations: [{ op: 'set', path: '/text', value: 'patched' }] },
        },
      ],
      'ok',
    );
    expect(result!.map((r) => r.statusCode)).toEqual([201, 200, 201, 200]);
    expect(await all('ok')).toEqual([
      { id: 'a', seriesId: 'ok', text: 'patched' },
      { id: 'b', seriesId: 'ok', text: 'second' },
      { id: 'kept', seriesId: 'ok', text: 'after' },
    ]);
  });

  it('a batch whose create meets an existing id leaves nothing written', async () => {
    await container.items.create({ id: 'exists', seriesId: 'dup', text: 'original' });
    await container.items.create({ id: 'edited', seriesId: 'dup', text: 'original' });
    const response = await container.items.batch(
      [
        create('dup', 'new-1', 'would be new'),
        { operationType: 'Upsert', resourceBody: { id: 'edited', seriesId: 'dup', text: 'changed' } },
        { operationType: 'Delete', id: 'exists' },
        create('dup', 'new-2', 'also new'),
        create('dup', 'new-1', 'a second create of new-1'),
        create('dup', 'never', 'after the failure'),
      ],
      'dup',
    );
    // Azure: the failing operation answers its own status, every other one 424; the request 207.
    expect(response.code).toBe(207);
    expect(response.result!.map((r) => r.statusCode)).toEqual([424, 424, 424, 424, 409, 424]);
    expect(await all('dup')).toEqual([
      { id: 'edited', seriesId: 'dup', text: 'original' },
      { id: 'exists', seriesId: 'dup', text: 'original' },
    ]);
  });

  it('a batch with an ETag that no longer matches leaves nothing written, and keeps every ETag', async () => {
    await container.items.create({ id: 'x', seriesId: 'etag', text: 'one' });
    await container.items.create({ id: 'y', seriesId: 'etag', text: 'one' });
    const [x, y] = [(await read('etag', 'x'))!, (await read('etag', 'y'))!];
    const response = await container.items.batch(
      [
        {
          operationType: 'Replace',
          id: 'x',
          resourceBody: { id: 'x', seriesId: 'etag', text: 'two' },
          ifMatch: x._etag,
        },
        {
          operationType: 'Replace',
          id: 'y',
          resourceBody: { id: 'y', seriesId: 'etag', text: 'two' },
          ifMatch: 'stale',
        },
      ],
      'etag',
    );
    expect(response.result!.map((r) => r.statusCode)).toEqual([424, 412]);
    expect((await read('etag', 'x'))!).toMatchObject({ text: 'one', _etag: x._etag });
    expect((await read('etag', 'y'))!).toMatchObject({ text: 'one', _etag: y._etag });
    // The rolled-back item is still written by its old ETag.
    await container
      .item('x', 'etag')
      .replace(
        { id: 'x', seriesId: 'etag', text: 'three' },
        { accessCondition: { type: 'IfMatch', condition: x._etag } },
      );
    expect((await read('etag', 'x'))!.text).toBe('three');
  });

  it('refuses an operation of another partition, and more than 100 operations, writing nothing', async () => {
    await expect(
      container.items.batch([create('p1', 'mine', 'x'), create('p2', 'theirs', 'y')], 'p1'),
    ).rejects.toThrow();
    expect(await all('p1')).toEqual([]);
    expect(await all('p2')).toEqual([]);
    const many = Array.from({ length: 101 }, (_, i) => create('big', `d${i}`, 'x'));
    await expect(container.items.batch(many, 'big')).rejects.toThrow(/100/);
    // The server refuses it too when a client does not check.
    const atServer = await fetch(`${server.endpoint}/dbs/batch-test/colls/records/docs`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-ms-cosmos-is-batch-request': 'true',
        'x-ms-cosmos-batch-atomic': 'true',
        'x-ms-documentdb-partitionkey': '["big"]',
        authorization: 'local',
      },
      body: JSON.stringify(many.map((op) => ({ ...op, partitionKey: '["big"]' }))),
    });
    expect(atServer.status).toBe(400);
    expect(await all('big')).toEqual([]);
  });
});
