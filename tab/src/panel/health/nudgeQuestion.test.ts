import { describe, expect, it } from 'vitest';
import { questionInNudge } from './nudgeQuestion.js';

describe('a health nudge that quotes a question', () => {
  it('offers the quoted question as a topic, in its category from the question bank', () => {
    expect(
      questionInNudge('Only 1 of 6 recent topics were about growth. Add one, e.g. "Where do you want to grow?"'),
    ).toEqual({
      text: 'Where do you want to grow?',
      category: 'growth',
    });
  });

  it('offers nothing when the nudge quotes no question', () => {
    expect(questionInNudge('You held 3 of 4 1:1s in the last 8 weeks. Keep protecting this time.')).toBeNull();
  });
});
