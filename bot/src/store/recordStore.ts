import type { Container, ItemDefinition, JSONObject, OperationInput, SqlParameter } from '@azure/cosmos';

import { SharedRecord, type AnyRecord } from '../../../domain/entities.js';
import type { Effect } from '../../../domain/effects.js';
import { cosmosStatus, StaleWrite, storageCall, UnstorableRecord } from './errors.js';
import type { HybridClock } from './hybridClock.js';
import type { SeriesCache } from './seriesCache.js';

/** A record as read from Cosmos, with the ETag that guards the next write to it. */
export interface Stored<T> {
  record: T;
  etag: string;
}

type Parser<T> = {
  parse(value: unknown): T;
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: readonly Issue[] } };
};
type Issue = { path: readonly PropertyKey[]; message: string };

/** A transactional batch holds at most 100 operations (Cosmos limit). */
const BATCH_LIMIT = 100;

/** One record write of a commit: a create (fails the commit if the id exists) or an ETag-guarded replace. */
export type RecordWrite<T> = { op: 'create'; record: T } | { op: 'replace'; record: T; etag: string };

/**
 * Effect documents share the records' container and partition (so they commit
 * in the records' batch) but are no record: every query of records leaves them out.
 */
const NOT_EFFECT = "c.type != 'effect'";

/**
 * One repository per container. Records are stored as they are (their zod
 * schema is the document shape); Cosmos system properties (`_etag`, `_ts`…)
 * are stripped by parsing on the way out. Every record is checked against the
 * same schema on the way in: a record that could not be read back (a key too
 * long, a text over its limit) is refused before it is written, so one bad
 * write can never make a whole 1:1 unreadable. Every write stamps the series
 * clock into the record, in the same request (no extra round trip). Every
 * Cosmos call goes through `storageCall`, so a transient fault leaves this
 * module as StorageUnavailable and nothing above it knows Cosmos's error shapes.
 */
export class RecordRepository<T extends AnyRecord> {
  constructor(
    private readonly container: Container,
    private readonly schema: Parser<T>,
    private readonly clock: HybridClock,
    /** Shared records only: every answer of Cosmos passes through it (seriesCache.ts). */
    readonly cache?: SeriesCache,
  ) {}

  // The cache holds shared records; only the shared records' repository is given one.
  private remember(stored: Stored<T>): void {
    this.cache?.put(stored as unknown as Stored<SharedRecord>);
  }

  private wrote(stored: Stored<T>): void {
    this.cache?.written(stored as unknown as Stored<SharedRecord>);
  }

  /** The record as this instance last saw it (seriesCache.ts), or read from Cosmos. */
  async readCached(seriesId: string, id: string): Promise<Stored<T> | undefined> {
    const cached = this.cache?.get(seriesId, id) as Stored<T> | undefined;
    return cached ?? this.read(seriesId, id);
  }

  /** Whether a record came from the cache: a refusal or no-op decided on it is checked against a fresh read. */
  fromCache(stored: Stored<T> | undefined): boolean {
    return this.cache?.fromCache(stored) ?? false;
  }

  /** Every record of one series: a single-partition query. */
  loadSeries(seriesId: string): Promise<T[]> {
    return storageCall(async () => {
      const { resources } = await this.container.items
        .query<ItemDefinition>(
          {
            query: `SELECT * FROM c WHERE c.seriesId = @seriesId AND ${NOT_EFFECT}`,
            parameters: [{ name: '@seriesId', value: seriesId }],
          },
          { partitionKey: seriesId },
        )
        .fetchAll();
      return resources.map((doc) => this.schema.parse(doc));
    });
  }

  /**
   * Records of one series changed at or after clock `from` (tombstones included),
   * optionally only one author's (private notes): a single-partition query on `clock`.
   */
  changedSince(seriesId: string, from: number, authorId?: string): Promise<T[]> {
    return storageCall(async () => {
      const { resources } = await this.container.items
        .query<ItemDefinition>(
          {
            query: `SELECT * FROM c WHERE c.seriesId = @seriesId AND ${NOT_EFFECT} AND c.clock >= @from${authorId === undefined ? '' : ' AND c.authorId = @authorId'}`,
            parameters: [
              { name: '@seriesId', value: seriesId },
              { name: '@from', value: from },
              ...(authorId === undefined ? [] : [{ name: '@authorId', value: authorId }]),
            ],
          },
          { partitionKey: seriesId },
        )
        .fetchAll();
      return resources.map((doc) => this.schema.parse(doc));
    });
  }

  /** Records of one series matching a filter on their own fields (single partition). */
  query(seriesId: string, where: Record<string, string>): Promise<Stored<T>[]> {
    const keys = Object.keys(where);
    const clauses = keys.map((key, i) => `c.${key} = @p${i}`);
    return storageCall(async () => {
      const { resources } = await this.container.items
        .query<ItemDefinition>(
          {
            query: `SELECT * FROM c WHERE c.seriesId = @seriesId AND ${NOT_EFFECT}${clauses.map((c) => ` AND ${c}`).join('')}`,
            parameters: [
              { name: '@seriesId', value: seriesId },
              ...keys.map((key, i) => ({ name: `@p${i}`, value: where[key]! })),
            ],
          },
          { partitionKey: seriesId },
        )
        .fetchAll();
      const found = resources.map((doc) => ({ record: this.schema.parse(doc), etag: String(doc._etag) }));
      for (const stored of found) this.remember(stored);
      return found;
    });
  }

  /**
   * Records of one series matching a condition on `c` (single partition).
   * `top` and `orderBy` bound and order the result on the server.
   */
  async select(
    seriesId: string,
    condition: string,
    parameters: SqlParameter[] = [],
    options: { top?: number; orderBy?: string } = {},
  ): Promise<T[]> {
    return (await this.selectStored(seriesId, condition, parameters, options)).map((s) => s.record);
  }

  /** As `select`, with each record's ETag (and every record held by the cache). */
  async selectStored(
    seriesId: string,
    condition: string,
    parameters: SqlParameter[] = [],
    options: { top?: number; orderBy?: string } = {},
  ): Promise<Stored<T>[]> {
    const top = options.top !== undefined ? `TOP ${Math.max(1, Math.floor(options.top))} ` : '';
    const orderBy = options.orderBy ? ` ORDER BY ${options.orderBy}` : '';
    const { resources } = await storageCall(() =>
      this.container.items
        .query<ItemDefinition>(
          {
            query: `SELECT ${top}* FROM c WHERE c.seriesId = @seriesId AND ${NOT_EFFECT} AND (${condition})${orderBy}`,
            parameters: [{ name: '@seriesId', value: seriesId }, ...parameters],
          },
          { partitionKey: seriesId },
        )
        .fetchAll(),
    );
    const found = resources.map((doc) => ({ record: this.schema.parse(doc), etag: String(doc._etag) }));
    for (const stored of found) this.remember(stored);
    return found;
  }

  read(seriesId: string, id: string): Promise<Stored<T> | undefined> {
    return storageCall(async () => {
      try {
        const { resource } = await this.container.item(id, seriesId).read<ItemDefinition>();
        if (!resource) {
          this.cache?.forget(seriesId, id);
          return undefined;
        }
        const stored = { record: this.schema.parse(resource), etag: String(resource._etag) };
        this.remember(stored);
        return stored;
      } catch (error) {
        if (cosmosStatus(error) === 404) {
          this.cache?.forget(seriesId, id);
          return undefined;
        }
        throw error;
      }
    });
  }

  /**
   * Creates a record with its client-generated id. A retried create (same id)
   * is not a duplicate: it answers the record already stored, and `created: false`.
   */
  async create(record: T): Promise<{ stored: Stored<T>; created: boolean }> {
    const stamped = this.storable({ ...record, clock: this.clock.stamp() });
    try {
      const { resource } = await storageCall(() => this.container.items.create<ItemDefinition>(stamped));
      const stored = { record: this.schema.parse(resource), etag: String(resource?._etag) };
      this.wrote(stored);
      return { stored, created: true };
    } catch (error) {
      if (cosmosStatus(error) !== 409) throw error;
      const existing = await this.read(record.seriesId, record.id);
      if (!existing) throw error;
      return { stored: existing, created: false };
    }
  }

  /** Replaces a record only if nobody changed it since `etag` was read; otherwise throws StaleWrite. */
  async replace(record: T, etag: string): Promise<Stored<T>> {
    // Past the record's previous stamp, so a record's clock grows with its version whichever instance wrote it.
    const stamped = this.storable({ ...record, clock: this.clock.stamp(record.clock) });
    try {
      const { resource } = await storageCall(() =>
        this.container
          .item(record.id, record.seriesId)
          .replace<ItemDefinition>(stamped, { accessCondition: { type: 'IfMatch', condition: etag } }),
      );
      const stored = { record: this.schema.parse(resource), etag: String(resource?._etag) };
      this.wrote(stored);
      return stored;
    } catch (error) {
      if (cosmosStatus(error) === 412) {
        this.cache?.forget(record.seriesId, record.id);
        throw new StaleWrite();
      }
      throw error;
    }
  }

  /** Creates or replaces, guarded by `etag` when the record existed (for records with one writer, e.g. a note entry). */
  async put(record: T, etag: string | undefined): Promise<Stored<T>> {
    if (etag === undefined) {
      const { stored, created } = await this.create(record);
      if (!created) throw new StaleWrite();
      return stored;
    }
    return this.replace(record, etag);
  }

  /**
   * Replaces several records of one series in one transactional batch, each
   * guarded by its ETag: all are written or none (StaleWrite when any changed
   * since it was read). Used to rebalance an agenda's order keys.
   */
  async replaceAll(seriesId: string, items: readonly Stored<T>[]): Promise<Stored<T>[]> {
    const written: Stored<T>[] = [];
    // Agendas are far below the batch limit; a longer list is written in batches, each still all-or-nothing.
    for (let start = 0; start < items.length; start += BATCH_LIMIT) {
      const chunk = items.slice(start, start + BATCH_LIMIT);
      const operations: OperationInput[] = chunk.map(({ record, etag }) => ({
        operationType: 'Replace',
        partitionKey: seriesId,
        id: record.id,
        // A record is plain JSON data (its zod schema has only JSON types).
        resourceBody: this.storable({ ...record, clock: this.clock.stamp(record.clock) }) as unknown as JSONObject,
        ifMatch: etag,
      }));
      const { result } = await storageCall(() => this.container.items.batch(operations, seriesId));
      const statuses = (result ?? []).map((r) => r.statusCode);
      if (statuses.includes(412)) {
        for (const { record } of chunk) this.cache?.forget(seriesId, record.id);
        throw new StaleWrite();
      }
      const failed = statuses.find((status) => status >= 400);
      if (failed !== undefined || statuses.length !== chunk.length) {
        throw new Error(`batch replace failed with status ${failed ?? 'missing results'}`);
      }
      for (const r of result!) {
        const stored = { record: this.schema.parse(r.resourceBody), etag: String(r.eTag) };
        this.wrote(stored);
        written.push(stored);
      }
    }
    return written;
  }

  /**
   * Commits record writes and the effects that must follow them together: one
   * transactional batch in the series' partition (all or nothing, at most 100
   * operations), every record and effect stamped with the series clock. A
   * replace whose ETag no longer matches, or a create of an id already
   * stored, fails the whole commit with StaleWrite: the caller re-reads and
   * decides again. An effect is created, except those re-armed by later
   * changes (upserted): the per-user index update (every change of the
   * members) and a meeting's prompt (when the meeting moves).
   */
  async commit(
    seriesId: string,
    writes: readonly RecordWrite<T>[],
    effects: readonly Effect[] = [],
  ): Promise<Stored<T>[]> {
    if (writes.length + effects.length > BATCH_LIMIT) {
      throw new Error(`a commit holds at most ${BATCH_LIMIT} operations (got ${writes.length + effects.length})`);
    }
    if (writes.length + effects.length === 0) return [];
    const operations: OperationInput[] = [
      ...writes.map((write): OperationInput => {
        // A record is plain JSON data (its zod schema has only JSON types).
        const body = this.storable({
          ...write.record,
          clock: this.clock.stamp(write.record.clock),
        }) as unknown as JSONObject;
        return write.op === 'create'
          ? { operationType: 'Create', partitionKey: seriesId, resourceBody: body }
          : {
              operationType: 'Replace',
              partitionKey: seriesId,
              id: write.record.id,
              resourceBody: body,
              ifMatch: write.etag,
            };
      }),
      ...effects.map((effect): OperationInput => {
        const body = { ...effect, clock: this.clock.stamp(effect.clock) } as unknown as JSONObject;
        return effect.kind === 'userIndex' || effect.kind === 'prompt'
          ? { operationType: 'Upsert', partitionKey: seriesId, resourceBody: body }
          : { operationType: 'Create', partitionKey: seriesId, resourceBody: body };
      }),
    ];
    const { result } = await storageCall(() => this.container.items.batch(operations, seriesId));
    const statuses = (result ?? []).map((r) => r.statusCode);
    if (statuses.includes(412) || statuses.includes(409)) {
      for (const { record } of writes) this.cache?.forget(seriesId, record.id);
      throw new StaleWrite();
    }
    const failed = statuses.find((status) => status >= 400);
    if (failed !== undefined || statuses.length !== operations.length) {
      throw new Error(`commit failed with status ${failed ?? 'missing results'}`);
    }
    return writes.map((_, i) => {
      const r = result![i]!;
      const stored = { record: this.schema.parse(r.resourceBody), etag: String(r.eTag) };
      this.wrote(stored);
      return stored;
    });
  }

  /** The record as its schema writes it; refused (UnstorableRecord) when it could not be read back. */
  private storable(record: T): T {
    const parsed = this.schema.safeParse(record);
    if (parsed.success) return parsed.data;
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`);
    throw new UnstorableRecord(record.type, record.id, problems);
  }

  /** Cross-partition query: only for rare look-ups (e.g. "my 1:1s"), never on the panel's hot path. */
  queryAcrossSeries(query: string, parameters: { name: string; value: string }[]): Promise<T[]> {
    return storageCall(async () => {
      const { resources } = await this.container.items.query<ItemDefinition>({ query, parameters }).fetchAll();
      return resources.map((doc) => this.schema.parse(doc));
    });
  }
}

export function sharedRecordRepository(
  container: Container,
  clock: HybridClock,
  cache?: SeriesCache,
): RecordRepository<SharedRecord> {
  return new RecordRepository(container, SharedRecord, clock, cache);
}
