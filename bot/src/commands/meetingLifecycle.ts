import { SkipMeetingBody } from '../../../domain/api.js';
import { carriedCopyId, followSource, planCarriedCopies } from '../../../domain/carryOver.js';
import { newEffect, summaryEffect, type Effect } from '../../../domain/effects.js';
import type { Meeting, Series, SharedRecord, Topic } from '../../../domain/entities.js';
import { Conflict, MeetingEnded, NotFound } from '../../../domain/errors.js';
import { healthSince } from '../../../domain/healthWindow.js';
import { closeMeeting, isClosed, startMeeting, type CloseOutcome } from '../../../domain/meetingLifecycle.js';
import { earlyStart, startIsEarly } from '../../../domain/occurrence.js';
import { newMeeting } from '../../../domain/series.js';
import { StaleWrite } from '../store/errors.js';
import type { RecordWrite, Stored } from '../store/recordStore.js';
import { requireMember } from './access.js';
import { commitChange, promptEffect } from './commit.js';
import type { Caller, CommandContext, MeetingClosed } from './context.js';
import { parseInput } from './input.js';
import { publishChanged } from './records.js';
import { reopenSession, sessionToReopen } from './rejoin.js';
import { nextVersion, updateSharedRecord } from './updateRecord.js';

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

export interface StartOptions {
  /** When the call really started (Teams' StartTime); now when absent. */
  at?: Date;
  /** The person confirmed holding the meeting more than a day before its slot (occurrence.ts). */
  early?: boolean;
}

/**
 * scheduled → live, from the panel's Start button or Teams' start event.
 * Starting a live meeting again answers it unchanged. A start soon after an
 * end reopens that session (rejoin.ts); a start from the panel more than a
 * day before the slot must say `early` (the panel asks first).
 */
export async function startMeetingCommand(
  ctx: CommandContext,
  actor: MeetingActor,
  seriesId: string,
  ref: MeetingRef,
  options: StartOptions = {},
): Promise<Meeting> {
  const series = await seriesFor(ctx, actor, seriesId);
  const meetingId = ref === CURRENT ? series.currentMeetingId : ref;
  const now = ctx.clock.now();
  const at = options.at ?? now;
  if (meetingId === series.currentMeetingId) {
    const rejoined = await sessionToReopen(ctx, series, at);
    if (rejoined) return reopenSession(ctx, seriesId, rejoined, at);
  }
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
  const meeting = await updateSharedRecord(ctx, seriesId, meetingId, 'meeting', (current) => {
    // Teams' start event says the call is under way: only a person pressing Start is asked.
    if ('caller' in actor && !options.early && startIsEarly(current, now)) throw earlyStart();
    return startMeeting(current, at, now);
  });
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
 * asked, as ONE atomic commit (commit.ts): the closed meeting (ETag-guarded,
 * so of concurrent closes one wins and the others find it closed and answer
 * its stored result), the next meeting, the carried copies, the series
 * pointer, and the effects that must follow (the summary card, the next
 * meeting's prompt, the skipped-meetings nudge) — all written or none, so a
 * crash leaves either the meeting open or the close complete, never a
 * half-done end to roll forward.
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
    const [seriesNow, meetingsNow] = await Promise.all([
      ctx.store.records.read(seriesId, seriesId),
      meetingsThatMayBeNext(ctx, seriesId, stored.record, ctx.clock.now()),
    ]);
    if (seriesNow?.record.type !== 'series') throw new NotFound('This 1:1 does not exist.');
    const now = ctx.clock.now();
    const { closed, next, nextIsNew } = closeMeeting({
      series: seriesNow.record,
      meeting: stored.record,
      meetings: meetingsNow,
      now,
      ...options,
    });
    const effects: Effect[] = [
      closed.status === 'ended' ? summaryEffect(seriesId, closed, now) : newEffect(seriesId, 'nudge', closed.id, now),
      ...(nextIsNew ? [promptEffect(ctx, next)] : []),
    ];
    const plan = await planSettle(
      ctx,
      seriesId,
      { record: { ...closed, settledAt: now.toISOString() }, etag: stored.etag },
      {
        series: seriesNow as Stored<Series>,
        next: nextIsNew ? { record: next, isNew: true } : undefined,
      },
    );
    try {
      await commitChange(ctx, seriesId, { writes: plan.writes, effects });
    } catch (error) {
      if (error instanceof StaleWrite) continue;
      throw error;
    }
    return closedResult(ctx, seriesId, meetingId);
  }
  throw new Conflict('The meeting is being changed by someone else right now. Please try again.');
}

/** The answer to a repeated close: what the first one did. */
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

/** A closed meeting, its next meeting, the series and the carried copies, as stored now. */
async function closedResult(ctx: CommandContext, seriesId: string, meetingId: string): Promise<MeetingClosed> {
  const closed = (await readMeeting(ctx, seriesId, meetingId)).record;
  const nextId = closed.nextMeeting?.id;
  const [next, series, sources, nextTopics] = await Promise.all([
    nextId ? ctx.store.records.read(seriesId, nextId) : undefined,
    ctx.store.records.read(seriesId, seriesId),
    ctx.store.records.query(seriesId, { type: 'topic', meetingId: closed.id }),
    nextId ? ctx.store.records.query(seriesId, { type: 'topic', meetingId: nextId }) : [],
  ]);
  if (next?.record.type !== 'meeting' || series?.record.type !== 'series') {
    throw new Conflict('This meeting was closed before meetings recorded their next one.');
  }
  const copyIds = new Set(sources.map((s) => carriedCopyId(s.record as Topic, next.record.id)));
  const carried = nextTopics.map((s) => s.record as Topic).filter((t) => copyIds.has(t.id) && !t.deletedAt);
  return { closed, next: next.record, series: series.record, carried };
}

interface SettlePlan {
  writes: RecordWrite<SharedRecord>[];
}

/**
 * The records a close settles, as writes for one commit: the closed meeting
 * (when it changes), the next meeting (when it does not exist yet), the next
 * agenda's carried copies brought in line with the closed meeting's topics
 * (see planCarriedCopies: created, or retired when their source was
 * discussed or deleted meanwhile), and the series moved on to the next meeting.
 */
async function planSettle(
  ctx: CommandContext,
  seriesId: string,
  closed: { record: Meeting; etag: string; unchanged?: boolean },
  known: { series?: Stored<Series>; next?: { record: Meeting; isNew: boolean } },
): Promise<SettlePlan & { next: Meeting }> {
  const planned = closed.record.nextMeeting;
  if (!planned) throw new Conflict('This meeting was closed before meetings recorded their next one.');
  const now = ctx.clock.now();
  const writes: RecordWrite<SharedRecord>[] = closed.unchanged ? [] : [{ op: 'replace', ...closed }];

  let next = known.next;
  if (!next) {
    const stored = (await ctx.store.records.read(seriesId, planned.id))?.record as Meeting | undefined;
    next = stored
      ? { record: stored, isNew: false }
      : { record: newMeeting(seriesId, new Date(planned.scheduledStart), now), isNew: true };
  }
  if (next.isNew) writes.push({ op: 'create', record: next.record });

  const [sources, nextTopics] = await Promise.all([
    ctx.store.records.query(seriesId, { type: 'topic', meetingId: closed.record.id }),
    next.isNew ? Promise.resolve([]) : ctx.store.records.query(seriesId, { type: 'topic', meetingId: next.record.id }),
  ]);
  const plan = planCarriedCopies({
    closed: closed.record,
    next: next.record,
    sources: sources.map((s) => s.record as Topic),
    nextTopics: nextTopics.map((s) => s.record as Topic),
    now,
  });
  for (const copy of plan.create) writes.push({ op: 'create', record: copy });
  const storedCopies = new Map(nextTopics.map((s) => [s.record.id, s]));
  for (const { id, source } of plan.follow) {
    const copy = storedCopies.get(id);
    if (copy?.record.type !== 'topic') continue;
    const followed = followSource(copy.record, source, now);
    if (followed !== copy.record)
      writes.push({ op: 'replace', record: nextVersion(ctx, copy.record, followed), etag: copy.etag });
  }

  const series = known.series ?? ((await ctx.store.records.read(seriesId, seriesId)) as Stored<Series> | undefined);
  if (series?.record.type !== 'series') throw new NotFound('This 1:1 does not exist.');
  if (series.record.currentMeetingId === closed.record.id) {
    const moved = { ...series.record, currentMeetingId: next.record.id, previousMeetingId: closed.record.id };
    writes.push({ op: 'replace', record: nextVersion(ctx, series.record, moved), etag: series.etag });
  }
  return { writes, next: next.record };
}

/**
 * Brings the records in line with a committed close, in one commit: the
 * next agenda's carried copies follow the closed meeting's topics (a topic
 * written into the meeting as it closed reaches the next agenda), and a close
 * stored by an older release without its settled records gets them. Every
 * step is idempotent; with nothing to do it writes nothing.
 */
export async function finishClose(ctx: CommandContext, seriesId: string, closed: Meeting): Promise<MeetingClosed> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const stored = await readMeeting(ctx, seriesId, closed.id);
    const settled = stored.record.settledAt
      ? { ...stored, unchanged: true }
      : {
          record: nextVersion(ctx, stored.record, { ...stored.record, settledAt: ctx.clock.now().toISOString() }),
          etag: stored.etag,
        };
    const plan = await planSettle(ctx, seriesId, settled, {});
    try {
      await commitChange(ctx, seriesId, { writes: plan.writes, effects: [] });
    } catch (error) {
      if (error instanceof StaleWrite) continue;
      throw error;
    }
    return closedResult(ctx, seriesId, closed.id);
  }
  throw new Conflict('The meeting is being changed by someone else right now. Please try again.');
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
