import { describe, expect, it } from 'vitest';
import { normalizeText, sameText } from './textMatch.js';

describe('matching agenda texts', () => {
  it('ignores case, spacing, curly quotes and final punctuation', () => {
    expect(sameText('Where do you want to grow?', '  where do  you WANT to grow ')).toBe(true);
    expect(sameText('What’s next?', "what's next")).toBe(true);
    expect(normalizeText('Done!!! ')).toBe('done');
  });

  it('still tells different texts apart', () => {
    expect(sameText('Where do you want to grow?', 'Where do you want to go?')).toBe(false);
    expect(sameText('?', '')).toBe(true);
  });
});
