import { describe, expect, it } from 'vitest';
import type { Cadence } from './entities.js';
import { Invalid } from './errors.js';
import {
  addDaysToDate,
  canonicalTimeZone,
  instantOfWallClock,
  isValidTimeZone,
  localDateOf,
  nextOccurrence,
  occurrenceEnd,
  occurrencesBetween,
  wallClockAt,
} from './schedule.js';

function cadence(overrides: Partial<Cadence> = {}): Cadence {
  return {
    frequency: 'weekly',
    weekday: 'monday',
    time: '09:00',
    timeZone: 'Europe/Berlin',
    durationMinutes: 30,
    ...overrides,
  };
}

const at = (iso: string) => new Date(iso);
const isoList = (dates: Date[]) => dates.map((d) => d.toISOString());
const localTime = (d: Date, timeZone: string) => {
  const w = wallClockAt(d, timeZone);
  return `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
};

describe('time zones', () => {
  it('accepts IANA zone names', () => {
    for (const zone of [
      'Europe/Berlin',
      'America/New_York',
      'Asia/Kolkata',
      'UTC',
      'Etc/GMT+5',
      'America/Port-au-Prince',
    ]) {
      expect(isValidTimeZone(zone), zone).toBe(true);
    }
  });

  it('refuses unknown zones, offsets and junk', () => {
    for (const zone of ['', 'Mars/Olympus', '+01:00', 'Europe/Berlin; DROP', 'CET CEST', '../etc/passwd']) {
      expect(isValidTimeZone(zone), zone).toBe(false);
    }
  });

  it('gives the canonical spelling of a zone', () => {
    expect(canonicalTimeZone('europe/berlin')).toBe('Europe/Berlin');
  });

  it('refuses to schedule in an unknown zone with a message naming the zone', () => {
    expect(() => nextOccurrence(cadence({ timeZone: 'Mars/Olympus' }), at('2026-01-01T00:00Z'))).toThrowError(
      /"Mars\/Olympus" is not a known time zone/,
    );
    expect(() =>
      occurrencesBetween(cadence({ timeZone: 'Nope/Nope' }), at('2026-01-01T00:00Z'), at('2026-02-01T00:00Z')),
    ).toThrowError(Invalid);
  });

  it('refuses a malformed time of day', () => {
    expect(() => nextOccurrence(cadence({ time: '9:00' }), at('2026-01-01T00:00Z'))).toThrowError(/HH:mm/);
  });
});

describe('weekly meetings keep their local time across daylight-saving changes', () => {
  it('Europe/Berlin spring forward: 09:00 stays 09:00 while UTC moves an hour earlier', () => {
    const found = occurrencesBetween(cadence(), at('2026-03-20T00:00Z'), at('2026-04-07T00:00Z'));
    expect(isoList(found)).toEqual([
      '2026-03-23T08:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
      '2026-04-06T07:00:00.000Z',
    ]);
    expect(found.map((d) => localTime(d, 'Europe/Berlin'))).toEqual(['09:00', '09:00', '09:00']);
  });

  it('Europe/Berlin fall back: 09:00 stays 09:00 while UTC moves an hour later', () => {
    const found = occurrencesBetween(cadence(), at('2026-10-18T00:00Z'), at('2026-10-27T00:00Z'));
    expect(isoList(found)).toEqual(['2026-10-19T07:00:00.000Z', '2026-10-26T08:00:00.000Z']);
  });

  it('America/New_York spring forward and fall back', () => {
    const ny = cadence({ timeZone: 'America/New_York' });
    expect(isoList(occurrencesBetween(ny, at('2026-03-01T00:00Z'), at('2026-03-10T00:00Z')))).toEqual([
      '2026-03-02T14:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
    ]);
    expect(isoList(occurrencesBetween(ny, at('2026-10-25T00:00Z'), at('2026-11-03T00:00Z')))).toEqual([
      '2026-10-26T13:00:00.000Z',
      '2026-11-02T14:00:00.000Z',
    ]);
  });

  it('a time that does not exist on the spring-forward day moves forward by the gap (Berlin 02:30 → 03:30)', () => {
    const found = occurrencesBetween(
      cadence({ weekday: 'sunday', time: '02:30' }),
      at('2026-03-20T00:00Z'),
      at('2026-04-06T00:00Z'),
    );
    expect(isoList(found)).toEqual([
      '2026-03-22T01:30:00.000Z',
      '2026-03-29T01:30:00.000Z',
      '2026-04-05T00:30:00.000Z',
    ]);
    expect(found.map((d) => localTime(d, 'Europe/Berlin'))).toEqual(['02:30', '03:30', '02:30']);
  });

  it('a time that does not exist on the spring-forward day moves forward by the gap (New York 02:30 → 03:30)', () => {
    const found = occurrencesBetween(
      cadence({ weekday: 'sunday', time: '02:30', timeZone: 'America/New_York' }),
      at('2026-03-01T00:00Z'),
      at('2026-03-16T00:00Z'),
    );
    expect(found.map((d) => localTime(d, 'America/New_York'))).toEqual(['02:30', '03:30', '02:30']);
    expect(found[1]?.toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });

  it('a half-hour gap shifts by half an hour (Australia/Lord_Howe 02:15 → 02:45)', () => {
    const found = occurrencesBetween(
      cadence({ weekday: 'sunday', time: '02:15', timeZone: 'Australia/Lord_Howe' }),
      at('2026-09-20T00:00Z'),
      at('2026-10-12T00:00Z'),
    );
    expect(found.map((d) => localTime(d, 'Australia/Lord_Howe'))).toEqual(['02:15', '02:45', '02:15']);
    expect(found[1]?.toISOString()).toBe('2026-10-03T15:45:00.000Z');
  });

  it('a time that happens twice on the fall-back day takes the first of the two', () => {
    const berlin = occurrencesBetween(
      cadence({ weekday: 'sunday', time: '02:30' }),
      at('2026-10-24T00:00Z'),
      at('2026-10-26T00:00Z'),
    );
    expect(isoList(berlin)).toEqual(['2026-10-25T00:30:00.000Z']); // 02:30 CEST, not 02:30 CET (01:30Z)
    const ny = occurrencesBetween(
      cadence({ weekday: 'sunday', time: '01:30', timeZone: 'America/New_York' }),
      at('2026-10-31T00:00Z'),
      at('2026-11-02T00:00Z'),
    );
    expect(isoList(ny)).toEqual(['2026-11-01T05:30:00.000Z']); // 01:30 EDT
  });

  it('Pacific/Auckland: southern-hemisphere changes, a local Monday that is Sunday in UTC', () => {
    const auckland = cadence({ timeZone: 'Pacific/Auckland' });
    expect(isoList(occurrencesBetween(auckland, at('2026-03-25T00:00Z'), at('2026-04-10T00:00Z')))).toEqual([
      '2026-03-29T20:00:00.000Z',
      '2026-04-05T21:00:00.000Z',
    ]);
    expect(isoList(occurrencesBetween(auckland, at('2026-09-15T00:00Z'), at('2026-10-01T00:00Z')))).toEqual([
      '2026-09-20T21:00:00.000Z',
      '2026-09-27T20:00:00.000Z',
    ]);
  });

  it('Asia/Kolkata: a half-hour offset without daylight saving', () => {
    const kolkata = cadence({ weekday: 'tuesday', time: '09:00', timeZone: 'Asia/Kolkata' });
    expect(nextOccurrence(kolkata, at('2026-06-01T00:00Z')).toISOString()).toBe('2026-06-02T03:30:00.000Z');
  });

  it('wall-clock times round-trip on every day of a year, except inside a spring-forward gap', () => {
    for (const timeZone of ['Europe/Berlin', 'America/New_York', 'Pacific/Auckland']) {
      for (let day = 0; day < 365; day++) {
        const date = new Date(Date.UTC(2026, 0, 1 + day));
        for (const [hour, minute] of [
          [2, 30],
          [9, 0],
          [23, 45],
        ] as const) {
          const local = {
            year: date.getUTCFullYear(),
            month: date.getUTCMonth() + 1,
            day: date.getUTCDate(),
            hour,
            minute,
          };
          const back = wallClockAt(instantOfWallClock(local, timeZone), timeZone);
          const sameDay = back.year === local.year && back.month === local.month && back.day === local.day;
          const shiftedByGap = back.hour * 60 + back.minute - (hour * 60 + minute);
          if (!(sameDay && shiftedByGap === 0)) {
            // Only a gap may move a time, and only forward by at most an hour.
            expect(sameDay && shiftedByGap > 0 && shiftedByGap <= 60, `${timeZone} ${JSON.stringify(local)}`).toBe(
              true,
            );
          }
        }
      }
    }
  });
});

describe('nextOccurrence', () => {
  const weekly = cadence();

  it('is strictly after the given instant: exactly at an occurrence gives the following one', () => {
    expect(nextOccurrence(weekly, at('2026-03-23T08:00:00.000Z')).toISOString()).toBe('2026-03-30T07:00:00.000Z');
  });

  it('a millisecond before an occurrence gives that occurrence', () => {
    expect(nextOccurrence(weekly, at('2026-03-23T07:59:59.999Z')).toISOString()).toBe('2026-03-23T08:00:00.000Z');
  });

  it('later on the meeting day gives next week', () => {
    expect(nextOccurrence(weekly, at('2026-03-23T12:00Z')).toISOString()).toBe('2026-03-30T07:00:00.000Z');
  });

  it('late in the evening UTC counts the local date: Sunday 23:30 UTC is already Monday in Auckland', () => {
    const auckland = cadence({ timeZone: 'Pacific/Auckland', time: '23:00' });
    // 2026-06-07T23:30Z is Monday 11:30 NZST: Monday's 23:00 is still ahead.
    expect(nextOccurrence(auckland, at('2026-06-07T23:30Z')).toISOString()).toBe('2026-06-08T11:00:00.000Z');
  });

  it('crosses month and year ends', () => {
    const saturday = cadence({ weekday: 'saturday', time: '10:00', timeZone: 'UTC' });
    expect(nextOccurrence(saturday, at('2026-01-31T10:00Z')).toISOString()).toBe('2026-02-07T10:00:00.000Z');
    const thursday = cadence({ weekday: 'thursday', time: '10:00', timeZone: 'UTC' });
    expect(nextOccurrence(thursday, at('2026-12-31T10:00Z')).toISOString()).toBe('2027-01-07T10:00:00.000Z');
  });

  it('lands on 29 February in a leap year', () => {
    const tuesday = cadence({ weekday: 'tuesday', time: '10:00', timeZone: 'UTC' });
    expect(nextOccurrence(tuesday, at('2028-02-23T10:00Z')).toISOString()).toBe('2028-02-29T10:00:00.000Z');
    expect(nextOccurrence(tuesday, at('2028-02-29T10:00Z')).toISOString()).toBe('2028-03-07T10:00:00.000Z');
  });
});

describe('biweekly meetings', () => {
  const biweekly = cadence({ frequency: 'biweekly', weekday: 'tuesday', time: '10:00' });
  const anchor = at('2026-01-06T09:00Z'); // Tuesday 6 January 2026, 10:00 Berlin

  it('happen every other week in the anchor meeting’s rhythm', () => {
    expect(isoList(occurrencesBetween(biweekly, at('2026-01-01T00:00Z'), at('2026-02-20T00:00Z'), anchor))).toEqual([
      '2026-01-06T09:00:00.000Z',
      '2026-01-20T09:00:00.000Z',
      '2026-02-03T09:00:00.000Z',
      '2026-02-17T09:00:00.000Z',
    ]);
  });

  it('keep the same rhythm whatever instant the search starts from', () => {
    expect(nextOccurrence(biweekly, at('2026-01-07T00:00Z'), anchor).toISOString()).toBe('2026-01-20T09:00:00.000Z');
    expect(nextOccurrence(biweekly, at('2026-01-14T00:00Z'), anchor).toISOString()).toBe('2026-01-20T09:00:00.000Z');
    expect(nextOccurrence(biweekly, at('2026-01-20T09:00Z'), anchor).toISOString()).toBe('2026-02-03T09:00:00.000Z');
    // An anchor far in the future works the same way.
    expect(nextOccurrence(biweekly, at('2026-01-07T00:00Z'), at('2027-01-05T09:00Z')).toISOString()).toBe(
      '2026-01-20T09:00:00.000Z',
    );
  });

  it('keep the anchor’s weeks when the weekday changes (Tuesday rhythm, now on Thursdays)', () => {
    const thursdays = { ...biweekly, weekday: 'thursday' as const };
    expect(isoList(occurrencesBetween(thursdays, at('2026-01-01T00:00Z'), at('2026-01-30T00:00Z'), anchor))).toEqual([
      '2026-01-08T09:00:00.000Z',
      '2026-01-22T09:00:00.000Z',
    ]);
  });

  it('keep the rhythm across a daylight-saving change', () => {
    const found = occurrencesBetween(biweekly, at('2026-03-01T00:00Z'), at('2026-04-20T00:00Z'), anchor);
    expect(isoList(found)).toEqual([
      '2026-03-03T09:00:00.000Z',
      '2026-03-17T09:00:00.000Z',
      '2026-03-31T08:00:00.000Z',
      '2026-04-14T08:00:00.000Z',
    ]);
  });

  it('without an anchor start with the first occurrence found', () => {
    expect(nextOccurrence(biweekly, at('2026-01-13T12:00Z')).toISOString()).toBe('2026-01-20T09:00:00.000Z');
    expect(isoList(occurrencesBetween(biweekly, at('2026-01-13T12:00Z'), at('2026-02-10T00:00Z')))).toEqual([
      '2026-01-20T09:00:00.000Z',
      '2026-02-03T09:00:00.000Z',
    ]);
  });
});

describe('monthly meetings: the first weekday of each month', () => {
  const monthly = cadence({ frequency: 'monthly', weekday: 'tuesday', time: '10:00' });

  it('fall on the first Tuesday, including in a leap-year February and across daylight saving', () => {
    expect(isoList(occurrencesBetween(monthly, at('2028-01-01T00:00Z'), at('2028-05-01T00:00Z')))).toEqual([
      '2028-01-04T09:00:00.000Z',
      '2028-02-01T09:00:00.000Z',
      '2028-03-07T09:00:00.000Z',
      '2028-04-04T08:00:00.000Z',
    ]);
  });

  it('take the 1st when the month starts on that weekday', () => {
    const mondays = cadence({ frequency: 'monthly', weekday: 'monday', time: '09:00', timeZone: 'UTC' });
    // 1 June 2026 is a Monday.
    expect(nextOccurrence(mondays, at('2026-05-05T00:00Z')).toISOString()).toBe('2026-06-01T09:00:00.000Z');
    expect(nextOccurrence(mondays, at('2026-06-01T09:00Z')).toISOString()).toBe('2026-07-06T09:00:00.000Z');
  });

  it('skip to next month once this month’s first weekday has passed, across a year end', () => {
    expect(nextOccurrence(monthly, at('2026-12-02T00:00Z')).toISOString()).toBe('2027-01-05T09:00:00.000Z');
  });
});

describe('occurrencesBetween', () => {
  it('is half-open: includes an occurrence at `from`, excludes one at `to`', () => {
    const found = occurrencesBetween(cadence(), at('2026-03-23T08:00Z'), at('2026-03-30T07:00Z'));
    expect(isoList(found)).toEqual(['2026-03-23T08:00:00.000Z']);
  });

  it('is empty for an empty or reversed range', () => {
    expect(occurrencesBetween(cadence(), at('2026-03-23T08:00Z'), at('2026-03-23T08:00Z'))).toEqual([]);
    expect(occurrencesBetween(cadence(), at('2026-04-01T00:00Z'), at('2026-03-01T00:00Z'))).toEqual([]);
  });

  it('counts eight weekly occurrences in eight weeks', () => {
    expect(occurrencesBetween(cadence(), at('2026-01-01T00:00Z'), at('2026-02-26T00:00Z'))).toHaveLength(8);
  });

  it('refuses absurdly long ranges instead of looping for ages', () => {
    expect(() => occurrencesBetween(cadence(), at('2026-01-01T00:00Z'), at('2046-01-01T00:00Z'))).toThrowError(
      /at most/,
    );
  });
});

describe('local dates', () => {
  it('the same instant is a different date in Auckland and New York', () => {
    expect(localDateOf(at('2026-03-29T23:30Z'), 'Pacific/Auckland')).toBe('2026-03-30');
    expect(localDateOf(at('2026-03-29T23:30Z'), 'America/New_York')).toBe('2026-03-29');
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDaysToDate('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDaysToDate('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDaysToDate('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDaysToDate('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDaysToDate('2026-03-29', -56)).toBe('2026-02-01');
  });

  it('an occurrence ends its duration after it starts', () => {
    expect(occurrenceEnd({ durationMinutes: 45 }, at('2026-03-23T08:00Z')).toISOString()).toBe(
      '2026-03-23T08:45:00.000Z',
    );
  });
});
