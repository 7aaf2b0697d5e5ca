import { findOrCreateNextMeeting } from './carryOver.js';
import type { Meeting, MeetingStatus, Series } from './entities.js';
import { Invalid, MeetingEnded, MeetingNotLive, NotFound } from './errors.js';

/**
 * The meeting state machine: scheduled → live → ended, and scheduled →
 * skipped / cancelled. Every transition is a pure function of the stored
 * meeting: it answers the very same object when there is nothing to do (a
 * repeated start), and refuses a transition that does not exist (ending a
 * meeting that never started) with a message a person can act on.
 *
 * Teams' meeting events say when the call really started or ended; they are
 * matched to an occurrence by that time, not by "whatever is current".
 */

export type CloseOutcome = 'ended' | 'skipped' | 'cancelled';

const CLOSED: ReadonlySet<MeetingStatus> = new Set(['ended', 'skipped', 'cancelled']);

export function isClosed(meeting: Pick<Meeting, 'status'>): boolean {
  return CLOSED.has(meeting.status);
}

import { meetingDate } from './meetingDate.js';
import { localText } from './localText.js';

export { meetingDate };

const earlier = (a: Date, b: Date) => (a.getTime() <= b.getTime() ? a : b);

/**
 * scheduled → live. A live meeting stays as it is (a repeated start, a
 * double click); a closed one cannot start again.
 * `at` is when it really started (Teams' event time); never later than now.
 */
export function startMeeting(meeting: Meeting, at: Date, now: Date): Meeting {
  if (meeting.deletedAt)
    throw new NotFound('That meeting does not exist in this 1:1.').worded(localText('domain.error.meeting.notFound'));
  if (meeting.status === 'live') return meeting;
  if (isClosed(meeting)) {
    throw new MeetingEnded(`This 1:1 was already ${meeting.status}; it cannot start again.`).worded(
      localText('domain.error.meeting.cannotRestart', { status: meeting.status }),
    );
  }
  const stamp = now.toISOString();
  return {
    ...meeting,
    status: 'live',
    startedAt: earlier(at, now).toISOString(),
    version: meeting.version + 1,
    updatedAt: stamp,
  };
}

export interface CloseInput {
  series: Series;
  meeting: Meeting;
  /** The series' meetings that may be the next one (scheduled ones, and any whose slot is taken). */
  meetings: readonly Meeting[];
  outcome: CloseOutcome;
  now: Date;
  /** When the call really ended (Teams' end event); defaults to now, never later than now. */
  endAt?: Date;
  /**
   * Teams ended a call for this occurrence but never sent its start: it was
   * held, at `endAt`. Only Teams' events may say so; the panel must Start first.
   */
  heldWithoutStart?: boolean;
}

export interface Closing {
  /** The meeting closed, carrying the intent: the next meeting it moves on to. */
  closed: Meeting;
  next: Meeting;
  /** The next meeting does not exist yet and must be created. */
  nextIsNew: boolean;
}

/**
 * live → ended, scheduled → skipped / cancelled. The closed record names the
 * next meeting, so this one write is the durable intent of the whole close:
 * whoever wins it (an ETag-guarded replace) owns the close, and any instance
 * can finish the rest from it (see carryOver.ts and the end command).
 */
export function closeMeeting(input: CloseInput): Closing {
  const { meeting, outcome, now } = input;
  if (meeting.deletedAt)
    throw new NotFound('That meeting does not exist in this 1:1.').worded(localText('domain.error.meeting.notFound'));
  if (isClosed(meeting)) {
    throw new MeetingEnded(
      meeting.status === 'ended' ? 'This 1:1 has already ended.' : `This 1:1 was already ${meeting.status}.`,
    ).worded(localText('domain.error.meeting.alreadyClosed', { status: meeting.status }));
  }
  const stamp = now.toISOString();
  let closedFields: Partial<Meeting>;
  if (outcome === 'ended') {
    const endAt = earlier(input.endAt ?? now, now);
    if (meeting.status === 'live') {
      const startedAt = meeting.startedAt ? new Date(meeting.startedAt) : endAt;
      // An end is never before its start (clocks of Teams and of this service differ a little).
      const endedAt = endAt.getTime() < startedAt.getTime() ? startedAt : endAt;
      closedFields = { status: 'ended', startedAt: startedAt.toISOString(), endedAt: endedAt.toISOString() };
    } else if (input.heldWithoutStart) {
      // The only moment known is the end: it was held then, not on its planned slot.
      closedFields = { status: 'ended', startedAt: endAt.toISOString(), endedAt: endAt.toISOString() };
    } else {
      throw new MeetingNotLive('This 1:1 has not started yet, so it cannot end. Start it first, or skip it.').worded(
        localText('domain.error.meeting.notStarted'),
      );
    }
  } else {
    if (meeting.status === 'live')
      throw new Invalid('This 1:1 is under way; end it instead of skipping it.').worded(
        localText('domain.error.meeting.underWay'),
      );
    closedFields = { status: outcome };
  }
  const endedAt = new Date(closedFields.endedAt ?? stamp);
  const { meeting: next, isNew } = findOrCreateNextMeeting(
    input.series,
    input.meetings,
    { ...meeting, ...closedFields },
    endedAt,
    now,
  );
  const closed: Meeting = {
    ...meeting,
    ...closedFields,
    nextMeeting: { id: next.id, scheduledStart: next.scheduledStart },
    version: meeting.version + 1,
    updatedAt: stamp,
  };
  return { closed, next, nextIsNew: isNew };
}

/**
 * How near its planned slot a Teams call must end to be taken for an
 * occurrence that got no start event, and how long after a close a Teams end
 * event is still taken to be about the meeting just closed.
 */
export const EVENT_MATCH_WINDOW_MS = 12 * 3_600_000;

export interface TeamsEventInput {
  /** The series' current meeting. */
  current: Meeting;
  /** The meeting closed last, if any (series.previousMeetingId). */
  previous?: Meeting;
  /** When Teams says it happened (StartTime / EndTime), or when the event arrived. */
  at: Date;
}

/**
 * Whether Teams' meeting-start event starts the current meeting. A start
 * that happened before the last close is a late (or replayed) event of the
 * meeting already closed: it must not make the next one live.
 */
export function startEventApplies({ current, previous, at }: TeamsEventInput): boolean {
  if (current.status !== 'scheduled' || current.deletedAt) return false;
  const closedAt = previous?.endedAt ?? previous?.updatedAt;
  if (previous && closedAt && at.getTime() <= Date.parse(closedAt)) return false;
  return true;
}

export type EndEventTarget =
  { kind: 'end'; endAt: Date } | { kind: 'held-without-start'; endAt: Date } | { kind: 'ignore'; reason: string };

/** What Teams' meeting-end event does to the series. */
export function endEventTarget({ current, previous, at }: TeamsEventInput): EndEventTarget {
  if (current.deletedAt) return { kind: 'ignore', reason: 'current meeting deleted' };
  if (current.status === 'live') {
    // A rejoined call (occurrence.ts) runs from its rejoin: the dropped call's end is behind it.
    const started = Date.parse(current.resumedAt ?? current.startedAt ?? new Date(0).toISOString());
    // An end from before this start is a late event of an earlier call.
    if (at.getTime() < started) return { kind: 'ignore', reason: 'end event older than the live meeting' };
    return { kind: 'end', endAt: at };
  }
  if (current.status !== 'scheduled') return { kind: 'ignore', reason: `current meeting is ${current.status}` };
  const closedAt = previous?.status === 'ended' ? previous.endedAt : undefined;
  if (closedAt && at.getTime() - Date.parse(closedAt) < EVENT_MATCH_WINDOW_MS) {
    // Ended from the panel first, or the same event again: that call is closed already.
    return { kind: 'ignore', reason: 'the call was closed already' };
  }
  if (Math.abs(Date.parse(current.scheduledStart) - at.getTime()) < EVENT_MATCH_WINDOW_MS) {
    return { kind: 'held-without-start', endAt: at };
  }
  return { kind: 'ignore', reason: 'no occurrence near the time the call ended' };
}
