import fc from 'fast-check';
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

  it('a key with a tie-breaker sorts strictly between its neighbours, whatever the neighbours and the id', () => {
    const key = fc.array(fc.boolean(), { maxLength: 12 }).map((path) => {
      let lo: string | null = null;
      let hi: string | null = null;
      let k = keyBetween(null, null);
      for (const up of path) {
        if (up) lo = k;
        else hi = k;
        k = keyBetween(lo, hi);
      }
      return k;
    });
    fc.assert(
      fc.property(fc.option(key, { nil: null }), fc.option(key, { nil: null }), fc.string(), (a, b, id) => {
        if (a !== null && b !== null && a === b) return;
        const [lo, hi] = a !== null && b !== null && a > b ? [b, a] : [a, b];
        const k = keyBetween(lo, hi, id);
        expect(isValidOrderKey(k)).toBe(true);
        if (lo !== null) expect(k > lo).toBe(true);
        if (hi !== null) expect(k < hi).toBe(true);
      }),
    );
  });

  it('two records placed in the same gap at once get different keys', () => {
    const gaps: [string | null, string | null][] = [
      [null, null],
      ['a0', null],
      [null, 'a0'],
      ['a0', 'a1'],
      ['a0', 'a0V'],
    ];
    for (const [lo, hi] of gaps) {
      const keys = Array.from({ length: 200 }, (_, i) => keyBetween(lo, hi, `topic-${i}`));
      expect(new Set(keys).size).toBe(keys.length);
      // Positive control: without the tie-breaker everyone computes the same key.
      expect(new Set(keys.map(() => keyBetween(lo, hi))).size).toBe(1);
    }
  });

  it('moving to the top 5,000 times keeps keys a few characters long', () => {
    let first = keyBetween(null, null);
    for (let i = 0; i < 5000; i++) first = keyBetween(null, first, `topic-${i % 2}`);
    expect(first.length).toBeLessThanOrEqual(8);
  });
});
