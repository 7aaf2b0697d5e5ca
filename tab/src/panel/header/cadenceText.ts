import type { Cadence, Weekday } from '../../../../domain/entities.js';

export const FREQUENCY_LABELS: Record<Cadence['frequency'], string> = {
  weekly: 'Weekly',
  biweekly: 'Every other week',
  monthly: 'Monthly (first of the month)',
};

const SHORT_FREQUENCY: Record<Cadence['frequency'], string> = {
  weekly: 'Weekly',
  biweekly: 'Every 2 weeks',
  monthly: 'Monthly',
};

export const WEEKDAY_LABELS: Record<Weekday, string> = {
  monday: 'Monday',
  tuesday: 'Tuesday',
  wednesday: 'Wednesday',
  thursday: 'Thursday',
  friday: 'Friday',
  saturday: 'Saturday',
  sunday: 'Sunday',
};

/** "Weekly · Thu 10:00 Europe/London" (monthly: "Monthly · 1st Thu 10:00 …"). */
export function cadenceInWords(cadence: Cadence): string {
  const day = WEEKDAY_LABELS[cadence.weekday].slice(0, 3);
  const when = cadence.frequency === 'monthly' ? `1st ${day}` : day;
  return `${SHORT_FREQUENCY[cadence.frequency]} · ${when} ${cadence.time} ${cadence.timeZone} · ${cadence.durationMinutes} min`;
}

/** The viewer's own time zone, as the browser knows it. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** "Thu, Nov 27, 10:00" in the viewer's time zone. */
export function meetingTime(iso: string, timeZone: string = viewerTimeZone()): string {
  return new Date(iso).toLocaleString(undefined, {
    timeZone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}
