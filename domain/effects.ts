import { z } from 'zod/v4';
import { RecordId } from './entities.js';
import { derivedId } from './ids.js';

/**
 * What must follow a committed change and survive a crash: a card to post
 * (summary, pre-meeting prompt, skipped-meetings nudge) or the per-user index
 * to bring in line with the series. An effect is a document in its series'
 * partition, committed in the same transactional batch as the records that
 * call for it (so it exists exactly when they do), and run by the effects
 * processor once (idempotent per effect id). Ordinary edits have no effect
 * document: their broadcast is the committed record itself.
 */

export const EffectKind = z.enum(['summary', 'prompt', 'nudge', 'userIndex']);
export type EffectKind = z.infer<typeof EffectKind>;

export const EffectState = z.enum(['pending', 'running', 'done', 'dropped']);

export const Effect = z.object({
  id: RecordId,
  type: z.literal('effect'),
  seriesId: RecordId,
  kind: EffectKind,
  /** What it is about: a meeting id (cards), the series id (index). */
  subject: RecordId,
  /** When it may run (a prompt: its lead time before the meeting). */
  dueAt: z.string(),
  /**
   * `running`: claimed by `claimedBy` until its lease ends; `done`: ran
   * (posted, written); `dropped`: nothing to do any more (its meeting was
   * started, skipped or deleted first) or given up after MAX_EFFECT_ATTEMPTS.
   */
  state: EffectState,
  attempts: z.number().int().nonnegative(),
  claimedBy: z.string().optional(),
  claimedAt: z.string().optional(),
  doneAt: z.string().optional(),
  /** The chat message id of a posted card, so it can be updated later. */
  activityId: z.string().optional(),
  lastError: z.string().max(500).optional(),
  /** The series clock of the commit that wrote it. */
  clock: z.number().optional(),
});
export type Effect = z.infer<typeof Effect>;

/** A claim older than this belongs to an instance that died mid-run: another may take the effect over. */
export const EFFECT_LEASE_MS = 10 * 60_000;
/** After this many failed runs an effect is given up (and logged), not retried forever. */
export const MAX_EFFECT_ATTEMPTS = 5;

/** Derived like every server id (ids.ts): bounded in length, the same for the same effect on every retry. */
export function effectId(kind: EffectKind, subject: string): string {
  return derivedId('effect', kind, subject);
}

/**
 * The summary of a meeting's end. A rejoined call (domain/occurrence.ts) ends
 * again: that later end gets an effect of its own, named by the session it
 * closes, which updates the card the first end posted in place rather than
 * posting a second one (effects/processor.ts).
 */
export function summaryEffect(seriesId: string, meeting: { id: string; resumedAt?: string }, dueAt: Date): Effect {
  const effect = newEffect(seriesId, 'summary', meeting.id, dueAt);
  return meeting.resumedAt ? { ...effect, id: derivedId('effect', 'summary', meeting.id, meeting.resumedAt) } : effect;
}

/** Whether a summary effect is a rejoined call's later end, owed an update of the first end's card. */
export function updatesFirstSummary(effect: Effect): boolean {
  return effect.kind === 'summary' && effect.id !== effectId('summary', effect.subject);
}

/** A new pending effect. */
export function newEffect(seriesId: string, kind: EffectKind, subject: string, dueAt: Date): Effect {
  return {
    id: effectId(kind, subject),
    type: 'effect',
    seriesId,
    kind,
    subject,
    dueAt: dueAt.toISOString(),
    state: 'pending',
    attempts: 0,
  };
}

/** Whether a processor may claim the effect now. */
export function claimable(effect: Effect, now: Date): boolean {
  if (Date.parse(effect.dueAt) > now.getTime()) return false;
  if (effect.state === 'pending') return true;
  if (effect.state !== 'running') return false;
  const claimedAt = effect.claimedAt ? Date.parse(effect.claimedAt) : 0;
  return now.getTime() - claimedAt > EFFECT_LEASE_MS;
}

/** Whether nothing is left to do for it. */
export function finished(effect: Effect): boolean {
  return effect.state === 'done' || effect.state === 'dropped';
}

/**
 * The due-time index: one small entry per effect not yet finished, in a
 * partition per UTC day of its due time. A processor tick reads the buckets
 * of the last DUE_LOOKBACK_DAYS days up to today (entries due now or
 * earlier), never the records: its cost follows the work due, not the
 * number of 1:1s stored.
 */
export const DUE_LOOKBACK_DAYS = 7;

export function dueBucket(dueAt: Date | string): string {
  return new Date(dueAt).toISOString().slice(0, 10);
}

/** The buckets a tick at `now` reads, oldest first. */
export function dueBuckets(now: Date): string[] {
  const day = 86_400_000;
  return Array.from({ length: DUE_LOOKBACK_DAYS + 1 }, (_, i) =>
    dueBucket(new Date(now.getTime() - (DUE_LOOKBACK_DAYS - i) * day)),
  );
}

export const DueEntry = z.object({
  /** The effect's series and id: one entry per effect and due day. */
  id: z.string().min(1),
  bucket: z.string(),
  effectId: RecordId,
  seriesId: RecordId,
  dueAt: z.string(),
  /** Written just before the commit that holds its effect: an entry whose effect is absent past a grace is dropped. */
  writtenAt: z.string(),
});
export type DueEntry = z.infer<typeof DueEntry>;

export function dueEntryFor(effect: Pick<Effect, 'id' | 'seriesId' | 'dueAt'>, now: Date): DueEntry {
  return {
    id: derivedId(effect.seriesId, effect.id),
    bucket: dueBucket(effect.dueAt),
    effectId: effect.id,
    seriesId: effect.seriesId,
    dueAt: effect.dueAt,
    writtenAt: now.toISOString(),
  };
}
