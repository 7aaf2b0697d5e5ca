import type { Meeting, Series } from '../../../domain/entities.js';
import { DEFAULT_REJOIN_WINDOW_MINUTES, reopenMeeting, startTarget } from '../../../domain/occurrence.js';
import type { CommandContext } from './context.js';
import { publishChanged } from './records.js';
import { updateSharedRecord } from './updateRecord.js';

/**
 * A dropped call rejoined (domain/occurrence.ts): a start within the rejoin
 * window after an end reopens that session instead of starting the next
 * slot. Two idempotent writes, the meeting first (it is the intent: a live
 * previous meeting is finished by whoever starts next), then the series
 * pointer back to it. The next meeting and its carried copies stay; the
 * final end recomputes the copies from the final agenda, never twice.
 */

export function rejoinWindowMs(ctx: CommandContext): number {
  return ctx.rejoinWindowMs ?? DEFAULT_REJOIN_WINDOW_MINUTES * 60_000;
}

/** The session a start reopens, or undefined when the start is a plain one of the current meeting. */
export async function sessionToReopen(ctx: CommandContext, series: Series, at: Date): Promise<Meeting | undefined> {
  if (!series.previousMeetingId) return undefined;
  const [current, previous] = await Promise.all(
    [series.currentMeetingId, series.previousMeetingId].map(
      async (id) => (await ctx.store.records.read(series.id, id))?.record,
    ),
  );
  if (current?.type !== 'meeting' || previous?.type !== 'meeting') return undefined;
  const target = startTarget({ current, previous, at, rejoinWindowMs: rejoinWindowMs(ctx) });
  return target.kind === 'reopen' ? target.meeting : undefined;
}

export async function reopenSession(
  ctx: CommandContext,
  seriesId: string,
  meeting: Meeting,
  at: Date,
): Promise<Meeting> {
  const now = ctx.clock.now();
  const reopened = await updateSharedRecord(ctx, seriesId, meeting.id, 'meeting', (current) =>
    reopenMeeting(current, at, now),
  );
  let moved = false;
  const series = await updateSharedRecord(ctx, seriesId, seriesId, 'series', (current) => {
    // Only from the meeting it had moved on to: a series that moved on further is left alone.
    moved = current.currentMeetingId !== reopened.id && current.previousMeetingId === reopened.id;
    if (!moved) return current;
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the meeting closed last is live again
    const { previousMeetingId, ...rest } = current;
    return { ...rest, currentMeetingId: reopened.id };
  });
  publishChanged(ctx, seriesId, moved ? [reopened, series] : [reopened]);
  ctx.logger.info({ seriesId, meetingId: reopened.id }, 'call rejoined: the session reopened');
  return reopened;
}
