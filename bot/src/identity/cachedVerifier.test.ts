import { describe, expect, it } from 'vitest';
import { Unauthenticated } from '../../../domain/errors.js';
import { cachedVerifier } from './cachedVerifier.js';
import type { TokenVerifier } from './caller.js';

/** An unsigned JWT with the given expiry (the inner verifier decides validity; the cache only reads `exp`). */
function tokenExpiringAt(expSeconds: number, salt = 'a'): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256' })}.${part({ exp: expSeconds, salt })}.sig`;
}

function countingVerifier(refuse = false) {
  let calls = 0;
  const verifier: TokenVerifier = {
    async verify() {
      calls++;
      if (refuse) throw new Unauthenticated('nope');
      return { tenantId: 't', userId: 'u' };
    },
  };
  return { verifier, calls: () => calls };
}

describe('cached token verification', () => {
  it('checks a token once while it is valid, and again after five minutes', async () => {
    let clock = 1_000_000_000_000;
    const inner = countingVerifier();
    const cached = cachedVerifier(inner.verifier, { now: () => clock });
    const token = tokenExpiringAt(clock / 1000 + 3600);
    await cached.verify(token);
    await cached.verify(token);
    expect(inner.calls()).toBe(1);
    clock += 5 * 60_000 + 1;
    await cached.verify(token);
    expect(inner.calls()).toBe(2);
  });

  it('never serves a token past its expiry', async () => {
    let clock = 1_000_000_000_000;
    const inner = countingVerifier();
    const cached = cachedVerifier(inner.verifier, { now: () => clock });
    const token = tokenExpiringAt(clock / 1000 + 10);
    await cached.verify(token);
    clock += 11_000;
    await cached.verify(token);
    expect(inner.calls()).toBe(2);
  });

  it('does not remember refusals', async () => {
    const inner = countingVerifier(true);
    const cached = cachedVerifier(inner.verifier);
    const token = tokenExpiringAt(Date.now() / 1000 + 3600);
    await expect(cached.verify(token)).rejects.toBeInstanceOf(Unauthenticated);
    await expect(cached.verify(token)).rejects.toBeInstanceOf(Unauthenticated);
    expect(inner.calls()).toBe(2);
  });

  it('stays within its size bound by dropping the oldest entry', async () => {
    const inner = countingVerifier();
    const cached = cachedVerifier(inner.verifier, { maxEntries: 2 });
    const exp = Date.now() / 1000 + 3600;
    const [a, b, c] = ['a', 'b', 'c'].map((salt) => tokenExpiringAt(exp, salt));
    for (const token of [a!, b!, c!, a!]) await cached.verify(token);
    expect(inner.calls()).toBe(4);
  });
});
