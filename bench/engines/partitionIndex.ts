import ItemsModule from '@vercel/cosmosdb-server/lib/account/items.js';

/**
 * Bench-only option (--cosmos partition-index): the Cosmos DB protocol server
 * answers every query by scanning every document of the container, whatever
 * the partition (`Items.query` maps over all items), so its cost grows with
 * the number of 1:1s stored. Azure Cosmos DB serves a single-partition query
 * from that partition's index. This patch hands the server's own query code
 * only the documents of the partition the query names (`@seriesId`, the
 * partition key of every container), so the bench can measure the service
 * rather than the emulator's full scans. Nothing in bot/ uses it.
 */
type Item = { read(): Record<string, unknown> };
type ItemsLike = {
  _data: Map<string, Item>;
  _set(data: Record<string, unknown>): Record<string, unknown>;
  delete(idOrRid: string, partition: unknown): void;
  query(params: { query: string; parameters?: { name: string; value: unknown }[] }, options: unknown): unknown;
};

/** Per container: partition key value → that partition's items, in the server's own insertion order. */
const partitions = new WeakMap<ItemsLike, Map<string, Map<string, Item>>>();

function partitionsOf(items: ItemsLike): Map<string, Map<string, Item>> {
  let map = partitions.get(items);
  if (!map) partitions.set(items, (map = new Map()));
  return map;
}

export function indexQueriesByPartition(): void {
  const Items = ((ItemsModule as unknown as { default?: unknown }).default ?? ItemsModule) as {
    prototype: ItemsLike;
  };
  const { _set: set, delete: remove, query } = Items.prototype;

  Items.prototype._set = function (this: ItemsLike, data) {
    const result = set.call(this, data);
    const rid = data._rid as string;
    if (typeof data.seriesId === 'string') {
      const byPartition = partitionsOf(this);
      let items = byPartition.get(data.seriesId);
      if (!items) byPartition.set(data.seriesId, (items = new Map()));
      items.set(rid, this._data.get(rid)!);
    }
    return result;
  };

  Items.prototype.delete = function (this: ItemsLike, idOrRid, partition) {
    remove.call(this, idOrRid, partition);
    const items = typeof partition === 'string' ? partitionsOf(this).get(partition) : undefined;
    for (const rid of items?.keys() ?? []) if (!this._data.has(rid)) items!.delete(rid);
  };

  Items.prototype.query = function (this: ItemsLike, params, options) {
    const partition = params.parameters?.find((p) => p.name === '@seriesId')?.value;
    if (typeof partition !== 'string') return query.call(this, params, options);
    const all = this._data;
    // The server's query code reads `_data`; for this call it sees one partition (the call is synchronous).
    this._data = partitionsOf(this).get(partition) ?? new Map();
    try {
      return query.call(this, params, options);
    } finally {
      this._data = all;
    }
  };
}
