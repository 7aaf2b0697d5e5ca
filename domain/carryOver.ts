import { agendaOf } from './agenda.js';
import type { Meeting, Series, SharedRecord, Topic } from './entities.js';
import { Conflict, Invalid, NotFound } from './errors.js';
import { derivedId } from './ids.js';
import { compareByOrder, keyBetween, keysAfter } from './ordering.js';
import { nextOccurrence } from './schedule.js';
import { meetingIdFor, newMeeting } from './series.js';

export { createSeries, firstMeeting } from './series.js';

/**
 * Ending a meeting: the meeting is closed, the next one is found or created,
 * the series moves on to it, and every topic that was not discussed (open or
 * deferred) is carried over, so nothing raised in a 1:1 silently disappears.
 *
 * Every derived record has an id computed from its inputs (the next meeting
 * from its slot, a carried topic from its origin and the next meeting), so a
 * retried end writes the same records again instead of duplicating them.
 */

/** Carried this many times, a topic is flagged: discuss it, drop it or park it. */
export const NEEDS_DECISION_AFTER = 3;

export function needsDecision(topic: Pick<Topic, 'carriedOverCount' | 'status' | 'deletedAt'>): boolean {
  return !topic.deletedAt && topic.status !== 'discussed' && topic.carriedOverCount >= NEEDS_DECISION_AFTER;
}

export interface EndMeetingInput {
  series: Series;
  /** All meetings of the series (tombstones included or not). */
  meetings: readonly Meeting[];
  /** The topics of the series, at least those of the meeting ending and of the next one, tombstones included. */
  topics: readonly Topic[];
  now: Date;
  /** Defaults to the series' current meeting. */
  meetingId?: string;
  /**
   * How the meeting closed: held and ended, or skipped / cancelled (nothing was
   * discussed, so every open topic moves on). Defaults to 'ended'.
   */
  outcome?: 'ended' | 'skipped' | 'cancelled';
}

export interface MeetingEnded {
  endedMeeting: Meeting;
  nextMeeting: Meeting;
  series: Series;
  /** The new topics on the next agenda (already-carried ones from an interrupted earlier end are not repeated). */
  carriedOver: Topic[];
  /**
   * The records to write, only those that changed, in a crash-safe order: new
   * records first, then the ended meeting, then the series pointer. If the
   * writer stops half-way, ending again finishes the job (see `endMeeting`).
   */
  changes: SharedRecord[];
}

export function endMeeting({
  series,
  meetings,
  topics,
  now,
  meetingId,
  outcome = 'ended',
}: EndMeetingInput): MeetingEnded {
  const stamp = now.toISOString();
  const ending = meetings.find((m) => m.id === (meetingId ?? series.currentMeetingId) && !m.deletedAt);
  if (!ending) throw new NotFound('That meeting does not exist in this 1:1.');
  const closed = ending.status === 'ended' || ending.status === 'skipped' || ending.status === 'cancelled';
  // A closed meeting the series still points at is a close that stopped
  // half-way (the series is written last): finish it instead of refusing.
  const resuming = ending.status === outcome && series.currentMeetingId === ending.id;
  if (closed && !resuming) {
    throw new Conflict(
      ending.status === 'ended' ? 'This meeting has already ended.' : `This meeting was already ${ending.status}.`,
    );
  }
  if (outcome !== 'ended' && ending.status === 'live') {
    throw new Invalid('This meeting is under way; end it instead of skipping it.');
  }

  const endedMeeting: Meeting = resuming
    ? ending
    : {
        ...ending,
        status: outcome,
        ...(outcome === 'ended' ? { endedAt: stamp } : {}),
        version: ending.version + 1,
        updatedAt: stamp,
      };
  const endedAt = new Date(endedMeeting.endedAt ?? stamp);
  const { meeting: nextMeeting, isNew } = findOrCreateNextMeeting(series, meetings, endedMeeting, endedAt, now);
  const carriedOver = carryOverTopics(topics, endedMeeting.id, nextMeeting, now);

  const seriesChanged = series.currentMeetingId !== nextMeeting.id;
  const nextSeries: Series = seriesChanged
    ? { ...series, currentMeetingId: nextMeeting.id, version: series.version + 1, updatedAt: stamp }
    : series;

  const changes: SharedRecord[] = [
    ...(isNew ? [nextMeeting] : []),
    ...carriedOver,
    ...(resuming ? [] : [endedMeeting]),
    ...(seriesChanged ? [nextSeries] : []),
  ];
  return { endedMeeting, nextMeeting, series: nextSeries, carriedOver, changes };
}

/** How many later slots to try when the computed slot is taken by a cancelled or skipped meeting. */
const MAX_TAKEN_SLOTS = 60;

/**
 * The next meeting: an already scheduled future one if there is one (the
 * panel or an earlier, interrupted end may have created it), else a new one at
 * the cadence's next slot after both now and the ended meeting's own slot. The
 * ended meeting used up its slot even when it was held early: a weekly Monday
 * 1:1 held on the Friday before must not get a "next" meeting three days later.
 */
function findOrCreateNextMeeting(
  series: Series,
  meetings: readonly Meeting[],
  ended: Meeting,
  endedAt: Date,
  now: Date,
): { meeting: Meeting; isNew: boolean } {
  const upcoming = meetings
    .filter((m) => !m.deletedAt && m.status === 'scheduled' && m.id !== ended.id)
    .filter((m) => Date.parse(m.scheduledStart) > endedAt.getTime())
    .sort((a, b) => Date.parse(a.scheduledStart) - Date.parse(b.scheduledStart));
  const reuse = upcoming[0];
  if (reuse) return { meeting: reuse, isNew: false };

  const endedSlot = new Date(ended.scheduledStart);
  const byId = new Map(meetings.map((m) => [m.id, m]));
  // The ended meeting's own slot anchors the biweekly rhythm: each meeting
  // sets the next, so the rhythm follows the series as people last agreed it.
  let after = new Date(Math.max(endedAt.getTime(), endedSlot.getTime()));
  for (let attempt = 0; attempt < MAX_TAKEN_SLOTS; attempt++) {
    const start = nextOccurrence(series.cadence, after, endedSlot);
    const taken = byId.get(meetingIdFor(start));
    if (!taken) return { meeting: newMeeting(series.id, start, now), isNew: true };
    after = start;
  }
  throw new Conflict('Could not find a free slot for the next meeting; check the series cadence.');
}

function carryOverTopics(topics: readonly Topic[], endedMeetingId: string, next: Meeting, now: Date): Topic[] {
  const stamp = now.toISOString();
  const nextAgenda = agendaOf(topics, next.id);
  // Ids taken in the next meeting, tombstones included: a carried topic that
  // someone deleted on the next agenda must stay deleted when an end is retried.
  const takenIds = new Set(topics.filter((t) => t.meetingId === next.id).map((t) => t.id));
  const originsThere = new Set(nextAgenda.map((t) => t.originId));
  const toCarry = topics
    .filter((t) => t.meetingId === endedMeetingId && !t.deletedAt && t.status !== 'discussed')
    .sort(compareByOrder)
    .map((t) => ({ source: t, id: derivedId(t.originId, next.id) }))
    .filter(({ source, id }) => !takenIds.has(id) && !originsThere.has(source.originId));

  const keys = keysAhead(nextAgenda[0]?.order ?? null, toCarry.length);
  return toCarry.map(({ source, id }, i) => ({
    id,
    seriesId: source.seriesId,
    version: 1,
    createdAt: stamp,
    updatedAt: stamp,
    type: 'topic',
    meetingId: next.id,
    text: source.text,
    category: source.category,
    addedBy: source.addedBy,
    order: keys[i]!,
    status: 'open',
    carriedOverCount: source.carriedOverCount + 1,
    originId: source.originId,
    // Who leads (health.ts) counts a carried topic where it first came from.
    ...(source.source ? { source: source.source } : {}),
  }));
}

/** `count` increasing keys that all sort before `first` (or anywhere, when the agenda is empty). */
function keysAhead(first: string | null, count: number): string[] {
  if (first === null) return keysAfter(null, count);
  const keys: string[] = [];
  let previous: string | null = null;
  for (let i = 0; i < count; i++) {
    previous = keyBetween(previous, first);
    keys.push(previous);
  }
  return keys;
}
