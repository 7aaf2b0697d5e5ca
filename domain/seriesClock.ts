/**
 * The series clock: every stored change carries a `clock` value, every
 * real-time event carries the highest one it holds, and a panel that may have
 * missed events asks for "the changes since clock N" instead of reloading.
 *
 * Why a hybrid logical clock and not tldraw's counter: tldraw's server keeps
 * one counter per room in memory and increments it per change. Here several
 * instances write the same series and an edit must cost ONE Cosmos request
 * (issue #15), so a stored per-series counter (a read and a write per edit,
 * contended by every writer) is out. Instead each instance stamps a hybrid
 * logical clock into the record it writes, in the same request:
 * `wall-clock ms × 1000 + counter`, strictly increasing per instance and past
 * the record's previous stamp. Values from different instances are ordered by
 * wall time, up to their clock skew, and a value is stamped just before its
 * write commits; so catch-up asks for `clock > since − CATCH_UP_MARGIN_MS`
 * (a single-partition query on that field) and the panel discards what it
 * already holds by record `version`. What an HLC cannot give is gap detection
 * by continuity (values are not consecutive): panels catch up on every
 * (re)join, on a version jump in an event, and when the service says its
 * event bus had trouble (`resync`).
 *
 * Tombstones (`deletedAt`) are records like any other, so catch-up returns
 * deletions. A panel whose last clock is older than CATCH_UP_HORIZON_MS is
 * told to reload instead: that is the pruning horizon — tombstones older than
 * it may be removed from storage without any panel missing a deletion.
 */

/** Clock units per wall-clock millisecond: room for 1000 stamps per ms before the clock runs ahead of time. */
export const CLOCK_TICKS_PER_MS = 1000;

/**
 * How far back of a panel's last clock catch-up looks: covers clock skew between
 * instances (NTP keeps Azure VMs within a second) and a write stamped before a
 * slower write committed (each Cosmos request is bounded by COSMOS_REQUEST_TIMEOUT_MS
 * and the SDK's throttling retries by a few seconds). Costs re-sending at most
 * this many seconds of changes, which the panel drops by version.
 */
export const CATCH_UP_MARGIN_MS = 30_000;

/** A panel that was away longer than this reloads its state instead of catching up. */
export const CATCH_UP_HORIZON_MS = 30 * 24 * 60 * 60 * 1000;

/** The next stamp: after the last one this instance gave, after the record's previous one, and at least now. */
export function nextClock(last: number, nowMs: number, previous = 0): number {
  return Math.max(last + 1, previous + 1, Math.floor(nowMs) * CLOCK_TICKS_PER_MS);
}

/** The lowest clock a catch-up since `since` must return. */
export function catchUpFrom(since: number): number {
  return Math.max(0, since - CATCH_UP_MARGIN_MS * CLOCK_TICKS_PER_MS);
}

/** Whether a panel last in step at `since` is too far behind to catch up (it reloads instead). */
export function beyondHorizon(since: number, nowMs: number): boolean {
  return since <= 0 || since < (nowMs - CATCH_UP_HORIZON_MS) * CLOCK_TICKS_PER_MS;
}

/**
 * Whether a panel's clock is ahead of the series' own: no record it may see
 * carries that clock or a later one. A panel's clock is always some record's
 * stamp, and a record's stamp only grows, so a clock in step is matched by a
 * record; one that is not came from elsewhere (an instance whose clock
 * jumped, a forged request). Believing it would answer "nothing changed"
 * after every reconnect, so the panel reloads instead. `records` are those
 * the catch-up query returned (every visible record from the margin before
 * `since` on).
 */
export function aheadOfSeries(since: number, records: readonly { clock?: number | undefined }[]): boolean {
  return !records.some((record) => record.clock !== undefined && record.clock >= since);
}

/** The highest clock among records (0 when none carries one). */
export function highestClock(records: readonly { clock?: number | undefined }[], start = 0): number {
  let highest = start;
  for (const record of records) if (record.clock !== undefined && record.clock > highest) highest = record.clock;
  return highest;
}
