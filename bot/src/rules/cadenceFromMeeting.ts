import type { Cadence, Weekday } from '../../../domain/entities.js';
import { canonicalTimeZone, isValidTimeZone, wallClockAt } from '../../../domain/schedule.js';

const WEEKDAYS: Weekday[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

export interface ScheduledTimes {
  /** From Teams' meeting details (getMeetingInfo), when it answered. */
  scheduledStart?: string;
  scheduledEnd?: string;
  /** The installing user's zone (the activity's `localTimezone`), when Teams sent it. */
  timeZone?: string;
}

/**
 * The cadence a new 1:1 starts with: the weekday, time and length of the
 * Teams meeting it was installed into, in the installer's time zone, weekly
 * (Teams does not tell bots the recurrence). Without a scheduled time, the
 * fallback; people adjust either in the panel.
 */
export function cadenceFromMeeting(
  times: ScheduledTimes,
  fallback: Cadence,
  now: Date,
): { cadence: Cadence; firstStart?: Date } {
  const start = times.scheduledStart ? new Date(times.scheduledStart) : undefined;
  if (!start || Number.isNaN(start.getTime())) return { cadence: fallback };
  const timeZone =
    times.timeZone && isValidTimeZone(times.timeZone) ? canonicalTimeZone(times.timeZone) : fallback.timeZone;
  const local = wallClockAt(start, timeZone);
  const weekday = WEEKDAYS[new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay()] ?? fallback.weekday;
  const end = times.scheduledEnd ? new Date(times.scheduledEnd) : undefined;
  const minutes =
    end && !Number.isNaN(end.getTime())
      ? Math.round((end.getTime() - start.getTime()) / 60_000)
      : fallback.durationMinutes;
  const cadence: Cadence = {
    frequency: 'weekly',
    weekday,
    time: `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`,
    timeZone,
    durationMinutes: Math.min(240, Math.max(5, minutes)),
  };
  return start.getTime() > now.getTime() ? { cadence, firstStart: start } : { cadence };
}
