import { z } from 'zod/v4';
import { ActionItem, Meeting, PrivateNote, RecordId, Series, SharedNote, Topic, UserId } from './entities.js';

/**
 * Socket.IO messages. The server is authoritative: after every committed
 * write it sends the changed records to the series' room (private notes only
 * to their author's own connections), with the series clock of the change
 * (seriesClock.ts). Clients apply a record only when its `version` is newer
 * than the one they hold, and after a reconnect, a version gap or a `resync`
 * notice they ask for the changes since the last clock they saw
 * (GET /api/series/:seriesId/changes?since=N) instead of reloading.
 *
 * The client sends PROTOCOL_VERSION in the handshake (`auth.protocol`); a
 * different one is refused with code `protocol_outdated`, and the panel asks
 * its person to reload. Version 2: clocks, catch-up and `resync`.
 */
export const PROTOCOL_VERSION = 2;

/** The code of a handshake refused because the panel speaks another protocol version. */
export const PROTOCOL_OUTDATED = 'protocol_outdated';

export const EVENTS = {
  join: 'series:join',
  leave: 'series:leave',
  changed: 'records:changed',
  presence: 'presence',
  /** Events may have been lost (the event bus between instances had trouble): catch up since your clock. */
  resync: 'series:resync',
} as const;

export const Handshake = z.object({
  token: z.string().min(1),
  protocol: z.literal(PROTOCOL_VERSION),
  /** The locale the panel shows (as its API requests' Accept-Language): refusals are worded in it. */
  locale: z.string().max(64).optional(),
});

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
  /** The highest series clock among `records`. */
  clock: z.number().int().nonnegative(),
});
export type RecordsChanged = z.infer<typeof RecordsChanged>;

export const Resync = z.object({
  v: z.literal(PROTOCOL_VERSION),
  reason: z.string().max(200),
  /**
   * The series clock at which events may have started to go missing (when the
   * instance lost Redis): a panel catches up from here if its own clock is later.
   */
  since: z.number().int().nonnegative(),
});
export type Resync = z.infer<typeof Resync>;

/** `?since=N`: the highest series clock the panel holds. */
export const ChangesQuery = z.strictObject({
  since: z
    .string()
    .regex(/^\d{1,16}$/, 'since must be a series clock: a whole number')
    .transform(Number),
});
export type ChangesQuery = z.input<typeof ChangesQuery>;

/**
 * The answer to "changes since": every record changed since the clock (minus
 * the skew margin), tombstones included, private notes only the caller's own;
 * or `reset: true` when the panel must reload its state instead, with why:
 * `horizon`, it was away longer than the catch-up horizon (or has no clock);
 * `ahead`, its clock is ahead of the series' own (seriesClock.ts), so it must
 * not keep it. (A service from before `reason` sends none: that was `horizon`.)
 */
export const ChangesResponse = z.discriminatedUnion('reset', [
  z.object({ reset: z.literal(false), clock: z.number().int().nonnegative(), records: z.array(ChangedRecord) }),
  z.object({ reset: z.literal(true), reason: z.enum(['horizon', 'ahead']).default('horizon') }),
]);
export type ChangesResponse = z.infer<typeof ChangesResponse>;

export const Presence = z.object({
  v: z.literal(PROTOCOL_VERSION),
  seriesId: RecordId,
  /** Members who have the panel open now; never persisted. */
  online: z.array(UserId),
});
export type Presence = z.infer<typeof Presence>;
