import type { Effect } from '../../../domain/effects.js';
import type { AnyRecord, SharedRecord } from '../../../domain/entities.js';
import { withFieldVersions } from '../../../domain/editConflicts.js';
import { Conflict, NotFound } from '../../../domain/errors.js';
import { StaleWrite } from '../store/errors.js';
import type { RecordRepository, Stored } from '../store/recordStore.js';
import { announceEffects } from './commit.js';
import type { CommandContext } from './context.js';

const MAX_ATTEMPTS = 5;

type Of<U extends AnyRecord, K extends U['type']> = Extract<U, { type: K }>;

/**
 * Read (from this instance's cache when held) → apply a pure change → write
 * guarded by the ETag; on a concurrent write, re-read and re-apply. Because each change touches only its own
 * fields (status, text, order…), two people editing different fields of one
 * topic both win, and nobody's write silently overwrites a newer one.
 * `change` returns the very same object to mean "nothing to do".
 */
export async function updateWithRetry<U extends AnyRecord, K extends U['type']>(
  ctx: CommandContext,
  repo: RecordRepository<U>,
  seriesId: string,
  id: string,
  type: K,
  change: (current: Of<U, K>) => Of<U, K>,
  /** The record as the caller just read it or found it cached (saves the first read); later attempts read afresh. */
  initial?: Stored<U>,
  /** Effects committed with the change (the caller runs them after): none for an ordinary edit, which stays one request. */
  effects?: readonly Effect[],
): Promise<Of<U, K>> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const stored = attempt === 0 ? (initial ?? (await repo.readCached(seriesId, id))) : await repo.read(seriesId, id);
    // A cached record may be behind: it can only make a write succeed (its ETag is checked by Cosmos);
    // a refusal or "nothing to change" decided on it is decided again on a fresh read.
    const cached = repo.fromCache(stored);
    if (!stored || stored.record.type !== type) {
      if (cached) continue;
      throw new NotFound(`That ${describe(type)} does not exist.`);
    }
    // Narrowed by the type check just above; TypeScript cannot narrow a generic union by a generic key.
    const current = stored.record as Of<U, K>;
    let next: Of<U, K>;
    try {
      next = change(current);
    } catch (error) {
      if (cached) continue;
      throw error;
    }
    if (next === current) {
      if (cached) continue;
      return current;
    }
    const versioned = nextVersion(ctx, current, next);
    try {
      if (!effects?.length) return (await repo.replace(versioned, stored.etag)).record as Of<U, K>;
      // The change and what must follow it, in one transactional batch (commit.ts).
      await announceEffects(ctx, effects);
      const [written] = await repo.commit(seriesId, [{ op: 'replace', record: versioned, etag: stored.etag }], effects);
      return written!.record as Of<U, K>;
    } catch (error) {
      if (!(error instanceof StaleWrite)) throw error;
    }
  }
  throw new Conflict('This item is being changed by someone else right now. Please try again.');
}

export function updateSharedRecord<K extends SharedRecord['type']>(
  ctx: CommandContext,
  seriesId: string,
  id: string,
  type: K,
  change: (current: Of<SharedRecord, K>) => Of<SharedRecord, K>,
  initial?: Stored<SharedRecord>,
  effects?: readonly Effect[],
): Promise<Of<SharedRecord, K>> {
  return updateWithRetry(ctx, ctx.store.records, seriesId, id, type, change, initial, effects);
}

/** The next version of a record: version + 1, when, and (topics, action items) which version changed each field. */
export function nextVersion<R extends AnyRecord>(ctx: CommandContext, current: R, next: R): R {
  return stampFieldVersions(current, {
    ...next,
    version: current.version + 1,
    updatedAt: ctx.clock.now().toISOString(),
  });
}

/** Topics and action items remember which version changed each editable field (for baseVersion edits). */
function stampFieldVersions<R extends AnyRecord>(current: R, next: R): R {
  if (current.type === 'topic' && next.type === 'topic') return withFieldVersions(current, next) as R;
  if (current.type === 'actionItem' && next.type === 'actionItem') return withFieldVersions(current, next) as R;
  return next;
}

function describe(type: string): string {
  const names: Record<string, string> = { actionItem: 'action item', sharedNote: 'note', privateNote: 'private note' };
  return names[type] ?? type;
}
