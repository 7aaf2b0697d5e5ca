import type { ChangedRecord } from '../../../domain/realtime.js';

/**
 * The one rule of what a member may see of a record: everything shared, and
 * of private notes only their own. REST responses, real-time events and cards
 * all ask it, always about a real viewer (the signed-in member a response or
 * an event is for), never about the record's own author field.
 */
export function isVisibleTo(viewerId: string, record: ChangedRecord): boolean {
  return record.type !== 'privateNote' || record.authorId === viewerId;
}

/** The records of a batch that one viewer may see, in order. */
export function visibleTo<R extends ChangedRecord>(viewerId: string, records: readonly R[]): R[] {
  return records.filter((record) => isVisibleTo(viewerId, record));
}
