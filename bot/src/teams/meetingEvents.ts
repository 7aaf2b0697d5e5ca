import type { TurnContext } from 'botbuilder';
import type { Meeting, Series } from '../../../domain/entities.js';
import { endEventTarget, isClosed, startEventApplies } from '../../../domain/meetingLifecycle.js';
import { closeMeetingCommand, finishClose, startMeetingCommand } from '../commands/meetingLifecycle.js';
import { meetingEventDetails, tenantOf } from './activity.js';
import { seriesOfChat, type BotRuntime } from './runtime.js';

/**
 * Teams' meeting start and end events (sent when the call actually starts or
 * ends, not at the scheduled time, and possibly late or more than once).
 * Each is matched to an occurrence by the time it happened (domain/meetingLifecycle.ts)
 * and runs the same commands as the panel's Start and End buttons.
 */
const SYSTEM = { system: 'teams-meeting-event' } as const;

async function meetingsOf(rt: BotRuntime, series: Series): Promise<{ current?: Meeting; previous?: Meeting }> {
  const read = async (id: string | undefined) => {
    if (!id) return undefined;
    const record = (await rt.ctx().store.records.read(series.id, id))?.record;
    return record?.type === 'meeting' ? record : undefined;
  };
  const [current, previous] = await Promise.all([read(series.currentMeetingId), read(series.previousMeetingId)]);
  return { ...(current ? { current } : {}), ...(previous ? { previous } : {}) };
}

/** The event's own time when it carries one, never later than now. */
function eventTime(rt: BotRuntime, stamp: string | undefined): Date {
  const now = rt.clock.now();
  const at = stamp ? Date.parse(stamp) : Number.NaN;
  return Number.isNaN(at) || at > now.getTime() ? now : new Date(at);
}

/**
 * A close that stopped half-way (the series still points at a closed
 * meeting): finish it; the event itself has nothing more to do.
 */
async function finishIfClosed(rt: BotRuntime, series: Series, current: Meeting): Promise<boolean> {
  if (!isClosed(current)) return false;
  if (current.nextMeeting && !current.settledAt) await finishClose(rt.ctx(), series.id, current);
  return true;
}

export async function onMeetingStarted(rt: BotRuntime, context: TurnContext): Promise<void> {
  const series = await seriesOfChat(rt, context.activity.conversation.id, tenantOf(context.activity));
  if (!series) return;
  const details = meetingEventDetails(context.activity.value);
  const at = eventTime(rt, details.startTime);
  const { current, previous } = await meetingsOf(rt, series);
  if (!current || (await finishIfClosed(rt, series, current))) return;
  const applies = startEventApplies({ current, ...(previous ? { previous } : {}), at });
  rt.logger.info({ seriesId: series.id, teamsMeetingId: details.id, applies }, 'meeting start event');
  // A start soon after an end reopens that session instead (commands/rejoin.ts).
  if (applies) await startMeetingCommand(rt.ctx(), SYSTEM, series.id, current.id, { at });
}

export async function onMeetingEnded(rt: BotRuntime, context: TurnContext): Promise<void> {
  const series = await seriesOfChat(rt, context.activity.conversation.id, tenantOf(context.activity));
  if (!series) return;
  const details = meetingEventDetails(context.activity.value);
  const at = eventTime(rt, details.endTime);
  const { current, previous } = await meetingsOf(rt, series);
  if (!current || (await finishIfClosed(rt, series, current))) return;
  const target = endEventTarget({ current, ...(previous ? { previous } : {}), at });
  rt.logger.info({ seriesId: series.id, teamsMeetingId: details.id, target: target.kind }, 'meeting end event');
  if (target.kind === 'ignore') return;
  // Named, not CURRENT: if the panel ends this meeting at the same moment, this answers its stored result.
  await closeMeetingCommand(rt.ctx(), SYSTEM, series.id, current.id, {
    outcome: 'ended',
    endAt: target.endAt,
    heldWithoutStart: target.kind === 'held-without-start',
  });
}
