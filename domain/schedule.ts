import type { Cadence, Weekday } from './entities.js';
import { Invalid } from './errors.js';
import { localText } from './localText.js';

/**
 * Cadence → occurrences. A 1:1 happens at a local wall-clock time ("09:00 on
 * Tuesdays in Europe/Berlin"), so occurrences are computed on local calendar
 * dates and only then turned into instants: a 09:00 meeting stays at 09:00
 * local across daylight-saving changes, even though its UTC time moves.
 *
 * Only `Intl.DateTimeFormat` is used (no time-zone library): it is the one
 * tz database both the service and the browser already carry.
 *
 * Wall-clock times that do not exist or exist twice resolve like Temporal's
 * `disambiguation: 'compatible'` (and like calendar apps):
 *  - spring-forward gap (02:30 on a day clocks jump 02:00 → 03:00): the time
 *    moves forward by the length of the gap (03:30);
 *  - fall-back overlap (02:30 happens twice): the earlier of the two instants.
 *
 * Frequencies:
 *  - weekly: every `weekday`;
 *  - biweekly: every other `weekday`, in the weeks (Monday-based) whose
 *    distance to the anchor's week is even. The anchor is an instant of the
 *    series (its first meeting, or the meeting just held), so the rhythm stays
 *    put when the time or weekday is edited. Without an anchor, the first
 *    occurrence at or after the start of the search starts the rhythm;
 *  - monthly: the first `weekday` of each month. Chosen over "same day of the
 *    month" because a 1:1 belongs on a working day, and over "every 4 weeks"
 *    because people say and remember "first Tuesday of the month".
 */

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** Longest range `occurrencesBetween` enumerates: a guard against a mistyped year, not a product limit. */
const MAX_RANGE_DAYS = 366 * 5;

const WEEKDAY_NUMBER: Record<Weekday, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};

// IANA names ("Europe/Berlin", "UTC", "Etc/GMT+5"). Newer engines also accept
// offsets like "+01:00" as a time zone; they are refused here so a cadence
// means the same on Node 20, Node 22 and every browser.
const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/** Building a DateTimeFormat is costly (tens of µs) and the same few zones recur. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      // h23, not hour12: false, which renders midnight as "24" in some engines.
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  if (!IANA_NAME.test(timeZone)) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The canonical spelling of a zone ("europe/berlin" → "Europe/Berlin"); throws Invalid for unknown zones. */
export function canonicalTimeZone(timeZone: string): string {
  assertTimeZone(timeZone);
  return formatterFor(timeZone).resolvedOptions().timeZone;
}

export function assertTimeZone(timeZone: string): void {
  if (!isValidTimeZone(timeZone)) {
    throw new Invalid(
      `"${timeZone}" is not a known time zone. Use an IANA name such as Europe/Berlin or America/New_York.`,
    ).worded(localText('domain.error.timeZone', { timeZone }));
  }
}

/** A local calendar date and time, as a wall clock in some zone shows it. */
export interface WallClock {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function wallClockAt(instant: Date, timeZone: string): WallClock {
  const values: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  return {
    year: values.year ?? NaN,
    month: values.month ?? NaN,
    day: values.day ?? NaN,
    hour: values.hour ?? NaN,
    minute: values.minute ?? NaN,
    second: values.second ?? NaN,
  };
}

/** UTC offset of `timeZone` at `epochMs`, in ms (Berlin in summer: +7 200 000). */
function offsetAt(epochMs: number, timeZone: string): number {
  const wholeSeconds = Math.floor(epochMs / 1000) * 1000;
  const w = wallClockAt(new Date(wholeSeconds), timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - wholeSeconds;
}

/**
 * The instant a wall clock in `timeZone` shows the given local date and time
 * (gap → shifted forward by the gap, overlap → earlier instant; see above).
 */
export function instantOfWallClock(
  local: { year: number; month: number; day: number; hour: number; minute: number },
  timeZone: string,
): Date {
  const wallMs = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  // Offset changes are hours apart at least, so the offsets a day either side
  // are the only two that can apply to this wall time.
  const before = offsetAt(wallMs - DAY_MS, timeZone);
  const after = offsetAt(wallMs + DAY_MS, timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => wallMs - offset)
    .filter((epochMs) => offsetAt(epochMs, timeZone) === wallMs - epochMs)
    .sort((a, b) => a - b);
  const earliest = candidates[0];
  if (earliest !== undefined) return new Date(earliest);
  // In the gap: read the wall time with the offset in force before the jump,
  // which lands as far past the jump as the wall time was past its start.
  return new Date(wallMs - before);
}

/** The local calendar date ("YYYY-MM-DD") of `instant` in `timeZone`: "today" for someone there. */
export function localDateOf(instant: Date, timeZone: string): string {
  assertTimeZone(timeZone);
  const w = wallClockAt(instant, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month, 2)}-${pad(w.day, 2)}`;
}

/** Shifts a "YYYY-MM-DD" date by whole days (calendar arithmetic, no time zone involved). */
export function addDaysToDate(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

// Calendar dates are handled as "epoch days" (days since 1970-01-01), which
// makes weekday and week arithmetic plain integer arithmetic.
function epochDay(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

function civilDate(day: number): { year: number; month: number; day: number } {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Index of the Monday-based week containing `day` (1969-12-29 starts week 0). */
function weekIndexOf(day: number): number {
  return Math.floor((day + 3) / 7);
}

function localEpochDay(instant: Date, timeZone: string): number {
  const w = wallClockAt(instant, timeZone);
  return epochDay(w.year, w.month, w.day);
}

/**
 * Local dates (epoch days) of the cadence's occurrences, from `startDay` on,
 * in increasing order. `anchorWeek` fixes the biweekly rhythm.
 */
function* occurrenceDays(cadence: Cadence, startDay: number, anchorWeek: number | undefined): Generator<number> {
  const weekday = WEEKDAY_NUMBER[cadence.weekday];
  if (cadence.frequency === 'monthly') {
    let { year, month } = civilDate(startDay);
    for (;;) {
      const first = epochDay(year, month, 1);
      const day = first + ((weekday - weekdayOf(first) + 7) % 7);
      if (day >= startDay) yield day;
      month += 1;
      if (month > 12) {
        month = 1;
        year += 1;
      }
    }
  }
  let day = startDay + ((weekday - weekdayOf(startDay) + 7) % 7);
  if (cadence.frequency === 'biweekly') {
    if (anchorWeek !== undefined && (((weekIndexOf(day) - anchorWeek) % 2) + 2) % 2 === 1) day += 7;
  }
  const step = cadence.frequency === 'biweekly' ? 14 : 7;
  for (;;) {
    yield day;
    day += step;
  }
}

function parseTime(time: string): { hour: number; minute: number } {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match)
    throw new Invalid(`"${time}" is not a time of day. Use HH:mm, 24-hour, e.g. 09:30.`).worded(
      localText('domain.error.timeOfDay', { time }),
    );
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/** Occurrences at or after `from`, with the local date each falls on. */
function* occurrences(
  cadence: Cadence,
  from: Date,
  anchor: Date | undefined,
): Generator<{ day: number; instant: Date }> {
  assertTimeZone(cadence.timeZone);
  const { hour, minute } = parseTime(cadence.time);
  let anchorWeek = anchor ? weekIndexOf(localEpochDay(anchor, cadence.timeZone)) : undefined;
  if (cadence.frequency === 'biweekly' && anchorWeek === undefined) {
    const first = occurrences({ ...cadence, frequency: 'weekly' }, from, undefined).next();
    if (!first.done) anchorWeek = weekIndexOf(first.value.day);
  }
  // Start a day early: an occurrence on the previous local date can still be
  // at or after `from` once a gap shifts it (and costs one extra candidate).
  const startDay = localEpochDay(from, cadence.timeZone) - 1;
  for (const day of occurrenceDays(cadence, startDay, anchorWeek)) {
    const instant = instantOfWallClock({ ...civilDate(day), hour, minute }, cadence.timeZone);
    if (instant.getTime() >= from.getTime()) yield { day, instant };
  }
}

/** The first occurrence strictly after `after`. */
export function nextOccurrence(cadence: Cadence, after: Date, anchor?: Date): Date {
  const strictlyAfter = new Date(after.getTime() + 1);
  for (const { instant } of occurrences(cadence, strictlyAfter, anchor)) return instant;
  throw new Error('unreachable: a cadence has infinitely many occurrences');
}

/** Occurrences in the half-open range [from, to), in order. */
export function occurrencesBetween(cadence: Cadence, from: Date, to: Date, anchor?: Date): Date[] {
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
    throw new Invalid(`A range of occurrences may span at most ${MAX_RANGE_DAYS} days.`);
  }
  const found: Date[] = [];
  if (to.getTime() <= from.getTime()) return found;
  for (const { instant } of occurrences(cadence, from, anchor)) {
    if (instant.getTime() >= to.getTime()) break;
    found.push(instant);
  }
  return found;
}

/** Scheduled end of an occurrence: start plus the cadence's duration. */
export function occurrenceEnd(cadence: Pick<Cadence, 'durationMinutes'>, start: Date): Date {
  return new Date(start.getTime() + cadence.durationMinutes * MINUTE_MS);
}
