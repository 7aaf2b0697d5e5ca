import type { ChangedRecord } from '../../../domain/realtime.js';
import type { CommandContext } from './context.js';

/** The fields every new record starts with. */
export function newRecordBase(ctx: CommandContext, seriesId: string, id: string) {
  const now = ctx.clock.now().toISOString();
  return { id, seriesId, version: 1, createdAt: now, updatedAt: now };
}

export function publishChanged(ctx: CommandContext, seriesId: string, records: readonly ChangedRecord[]): void {
  if (records.length > 0) ctx.publisher.publish(seriesId, records);
}
