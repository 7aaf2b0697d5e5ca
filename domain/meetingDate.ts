import type { Meeting } from './entities.js';

/**
 * The date a meeting is known by: when it really started once it was held
 * (or is live), its scheduled slot otherwise. Its own module, so the panel's
 * header can name a meeting without loading the whole state machine.
 */
export function meetingDate(meeting: Pick<Meeting, 'status' | 'startedAt' | 'endedAt' | 'scheduledStart'>): string {
  if (meeting.status === 'ended' || meeting.status === 'live') {
    return meeting.startedAt ?? meeting.endedAt ?? meeting.scheduledStart;
  }
  return meeting.scheduledStart;
}
