import type { ActionItem, Topic } from './entities.js';
import { ACTION_ITEM_EDIT_FIELDS, TOPIC_EDIT_FIELDS } from './entities.js';
import { EditConflict } from './errors.js';
import { localText } from './localText.js';

/**
 * Field-level edit conflicts. Each topic and action item keeps, per editable
 * field, the record version that last changed it (`fieldVersions`). An edit
 * that names the version its author started from (`baseVersion`) conflicts
 * only when a field it changes was changed after that version: two people
 * fixing different fields from the same base both win, the second of two
 * people rewriting the same text is told instead of silently overwriting.
 *
 * Why a per-field map and not the record's history: the check needs only
 * "when did this field last change", which fits in a few numbers on the record
 * itself, so it is read and written in the same ETag-guarded update as the
 * edit (no second document, no extra round trip).
 */

type Editable = Topic | ActionItem;
type FieldOf<R extends Editable> = R extends Topic
  ? (typeof TOPIC_EDIT_FIELDS)[number]
  : (typeof ACTION_ITEM_EDIT_FIELDS)[number];

export function editFieldsOf<R extends Editable>(record: R): readonly FieldOf<R>[] {
  return (record.type === 'topic' ? TOPIC_EDIT_FIELDS : ACTION_ITEM_EDIT_FIELDS) as readonly FieldOf<R>[];
}

function valueOf(record: Editable, field: string): unknown {
  return (record as unknown as Record<string, unknown>)[field];
}

/**
 * The version that last changed `field`. A record written before field
 * versions existed has no map: any change since the base counts as a change
 * of every field (a needless question at worst, never a lost edit). A field
 * missing from the map has not changed since the record was created.
 */
export function fieldVersion<R extends Editable>(record: R, field: FieldOf<R>): number {
  const versions = record.fieldVersions as Partial<Record<string, number>> | undefined;
  if (!versions) return record.version;
  return versions[field] ?? 1;
}

/** The editable fields whose value differs between two versions of a record. */
export function changedFields<R extends Editable>(before: R, after: R): FieldOf<R>[] {
  return editFieldsOf(after).filter((field) => valueOf(before, field) !== valueOf(after, field));
}

/**
 * `next` (the version about to be written over `current`) with the field
 * versions of the fields it changes set to its own version. A record without
 * a map gets one that dates every unchanged field to `current.version`, the
 * most we know about it.
 */
export function withFieldVersions<R extends Editable>(current: R, next: R): R {
  const changed = changedFields(current, next);
  if (changed.length === 0 && next.fieldVersions) return next;
  const known: Record<string, number> = current.fieldVersions
    ? { ...(current.fieldVersions as Record<string, number>) }
    : Object.fromEntries(editFieldsOf(current).map((f) => [f, current.version]));
  for (const field of changed) known[field] = next.version;
  return { ...next, fieldVersions: known };
}

/**
 * Refuses `next` when a field it changes relative to `current` was changed
 * by someone after `baseVersion`. Setting a field to the value it already has
 * is no change (so a retried edit that was applied is not a conflict).
 */
export function assertNoEditConflict<R extends Editable>(current: R, next: R, baseVersion: number | undefined): void {
  if (baseVersion === undefined) return;
  const clashing = changedFields(current, next).filter((field) => fieldVersion(current, field) > baseVersion);
  if (clashing.length === 0) return;
  const what = current.type === 'topic' ? 'topic' : 'action item';
  throw new EditConflict(
    `Someone else changed this ${what}'s ${clashing.map(describeField).join(' and ')} while you were editing. ` +
      'Nothing was saved: compare the two versions and choose what to keep.',
    current,
    clashing,
  ).worded(localText('domain.error.editConflict', { what: current.type }));
}

function describeField(field: string): string {
  const names: Record<string, string> = { ownerId: 'owner', dueDate: 'due date', doneAt: 'done state' };
  return names[field] ?? field;
}
