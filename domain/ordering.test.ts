import { describe, expect, it } from 'vitest';
import { compareByOrder, isValidOrderKey, keyBetween, keysAfter } from './ordering.js';

describe('order keys', () => {
  it('a key between two neighbours sorts between them', () => {
    const a = keyBetween(null, null);
    const b = keyBetween(a, null);
    const mid = keyBetween(a, b);
    expect(a < mid && mid < b).toBe(true);
  });

  it('inserting at the top again and again keeps keys valid and ordered', () => {
    let first = keyBetween(null, null);
    for (let i = 0; i < 200; i++) {
      const next = keyBetween(null, first);
      expect(next < first).toBe(true);
      expect(isValidOrderKey(next)).toBe(true);
      first = next;
    }
  });

  it('repeatedly inserting between the same two neighbours never runs out of room', () => {
    const low = keyBetween(null, null);
    let high = keyBetween(low, null);
    for (let i = 0; i < 200; i++) {
      const mid = keyBetween(low, high);
      expect(low < mid && mid < high).toBe(true);
      high = mid;
    }
  });

  it('keysAfter returns increasing keys', () => {
    const keys = keysAfter('V', 5);
    expect([...keys].sort()).toEqual(keys);
    expect(keys[0]! > 'V').toBe(true);
  });

  it('refuses neighbours given in the wrong order', () => {
    expect(() => keyBetween('b', 'a')).toThrow(/out of order/);
    expect(() => keyBetween('a', 'a')).toThrow(/out of order/);
  });

  it('equal keys (two people moving at once) are ordered by id the same way everywhere', () => {
    const items = [
      { id: 'b', order: 'V' },
      { id: 'a', order: 'V' },
      { id: 'c', order: 'F' },
    ];
    expect([...items].sort(compareByOrder).map((i) => i.id)).toEqual(['c', 'a', 'b']);
  });
});
