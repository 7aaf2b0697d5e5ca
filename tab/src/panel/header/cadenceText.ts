import type { Cadence, Weekday } from '../../../../domain/entities.js';
import type { MessageKey } from '../../../../i18n/keys.js';
import type { Translate } from '../../i18n/useT.js';

export const FREQUENCY_LABELS = {
  weekly: 'panel.cadence.frequency.weekly',
  biweekly: 'panel.cadence.frequency.biweekly',
  monthly: 'panel.cadence.frequency.monthly',
} as const satisfies Record<Cadence['frequency'], MessageKey>;

/** A Monday (1 January 2024, UTC): each weekday's name comes from `Intl` in the reader's language. */
const WEEKDAY_OFFSETS: Record<Weekday, number> = {
  monday: 0,
  tuesday: 1,
  wednesday: 2,
  thursday: 3,
  friday: 4,
  saturday: 5,
  sunday: 6,
};

export function weekdayName(weekday: Weekday, localeTag: string, width: 'long' | 'short' = 'long'): string {
  const day = new Date(Date.UTC(2024, 0, 1 + WEEKDAY_OFFSETS[weekday]));
  return new Intl.DateTimeFormat(localeTag, { weekday: width, timeZone: 'UTC' }).format(day);
}

/** "Weekly · Thu 10:00 Europe/London · 30 min" (monthly: "Monthly · 1st Thu 10:00 …"), in the reader's language. */
export function cadenceInWords(cadence: Cadence, t: Translate, localeTag: string): string {
  return t('panel.cadence.summary', {
    frequency: cadence.frequency,
    day: weekdayName(cadence.weekday, localeTag, 'short'),
    time: cadence.time,
    zone: cadence.timeZone,
    minutes: cadence.durationMinutes,
  });
}

/** The viewer's own time zone, as the browser knows it. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** "Thu, Nov 27, 10:00" in the viewer's time zone and the reader's date format. */
export function meetingTime(iso: string, localeTag: string, timeZone: string = viewerTimeZone()): string {
  return new Date(iso).toLocaleString(localeTag, {
    timeZone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}
