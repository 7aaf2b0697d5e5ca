import { agendaOf } from './agenda.js';
import type { Meeting, Series, Topic } from './entities.js';
import { Conflict } from './errors.js';
import { derivedId } from './ids.js';
import { compareByOrder, keyBetween, keysAfter } from './ordering.js';
import { nextOccurrence } from './schedule.js';
import { meetingIdFor, newMeeting } from './series.js';
import { localText } from './localText.js';

export { createSeries, firstMeeting } from './series.js';

/**
 * Carry-over: when a meeting closes (meetingLifecycle.ts), the next one is
 * found or created and every topic that was not discussed (open or deferred)
 * is carried over to it, so nothing raised in a 1:1 silently disappears.
 *
 * Every derived record has an id computed from its inputs (the next meeting
 * from its slot, a carried topic from its origin and the next meeting), so a
 * retried or resumed end writes the same records again instead of duplicating them.
 */

/** Carried this many times, a topic is flagged: discuss it, drop it or park it. */
export const NEEDS_DECISION_AFTER = 3;

export function needsDecision(topic: Pick<Topic, 'carriedOverCount' | 'status' | 'deletedAt'>): boolean {
  return !topic.deletedAt && topic.status !== 'discussed' && topic.carriedOverCount >= NEEDS_DECISION_AFTER;
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
export function findOrCreateNextMeeting(
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
  throw new Conflict('Could not find a free slot for the next meeting; check the series cadence.').worded(
    localText('domain.error.noFreeSlot'),
  );
}

export interface CarryInput {
  /** The closed meeting (its `endedAt` tells late adds from topics it really had). */
  closed: Meeting;
  next: Meeting;
  /** Every topic of the closed meeting, tombstones included: the sources of the carried copies. */
  sources: readonly Topic[];
  /** Every topic of the next meeting, tombstones included. */
  nextTopics: readonly Topic[];
  now: Date;
}

export interface CarryPlan {
  /** Copies to create (a create of an existing id is a no-op, so two instances may both try). */
  create: Topic[];
  /** Existing copies to bring in line with their source (see followSource). */
  follow: { id: string; source: Topic | undefined }[];
}

export function carriedCopyId(source: Pick<Topic, 'originId'>, nextMeetingId: string): string {
  return derivedId(source.originId, nextMeetingId);
}

/**
 * The carried copies a closed meeting should have, recomputed from its
 * source topics every time (by a retried end, by the instance that finishes
 * a half-done end, after a write that raced the end): a topic left open
 * gets one copy with a deterministic id, and a copy whose source was
 * discussed or deleted meanwhile is retired, so nothing is duplicated and
 * nothing stale survives.
 */
export function planCarriedCopies({ closed, next, sources, nextTopics, now }: CarryInput): CarryPlan {
  const stamp = now.toISOString();
  const nextAgenda = agendaOf(nextTopics, next.id);
  // Ids taken in the next meeting, tombstones included: a carried topic that
  // someone deleted on the next agenda must stay deleted when an end is retried.
  const existing = new Map(nextTopics.filter((t) => t.meetingId === next.id).map((t) => [t.id, t]));
  const ownSources = sources.filter((t) => t.meetingId === closed.id).sort(compareByOrder);
  const wanted = ownSources.filter((t) => !t.deletedAt && t.status !== 'discussed');
  // Another topic of the same origin already on the next agenda (raised there by hand) is not doubled.
  const copyIds = new Set(ownSources.map((t) => carriedCopyId(t, next.id)));
  const originsThere = new Set(nextAgenda.filter((t) => !copyIds.has(t.id)).map((t) => t.originId));
  const toCreate = wanted.filter((t) => !existing.has(carriedCopyId(t, next.id)) && !originsThere.has(t.originId));
  const closedAt = closed.endedAt ?? closed.updatedAt;

  const keys = keysAhead(nextAgenda[0]?.order ?? null, toCreate.length);
  const create = toCreate.map((source, i): Topic => ({
    id: carriedCopyId(source, next.id),
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
    // A topic added while the end was being written lands in the next meeting; it was never carried.
    carriedOverCount: source.carriedOverCount + (source.createdAt > closedAt ? 0 : 1),
    originId: source.originId,
    // Where it was first raised stays true of the copy ("who leads" counts it the same way).
    ...(source.source ? { source: source.source } : {}),
    fieldVersions: {},
  }));
  const follow = ownSources
    .filter((t) => existing.has(carriedCopyId(t, next.id)))
    .map((t) => ({ id: carriedCopyId(t, next.id), source: t }));
  return { create, follow };
}

/**
 * An existing carried copy, brought in line with its source: retired when
 * the source was discussed or deleted after the copy was made (unless
 * someone already worked on the copy), its text following the source while
 * nobody has edited the copy itself. Answers the same object when nothing changes.
 */
export function followSource(copy: Topic, source: Topic | undefined, now: Date): Topic {
  if (copy.deletedAt) return copy;
  const untouched = copy.version === 1;
  const sourceGone = !source || Boolean(source.deletedAt) || source.status === 'discussed';
  if (sourceGone) {
    return copy.status === 'open' && untouched ? { ...copy, deletedAt: now.toISOString() } : copy;
  }
  if (untouched && (copy.text !== source.text || copy.category !== source.category)) {
    return { ...copy, text: source.text, category: source.category };
  }
  return copy;
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
