import { describe, expect, it } from 'vitest';
import { assertNoEditConflict, changedFields, fieldVersion, withFieldVersions } from './editConflicts.js';
import type { Topic } from './entities.js';
import { EditConflict } from './errors.js';
import { anActionItem, aTopic } from './testFactories.js';

/** One committed change, as the update path writes it: version + 1, field versions stamped. */
function commit<R extends Topic>(current: R, change: Partial<R>): R {
  return withFieldVersions(current, { ...current, ...change, version: current.version + 1 });
}

describe('field versions', () => {
  it('stamp each changed field with the version that changed it, and leave the others', () => {
    const v1 = aTopic({ id: 't', meetingId: 'm', fieldVersions: {} });
    const v2 = commit(v1, { text: 'New words' });
    const v3 = commit(v2, { status: 'discussed' });
    const v4 = commit(v3, { order: 'a5' });
    expect(v4.fieldVersions).toEqual({ text: 2, status: 3 });
    expect(fieldVersion(v4, 'text')).toBe(2);
    expect(fieldVersion(v4, 'category')).toBe(1);
  });

  it('a record written before field versions treats every field as changed at its current version', () => {
    const legacy = aTopic({ id: 't', meetingId: 'm', version: 6 });
    expect(fieldVersion(legacy, 'category')).toBe(6);
    const next = commit(legacy, { text: 'x' });
    expect(next.fieldVersions).toEqual({ text: 7, category: 6, status: 6 });
  });

  it('compare action item fields, done included', () => {
    const item = anActionItem({ id: 'a', meetingId: 'm' });
    expect(changedFields(item, { ...item, doneAt: '2026-01-02T00:00:00.000Z', dueDate: '2026-02-01' })).toEqual([
      'dueDate',
      'doneAt',
    ]);
  });
});

describe('edit conflicts', () => {
  const base = aTopic({ id: 't', meetingId: 'm', text: 'Original', fieldVersions: {} });
  const theirs = commit(base, { text: 'Their words' });

  it('a change of a field changed after the base version is refused with the current record', () => {
    const mine = { ...theirs, text: 'My words' };
    let error: unknown;
    try {
      assertNoEditConflict(theirs, mine, base.version);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EditConflict);
    expect((error as EditConflict).current).toBe(theirs);
    expect((error as EditConflict).fields).toEqual(['text']);
  });

  it('a change of another field, the same value again, or no base version is not a conflict', () => {
    expect(() => assertNoEditConflict(theirs, { ...theirs, status: 'discussed' }, base.version)).not.toThrow();
    expect(() => assertNoEditConflict(theirs, { ...theirs }, base.version)).not.toThrow();
    expect(() => assertNoEditConflict(theirs, { ...theirs, text: 'Mine' }, undefined)).not.toThrow();
    expect(() => assertNoEditConflict(theirs, { ...theirs, text: 'Mine' }, theirs.version)).not.toThrow();
  });
});
