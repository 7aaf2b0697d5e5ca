import { AddActionItemBody, EditActionItemBody } from '../../../domain/api.js';
import { memberOf, type ActionItem, type Series, type SharedRecord } from '../../../domain/entities.js';
import { assertNoEditConflict } from '../../../domain/editConflicts.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../../../domain/errors.js';
import type { Stored } from '../store/recordStore.js';
import { memberAtWrite, requireMember } from './access.js';
import type { Caller, CommandContext } from './context.js';
import { parseInput } from './input.js';
import { newRecordBase, publishChanged } from './records.js';
import { definedFields, sameFields } from './topics.js';
import { updateSharedRecord, type WriteChecks } from './updateRecord.js';
import { takeBack } from './writeChecks.js';

function requireOwnerIsMember(series: Series, ownerId: string): void {
  if (!memberOf(series, ownerId))
    throw new Invalid('The owner of an action item must be one of the two people in this 1:1.');
}

export async function addActionItem(
  ctx: CommandContext,
  caller: Caller,
  seriesId: string,
  input: unknown,
): Promise<ActionItem> {
  const { series } = await requireMember(ctx, caller, seriesId, { cached: true });
  const body = parseInput(AddActionItemBody, input, 'action item');
  requireOwnerIsMember(series, body.ownerId);
  const item: ActionItem = {
    ...newRecordBase(ctx, seriesId, body.id),
    type: 'actionItem',
    meetingId: series.currentMeetingId,
    ...(body.topicId ? { topicId: body.topicId } : {}),
    text: body.text,
    ownerId: body.ownerId,
    ...(body.dueDate ? { dueDate: body.dueDate } : {}),
    createdBy: caller.userId,
    fieldVersions: {},
  };
  // The series is read with the write: the grant rests on its stored version.
  const written = await ctx.store.records.createChecked(item, [seriesId]);
  const { stored } = written;
  if (stored.record.type !== 'actionItem')
    throw new Conflict('That id is already used by something else; use a new id.');
  const atWrite = written.checked.get(seriesId);
  if (!memberAtWrite(atWrite, caller)) {
    if (written.created) await takeBack(ctx, seriesId, stored, undefined);
    throw new Forbidden();
  }
  let added = stored.record;
  // The meeting ended meanwhile (the series had moved on when the item was written): it belongs to the next one.
  const current = atWrite?.record.type === 'series' ? atWrite.record.currentMeetingId : added.meetingId;
  if (written.created && current !== added.meetingId) {
    added = await updateSharedRecord(ctx, seriesId, added.id, 'actionItem', (now) =>
      now.meetingId === item.meetingId ? { ...now, meetingId: current } : now,
    );
  }
  // A retry whose first answer was lost is published too: the first attempt may have stored it unseen.
  publishChanged(ctx, seriesId, [added]);
  return added;
}

/** The series read with each change of an action item: the grant rests on its stored version. */
function memberChecked(
  ctx: CommandContext,
  caller: Caller,
  seriesId: string,
): { checks: WriteChecks<SharedRecord, ActionItem>; confirm(): Promise<void> } {
  let atWrite: { ok: boolean; before: Stored<SharedRecord>; written: Stored<SharedRecord> } | undefined;
  return {
    checks: {
      ids: () => [seriesId],
      onChecked: (checked, before, written) =>
        (atWrite = { ok: memberAtWrite(checked.get(seriesId), caller), before, written }),
    },
    async confirm() {
      if (atWrite && !atWrite.ok) await takeBack(ctx, seriesId, atWrite.written, atWrite.before);
    },
  };
}

export async function editActionItem(
  ctx: CommandContext,
  caller: Caller,
  seriesId: string,
  itemId: string,
  input: unknown,
): Promise<ActionItem> {
  const { series } = await requireMember(ctx, caller, seriesId, { cached: true });
  const { done, dueDate, baseVersion, ...fields } = parseInput(EditActionItemBody, input, 'action item change');
  if (fields.ownerId !== undefined) requireOwnerIsMember(series, fields.ownerId);
  const now = ctx.clock.now().toISOString();
  const checked = memberChecked(ctx, caller, seriesId);
  const item = await updateSharedRecord(
    ctx,
    seriesId,
    itemId,
    'actionItem',
    (current) => {
      if (current.deletedAt) throw new NotFound('That action item was deleted.');
      let next: ActionItem = { ...current, ...definedFields(fields) };
      if (dueDate === null) {
        const { dueDate: _cleared, ...rest } = next;
        next = rest;
      } else if (dueDate !== undefined) next = { ...next, dueDate };
      // Completing twice keeps the first completion time: it is what follow-through is measured by.
      if (done === true && !current.doneAt) next = { ...next, doneAt: now };
      if (done === false && current.doneAt) {
        const { doneAt: _reopened, ...rest } = next;
        next = rest;
      }
      if (sameFields(current, next) && Object.keys(current).length === Object.keys(next).length) return current;
      assertNoEditConflict(current, next, baseVersion);
      return next;
    },
    undefined,
    undefined,
    checked.checks,
  );
  await checked.confirm();
  publishChanged(ctx, seriesId, [item]);
  return item;
}

/** Deleting leaves a tombstone, so the delete can be undone with restoreActionItem; deleting twice changes nothing. */
export async function deleteActionItem(
  ctx: CommandContext,
  caller: Caller,
  seriesId: string,
  itemId: string,
): Promise<ActionItem> {
  await requireMember(ctx, caller, seriesId, { cached: true });
  const now = ctx.clock.now().toISOString();
  const checked = memberChecked(ctx, caller, seriesId);
  const item = await updateSharedRecord(
    ctx,
    seriesId,
    itemId,
    'actionItem',
    (current) => (current.deletedAt ? current : { ...current, deletedAt: now }),
    undefined,
    undefined,
    checked.checks,
  );
  await checked.confirm();
  publishChanged(ctx, seriesId, [item]);
  return item;
}

/** Undoes a delete; restoring an item that is not deleted changes nothing. */
export async function restoreActionItem(
  ctx: CommandContext,
  caller: Caller,
  seriesId: string,
  itemId: string,
): Promise<ActionItem> {
  await requireMember(ctx, caller, seriesId, { cached: true });
  const checked = memberChecked(ctx, caller, seriesId);
  const item = await updateSharedRecord(
    ctx,
    seriesId,
    itemId,
    'actionItem',
    (current) => {
      if (!current.deletedAt) return current;
      const { deletedAt: _deletedAt, ...rest } = current;
      return rest;
    },
    undefined,
    undefined,
    checked.checks,
  );
  await checked.confirm();
  publishChanged(ctx, seriesId, [item]);
  return item;
}
