import { AsyncLocalStorage } from 'node:async_hooks';
import ItemsModule from '@vercel/cosmosdb-server/lib/account/items.js';

/**
 * The Cosmos DB protocol server answers every query by scanning every
 * document of the container (`Items.query` maps over all items), so a panel
 * load grows with the number of 1:1s stored. Azure Cosmos DB serves a query
 * sent with a partition key (`x-ms-documentdb-partitionkey`) from that
 * partition alone. This keeps, per container, a map from partition key value
 * to that partition's items, and hands the server's own query code only the
 * partition the request names. A query without a partition key (a
 * cross-partition query) still scans everything, as before.
 *
 * It also reports which items a request wrote (`touched`), which the journal
 * uses to keep local data across restarts.
 */

/** The server's item wrapper and container class, as far as this module uses them. */
export type StoredItem = { read(): Record<string, unknown> };
export interface ItemsLike {
  _data: Map<string, StoredItem>;
  _set(data: Record<string, unknown>): Record<string, unknown>;
  _getPartition(data: Record<string, unknown>): unknown;
  _item(keyPath: string, idOrRid: string, partition: unknown): StoredItem;
  delete(idOrRid: string, partition: unknown): void;
  query(params: { query: string; parameters?: { name: string; value: unknown }[] }, options: unknown): unknown;
}

/** What one request to the embedded server may carry: its partition key and the items it changed. */
export interface RequestScope {
  /** Partition key value named by the request header, as the index's key; undefined: none or unusable. */
  partitionKey?: string;
  /** Items written by this request: container and `_rid`, with the document as it was before a delete. */
  touched: { items: ItemsLike; rid: string; before?: Record<string, unknown> }[];
}

export const requestScope = new AsyncLocalStorage<RequestScope>();

/** Index key of a partition key value: JSON, so "1" and 1 stay apart. */
export function partitionKeyOf(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const json = JSON.stringify(value);
  return typeof json === 'string' ? json : undefined;
}

/** Index key from the `x-ms-documentdb-partitionkey` header (`["value"]`); undefined when absent or not a plain value. */
export function partitionKeyFromHeader(header: string | string[] | undefined): string | undefined {
  const raw = Array.isArray(header) ? header[0] : header;
  if (!raw) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    const value = Array.isArray(parsed) ? (parsed.length === 1 ? parsed[0] : undefined) : parsed;
    // `[{}]` is the SDK's "no partition key value"; only plain values are indexed.
    return value !== null && typeof value === 'object' ? undefined : partitionKeyOf(value);
  } catch {
    return undefined;
  }
}

/** Per container: partition key → that partition's items (by `_rid`), in the server's insertion order. */
const partitions = new WeakMap<ItemsLike, Map<string, Map<string, StoredItem>>>();

function partitionsOf(items: ItemsLike): Map<string, Map<string, StoredItem>> {
  let map = partitions.get(items);
  if (!map) partitions.set(items, (map = new Map()));
  return map;
}

/**
 * Documents handed to the query engine, process-wide: what a query cost
 * locally. Tests read it to show that a single-partition query touches its
 * partition only, whatever else is stored.
 */
export const queryWork = { queries: 0, documentsScanned: 0 };

let installed = false;

/** Patches the server's container class once per process; every embedded server in it is indexed. */
export function installPartitionIndex(): void {
  if (installed) return;
  installed = true;
  const Items = ((ItemsModule as unknown as { default?: unknown }).default ?? ItemsModule) as {
    prototype: ItemsLike;
  };
  const { _set: set, delete: remove, query } = Items.prototype;

  Items.prototype._set = function (this: ItemsLike, data) {
    const result = set.call(this, data);
    const rid = data._rid as string;
    const key = partitionKeyOf(this._getPartition(data));
    if (key !== undefined) {
      const byPartition = partitionsOf(this);
      let items = byPartition.get(key);
      if (!items) byPartition.set(key, (items = new Map()));
      items.set(rid, this._data.get(rid)!);
    }
    requestScope.getStore()?.touched.push({ items: this, rid });
    return result;
  };

  Items.prototype.delete = function (this: ItemsLike, idOrRid, partition) {
    const before = this._item('/id', idOrRid, partition).read();
    remove.call(this, idOrRid, partition);
    if (!before) return;
    const rid = before._rid as string;
    const key = partitionKeyOf(this._getPartition(before));
    if (key !== undefined) partitionsOf(this).get(key)?.delete(rid);
    requestScope.getStore()?.touched.push({ items: this, rid, before });
  };

  Items.prototype.query = function (this: ItemsLike, params, options) {
    const key = requestScope.getStore()?.partitionKey;
    queryWork.queries += 1;
    if (key === undefined) {
      queryWork.documentsScanned += this._data.size;
      return query.call(this, params, options);
    }
    const all = this._data;
    // The server's query code reads `_data`; for this call it sees one partition (the call is synchronous).
    this._data = partitionsOf(this).get(key) ?? new Map();
    queryWork.documentsScanned += this._data.size;
    try {
      return query.call(this, params, options);
    } finally {
      this._data = all;
    }
  };
}
