import type { TurnContext } from 'botbuilder';
import type { Meeting } from '../../../domain/entities.js';
import { Conflict } from '../../../domain/errors.js';
import { endCurrentMeeting, startCurrentMeeting } from '../commands/meetings.js';
import { meetingEventDetails, tenantOf } from './activity.js';
import { seriesOfChat, type BotRuntime } from './runtime.js';

/**
 * Teams' meeting start and end events (sent when the meeting actually starts
 * or ends, not at the scheduled time). Start marks the current meeting live;
 * end runs the same endMeeting command as the panel's End button, whose
 * listeners post the summary card.
 */
export async function onMeetingStarted(rt: BotRuntime, context: TurnContext): Promise<void> {
  const series = await seriesOfChat(rt, context.activity.conversation.id, tenantOf(context.activity));
  if (!series) return;
  const details = meetingEventDetails(context.activity.value);
  rt.logger.info({ seriesId: series.id, teamsMeetingId: details.id, startTime: details.startTime }, 'meeting started');
  await startCurrentMeeting(rt.ctx(), { system: 'teams-meeting-event' }, series.id);
}

export async function onMeetingEnded(rt: BotRuntime, context: TurnContext): Promise<void> {
  const series = await seriesOfChat(rt, context.activity.conversation.id, tenantOf(context.activity));
  if (!series) return;
  const details = meetingEventDetails(context.activity.value);
  rt.logger.info({ seriesId: series.id, teamsMeetingId: details.id, endTime: details.endTime }, 'meeting ended');
  const current = (await rt.ctx().store.records.read(series.id, series.currentMeetingId))?.record;
  if (current?.type !== 'meeting' || !endEventApplies(current, rt.clock.now())) return;
  try {
    await endCurrentMeeting(rt.ctx(), { system: 'teams-meeting-event' }, series.id);
  } catch (error) {
    // Ended already from the panel: Teams' event has nothing left to do.
    if (!(error instanceof Conflict)) throw error;
  }
}

/** Within this much of its scheduled start, a meeting that never got a start event is taken to be the one ending. */
const EARLY_START_WINDOW_MS = 12 * 3_600_000;

/**
 * Whether Teams' end event is about the series' current meeting. After the
 * panel's End button the series already points at the next occurrence, days
 * ahead: ending that one would be wrong. A live meeting ends; a scheduled one
 * ends only if it is due about now (its start event was missed).
 */
export function endEventApplies(current: Meeting, now: Date): boolean {
  if (current.status === 'live') return true;
  return current.status === 'scheduled' && Date.parse(current.scheduledStart) - now.getTime() < EARLY_START_WINDOW_MS;
}
