import type { HomeFigure } from '../../../domain/home.js';

/** A date and time in the viewer's own time zone (the browser's), with the zone named. */
export function viewerDateTime(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}

export function viewerDate(isoDate: string): string {
  // A due date is a calendar day, not an instant: format it at noon UTC so no zone moves it.
  return new Intl.DateTimeFormat(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T12:00:00Z`));
}

/** The trend's numbers in words, for the sparkline's accessible name. */
export function trendLabel(figure: Pick<HomeFigure, 'label' | 'trend'>): string {
  const points = figure.trend.map((v) => (v === null ? 'none' : `${Math.round(v * 100)}%`));
  const held = figure.trend.length - 1;
  if (held <= 0) return `${figure.label} now: ${points[0] ?? 'none'}`;
  return `${figure.label} after the last ${held === 1 ? 'meeting' : `${held} meetings`} and now: ${points.join(', ')}`;
}
