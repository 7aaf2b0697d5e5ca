import { describe, expect, it } from 'vitest';
import {
  aheadOfSeries,
  CATCH_UP_HORIZON_MS,
  CATCH_UP_MARGIN_MS,
  CLOCK_TICKS_PER_MS,
  beyondHorizon,
  catchUpFrom,
  highestClock,
  nextClock,
} from './seriesClock.js';

const t0 = Date.UTC(2026, 11, 1, 9, 0, 0);

describe('the series clock', () => {
  it('follows wall time and stays strictly increasing within one millisecond', () => {
    const first = nextClock(0, t0);
    const second = nextClock(first, t0);
    const third = nextClock(second, t0);
    expect(first).toBe(t0 * CLOCK_TICKS_PER_MS);
    expect([second - first, third - second]).toEqual([1, 1]);
  });

  it('never goes back when the wall clock does', () => {
    const ahead = nextClock(0, t0 + 5_000);
    expect(nextClock(ahead, t0)).toBe(ahead + 1);
  });

  it('stamps past the record’s previous clock, even one written by an instance whose clock runs ahead', () => {
    const fromFastInstance = nextClock(0, t0 + 2_000);
    expect(nextClock(nextClock(0, t0), t0, fromFastInstance)).toBe(fromFastInstance + 1);
  });

  it('catch-up looks back by the skew margin, never below zero', () => {
    const since = nextClock(0, t0);
    expect(catchUpFrom(since)).toBe((t0 - CATCH_UP_MARGIN_MS) * CLOCK_TICKS_PER_MS);
    expect(catchUpFrom(5)).toBe(0);
  });

  it('a panel away longer than the horizon, or that never saw a clock, reloads instead of catching up', () => {
    const now = t0 + CATCH_UP_HORIZON_MS + 1;
    expect(beyondHorizon(nextClock(0, t0), now)).toBe(true);
    expect(beyondHorizon(nextClock(0, t0 + 2), now)).toBe(false);
    expect(beyondHorizon(0, t0)).toBe(true);
  });

  it('the highest clock ignores records stored before clocks existed', () => {
    expect(highestClock([{ clock: 7 }, {}, { clock: 3 }])).toBe(7);
    expect(highestClock([{}], 4)).toBe(4);
  });

  it('a clock no record carries, nor any later one, is ahead of the series; a clock some record carries is not', () => {
    const records = [{ clock: 700 }, {}, { clock: 900 }];
    expect(aheadOfSeries(900, records)).toBe(false);
    expect(aheadOfSeries(800, records)).toBe(false);
    expect(aheadOfSeries(901, records)).toBe(true);
    expect(aheadOfSeries(1, [])).toBe(true);
  });
});
