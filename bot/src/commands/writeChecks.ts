import type { SharedRecord } from '../../../domain/entities.js';
import { Forbidden } from '../../../domain/errors.js';
import { StaleWrite } from '../store/errors.js';
import type { Stored } from '../store/recordStore.js';
import type { CommandContext } from './context.js';

/**
 * A write granted on this instance's cached copy of the series, whose own
 * batch showed the caller was no longer a member when it was made (their
 * removal reached Cosmos through another instance, and its event did not
 * reach this one): taken back before anyone is told of it, then refused as
 * any stranger is. `before` is the record the write replaced (none: it
 * created it). If someone changed the record meanwhile, their version stays.
 */
export async function takeBack(
  ctx: CommandContext,
  seriesId: string,
  written: Stored<SharedRecord>,
  before: Stored<SharedRecord> | undefined,
): Promise<never> {
  const { records } = ctx.store;
  try {
    if (!before) await records.deleteIfUnchanged(seriesId, written.record.id, written.etag);
    else
      await records.replace(
        { ...before.record, version: written.record.version + 1, updatedAt: ctx.clock.now().toISOString() },
        written.etag,
      );
  } catch (error) {
    if (!(error instanceof StaleWrite)) throw error;
    ctx.logger.warn(
      { seriesId, id: written.record.id },
      'a refused write was changed by someone else before it was taken back',
    );
  }
  throw new Forbidden();
}
