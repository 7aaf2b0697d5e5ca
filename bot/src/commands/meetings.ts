import { ApplyTemplateBody, UpdateCadenceBody } from '../../../domain/api.js';
import { compareByOrder } from '../../../domain/ordering.js';
import { templateTopicIds, topicsFromTemplate } from '../../../domain/templates.js';
import type { Meeting, Series, SharedRecord, Topic } from '../../../domain/entities.js';
import type { LocalText } from '../../../domain/localText.js';
import { Invalid } from '../../../domain/errors.js';
import { canonicalTimeZone, isValidTimeZone, nextOccurrence } from '../../../domain/schedule.js';
import { finished } from '../../../domain/effects.js';
import { requireMember } from './access.js';
import { promptEffect } from './commit.js';
import type { Caller, CommandContext } from './context.js';
import { parseInput } from './input.js';
import { publishChanged } from './records.js';
import { updateSharedRecord } from './updateRecord.js';

/**
 * Applies an agenda template to the current meeting; applying it twice adds
 * nothing. Answers (and publishes) the template's topics on the agenda, new or
 * added by an earlier apply: a retry whose first answer was lost still reaches
 * the other panel. `wordFor` words the topics in the applier's language
 * (English when not given).
 */
export async function applyTemplate(
  ctx: CommandContext,
  caller: Caller,
  seriesId: string,
  input: unknown,
  wordFor?: (text: LocalText) => string,
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
    ...(wordFor ? { wordFor } : {}),
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
  // The meeting's prompt moves with it (committed with the move), unless it was already posted.
  const prompt = promptEffect(ctx, { seriesId, id: series.currentMeetingId, scheduledStart: start });
  const posted = (await ctx.store.effects.read(seriesId, prompt.id))?.effect;
  const meeting = await updateSharedRecord(
    ctx,
    seriesId,
    series.currentMeetingId,
    'meeting',
    (current) =>
      current.status !== 'scheduled' || current.scheduledStart === start
        ? current
        : { ...current, scheduledStart: start },
    undefined,
    posted && finished(posted) ? [] : [prompt],
  );
  publishChanged(ctx, seriesId, [series, meeting]);
  return [series, meeting];
}
