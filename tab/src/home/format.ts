import type { Translate } from '../i18n/useT.js';

/**
 * Dates and numbers of "My 1:1s" in the reader's locale (`useLocale().tag`),
 * through `Intl`: a German reader sees "Di., 8. Dez., 10:00 MEZ", an American
 * "Tue, Dec 8, 10:00 AM EST".
 */

/** A date and time in the viewer's own time zone (the browser's), with the zone named. */
export function viewerDateTime(iso: string, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}

export function viewerDate(isoDate: string, locale: string): string {
  // A due date is a calendar day, not an instant: format it at noon UTC so no zone moves it.
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T12:00:00Z`));
}

/** A share (0..1) as a whole percentage: "60%" in English, "60 %" in German. */
export function percent(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

/** The trend's numbers in words, for the sparkline's accessible name. */
export function trendLabel(figure: string, trend: readonly (number | null)[], t: Translate, locale: string): string {
  const points = trend.map((v) => (v === null ? t('home.trend.none') : percent(v, locale)));
  const held = trend.length - 1;
  if (held <= 0) return t('home.trend.now', { figure, value: points[0] ?? t('home.trend.none') });
  // The reader's own list style: "100%, 50%, 100%" in English, "100 %, 50 % und 100 %" in German.
  const values = new Intl.ListFormat(locale, { type: 'unit', style: 'short' }).format(points);
  return t('home.trend.since', { figure, held, values });
}
