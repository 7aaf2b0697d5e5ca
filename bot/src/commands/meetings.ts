import { ApplyTemplateBody, SkipMeetingBody, UpdateCadenceBody } from '../../../domain/api.js';
import { compareByOrder } from '../../../domain/ordering.js';
import { templateTopicIds, topicsFromTemplate } from '../../../domain/templates.js';
import { endMeeting as endMeetingRule, type MeetingEnded } from '../../../domain/carryOver.js';
import type { Meeting, Series, SharedRecord, Topic } from '../../../domain/entities.js';
import { Conflict, Invalid } from '../../../domain/errors.js';
import { canonicalTimeZone, isValidTimeZone, nextOccurrence } from '../../../domain/schedule.js';
import { StaleWrite } from '../store/errors.js';
import { requireMember } from './access.js';
import type { Caller, CommandContext } from './context.js';
import { parseInput } from './input.js';
import { publishChanged } from './records.js';
import { updateSharedRecord } from './updateRecord.js';

const MAX_ATTEMPTS = 3;

/** Who ends a meeting: a member from the panel, or the bot on Teams' meeting-end event. */
export type MeetingActor = { caller: Caller } | { system: 'teams-meeting-event' };

/**
 * Ends the current meeting: the domain rule decides what changes (carry-over,
 * next meeting, series pointer); this writes it — new records first, existing
 * ones guarded by their ETags — then publishes and tells the listeners (the
 * bot posts the summary). A concurrent change re-runs the whole rule on fresh
 * data; an end that stopped half-way is finished by the next attempt.
 */
export async function endCurrentMeeting(
  ctx: CommandContext,
  actor: MeetingActor,
  seriesId: string,
  options: { meetingId?: string; outcome?: 'ended' | 'skipped' | 'cancelled' } = {},
): Promise<MeetingEnded> {
  if ('caller' in actor) await requireMember(ctx, actor.caller, seriesId);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const stored = await ctx.store.records.query(seriesId, {});
    const etags = new Map(stored.map((s) => [s.record.id, s.etag]));
    const records = stored.map((s) => s.record);
    const series = records.find((r): r is Series => r.type === 'series');
    if (!series) throw new Invalid('This 1:1 does not exist.');
    const ended = endMeetingRule({
      series,
      meetings: records.filter((r): r is Meeting => r.type === 'meeting'),
      topics: records.filter((r): r is Topic => r.type === 'topic'),
      now: ctx.clock.now(),
      ...options,
    });
    try {
      await writeInOrder(ctx, ended.changes, etags);
    } catch (error) {
      if (error instanceof StaleWrite) continue;
      throw error;
    }
    publishChanged(ctx, seriesId, ended.changes);
    await notifyMeetingEnded(ctx, seriesId, ended);
    return ended;
  }
  throw new Conflict('The meeting is being changed by someone else right now. Please try again.');
}

/** Skips (or cancels) the current meeting from the panel: nothing was discussed, every open topic moves on. */
export async function skipCurrentMeeting(ctx: CommandContext, caller: Caller, seriesId: string, input: unknown) {
  const { outcome } = parseInput(SkipMeetingBody, input, 'skip');
  return endCurrentMeeting(ctx, { caller }, seriesId, { outcome });
}

async function writeInOrder(ctx: CommandContext, changes: readonly SharedRecord[], etags: Map<string, string>) {
  for (const record of changes) {
    const etag = etags.get(record.id);
    if (etag === undefined) await ctx.store.records.create(record);
    else await ctx.store.records.replace(record, etag);
  }
}

async function notifyMeetingEnded(ctx: CommandContext, seriesId: string, ended: MeetingEnded): Promise<void> {
  const held = ended.endedMeeting.status === 'ended';
  for (const listener of ctx.lifecycle ?? []) {
    try {
      if (held) await listener.meetingEnded?.(seriesId, ended);
      else await listener.meetingSkipped?.(seriesId, ended);
    } catch (error) {
      // The meeting has ended and is stored; a failed follow-up (e.g. the summary card) must not undo that.
      ctx.logger.error({ err: error, seriesId }, 'meeting-ended listener failed');
    }
  }
}

/**
 * Applies an agenda template to the current meeting; applying it twice adds
 * nothing. Answers (and publishes) the template's topics on the agenda, new or
 * added by an earlier apply: a retry whose first answer was lost still reaches
 * the other panel.
 */
export async function applyTemplate(
  ctx: CommandContext,
  caller: Caller,
  seriesId: string,
  input: unknown,
): Promise<Topic[]> {
  const { series } = await requireMember(ctx, caller, seriesId);
  const { templateId } = parseInput(ApplyTemplateBody, input, 'template choice');
  const meetingId = series.currentMeetingId;
  const agenda = (await ctx.store.records.query(seriesId, { type: 'topic', meetingId })).map((s) => s.record as Topic);
  const topics = topicsFromTemplate(templateId, {
    series,
    agenda,
    addedBy: caller.userId,
    meetingId,
    now: ctx.clock.now(),
  });
  const ofTemplate = new Set(templateTopicIds(meetingId, templateId));
  const answered = agenda.filter((t) => ofTemplate.has(t.id) && !t.deletedAt);
  for (const topic of topics) {
    const { stored } = await ctx.store.records.create(topic);
    if (stored.record.type === 'topic') answered.push(stored.record);
  }
  answered.sort(compareByOrder);
  publishChanged(ctx, seriesId, answered);
  return answered;
}

/** Marks the current meeting live (Teams' meeting-start event, or the local page's Start button). */
export async function startCurrentMeeting(
  ctx: CommandContext,
  actor: MeetingActor,
  seriesId: string,
): Promise<Meeting> {
  const { series } =
    'caller' in actor
      ? await requireMember(ctx, actor.caller, seriesId)
      : { series: (await ctx.store.records.read(seriesId, seriesId))?.record as Series | undefined };
  if (!series) throw new Invalid('This 1:1 does not exist.');
  const now = ctx.clock.now().toISOString();
  const meeting = await updateSharedRecord(ctx, seriesId, series.currentMeetingId, 'meeting', (current) =>
    current.status === 'live' ? current : { ...current, status: 'live', startedAt: current.startedAt ?? now },
  );
  publishChanged(ctx, seriesId, [meeting]);
  return meeting;
}

/**
 * The new cadence's next slot after now and after every meeting already
 * closed: a meeting held early used up its slot, so the next one must not
 * land before it. The last closed slot anchors the every-two-weeks rhythm.
 */
async function nextSlotAfterHeldMeetings(ctx: CommandContext, series: Series): Promise<Date> {
  const meetings = (await ctx.store.records.query(series.id, { type: 'meeting' })).map((s) => s.record as Meeting);
  const lastClosed = meetings
    .filter((m) => !m.deletedAt && m.status !== 'scheduled' && m.status !== 'live')
    .map((m) => new Date(m.scheduledStart))
    .sort((a, b) => b.getTime() - a.getTime())[0];
  const now = ctx.clock.now();
  const after = lastClosed && lastClosed > now ? lastClosed : now;
  return nextOccurrence(series.cadence, after, lastClosed);
}

/**
 * Changes the cadence and moves the upcoming meeting (if not started) to the
 * new cadence's next slot, so the header's "next 1:1" follows at once.
 */
export async function updateCadence(
  ctx: CommandContext,
  caller: Caller,
  seriesId: string,
  input: unknown,
): Promise<SharedRecord[]> {
  await requireMember(ctx, caller, seriesId);
  const { cadence } = parseInput(UpdateCadenceBody, input, 'cadence');
  if (!isValidTimeZone(cadence.timeZone)) {
    throw new Invalid(`"${cadence.timeZone}" is not a time zone we know; use an IANA name such as Europe/Berlin.`);
  }
  const wanted = { ...cadence, timeZone: canonicalTimeZone(cadence.timeZone) };
  const series = await updateSharedRecord(ctx, seriesId, seriesId, 'series', (current) =>
    JSON.stringify(current.cadence) === JSON.stringify(wanted) ? current : { ...current, cadence: wanted },
  );
  const start = (await nextSlotAfterHeldMeetings(ctx, series)).toISOString();
  const meeting = await updateSharedRecord(ctx, seriesId, series.currentMeetingId, 'meeting', (current) =>
    current.status !== 'scheduled' || current.scheduledStart === start
      ? current
      : { ...current, scheduledStart: start },
  );
  publishChanged(ctx, seriesId, [series, meeting]);
  return [series, meeting];
}
