import type { Container, ItemDefinition } from '@azure/cosmos';
import { DueEntry, dueBuckets, Effect } from '../../../domain/effects.js';
import { cosmosStatus, storageCall } from './errors.js';

/** The due-time index's partition for one-time marks: never a due day, so never read by a tick. */
const MARKS_BUCKET = 'marks';

/** An effect as read, with the ETag that guards its claim and its mark. */
export interface StoredEffect {
  effect: Effect;
  etag: string;
}

/** Cosmos adds `_rid`, `_etag`, `_ts`…; the schemas describe our fields only. */
function stripSystem(doc: ItemDefinition): ItemDefinition {
  return Object.fromEntries(Object.entries(doc).filter(([key]) => !key.startsWith('_')));
}

/**
 * Effect documents (in the records container, in their series' partition:
 * they are committed in the records' transactional batch by
 * RecordRepository.commit) and the due-time index that finds them
 * (`dueEffects`, one partition per due day). Claims and marks are
 * ETag-guarded replaces: of several processors only one holds an effect.
 */
export class EffectStore {
  constructor(
    private readonly records: Container,
    private readonly due: Container,
  ) {}

  async read(seriesId: string, id: string): Promise<StoredEffect | undefined> {
    return storageCall(async () => {
      try {
        const { resource } = await this.records.item(id, seriesId).read<ItemDefinition>();
        if (!resource || resource.type !== 'effect') return undefined;
        return { effect: Effect.parse(stripSystem(resource)), etag: String(resource._etag) };
      } catch (error) {
        if (cosmosStatus(error) === 404) return undefined;
        throw error;
      }
    });
  }

  /** Replaces the effect only if unchanged since `etag` was read; undefined when someone else changed it first. */
  async replaceIfUnchanged(effect: Effect, etag: string): Promise<StoredEffect | undefined> {
    return storageCall(async () => {
      try {
        const { resource } = await this.records
          .item(effect.id, effect.seriesId)
          .replace<ItemDefinition>(Effect.parse(effect), { accessCondition: { type: 'IfMatch', condition: etag } });
        return { effect: Effect.parse(stripSystem(resource!)), etag: String(resource?._etag) };
      } catch (error) {
        if (cosmosStatus(error) === 412 || cosmosStatus(error) === 404) return undefined;
        throw error;
      }
    });
  }

  /** Writes an index entry (idempotent): before the commit that holds its effect. */
  async putDue(entry: DueEntry): Promise<void> {
    await storageCall(() => this.due.items.upsert(DueEntry.parse(entry)));
  }

  async removeDue(entry: Pick<DueEntry, 'id' | 'bucket'>): Promise<void> {
    await storageCall(async () => {
      try {
        await this.due.item(entry.id, entry.bucket).delete();
      } catch (error) {
        if (cosmosStatus(error) !== 404) throw error;
      }
    });
  }

  /** Whether a one-time job (e.g. an upgrade's backfill) has run on this store. */
  async marked(name: string): Promise<boolean> {
    return storageCall(async () => {
      try {
        const { resource } = await this.due.item(name, MARKS_BUCKET).read<ItemDefinition>();
        return Boolean(resource);
      } catch (error) {
        if (cosmosStatus(error) === 404) return false;
        throw error;
      }
    });
  }

  async mark(name: string, at: Date): Promise<void> {
    await storageCall(() => this.due.items.upsert({ id: name, bucket: MARKS_BUCKET, at: at.toISOString() }));
  }

  /**
   * Index entries due at `now`, oldest first: one single-partition query per
   * due day of the look-back (domain/effects.ts), whatever the number of 1:1s.
   */
  async dueEntries(now: Date, limit: number): Promise<DueEntry[]> {
    const found: DueEntry[] = [];
    for (const bucket of dueBuckets(now)) {
      if (found.length >= limit) break;
      // A plain filter on one partition: no query-plan request (queryPlan.ts); a day's entries are few, sorted here.
      const { resources } = await storageCall(() =>
        this.due.items
          .query<ItemDefinition>(
            {
              query: 'SELECT * FROM c WHERE c.bucket = @bucket AND c.dueAt <= @now',
              parameters: [
                { name: '@bucket', value: bucket },
                { name: '@now', value: now.toISOString() },
              ],
            },
            { partitionKey: bucket },
          )
          .fetchAll(),
      );
      const entries = resources.map((doc) => DueEntry.parse(stripSystem(doc)));
      entries.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
      found.push(...entries.slice(0, limit - found.length));
    }
    return found;
  }
}
