import { decodeJwt } from 'jose';
import type { Caller, TokenVerifier } from './caller.js';

const DEFAULT_MAX_ENTRIES = 10_000;
/** A cached answer is re-checked at least this often, even for long-lived tokens. */
const MAX_CACHE_MS = 5 * 60_000;

/**
 * Remembers tokens that passed verification until they expire (at most five
 * minutes), so a panel's stream of edits is not an RS256 check each: the
 * signature check was 7 % of the service's CPU under the benchmark. The key is
 * the whole token, signature included, so only the very token that passed
 * every check is recognised; refusals are never cached.
 */
export function cachedVerifier(
  inner: TokenVerifier,
  options: { maxEntries?: number; now?: () => number } = {},
): TokenVerifier {
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { caller: Caller; until: number }>();

  return {
    async verify(token) {
      const hit = cache.get(token);
      if (hit && hit.until > now()) return hit.caller;
      if (hit) cache.delete(token);
      const caller = await inner.verify(token);
      const exp = decodeJwt(token).exp;
      const until = Math.min(now() + MAX_CACHE_MS, typeof exp === 'number' ? exp * 1000 : 0);
      if (until > now()) {
        // Map keeps insertion order: dropping the first entry drops the oldest.
        if (cache.size >= maxEntries) cache.delete(cache.keys().next().value!);
        cache.set(token, { caller, until });
      }
      return caller;
    },
  };
}
