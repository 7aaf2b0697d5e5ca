import { describe, expect, it } from 'vitest';
import { normaliseAddress } from './clientAddress.js';

describe('client addresses for per-address limits', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['203.0.113.7:50123', '203.0.113.7'],
    [' 203.0.113.7:1 ', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['[::ffff:203.0.113.7]:8080', '203.0.113.7'],
    ['2001:db8:1:2::10', '2001:db8:1:2::/64'],
    ['[2001:db8:1:2::10]:443', '2001:db8:1:2::/64'],
    ['2001:0DB8:0001:0002:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
    ['::1', '0:0:0:0::/64'],
    ['[::1]:3978', '0:0:0:0::/64'],
  ])('%s counts as %s', (raw, expected) => {
    expect(normaliseAddress(raw)).toBe(expected);
  });

  it('keeps text that is no address apart from every real address, and never empty', () => {
    expect(normaliseAddress('not-an-address')).toBe('other:not-an-address');
    expect(normaliseAddress('')).toBe('unknown');
    expect(normaliseAddress(undefined)).toBe('unknown');
  });
});
