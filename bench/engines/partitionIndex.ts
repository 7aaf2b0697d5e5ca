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
  query(params: { query: string; parameters?: { name: string; value: unknown }[] }, options: unknown): unknown;
};

export function indexQueriesByPartition(): void {
  const Items = ((ItemsModule as unknown as { default?: unknown }).default ?? ItemsModule) as {
    prototype: ItemsLike;
  };
  const original = Items.prototype.query;
  Items.prototype.query = function (this: ItemsLike, params, options) {
    const partition = params.parameters?.find((p) => p.name === '@seriesId')?.value;
    if (typeof partition !== 'string') return original.call(this, params, options);
    const all = this._data;
    // Same order as the full map, so paging and continuation behave as before.
    this._data = new Map([...all].filter(([, item]) => item.read().seriesId === partition));
    try {
      return original.call(this, params, options);
    } finally {
      this._data = all;
    }
  };
}
