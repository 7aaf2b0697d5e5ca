import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Topic } from '../../domain/entities.js';
import { loadConfig } from '../../bot/src/config.js';
import { createLogger } from '../../bot/src/logger.js';
import { connectCosmos, startEmbeddedCosmos, type CosmosConnection } from '../../bot/src/store/cosmos.js';
import { StaleWrite, UnstorableRecord } from '../../bot/src/store/errors.js';
import { createStore, type Store } from '../../bot/src/store/index.js';

/** Real Cosmos protocol server over HTTP, reached through @azure/cosmos. */
let server: Awaited<ReturnType<typeof startEmbeddedCosmos>>;
let cosmos: CosmosConnection;
let store: Store;

beforeAll(async () => {
  server = await startEmbeddedCosmos();
  const config = loadConfig({ COSMOS_ENDPOINT: server.endpoint, COSMOS_KEY: 'local', LOG_LEVEL: 'silent' });
  cosmos = await connectCosmos(config, createLogger(config));
  store = createStore(cosmos);
});
afterAll(async () => {
  await cosmos.close();
  await server.close();
});

function topic(seriesId: string, id: string, text = 'How is the new team going?'): Topic {
  const at = new Date().toISOString();
  return {
    id,
    seriesId,
    version: 1,
    createdAt: at,
    updatedAt: at,
    type: 'topic',
    meetingId: 'm1',
    text,
    category: 'work',
    addedBy: 'r',
    order: 'V',
    status: 'open',
    carriedOverCount: 0,
    originId: id,
  };
}

describe('shared record repository', () => {
  it('a retried create with the same id is not a duplicate', async () => {
    const first = await store.records.create(topic('s-retry', 't1'));
    const retry = await store.records.create(topic('s-retry', 't1', 'a different text sent by a confused client'));
    expect(first.created).toBe(true);
    expect(retry.created).toBe(false);
    expect(retry.stored.record).toMatchObject({ id: 't1', text: 'How is the new team going?' });
    expect(await store.records.loadSeries('s-retry')).toHaveLength(1);
  });

  it('an update with a stale ETag does not overwrite a newer one', async () => {
    const original = topic('s-etag', 't1');
    const { stored } = await store.records.create(original);
    const newer = await store.records.replace({ ...original, text: 'newer', version: 2 }, stored.etag);
    await expect(store.records.replace({ ...original, text: 'stale', version: 2 }, stored.etag)).rejects.toBeInstanceOf(
      StaleWrite,
    );
    const now = await store.records.read('s-etag', 't1');
    expect(now?.record).toMatchObject({ text: 'newer', version: 2 });
    expect(now?.etag).toBe(newer.etag);
  });

  it('loads one series from its own partition only, without Cosmos system fields', async () => {
    await store.records.create(topic('s-a', 'x1'));
    await store.records.create(topic('s-a', 'x2'));
    await store.records.create(topic('s-b', 'x1'));
    const loaded = await store.records.loadSeries('s-a');
    expect(loaded.map((r) => r.id).sort()).toEqual(['x1', 'x2']);
    expect(Object.keys(loaded[0]!).some((k) => k.startsWith('_'))).toBe(false);
  });

  it('private notes live in their own container, out of reach of shared queries', async () => {
    const at = new Date().toISOString();
    await store.privateNotes.create({
      id: 'p1',
      seriesId: 's-private',
      version: 1,
      createdAt: at,
      updatedAt: at,
      type: 'privateNote',
      meetingId: 'm1',
      authorId: 'r',
      text: 'only for me',
    });
    expect(await store.records.loadSeries('s-private')).toEqual([]);
    expect((await store.privateNotes.query('s-private', { authorId: 'r' })).map((s) => s.record.text)).toEqual([
      'only for me',
    ]);
  });

  it('refuses to write a record its schema would not read back, and the stored one stays readable', async () => {
    const { stored } = await store.records.create(topic('s-valid', 't1'));
    const tooLongKey = { ...topic('s-valid', 't1'), order: 'a'.repeat(201), version: 2 };
    await expect(store.records.replace(tooLongKey, stored.etag)).rejects.toBeInstanceOf(UnstorableRecord);
    await expect(
      store.records.replace({ ...tooLongKey, order: 'a1', text: 'x'.repeat(501) }, stored.etag),
    ).rejects.toThrow(/text/);
    await expect(store.records.create(topic('s-valid', 't2', ''))).rejects.toBeInstanceOf(UnstorableRecord);
    await expect(
      store.records.replaceAll('s-valid', [{ record: tooLongKey, etag: stored.etag }]),
    ).rejects.toBeInstanceOf(UnstorableRecord);
    // Nothing was written: the stored topic and the whole series still load.
    expect((await store.records.read('s-valid', 't1'))?.record).toMatchObject({ order: 'V', version: 1 });
    expect((await store.records.loadSeries('s-valid')).map((r) => r.id)).toEqual(['t1']);
    // Positive control: a valid replace with the same ETag goes through.
    const valid = await store.records.replace({ ...tooLongKey, order: 'a1' }, stored.etag);
    expect(valid.record).toMatchObject({ order: 'a1', version: 2 });
  });

  it('replaces several records in one ETag-guarded batch, refused when an ETag is stale', async () => {
    const a = (await store.records.create(topic('s-batch', 'a'))).stored;
    const b = (await store.records.create(topic('s-batch', 'b'))).stored;
    const written = await store.records.replaceAll('s-batch', [
      { record: { ...(a.record as Topic), order: 'a0', version: 2 }, etag: a.etag },
      { record: { ...(b.record as Topic), order: 'a1', version: 2 }, etag: b.etag },
    ]);
    expect(written.map((w) => (w.record as Topic).order)).toEqual(['a0', 'a1']);
    // The first ETag is stale now: the batch is refused as a whole.
    await expect(
      store.records.replaceAll('s-batch', [
        { record: { ...(a.record as Topic), order: 'a5', version: 3 }, etag: a.etag },
      ]),
    ).rejects.toBeInstanceOf(StaleWrite);
    const loaded = (await store.records.loadSeries('s-batch')) as Topic[];
    expect(loaded.map((t) => [t.id, t.order]).sort()).toEqual([
      ['a', 'a0'],
      ['b', 'a1'],
    ]);
  });
});
