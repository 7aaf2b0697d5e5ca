import { nextClock } from '../../../domain/seriesClock.js';

/**
 * This instance's series clock (domain/seriesClock.ts explains the choice):
 * one per process, shared by every repository, so its stamps strictly grow
 * whatever series or container they go to. Wall time comes from the machine,
 * not from the service's adjustable domain clock: the clock orders writes
 * across instances, which is about real time.
 */
export class HybridClock {
  private last = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** A stamp for a write of a record whose previous stamp was `previous`. */
  stamp(previous?: number): number {
    this.last = nextClock(this.last, this.now(), previous);
    return this.last;
  }

  /** The wall time the clock is at, for the catch-up horizon. */
  wallTime(): number {
    return this.now();
  }
}
