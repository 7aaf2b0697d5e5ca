import { describe, expect, it } from 'vitest';
import { rebaseDraft } from './rebaseDraft.js';

describe('Keep mine: a draft rebased on the current record', () => {
  const base = { text: 'Write the plan', ownerId: 'sam', dueDate: '' };

  it('keeps the fields the person changed and takes the other person’s change everywhere else', () => {
    const draft = { ...base, text: 'Write the plan, with the numbers' };
    const current = { ...base, dueDate: '2030-03-04' };
    expect(rebaseDraft(draft, base, current)).toEqual({
      text: 'Write the plan, with the numbers',
      ownerId: 'sam',
      dueDate: '2030-03-04',
    });
  });

  it('keeps the person’s value when both changed the same field', () => {
    const draft = { ...base, ownerId: 'alex' };
    expect(rebaseDraft(draft, base, { ...base, ownerId: 'kim' }).ownerId).toBe('alex');
  });

  it('a draft with nothing changed becomes the current record', () => {
    const current = { text: 'Plan', ownerId: 'alex', dueDate: '2030-03-04' };
    expect(rebaseDraft(base, base, current)).toEqual(current);
  });
});
