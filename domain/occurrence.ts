import type { Meeting } from './entities.js';
import { EarlyStart, MeetingEnded, NotFound } from './errors.js';
import { localText } from './localText.js';
import { meetingDate } from './meetingDate.js';
import { localDateOf } from './schedule.js';

export { meetingDate };

/**
 * Occurrence and session apart. An occurrence is a calendar slot of the
 * series (`scheduledStart`, fixed by the cadence); a session is when the call
 * really happened (`startedAt` … `endedAt`). One meeting record holds both:
 * the slot it used and the session held in it. Every surface dates a meeting
 * with `meetingDate` (the session once held, the slot before), and names the
 * slot beside it only when the two fall on different days (`heldSlot`).
 *
 * Teams sends a new start when a dropped call is rejoined: a start soon after
 * an end reopens that same session (`startTarget`, `reopenMeeting`) instead of
 * using up the next slot.
 */

const HOUR_MS = 3_600_000;

/** Starting more than this before its slot asks first: it uses up that slot (this week's 1:1). */
export const EARLY_START_CONFIRM_MS = 24 * HOUR_MS;

/** A start this soon after an end is the same call rejoined (README: REJOIN_WINDOW_MINUTES). */
export const DEFAULT_REJOIN_WINDOW_MINUTES = 30;

/** The slot a held meeting used, when it was held on another day than its slot. */
export interface HeldSlot {
  timing: 'early' | 'late';
  /** The slot (ISO instant) the session used up. */
  slot: string;
}

/**
 * Whether a meeting was held on another calendar day than its slot, in the
 * series' time zone: "held early — Thursday's 1:1". Undefined before it is
 * held (or live) and when it was held on the day of its slot.
 */
export function heldSlot(
  meeting: Pick<Meeting, 'status' | 'startedAt' | 'endedAt' | 'scheduledStart'>,
  timeZone: string,
): HeldSlot | undefined {
  if (meeting.status !== 'ended' && meeting.status !== 'live') return undefined;
  const held = localDateOf(new Date(meetingDate(meeting)), timeZone);
  const slot = localDateOf(new Date(meeting.scheduledStart), timeZone);
  if (held === slot) return undefined;
  return { timing: held < slot ? 'early' : 'late', slot: meeting.scheduledStart };
}

/** A start now would use up a slot more than a day away: the panel asks first, the API wants `early: true`. */
export function startIsEarly(meeting: Pick<Meeting, 'status' | 'scheduledStart'>, now: Date): boolean {
  return meeting.status === 'scheduled' && Date.parse(meeting.scheduledStart) - now.getTime() > EARLY_START_CONFIRM_MS;
}

/** The refusal of an unconfirmed early start, in the reader's words. */
export function earlyStart(): EarlyStart {
  return new EarlyStart(
    "This 1:1 is planned for more than a day from now. Starting it now holds it early and uses up that slot: confirm to hold this week's 1:1 now.",
  ).worded(localText('domain.error.meeting.earlyStart'));
}

export interface StartEventInput {
  /** The series' current meeting (the one a plain Start would start). */
  current: Meeting;
  /** The meeting closed last (series.previousMeetingId), if any. */
  previous?: Meeting;
  /** When the call (re)started: Teams' StartTime, or now for the panel's Start. */
  at: Date;
  rejoinWindowMs: number;
}

export type StartTarget = { kind: 'reopen'; meeting: Meeting } | { kind: 'start' };

/**
 * What a start does: reopen the session just ended (the call was rejoined
 * within the window, or a reopen is half-way: the previous meeting is live
 * again while the series still points past it), or start the current one.
 * A start from before the last end is a late event of that call, not a
 * rejoin (startEventApplies in meetingLifecycle.ts ignores it).
 */
export function startTarget({ current, previous, at, rejoinWindowMs }: StartEventInput): StartTarget {
  if (!previous || previous.deletedAt || current.status !== 'scheduled' || previous.id === current.id) {
    return { kind: 'start' };
  }
  if (previous.status === 'live') return { kind: 'reopen', meeting: previous };
  if (previous.status !== 'ended' || !previous.endedAt) return { kind: 'start' };
  // Only the slot the close moved on to: a start of a later, re-planned meeting is its own 1:1.
  if (previous.nextMeeting && previous.nextMeeting.id !== current.id) return { kind: 'start' };
  const sinceEnd = at.getTime() - Date.parse(previous.endedAt);
  return sinceEnd > 0 && sinceEnd <= rejoinWindowMs ? { kind: 'reopen', meeting: previous } : { kind: 'start' };
}

/**
 * ended → live again: the same session goes on. The close's own fields go
 * (end, the next meeting it named, its settling), so the final end closes it
 * afresh and brings the next meeting's carried copies to the final state;
 * the first start stays the date it was held on. A live meeting stays as it
 * is (both people pressing Start, a replayed event): the same object.
 */
export function reopenMeeting(meeting: Meeting, at: Date, now: Date): Meeting {
  if (meeting.deletedAt)
    throw new NotFound('That meeting does not exist in this 1:1.').worded(localText('domain.error.meeting.notFound'));
  if (meeting.status === 'live') return meeting;
  if (meeting.status !== 'ended') {
    throw new MeetingEnded(`This 1:1 was already ${meeting.status}; it cannot start again.`).worded(
      localText('domain.error.meeting.cannotRestart', { status: meeting.status }),
    );
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the close's own fields are dropped
  const { endedAt, nextMeeting, settledAt, ...open } = meeting;
  const resumed = Math.min(at.getTime(), now.getTime());
  return {
    ...open,
    status: 'live',
    resumedAt: new Date(Math.max(resumed, endedAt ? Date.parse(endedAt) : resumed)).toISOString(),
    version: meeting.version + 1,
    updatedAt: now.toISOString(),
  };
}
