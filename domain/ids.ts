/**
 * Deterministic record ids. Records the server derives from other records
 * (a carried-over topic, a templated topic, the next meeting) get ids computed
 * from their inputs, so a retried command writes the same ids again instead of
 * duplicating records. Ids must satisfy `RecordId` (entities.ts): at most 128
 * characters of [A-Za-z0-9_.:@~-].
 */
export const MAX_ID_LENGTH = 128;
const HASH_LENGTH = 13; // 64-bit FNV-1a in base 36

/**
 * FNV-1a, 64 bit. Not cryptographic: it only has to make truncated ids
 * collision-free in practice among the few thousand records of one series.
 * (domain/ does no I/O, so node:crypto is off limits here.)
 */
export function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = BigInt.asUintN(64, hash * 0x100000001b3n);
  }
  return hash.toString(36).padStart(HASH_LENGTH, '0');
}

/**
 * Two namespaces, so a client can never claim an id the server will derive
 * (a topic named like the other member's note would make their saves fail):
 *  - server-derived ids contain "~" (derivedId, card topics) or start with a
 *    reserved prefix ("s-" series from a chat id, "m-" meeting slots);
 *  - ids a client chooses (topics, action items: the panel sends UUIDs) may
 *    not, and ClientRecordId (entities.ts) refuses them at validation.
 */
export const DERIVED_ID_SEPARATOR = '~';
export const RESERVED_ID_PREFIXES = ['s-', 'm-'] as const;

export function isServerDerivedId(id: string): boolean {
  return id.includes(DERIVED_ID_SEPARATOR) || RESERVED_ID_PREFIXES.some((prefix) => id.startsWith(prefix));
}

/**
 * Joins id parts with "~" (at least two parts, so the result always holds it). When the result is too long, keeps a readable
 * prefix and appends a hash of the whole, so two different long inputs still
 * get different ids and the same input always gets the same id.
 */
export function derivedId(first: string, second: string, ...rest: readonly string[]): string {
  const joined = [first, second, ...rest].join(DERIVED_ID_SEPARATOR);
  if (joined.length <= MAX_ID_LENGTH) return joined;
  return `${joined.slice(0, MAX_ID_LENGTH - HASH_LENGTH - 1)}~${fnv1a64(joined)}`;
}

const DISALLOWED = /[^A-Za-z0-9_.:@~-]/g;

/**
 * An id built from outside text (a Teams chat id) that may hold characters
 * RecordId does not allow: those become "_", and a hash of the original is
 * appended whenever anything was replaced or cut, so "a/b" and "a+b" differ.
 */
export function idFromExternal(prefix: string, external: string): string {
  const cleaned = external.replace(DISALLOWED, '_');
  const candidate = `${prefix}${cleaned}`;
  if (cleaned === external && candidate.length <= MAX_ID_LENGTH) return candidate;
  return `${candidate.slice(0, MAX_ID_LENGTH - HASH_LENGTH - 1)}~${fnv1a64(external)}`;
}
