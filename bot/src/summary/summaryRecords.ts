import type { Meeting, Series, SharedRecord } from '../../../domain/entities.js';
import { HELD_KEPT, healthMeetingsSince } from '../../../domain/healthWindow.js';
import { HEALTH_ITEMS, healthItemParameters } from '../store/healthQuery.js';
import type { RecordRepository } from '../store/recordStore.js';
import { summaryRecords } from '../views/summaryView.js';

const CLOSED_STATUSES = ['ended', 'skipped', 'cancelled'];
const LIVE_MEETING = `c.type = 'meeting' AND NOT IS_DEFINED(c.deletedAt)`;

/**
 * The summary card's records, read bounded by the health window
 * (domain/healthWindow.ts) rather than the whole series: the same read
 * after ten meetings or after five years. Two queries together (the
 * series with the meetings in the window, the last held ones whatever their
 * age), then one for the topics, notes
 * and action items of those meetings; `summaryRecords` then keeps exactly
 * what the card reads, as it would from the whole history.
 */
export async function loadSummaryRecords(
  records: RecordRepository<SharedRecord>,
  seriesId: string,
  endedMeetingId: string,
  nextMeetingId: string | undefined,
  now: Date,
): Promise<SharedRecord[]> {
  const since = healthMeetingsSince(now);
  const named = [endedMeetingId, ...(nextMeetingId ? [nextMeetingId] : [])];
  const [windowed, lastHeld] = await Promise.all([
    records.select(
      seriesId,
      `c.type = 'series' OR (${LIVE_MEETING} AND (NOT ARRAY_CONTAINS(@closed, c.status) OR c.scheduledStart >= @since
        OR (IS_DEFINED(c.endedAt) AND c.endedAt >= @since) OR ARRAY_CONTAINS(@named, c.id)))`,
      [
        { name: '@closed', value: CLOSED_STATUSES },
        { name: '@since', value: since },
        { name: '@named', value: named },
      ],
    ),
    records.select(seriesId, `${LIVE_MEETING} AND c.status = 'ended'`, [], {
      top: HELD_KEPT,
      orderBy: 'c.scheduledStart DESC',
    }),
  ]);
  const series = windowed.find((r): r is Series => r.type === 'series' && r.id === seriesId);
  if (!series) return [];
  const meetings = new Map<string, Meeting>();
  for (const r of [...windowed, ...lastHeld]) if (r.type === 'meeting') meetings.set(r.id, r);
  // The current meeting is nearly always still to be held (read above); one closed long ago is read on its own.
  if (!meetings.has(series.currentMeetingId)) {
    const current = (await records.read(seriesId, series.currentMeetingId))?.record;
    if (current?.type === 'meeting') meetings.set(current.id, current);
  }
  const meetingIds = [...meetings.keys()];
  const rest = await records.select(
    seriesId,
    `(c.type = 'topic' AND ARRAY_CONTAINS(@meetingIds, c.meetingId))
      OR (c.type = 'sharedNote' AND c.meetingId = @ended)
      OR (c.type = 'actionItem' AND c.meetingId = @ended)
      OR ${HEALTH_ITEMS}`,
    [
      { name: '@meetingIds', value: meetingIds },
      { name: '@ended', value: endedMeetingId },
      ...healthItemParameters(now),
    ],
  );
  return summaryRecords([series, ...meetings.values(), ...rest], endedMeetingId, nextMeetingId, now);
}
