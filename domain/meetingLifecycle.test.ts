import { describe, expect, it } from 'vitest';
import { MeetingEnded } from './errors.js';
import { closeMeeting, endEventTarget, meetingDate, startEventApplies, startMeeting } from './meetingLifecycle.js';
import { aMeeting, aSeries } from './testFactories.js';

const slot = '2026-03-23T08:00:00.000Z';
const scheduled = aMeeting({ id: 'm-1', scheduledStart: slot });
const now = new Date('2026-03-23T08:05:00.000Z');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

describe('the meeting state machine', () => {
  it('starts a scheduled meeting at the moment it really started, never in the future', () => {
    expect(startMeeting(scheduled, minutes(-3), now)).toMatchObject({
      status: 'live',
      startedAt: minutes(-3).toISOString(),
      version: 2,
    });
    expect(startMeeting(scheduled, minutes(10), now).startedAt).toBe(now.toISOString());
  });

  it('a second start of a live meeting changes nothing', () => {
    const live = startMeeting(scheduled, now, now);
    expect(startMeeting(live, minutes(5), minutes(5))).toBe(live);
  });

  it('a closed meeting cannot start again', () => {
    expect(() => startMeeting({ ...scheduled, status: 'ended' }, now, now)).toThrowError(MeetingEnded);
    expect(() => startMeeting({ ...scheduled, status: 'skipped' }, now, now)).toThrowError(/already skipped/);
  });

  it('a meeting held a week early is dated by its real start, not its slot', () => {
    const early = aMeeting({ id: 'm-2', scheduledStart: '2026-03-30T07:00:00.000Z' });
    const live = startMeeting(early, now, now);
    const { closed } = closeMeeting({
      series: aSeries({ currentMeetingId: 'm-2' }),
      meeting: live,
      meetings: [live],
      outcome: 'ended',
      now: minutes(30),
    });
    expect(meetingDate(closed)).toBe(now.toISOString());
    expect(Date.parse(meetingDate(closed))).toBeLessThanOrEqual(Date.parse(closed.endedAt!));
  });

  it('Teams’ end of a call that never got a start is held when the call ended', () => {
    const { closed } = closeMeeting({
      series: aSeries(),
      meeting: scheduled,
      meetings: [scheduled],
      outcome: 'ended',
      now,
      endAt: minutes(-2),
      heldWithoutStart: true,
    });
    expect(closed).toMatchObject({
      status: 'ended',
      startedAt: minutes(-2).toISOString(),
      endedAt: minutes(-2).toISOString(),
    });
  });
});

describe('matching Teams’ meeting events to an occurrence', () => {
  const ended = aMeeting({
    id: 'm-0',
    scheduledStart: '2026-03-16T08:00:00.000Z',
    status: 'ended',
    startedAt: '2026-03-23T07:00:00.000Z',
    endedAt: '2026-03-23T07:30:00.000Z',
  });
  const next = aMeeting({ id: 'm-next', scheduledStart: '2026-03-30T07:00:00.000Z' });

  it('a late start event of the meeting just ended does not make next week’s meeting live', () => {
    expect(startEventApplies({ current: next, previous: ended, at: new Date('2026-03-23T07:00:00.000Z') })).toBe(false);
    expect(startEventApplies({ current: next, previous: ended, at: new Date('2026-03-23T09:00:00.000Z') })).toBe(true);
    expect(startEventApplies({ current: { ...next, status: 'live' }, at: now })).toBe(false);
  });

  it('an end event right after a close is about that call, and changes nothing', () => {
    expect(endEventTarget({ current: next, previous: ended, at: new Date('2026-03-23T07:31:00.000Z') }).kind).toBe(
      'ignore',
    );
  });

  it('an end event older than the live meeting’s start is ignored', () => {
    const live = { ...scheduled, status: 'live' as const, startedAt: now.toISOString() };
    expect(endEventTarget({ current: live, at: minutes(-10) }).kind).toBe('ignore');
    expect(endEventTarget({ current: live, at: minutes(20) })).toEqual({ kind: 'end', endAt: minutes(20) });
  });

  it('an end for an occurrence without a start is held only near its slot', () => {
    expect(endEventTarget({ current: scheduled, at: now }).kind).toBe('held-without-start');
    expect(endEventTarget({ current: next, at: now }).kind).toBe('ignore');
  });
});
