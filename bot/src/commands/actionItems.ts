import { AddActionItemBody, EditActionItemBody } from '../../../domain/api.js';
import { memberOf, type ActionItem, type Series } from '../../../domain/entities.js';
import { assertNoEditConflict } from '../../../domain/editConflicts.js';
import { Conflict, Invalid, NotFound } from '../../../domain/errors.js';
import { requireMember } from './access.js';
import type { Caller, CommandContext } from './context.js';
import { parseInput } from './input.js';
import { newRecordBase, publishChanged } from './records.js';
import { definedFields, sameFields } from './topics.js';
import { updateSharedRecord } from './updateRecord.js';

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
  const { series } = await requireMember(ctx, caller, seriesId);
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
  const { stored } = await ctx.store.records.create(item);
  if (stored.record.type !== 'actionItem')
    throw new Conflict('That id is already used by something else; use a new id.');
  // A retry whose first answer was lost is published too: the first attempt may have stored it unseen.
  publishChanged(ctx, seriesId, [stored.record]);
  return stored.record;
}

export async function editActionItem(
  ctx: CommandContext,
  caller: Caller,
  seriesId: string,
  itemId: string,
  input: unknown,
): Promise<ActionItem> {
  const { series } = await requireMember(ctx, caller, seriesId);
  const { done, dueDate, baseVersion, ...fields } = parseInput(EditActionItemBody, input, 'action item change');
  if (fields.ownerId !== undefined) requireOwnerIsMember(series, fields.ownerId);
  const now = ctx.clock.now().toISOString();
  const item = await updateSharedRecord(ctx, seriesId, itemId, 'actionItem', (current) => {
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
  });
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
  await requireMember(ctx, caller, seriesId);
  const now = ctx.clock.now().toISOString();
  const item = await updateSharedRecord(ctx, seriesId, itemId, 'actionItem', (current) =>
    current.deletedAt ? current : { ...current, deletedAt: now },
  );
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
  await requireMember(ctx, caller, seriesId);
  const item = await updateSharedRecord(ctx, seriesId, itemId, 'actionItem', (current) => {
    if (!current.deletedAt) return current;
    const { deletedAt: _deletedAt, ...rest } = current;
    return rest;
  });
  publishChanged(ctx, seriesId, [item]);
  return item;
}
