import { z } from 'zod/v4';
import { ActionItem, Meeting, PrivateNote, RecordId, Series, SharedNote, Topic, UserId } from './entities.js';

/**
 * Socket.IO messages. The server is authoritative: after every committed
 * write it sends the changed records to the series' room (private notes only
 * to their author's own connections). Clients apply a record only when its
 * `version` is newer than the one they hold, and reload the panel state after
 * a reconnect.
 */
export const PROTOCOL_VERSION = 1;

export const EVENTS = {
  join: 'series:join',
  leave: 'series:leave',
  changed: 'records:changed',
  presence: 'presence',
} as const;

export const JoinRequest = z.strictObject({ seriesId: RecordId });
export type JoinRequest = z.infer<typeof JoinRequest>;

export const JoinAck = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);
export type JoinAck = z.infer<typeof JoinAck>;

export const ChangedRecord = z.discriminatedUnion('type', [
  Series,
  Meeting,
  Topic,
  ActionItem,
  SharedNote,
  PrivateNote,
]);
export type ChangedRecord = z.infer<typeof ChangedRecord>;

export const RecordsChanged = z.object({
  v: z.literal(PROTOCOL_VERSION),
  seriesId: RecordId,
  records: z.array(ChangedRecord),
});
export type RecordsChanged = z.infer<typeof RecordsChanged>;

export const Presence = z.object({
  v: z.literal(PROTOCOL_VERSION),
  seriesId: RecordId,
  /** Members who have the panel open now; never persisted. */
  online: z.array(UserId),
});
export type Presence = z.infer<typeof Presence>;
