import { describe, expect, it } from 'vitest';
import { limitOf } from './limits.js';

describe('text limits shown to the person', () => {
  it('says nothing far from the limit, counts near it, and refuses over it without cutting', () => {
    expect(limitOf('a'.repeat(100), 500)).toEqual({ over: false });
    expect(limitOf('a'.repeat(460), 500)).toEqual({ over: false, state: 'none', message: '460 / 500' });
    const over = limitOf('a'.repeat(5000), 500, 'The topic');
    expect(over.over).toBe(true);
    expect(over.message).toBe('The topic is 5,000 characters; the limit is 500. Shorten it to save.');
  });
});
