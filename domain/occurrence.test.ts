import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { followSource, planCarriedCopies } from './carryOver.js';
import type { Meeting, Topic } from './entities.js';
import { MeetingEnded } from './errors.js';
import { closeMeeting, endEventTarget, startMeeting } from './meetingLifecycle.js';
import {
  EARLY_START_CONFIRM_MS,
  heldSlot,
  meetingDate,
  reopenMeeting,
  startIsEarly,
  startTarget,
} from './occurrence.js';
import { aMeeting, aSeries, aTopic } from './testFactories.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const WINDOW = 30 * MINUTE;
// A fixed clock for pure code: a Thursday slot, 09:00 in Berlin.
const thursdaySlot = '2026-03-26T08:00:00.000Z';
const mondayMorning = new Date('2026-03-23T08:05:00.000Z');
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);
const series = aSeries({ currentMeetingId: 'm-thu' });
const thursday = aMeeting({ id: 'm-thu', scheduledStart: thursdaySlot });

/** Start at `start`, end at `end`: the closing and the meetings it touched. */
function heldBetween(meeting: Meeting, start: Date, end: Date) {
  const live = startMeeting(meeting, start, start);
  return closeMeeting({ series, meeting: live, meetings: [live], outcome: 'ended', now: end });
}

describe('an occurrence (the slot) and its session (when it was held)', () => {
  it('a 1:1 held early on Monday is dated Monday and says it used Thursday’s slot', () => {
    const { closed } = heldBetween(thursday, mondayMorning, at(mondayMorning, 30 * MINUTE));
    expect(meetingDate(closed)).toBe(mondayMorning.toISOString());
    expect(heldSlot(closed, 'Europe/Berlin')).toEqual({ timing: 'early', slot: thursdaySlot });
  });

  it('a 1:1 held on the day of its slot names no other slot, whatever the hour', () => {
    const { closed } = heldBetween(
      thursday,
      new Date('2026-03-26T15:00:00.000Z'),
      new Date('2026-03-26T15:30:00.000Z'),
    );
    expect(heldSlot(closed, 'Europe/Berlin')).toBeUndefined();
  });

  it('the day is the series’ calendar day: 23:30 UTC on Wednesday is Thursday in Berlin', () => {
    const { closed } = heldBetween(
      thursday,
      new Date('2026-03-25T23:30:00.000Z'),
      new Date('2026-03-26T00:00:00.000Z'),
    );
    expect(heldSlot(closed, 'Europe/Berlin')).toBeUndefined();
    expect(heldSlot(closed, 'UTC')).toEqual({ timing: 'early', slot: thursdaySlot });
  });

  it('held after its slot is held late; a meeting not held has only its slot', () => {
    const { closed } = heldBetween(
      thursday,
      new Date('2026-03-27T08:00:00.000Z'),
      new Date('2026-03-27T08:30:00.000Z'),
    );
    expect(heldSlot(closed, 'Europe/Berlin')?.timing).toBe('late');
    expect(heldSlot(thursday, 'Europe/Berlin')).toBeUndefined();
    expect(meetingDate(thursday)).toBe(thursdaySlot);
  });

  it('a start is early exactly when the slot is more than a day away', () => {
    fc.assert(
      fc.property(fc.integer({ min: -7 * 24 * HOUR, max: 7 * 24 * HOUR }), (offset) => {
        const now = at(new Date(thursdaySlot), -offset);
        expect(startIsEarly(thursday, now)).toBe(offset > EARLY_START_CONFIRM_MS);
        expect(startIsEarly({ ...thursday, status: 'live' }, now)).toBe(false);
      }),
    );
  });
});

describe('a dropped call rejoined stays one 1:1', () => {
  const firstStart = mondayMorning;
  const firstEnd = at(firstStart, 20 * MINUTE);
  const { closed: ended, next } = heldBetween(thursday, firstStart, firstEnd);

  it('a start within the window after the end reopens that session, outside it starts the next slot', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2 * HOUR, max: 3 * HOUR }), (gap) => {
        const target = startTarget({ current: next, previous: ended, at: at(firstEnd, gap), rejoinWindowMs: WINDOW });
        const rejoin = gap > 0 && gap <= WINDOW;
        expect(target.kind).toBe(rejoin ? 'reopen' : 'start');
        if (target.kind === 'reopen') expect(target.meeting.id).toBe(ended.id);
      }),
    );
  });

  it('a window of 0 turns rejoining off; a skipped 1:1 is never reopened', () => {
    expect(startTarget({ current: next, previous: ended, at: at(firstEnd, MINUTE), rejoinWindowMs: 0 }).kind).toBe(
      'start',
    );
    const skipped = { ...ended, status: 'skipped' as const, startedAt: undefined };
    expect(
      startTarget({ current: next, previous: skipped, at: at(firstEnd, MINUTE), rejoinWindowMs: WINDOW }).kind,
    ).toBe('start');
  });

  it('a reopen half-way (the previous meeting live again, the series not yet back on it) is finished, not doubled', () => {
    const reopened = reopenMeeting(ended, at(firstEnd, 2 * MINUTE), at(firstEnd, 2 * MINUTE));
    const target = startTarget({
      current: next,
      previous: reopened,
      at: at(firstEnd, 3 * MINUTE),
      rejoinWindowMs: WINDOW,
    });
    expect(target).toEqual({ kind: 'reopen', meeting: reopened });
  });

  it('reopening keeps the first start, drops the close, and a second reopen changes nothing', () => {
    const rejoinAt = at(firstEnd, 2 * MINUTE);
    const reopened = reopenMeeting(ended, rejoinAt, rejoinAt);
    expect(reopened).toMatchObject({
      status: 'live',
      startedAt: firstStart.toISOString(),
      resumedAt: rejoinAt.toISOString(),
    });
    expect(reopened).not.toHaveProperty('endedAt');
    expect(reopened).not.toHaveProperty('nextMeeting');
    expect(reopened).not.toHaveProperty('settledAt');
    expect(reopenMeeting(reopened, at(rejoinAt, MINUTE), at(rejoinAt, MINUTE))).toBe(reopened);
    expect(() => reopenMeeting({ ...thursday, status: 'skipped' }, rejoinAt, rejoinAt)).toThrowError(MeetingEnded);
  });

  it('the final end closes the same meeting, held from the first start to the final end, onto the same next slot', () => {
    const rejoinAt = at(firstEnd, 2 * MINUTE);
    const finalEnd = at(rejoinAt, 25 * MINUTE);
    const reopened = reopenMeeting(ended, rejoinAt, rejoinAt);
    const final = closeMeeting({
      series,
      meeting: reopened,
      meetings: [reopened, next],
      outcome: 'ended',
      now: finalEnd,
    });
    expect(final.closed).toMatchObject({ id: ended.id, status: 'ended', startedAt: firstStart.toISOString() });
    expect(final.closed.endedAt).toBe(finalEnd.toISOString());
    expect(final.next.id).toBe(next.id);
    expect(final.nextIsNew).toBe(false);
  });

  it('Teams’ end event of the dropped call, arriving late, does not end the rejoined session', () => {
    const rejoinAt = at(firstEnd, 2 * MINUTE);
    const reopened = reopenMeeting(ended, rejoinAt, rejoinAt);
    expect(endEventTarget({ current: reopened, at: firstEnd }).kind).toBe('ignore');
    expect(endEventTarget({ current: reopened, at: at(rejoinAt, 10 * MINUTE) }).kind).toBe('end');
  });

  it('open topics are carried once, and a topic discussed after the rejoin leaves the next agenda', () => {
    const rejoinAt = at(firstEnd, 2 * MINUTE);
    const finalEnd = at(rejoinAt, 25 * MINUTE);
    const early = new Date(firstStart.getTime() - HOUR).toISOString();
    const sources: Topic[] = [
      aTopic({ id: 't-a', meetingId: ended.id, createdAt: early, order: 'a' }),
      aTopic({ id: 't-b', meetingId: ended.id, createdAt: early, order: 'b' }),
    ];
    const first = planCarriedCopies({ closed: ended, next, sources, nextTopics: [], now: firstEnd });
    expect(first.create).toHaveLength(2);
    // During the rejoined call, t-b is discussed.
    const afterCall = sources.map((t) => (t.id === 't-b' ? { ...t, status: 'discussed' as const, version: 2 } : t));
    const reopened = reopenMeeting(ended, rejoinAt, rejoinAt);
    const { closed } = closeMeeting({
      series,
      meeting: reopened,
      meetings: [reopened, next],
      outcome: 'ended',
      now: finalEnd,
    });
    const second = planCarriedCopies({ closed, next, sources: afterCall, nextTopics: first.create, now: finalEnd });
    expect(second.create).toEqual([]);
    const copies = second.follow.map(({ id, source }) =>
      followSource(
        first.create.find((c) => c.id === id)!,
        source,
        finalEnd,
      ),
    );
    expect(copies.filter((c) => !c.deletedAt).map((c) => c.text)).toEqual(['Topic t-a']);
    expect(copies.every((c) => c.carriedOverCount === 1)).toBe(true);
  });
});
