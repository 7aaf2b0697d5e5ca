import { describe, expect, it } from 'vitest';
import { RecordId } from './entities.js';
import { derivedId, fnv1a64, idFromExternal, MAX_ID_LENGTH } from './ids.js';

describe('derived ids', () => {
  it('join short parts with ~', () => {
    expect(derivedId('t-1', 'm-20260330T0700')).toBe('t-1~m-20260330T0700');
  });

  it('stay within the record id limit and differ for long inputs that share a prefix', () => {
    const a = derivedId('a'.repeat(120), 'm-1');
    const b = derivedId('a'.repeat(120), 'm-2');
    expect(a.length).toBeLessThanOrEqual(MAX_ID_LENGTH);
    expect(RecordId.safeParse(a).success).toBe(true);
    expect(a).not.toBe(b);
    expect(derivedId('a'.repeat(120), 'm-1')).toBe(a);
  });

  it('ids from outside text replace disallowed characters and stay distinct', () => {
    expect(idFromExternal('s-', '19:x@thread.v2')).toBe('s-19:x@thread.v2');
    const odd = idFromExternal('s-', 'a b/c');
    expect(RecordId.safeParse(odd).success).toBe(true);
    expect(odd).not.toBe(idFromExternal('s-', 'a_b_c'));
  });

  it('the hash is stable and spreads similar inputs', () => {
    expect(fnv1a64('')).toBe(fnv1a64(''));
    expect(fnv1a64('abc')).not.toBe(fnv1a64('abd'));
    expect(fnv1a64('é')).not.toBe(fnv1a64('e'));
  });
});
