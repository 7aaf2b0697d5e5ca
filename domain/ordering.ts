/**
 * Fractional order keys: a topic's position is a string that sorts between
 * its neighbours, so moving a topic rewrites that topic alone and two people
 * reordering at once never clobber each other's moves (at worst two topics
 * get equal keys, and the id breaks the tie the same way on every screen).
 *
 * Keys are base-62 fractions "0.<digits>" written without the "0.", never
 * ending in the smallest digit, so there is always room between two keys.
 */
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;

function digitValue(ch: string): number {
  const value = DIGITS.indexOf(ch);
  if (value < 0) throw new Error(`invalid order key digit "${ch}"`);
  return value;
}

export function isValidOrderKey(key: string): boolean {
  return key.length > 0 && !key.endsWith('0') && [...key].every((ch) => DIGITS.includes(ch));
}

/** A key strictly between `a` (or the start, '') and `b` (or the end, null). */
function midpoint(a: string, b: string | null): string {
  if (b !== null) {
    let common = 0;
    while ((a[common] ?? '0') === b[common]) common++;
    if (common > 0) return b.slice(0, common) + midpoint(a.slice(common), b.slice(common));
  }
  const low = a.length > 0 ? digitValue(a[0]!) : 0;
  const high = b !== null ? digitValue(b[0]!) : BASE;
  if (high - low > 1) return DIGITS[Math.round((low + high) / 2)]!;
  if (b !== null && b.length > 1) return b.slice(0, 1);
  return DIGITS[low]! + midpoint(a.slice(1), null);
}

/** A key that sorts after `before` and before `after`; null means "no neighbour on that side". */
export function keyBetween(before: string | null, after: string | null): string {
  if (before !== null && after !== null && before >= after) {
    throw new Error(`order keys out of order: "${before}" is not before "${after}"`);
  }
  return midpoint(before ?? '', after);
}

/** `count` increasing keys after `before`, e.g. for a carried-over or templated agenda. */
export function keysAfter(before: string | null, count: number): string[] {
  const keys: string[] = [];
  let previous = before;
  for (let i = 0; i < count; i++) {
    previous = keyBetween(previous, null);
    keys.push(previous);
  }
  return keys;
}

export function compareByOrder(a: { order: string; id: string }, b: { order: string; id: string }): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
