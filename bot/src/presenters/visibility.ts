import type { ChangedRecord } from '../../../domain/realtime.js';

/**
 * The one rule of what a member may see of a record: everything shared, and
 * of private notes only their own. REST responses, real-time events and cards
 * all go through it.
 */
export function isVisibleTo(userId: string, record: ChangedRecord): boolean {
  return record.type !== 'privateNote' || record.authorId === userId;
}
