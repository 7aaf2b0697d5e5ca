import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/**
 * Order keys: a topic's position is a string that sorts between its
 * neighbours, so a move rewrites the moved topic alone and two people
 * reordering at once never clobber each other's moves.
 *
 * Keys come from `fractional-indexing` (the one library domain/ imports
 * besides zod: pure, no I/O, a few hundred lines, the algorithm Figma
 * described and many editors use). We chose it over the earlier hand-written
 * fractions because its keys have an integer part that grows by counting, not
 * by halving: moving to the top or adding at the bottom, the moves people make
 * most, decrement or increment it, so those keys stay a few characters long
 * whatever the number of moves (the hand-written keys grew by one character
 * every few moves to the top and passed the schema limit after ~1,200).
 * Repeated inserts into one gap still lengthen keys (by one character every
 * ~6 inserts), so the agenda is rebalanced when a key would pass
 * ORDER_KEY_SOFT_LIMIT (see agenda.ts); every key then stays far below
 * ORDER_KEY_MAX of the schema, whatever the sequence of moves.
 *
 * Keys written by the earlier scheme (e.g. "V", "k") are not valid here; a
 * placement next to one rebalances the agenda, which rewrites them.
 */

/** A placement that would make a key longer than this rebalances the agenda instead. */
export const ORDER_KEY_SOFT_LIMIT = 48;

/**
 * Bits of the tie-breaker: two people adding or moving into the same gap at
 * once compute from the same neighbours, so each key is nudged to a point of
 * the gap chosen by the record's id. Two different ids then get the same key
 * with probability 2^-16, and the id still orders such a pair the same way on
 * every screen (compareByOrder).
 */
const TIE_BREAK_BITS = 16;

export function isValidOrderKey(key: string): boolean {
  try {
    generateKeyBetween(key, null);
    return true;
  } catch {
    return false;
  }
}

/** FNV-1a, 32 bit: spreads ids that differ in one character over the whole gap. */
function tieBreakBits(id: string): boolean[] {
  let hash = 0x811c9dc5;
  for (const ch of id) hash = Math.imul(hash ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return Array.from({ length: TIE_BREAK_BITS }, (_, i) => ((hash >>> i) & 1) === 1);
}

/** A key strictly inside (lo, hi) (null: open end), at a point of the gap chosen by `tieBreak`. */
function pointInGap(lo: string | null, hi: string | null, tieBreak: string): string {
  // An open end is closed to the next integer first, so the key keeps the short integer form there.
  if (hi === null) {
    lo = generateKeyBetween(lo, null);
    hi = generateKeyBetween(lo, null);
  } else if (lo === null) {
    hi = generateKeyBetween(null, hi);
    lo = generateKeyBetween(null, hi);
  }
  let key = generateKeyBetween(lo, hi);
  for (const bit of tieBreakBits(tieBreak)) {
    if (bit) lo = key;
    else hi = key;
    key = generateKeyBetween(lo, hi);
  }
  return key;
}

/**
 * A key that sorts after `before` and before `after` (null: no neighbour on
 * that side). With `tieBreak` (the record's id), two records placed in the
 * same gap at once get different keys.
 */
export function keyBetween(before: string | null, after: string | null, tieBreak?: string): string {
  if (before !== null && after !== null && before >= after) {
    throw new Error(`order keys out of order: "${before}" is not before "${after}"`);
  }
  const valid = (key: string | null) => key === null || isValidOrderKey(key);
  if (!valid(before) || !valid(after)) {
    const key = legacyKeyBetween(before ?? '', after);
    if ((before !== null && key <= before) || (after !== null && key >= after)) {
      throw new Error(`no order key between "${before}" and "${after}"; rebalance the agenda`);
    }
    return key;
  }
  return tieBreak === undefined ? generateKeyBetween(before, after) : pointInGap(before, after, tieBreak);
}

/** `count` increasing keys after `before`, e.g. for a carried-over or templated agenda. */
export function keysAfter(before: string | null, count: number): string[] {
  if (before === null || isValidOrderKey(before)) return generateNKeysBetween(before, null, count);
  const keys: string[] = [];
  let previous = before;
  for (let i = 0; i < count; i++) keys.push((previous = keyBetween(previous, null)));
  return keys;
}

/** `count` fresh, short, increasing keys for a whole agenda (a rebalance). */
export function freshKeys(count: number): string[] {
  return generateNKeysBetween(null, null, count);
}

export function compareByOrder(a: { order: string; id: string }, b: { order: string; id: string }): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/*
 * The earlier scheme, kept only to place a key next to a key it wrote (base-62
 * fractions "0.<digits>" without the "0."), until a rebalance rewrites them.
 */
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function legacyKeyBetween(a: string, b: string | null): string {
  if (b !== null) {
    let common = 0;
    while ((a[common] ?? '0') === b[common]) common++;
    if (common > 0) return b.slice(0, common) + legacyKeyBetween(a.slice(common), b.slice(common));
  }
  const low = a.length > 0 ? Math.max(0, DIGITS.indexOf(a[0]!)) : 0;
  const high = b !== null ? Math.max(0, DIGITS.indexOf(b[0]!)) : DIGITS.length;
  if (high - low > 1) return DIGITS[Math.round((low + high) / 2)]!;
  if (b !== null && b.length > 1) return b.slice(0, 1);
  return DIGITS[low]! + legacyKeyBetween(a.slice(1), null);
}
