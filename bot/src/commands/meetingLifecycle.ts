import { SkipMeetingBody } from '../../../domain/api.js';
import { carriedCopyId, followSource, planCarriedCopies } from '../../../domain/carryOver.js';
import type { Meeting, Series, SharedRecord, Topic } from '../../../domain/entities.js';
import { Conflict, MeetingEnded, NotFound } from '../../../domain/errors.js';
import { healthSince } from '../../../domain/healthWindow.js';
import { closeMeeting, isClosed, startMeeting, type CloseOutcome } from '../../../domain/meetingLifecycle.js';
import { newMeeting } from '../../../domain/series.js';
import { StaleWrite } from '../store/errors.js';
import type { Stored } from '../store/recordStore.js';
import { requireMember } from './access.js';
import type { Caller, CommandContext, MeetingClosed } from './context.js';
import { parseInput } from './input.js';
import { publishChanged } from './records.js';
import { updateSharedRecord } from './updateRecord.js';

/** Who moves a meeting on: a member from the panel, or the bot on one of Teams' meeting events. */
export type MeetingActor = { caller: Caller } | { system: 'teams-meeting-event' | 'reconciler' };

/** A meeting named in the address, or `current`: the series' current meeting when the request is read. */
export type MeetingRef = string;
export const CURRENT = 'current';

const MAX_ATTEMPTS = 5;

/**
 * The meetings the close needs (domain/meetingLifecycle.ts: those that may be
 * the next one): every one still to be held, and those whose slot is no
 * older than the closed one's or the health window. Bounded: an end reads as
 * much after years of 1:1s as after a few.
 */
async function meetingsThatMayBeNext(ctx: CommandContext, seriesId: string, meeting: Meeting, now: Date) {
  const from = Math.min(Date.parse(healthSince(now)), Date.parse(meeting.scheduledStart) - 86_400_000);
  const found = await ctx.store.records.select(
    seriesId,
    `c.type = 'meeting' AND (NOT ARRAY_CONTAINS(@closed, c.status) OR c.scheduledStart >= @from)`,
    [
      { name: '@closed', value: ['ended', 'skipped', 'cancelled'] },
      { name: '@from', value: new Date(from).toISOString() },
    ],
  );
  return found as Meeting[];
}

async function seriesFor(ctx: CommandContext, actor: MeetingActor, seriesId: string): Promise<Series> {
  // Fresh, not cached: which meeting is current decides what a Start or End acts on.
  if ('caller' in actor) return (await requireMember(ctx, actor.caller, seriesId, { fresh: true })).series;
  const series = (await ctx.store.records.read(seriesId, seriesId))?.record;
  if (series?.type !== 'series') throw new NotFound('This 1:1 does not exist.');
  return series;
}

async function readMeeting(ctx: CommandContext, seriesId: string, meetingId: string): Promise<Stored<Meeting>> {
  const stored = await ctx.store.records.read(seriesId, meetingId);
  if (!stored || stored.record.type !== 'meeting' || stored.record.deletedAt) {
    throw new NotFound('That meeting does not exist in this 1:1.');
  }
  return stored as Stored<Meeting>;
}

/**
 * scheduled → live, from the panel's Start button or Teams' start event.
 * Starting a live meeting again answers it unchanged; `at` is when it really
 * started (Teams' event time).
 */
export async function startMeetingCommand(
  ctx: CommandContext,
  actor: MeetingActor,
  seriesId: string,
  ref: MeetingRef,
  at?: Date,
): Promise<Meeting> {
  const series = await seriesFor(ctx, actor, seriesId);
  const meetingId = ref === CURRENT ? series.currentMeetingId : ref;
  if (meetingId !== series.currentMeetingId) {
    const other = (await readMeeting(ctx, seriesId, meetingId)).record;
    if (other.status !== 'live') {
      throw new Conflict(
        isClosed(other)
          ? `This 1:1 was already ${other.status}; it cannot start again.`
          : 'Only the next 1:1 can start; this one is later.',
      );
    }
    return other;
  }
  const now = ctx.clock.now();
  const meeting = await updateSharedRecord(ctx, seriesId, meetingId, 'meeting', (current) =>
    startMeeting(current, at ?? now, now),
  );
  publishChanged(ctx, seriesId, [meeting]);
  return meeting;
}

export interface CloseOptions {
  outcome: CloseOutcome;
  /** When the call really ended (Teams' EndTime). */
  endAt?: Date;
  /** Teams ended a call that never got a start event (see closeMeeting). */
  heldWithoutStart?: boolean;
}

/**
 * Ends (or skips) a meeting, exactly once however often and by whom it is
 * asked. The close itself is one ETag-guarded write of the meeting record
 * that names the next meeting: of concurrent ends one wins, the others find
 * the meeting closed and answer its stored result. The effects (next
 * meeting, carried copies, pending summary, series pointer) follow from that
 * record and are finished by whoever gets there — this request, a retry, a
 * Teams event, or the reconciler after a crash.
 */
export async function closeMeetingCommand(
  ctx: CommandContext,
  actor: MeetingActor,
  seriesId: string,
  ref: MeetingRef,
  options: CloseOptions,
): Promise<MeetingClosed> {
  const series = await seriesFor(ctx, actor, seriesId);
  const meetingId = ref === CURRENT ? series.currentMeetingId : ref;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const stored = await readMeeting(ctx, seriesId, meetingId);
    if (isClosed(stored.record)) return storedResult(ctx, seriesId, stored.record, options.outcome);
    const freshSeries = attempt === 0 ? series : await seriesFor(ctx, { system: 'reconciler' }, seriesId);
    const meetings = await meetingsThatMayBeNext(ctx, seriesId, stored.record, ctx.clock.now());
    const { closed } = closeMeeting({
      series: freshSeries,
      meeting: stored.record,
      meetings,
      now: ctx.clock.now(),
      ...options,
    });
    let written: Meeting;
    try {
      written = (await ctx.store.records.replace(closed, stored.etag)).record as Meeting;
    } catch (error) {
      if (error instanceof StaleWrite) continue;
      throw error;
    }
    publishChanged(ctx, seriesId, [written]);
    const result = await finishClose(ctx, seriesId, written);
    await notifyClosed(ctx, seriesId, result);
    return result;
  }
  throw new Conflict('The meeting is being changed by someone else right now. Please try again.');
}

/** The answer to a repeated close: what the first one did, finished if it stopped half-way. */
async function storedResult(
  ctx: CommandContext,
  seriesId: string,
  meeting: Meeting,
  outcome: CloseOutcome,
): Promise<MeetingClosed> {
  if (meeting.status !== outcome) {
    throw new MeetingEnded(
      meeting.status === 'ended' ? 'This 1:1 has already ended.' : `This 1:1 was already ${meeting.status}.`,
    );
  }
  return finishClose(ctx, seriesId, meeting);
}

/**
 * Rolls a close forward from its intent (the closed meeting record): every
 * step is idempotent (deterministic ids, ETag-guarded updates that answer
 * "nothing to do" when already done), so running it twice, or on two
 * instances at once, or after a crash half-way, leaves the same records.
 * It reads only what it needs: the series, the two meetings and their topics.
 */
export async function finishClose(ctx: CommandContext, seriesId: string, closed: Meeting): Promise<MeetingClosed> {
  const planned = closed.nextMeeting;
  if (!planned) throw new Conflict('This meeting was closed before meetings recorded their next one.');
  const now = ctx.clock.now();
  const changed: SharedRecord[] = [];

  let next = (await ctx.store.records.read(seriesId, planned.id))?.record as Meeting | undefined;
  if (!next) {
    const fresh = newMeeting(seriesId, new Date(planned.scheduledStart), now);
    const { stored, created } = await ctx.store.records.create(fresh);
    next = stored.record as Meeting;
    if (created) changed.push(next);
  }

  const carried = await syncCarriedCopies(ctx, seriesId, closed, next, changed);

  // Durable effects that belong to the close (the pending summary card): written before the series moves on.
  for (const listener of ctx.lifecycle ?? []) await listener.meetingClosing?.(seriesId, { closed, next });

  let moved = false;
  const series = await updateSharedRecord(ctx, seriesId, seriesId, 'series', (current) => {
    moved = current.currentMeetingId === closed.id;
    return moved ? { ...current, currentMeetingId: next.id, previousMeetingId: closed.id } : current;
  });
  if (moved) changed.push(series);
  let settling = false;
  const settled = await updateSharedRecord(ctx, seriesId, closed.id, 'meeting', (current) => {
    settling = !current.settledAt;
    return settling ? { ...current, settledAt: now.toISOString() } : current;
  });
  if (settling) changed.push(settled);
  publishChanged(ctx, seriesId, changed);
  return { closed: settled, next, series, carried };
}

/**
 * Brings the next meeting's carried copies in line with the closed meeting's
 * topics (see planCarriedCopies): creates what is missing, retires copies of
 * topics discussed or deleted meanwhile. Answers the copies now on the next agenda.
 */
async function syncCarriedCopies(
  ctx: CommandContext,
  seriesId: string,
  closed: Meeting,
  next: Meeting,
  changed: SharedRecord[],
): Promise<Topic[]> {
  const now = ctx.clock.now();
  const [sources, nextTopics] = await Promise.all([
    ctx.store.records.query(seriesId, { type: 'topic', meetingId: closed.id }),
    ctx.store.records.query(seriesId, { type: 'topic', meetingId: next.id }),
  ]);
  const plan = planCarriedCopies({
    closed,
    next,
    sources: sources.map((s) => s.record as Topic),
    nextTopics: nextTopics.map((s) => s.record as Topic),
    now,
  });
  const copies = new Map(nextTopics.map((s) => [s.record.id, s.record as Topic]));
  for (const copy of plan.create) {
    const { stored, created } = await ctx.store.records.create(copy);
    copies.set(copy.id, stored.record as Topic);
    if (created) changed.push(stored.record);
  }
  for (const { id, source } of plan.follow) {
    const before = copies.get(id);
    const after = await updateSharedRecord(ctx, seriesId, id, 'topic', (copy) => followSource(copy, source, now));
    copies.set(id, after);
    if (before && after.version !== before.version) changed.push(after);
  }
  const copyIds = new Set(sources.map((s) => carriedCopyId(s.record as Topic, next.id)));
  return [...copies.values()].filter((t) => copyIds.has(t.id) && !t.deletedAt);
}

async function notifyClosed(ctx: CommandContext, seriesId: string, result: MeetingClosed): Promise<void> {
  const held = result.closed.status === 'ended';
  for (const listener of ctx.lifecycle ?? []) {
    try {
      if (held) await listener.meetingEnded?.(seriesId, result);
      else await listener.meetingSkipped?.(seriesId, result);
    } catch (error) {
      // The close is stored and its card is pending: the reconciler posts it if this attempt failed.
      ctx.logger.error({ err: error, seriesId }, 'meeting-closed listener failed');
    }
  }
}

/** Skips (or cancels) a meeting that has not started: nothing was discussed, every open topic moves on. */
export async function skipMeetingCommand(
  ctx: CommandContext,
  caller: Caller,
  seriesId: string,
  ref: MeetingRef,
  input: unknown,
): Promise<MeetingClosed> {
  const { outcome } = parseInput(SkipMeetingBody, input, 'skip');
  return closeMeetingCommand(ctx, { caller }, seriesId, ref, { outcome });
}

/**
 * A topic write that may have raced a close (it read the meeting open, the
 * close was written before the topic): the carried copies are recomputed so
 * the change reaches the next agenda. Answers the closed meeting, if it was.
 */
export async function afterTopicWrite(
  ctx: CommandContext,
  seriesId: string,
  meetingId: string,
): Promise<{ closed: Meeting; result: MeetingClosed } | undefined> {
  // The meeting as this instance knows it: a close made here is in the cache as soon as it is
  // written; a close made by another instance arrives as an event, and a topic written here
  // shortly before it is rolled forward then (realtime/cacheBus.ts, SeriesCache.recentTopicWrite).
  ctx.store.cache.noteTopicWrite(seriesId, meetingId);
  const meeting = (await ctx.store.records.readCached(seriesId, meetingId))?.record;
  if (meeting?.type !== 'meeting' || !isClosed(meeting) || !meeting.nextMeeting) return undefined;
  return { closed: meeting, result: await finishClose(ctx, seriesId, meeting) };
}

/** Closed meetings whose close has not settled (a crash half-way): any instance finishes them. */
export async function settleUnfinishedCloses(ctx: CommandContext, olderThanMs: number): Promise<string[]> {
  const cutoff = new Date(ctx.clock.now().getTime() - olderThanMs).toISOString();
  const found = await ctx.store.records.queryAcrossSeries(
    "SELECT * FROM c WHERE c.type = 'meeting' AND (c.status = 'ended' OR c.status = 'skipped' OR c.status = 'cancelled') AND IS_DEFINED(c.nextMeeting) AND NOT IS_DEFINED(c.settledAt) AND c.updatedAt <= @cutoff",
    [{ name: '@cutoff', value: cutoff }],
  );
  const settled: string[] = [];
  for (const meeting of found) {
    if (meeting.type !== 'meeting') continue;
    try {
      const result = await finishClose(ctx, meeting.seriesId, meeting);
      await notifyClosed(ctx, meeting.seriesId, result);
      settled.push(meeting.id);
    } catch (error) {
      ctx.logger.warn({ err: error, seriesId: meeting.seriesId, meetingId: meeting.id }, 'finishing a close failed');
    }
  }
  return settled;
}
