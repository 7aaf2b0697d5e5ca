import { describe, expect, it } from 'vitest';
import { createClickGuard, DOUBLE_CLICK_MS } from './clickGuard.js';

describe('the double-click rule for checkboxes', () => {
  const clock = (start = 1_000) => {
    let at = start;
    return { now: () => at, pass: (ms: number) => (at += ms) };
  };

  it('a second click on the same box within the window is ignored', () => {
    const time = clock();
    const guard = createClickGuard(time.now);
    expect(guard.accept('a')).toBe(true);
    time.pass(DOUBLE_CLICK_MS - 1);
    expect(guard.accept('a')).toBe(false);
  });

  it('a click after the window counts, and so does a click on another box', () => {
    const time = clock();
    const guard = createClickGuard(time.now);
    expect(guard.accept('a')).toBe(true);
    expect(guard.accept('b')).toBe(true);
    time.pass(DOUBLE_CLICK_MS);
    expect(guard.accept('b')).toBe(true);
  });
});
