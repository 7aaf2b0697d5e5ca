import type { SharedRecord, Topic } from '../../../domain/entities.js';
import type { Stored } from '../store/recordStore.js';
import type { CommandContext } from './context.js';

/**
 * Writes new order keys for an agenda (a rebalance, see domain/agenda.ts) in
 * one transactional batch, each topic guarded by the ETag it was read with:
 * either every key changes or none (StaleWrite: someone changed a topic since,
 * the caller re-reads and plans again). `skip` is a topic not stored yet (an
 * add: it is created with its key afterwards). Answers the rewritten topics.
 */
export async function writeAgendaOrder(
  ctx: CommandContext,
  seriesId: string,
  stored: readonly Stored<SharedRecord>[],
  orders: ReadonlyMap<string, string>,
  skip?: string,
): Promise<Topic[]> {
  const updatedAt = ctx.clock.now().toISOString();
  const changes: Stored<SharedRecord>[] = [];
  for (const { record, etag } of stored) {
    const order = orders.get(record.id);
    if (record.type !== 'topic' || record.id === skip || order === undefined || order === record.order) continue;
    changes.push({ record: { ...record, order, version: record.version + 1, updatedAt }, etag });
  }
  if (changes.length === 0) return [];
  const written = await ctx.store.records.replaceAll(seriesId, changes);
  return written.map((s) => s.record as Topic);
}
