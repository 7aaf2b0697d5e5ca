import type { Container, ItemDefinition, JSONObject, OperationInput, SqlParameter } from '@azure/cosmos';

import { SharedRecord, type AnyRecord } from '../../../domain/entities.js';
import type { Effect } from '../../../domain/effects.js';
import { cosmosStatus, StaleWrite, StorageUnavailable, storageCall, UnstorableRecord } from './errors.js';
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

/** Statuses of a batch's operations that mean "try again" (throttled, busy, timed out). */
const TRANSIENT_BATCH_STATUSES = new Set([408, 429, 449, 503]);

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
 * A write and the records read with it in one transactional batch (one
 * Cosmos request): the reads show the partition as the write found it, so a
 * decision taken on a cached copy (membership, meeting still open) is checked
 * against the stored version at the moment of the write.
 */
export interface CheckedWrite<T> {
  stored: Stored<T>;
  /** False when a create found the record already stored (a retry): `stored` is that record. */
  created: boolean;
  /** Each checked id's stored record (undefined: none), as of the write. */
  checked: Map<string, Stored<T> | undefined>;
}

/** Fields of documents written by a newer release that this one does not know, kept per stored version (ETag). */
const MAX_KEPT_EXTRAS = 10_000;

/**
 * The top-level fields of a stored document that its schema dropped (added by
 * a newer release): they are written back unchanged with the next version, so
 * an older instance beside a newer one during a deploy never erases them.
 */
export function unknownFields(raw: unknown, parsed: object): Record<string, unknown> | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  let extras: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(raw)) {
    if (key.startsWith('_') || key in parsed) continue;
    (extras ??= {})[key] = value;
  }
  return extras;
}

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

  private readonly extrasByEtag = new Map<string, Record<string, unknown>>();

  /**
   * Fields a newer release wrote into the stored version `etag` (see
   * unknownFields): merged under the next write guarded by that ETag.
   */
  keepUnknownFields(etag: string, extras: Record<string, unknown> | undefined): void {
    if (!extras) return;
    this.extrasByEtag.set(etag, extras);
    if (this.extrasByEtag.size > MAX_KEPT_EXTRAS) {
      const oldest = this.extrasByEtag.keys().next().value;
      if (oldest !== undefined) this.extrasByEtag.delete(oldest);
    }
  }

  /**
   * A stored document as this release reads it. A document it cannot parse
   * was written by a newer release (or is damaged): refused as "try again"
   * (another instance may be newer), never served from an older copy.
   */
  private parseDoc(doc: unknown): Stored<T> {
    const parsed = this.schema.safeParse(doc);
    if (!parsed.success) {
      const { id, type } = (doc ?? {}) as { id?: unknown; type?: unknown };
      throw new StorageUnavailable(1_000, `unreadable ${String(type)} ${String(id)} (written by a newer release?)`);
    }
    const etag = String((doc as { _etag?: unknown })._etag);
    this.keepUnknownFields(etag, unknownFields(doc, parsed.data));
    return { record: parsed.data, etag };
  }

  /** The document to write over the stored version `etag`: the record, over the fields a newer release added. */
  private over(etag: string, record: T): T {
    const extras = this.extrasByEtag.get(etag);
    return extras ? ({ ...extras, ...record } as T) : record;
  }

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
      return resources.map((doc) => this.parseDoc(doc).record);
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
      return resources.map((doc) => this.parseDoc(doc).record);
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
      const found = resources.map((doc) => this.parseDoc(doc));
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
    const found = resources.map((doc) => this.parseDoc(doc));
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
        const stored = this.parseDoc(resource);
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
      const stored = this.parseDoc(resource);
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
          .replace<ItemDefinition>(this.over(etag, stamped), { accessCondition: { type: 'IfMatch', condition: etag } }),
      );
      const stored = this.parseDoc(resource);
      this.wrote(stored);
      return stored;
    } catch (error) {
      // 404: gone since it was read (a write taken back, see deleteIfUnchanged): read afresh like a 412.
      if (cosmosStatus(error) === 412 || cosmosStatus(error) === 404) {
        this.cache?.forget(record.seriesId, record.id);
        throw new StaleWrite();
      }
      throw error;
    }
  }

  /** Deletes a record only if nobody changed it since `etag` (taking back a write refused after the fact). */
  async deleteIfUnchanged(seriesId: string, id: string, etag: string): Promise<boolean> {
    try {
      await storageCall(() =>
        this.container.item(id, seriesId).delete({ accessCondition: { type: 'IfMatch', condition: etag } }),
      );
      return true;
    } catch (error) {
      if (cosmosStatus(error) === 412 || cosmosStatus(error) === 404) return false;
      throw error;
    } finally {
      this.cache?.forget(seriesId, id);
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
   * Creates a record (as `create`) and reads `checks` in the same
   * transactional batch: one Cosmos request. A retried create (same id)
   * answers the stored record, with the checks read afresh.
   */
  async createChecked(record: T, checks: readonly string[]): Promise<CheckedWrite<T>> {
    const stamped = this.storable({ ...record, clock: this.clock.stamp() });
    const write: OperationInput = {
      operationType: 'Create',
      partitionKey: record.seriesId,
      resourceBody: stamped as unknown as JSONObject,
    };
    const answer = await this.writeChecked(record.seriesId, write, checks);
    if (answer.status === 409) {
      const existing = await this.read(record.seriesId, record.id);
      if (!existing) throw new Error(`create of ${record.type} ${record.id} answered 409, and it cannot be read`);
      return { stored: existing, created: false, checked: await this.readAll(record.seriesId, checks) };
    }
    return { stored: answer.stored!, created: true, checked: answer.checked };
  }

  /** Replaces a record guarded by `etag` (as `replace`) and reads `checks` in the same transactional batch. */
  async replaceChecked(record: T, etag: string, checks: readonly string[]): Promise<CheckedWrite<T>> {
    const stamped = this.storable({ ...record, clock: this.clock.stamp(record.clock) });
    const write: OperationInput = {
      operationType: 'Replace',
      partitionKey: record.seriesId,
      id: record.id,
      resourceBody: this.over(etag, stamped) as unknown as JSONObject,
      ifMatch: etag,
    };
    const answer = await this.writeChecked(record.seriesId, write, checks);
    if (answer.status === 412) {
      this.cache?.forget(record.seriesId, record.id);
      throw new StaleWrite();
    }
    if (answer.status === 404) {
      this.cache?.forget(record.seriesId, record.id);
      throw new StaleWrite();
    }
    return { stored: answer.stored!, created: false, checked: answer.checked };
  }

  /**
   * The checks are read first: on Azure the batch is all or nothing anyway,
   * and a server that applies a batch step by step (the embedded one) skips
   * the write when a read fails. A checked record that does not exist fails
   * the batch (404): then the write is made alone and the checks read apart.
   */
  private async writeChecked(
    seriesId: string,
    write: OperationInput,
    checks: readonly string[],
  ): Promise<{ status: number; stored?: Stored<T>; checked: Map<string, Stored<T> | undefined> }> {
    const reads: OperationInput[] = checks.map((id) => ({ operationType: 'Read', id, partitionKey: seriesId }));
    const { result } = await batchCall(() => this.container.items.batch([...reads, write], seriesId));
    const results = result ?? [];
    const statuses = results.map((r) => r.statusCode);
    const writeStatus = statuses[checks.length];
    if (statuses.length !== checks.length + 1 || writeStatus === undefined) {
      throw new Error('checked write: the batch answered no result for every operation');
    }
    if (statuses.slice(0, checks.length).some((status) => status === 404)) {
      return this.writeAlone(seriesId, write, checks);
    }
    const transient = statuses.find((status) => TRANSIENT_BATCH_STATUSES.has(status));
    if (transient !== undefined) throw new StorageUnavailable(1_000, `cosmos batch ${transient}`);
    if (writeStatus === 409 || writeStatus === 412 || writeStatus === 404) {
      return { status: writeStatus, checked: new Map() };
    }
    const failed = statuses.find((status) => status >= 400);
    if (failed !== undefined) throw new Error(`checked write failed with status ${failed}`);
    const checked = new Map<string, Stored<T> | undefined>();
    checks.forEach((id, i) => {
      const read = results[i]!;
      const stored = this.parseDoc({ ...read.resourceBody, _etag: read.eTag });
      this.remember(stored);
      checked.set(id, stored);
    });
    const w = results[checks.length]!;
    const stored = this.parseDoc({ ...w.resourceBody, _etag: w.eTag });
    this.wrote(stored);
    return { status: writeStatus, stored, checked };
  }

  /** The rare case of a checked id that does not exist: the write alone, then each check read. */
  private async writeAlone(
    seriesId: string,
    write: OperationInput,
    checks: readonly string[],
  ): Promise<{ status: number; stored?: Stored<T>; checked: Map<string, Stored<T> | undefined> }> {
    const body = (write as { resourceBody: JSONObject }).resourceBody as unknown as T;
    try {
      const stored =
        write.operationType === 'Create'
          ? await this.createStamped(body)
          : await this.replaceStamped(body, (write as { ifMatch: string }).ifMatch);
      return {
        status: write.operationType === 'Create' ? 201 : 200,
        stored,
        checked: await this.readAll(seriesId, checks),
      };
    } catch (error) {
      if (error instanceof StaleWrite) return { status: 412, checked: new Map() };
      if (cosmosStatus(error) === 409) return { status: 409, checked: new Map() };
      throw error;
    }
  }

  private async createStamped(body: T): Promise<Stored<T>> {
    const { resource } = await storageCall(() => this.container.items.create<ItemDefinition>(body));
    const stored = this.parseDoc(resource);
    this.wrote(stored);
    return stored;
  }

  private async replaceStamped(body: T, etag: string): Promise<Stored<T>> {
    try {
      const { resource } = await storageCall(() =>
        this.container
          .item(body.id, body.seriesId)
          .replace<ItemDefinition>(body, { accessCondition: { type: 'IfMatch', condition: etag } }),
      );
      const stored = this.parseDoc(resource);
      this.wrote(stored);
      return stored;
    } catch (error) {
      if (cosmosStatus(error) === 412 || cosmosStatus(error) === 404) throw new StaleWrite();
      throw error;
    }
  }

  private async readAll(seriesId: string, ids: readonly string[]): Promise<Map<string, Stored<T> | undefined>> {
    const found = await Promise.all(ids.map((id) => this.read(seriesId, id)));
    return new Map(ids.map((id, i) => [id, found[i]]));
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
        resourceBody: this.over(
          etag,
          this.storable({ ...record, clock: this.clock.stamp(record.clock) }),
        ) as unknown as JSONObject,
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
        const stored = this.parseDoc({ ...r.resourceBody, _etag: r.eTag });
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
              resourceBody: this.over(write.etag, body as unknown as T) as unknown as JSONObject,
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
    const { result } = await batchCall(() => this.container.items.batch(operations, seriesId));
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
      const stored = this.parseDoc({ ...r.resourceBody, _etag: r.eTag });
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
      return resources.map((doc) => this.parseDoc(doc).record);
    });
  }
}

/**
 * A transactional batch call. @azure/cosmos 4.9 rethrows any failure of the
 * batch request itself as a plain `Error('Batch request error: …')`, without
 * its status (Items.batch): throttling past its retries, 503, a timeout or a
 * reset all look alike. Such a failure is answered as "try again": the batch
 * was all or nothing, and every write in one is idempotent (client ids, ETags).
 */
async function batchCall<R>(call: () => Promise<R>): Promise<R> {
  try {
    return await storageCall(call);
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('Batch request error:')) {
      throw new StorageUnavailable(1_000, error.message);
    }
    throw error;
  }
}

export function sharedRecordRepository(
  container: Container,
  clock: HybridClock,
  cache?: SeriesCache,
): RecordRepository<SharedRecord> {
  return new RecordRepository(container, SharedRecord, clock, cache);
}
