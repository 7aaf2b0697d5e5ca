import type { Container, ItemDefinition } from '@azure/cosmos';

import { SharedRecord, type AnyRecord } from '../../../domain/entities.js';
import { cosmosStatus, StaleWrite, storageCall } from './errors.js';
import type { HybridClock } from './hybridClock.js';

/** A record as read from Cosmos, with the ETag that guards the next write to it. */
export interface Stored<T> {
  record: T;
  etag: string;
}

type Parser<T> = { parse(value: unknown): T };

/**
 * One repository per container. Records are stored as they are (their zod
 * schema is the document shape); Cosmos system properties (`_etag`, `_ts`…)
 * are stripped by parsing on the way out. Every write stamps the series clock
 * into the record, in the same request (no extra round trip). Every Cosmos
 * call goes through `storageCall`, so a transient fault leaves this module as
 * StorageUnavailable and nothing above it knows Cosmos's error shapes.
 */
export class RecordRepository<T extends AnyRecord> {
  constructor(
    private readonly container: Container,
    private readonly schema: Parser<T>,
    private readonly clock: HybridClock,
  ) {}

  /** Every record of one series: a single-partition query. */
  loadSeries(seriesId: string): Promise<T[]> {
    return storageCall(async () => {
      const { resources } = await this.container.items
        .query<ItemDefinition>(
          {
            query: 'SELECT * FROM c WHERE c.seriesId = @seriesId',
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
            query: `SELECT * FROM c WHERE c.seriesId = @seriesId AND c.clock >= @from${authorId === undefined ? '' : ' AND c.authorId = @authorId'}`,
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
            query: `SELECT * FROM c WHERE c.seriesId = @seriesId${clauses.map((c) => ` AND ${c}`).join('')}`,
            parameters: [
              { name: '@seriesId', value: seriesId },
              ...keys.map((key, i) => ({ name: `@p${i}`, value: where[key]! })),
            ],
          },
          { partitionKey: seriesId },
        )
        .fetchAll();
      return resources.map((doc) => ({ record: this.schema.parse(doc), etag: String(doc._etag) }));
    });
  }

  read(seriesId: string, id: string): Promise<Stored<T> | undefined> {
    return storageCall(async () => {
      try {
        const { resource } = await this.container.item(id, seriesId).read<ItemDefinition>();
        if (!resource) return undefined;
        return { record: this.schema.parse(resource), etag: String(resource._etag) };
      } catch (error) {
        if (cosmosStatus(error) === 404) return undefined;
        throw error;
      }
    });
  }

  /**
   * Creates a record with its client-generated id. A retried create (same id)
   * is not a duplicate: it answers the record already stored, and `created: false`.
   */
  async create(record: T): Promise<{ stored: Stored<T>; created: boolean }> {
    const stamped = { ...record, clock: this.clock.stamp() };
    try {
      const { resource } = await storageCall(() => this.container.items.create<ItemDefinition>(stamped));
      return { stored: { record: this.schema.parse(resource), etag: String(resource?._etag) }, created: true };
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
    const stamped = { ...record, clock: this.clock.stamp(record.clock) };
    try {
      const { resource } = await storageCall(() =>
        this.container
          .item(record.id, record.seriesId)
          .replace<ItemDefinition>(stamped, { accessCondition: { type: 'IfMatch', condition: etag } }),
      );
      return { record: this.schema.parse(resource), etag: String(resource?._etag) };
    } catch (error) {
      if (cosmosStatus(error) === 412) throw new StaleWrite();
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

  /** Cross-partition query: only for rare look-ups (e.g. "my 1:1s"), never on the panel's hot path. */
  queryAcrossSeries(query: string, parameters: { name: string; value: string }[]): Promise<T[]> {
    return storageCall(async () => {
      const { resources } = await this.container.items.query<ItemDefinition>({ query, parameters }).fetchAll();
      return resources.map((doc) => this.schema.parse(doc));
    });
  }
}

export function sharedRecordRepository(container: Container, clock: HybridClock): RecordRepository<SharedRecord> {
  return new RecordRepository(container, SharedRecord, clock);
}
