/**
 * Dates for tests that drive the panel, the API or the bot with the real clock.
 * A literal calendar date ("2026-12-04") silently changes meaning as the suite
 * ages — a due date turns into a past one — so these derive every date from the
 * same clock the code under test reads (the machine's, in its local zone, which
 * the service and headless Chromium share).
 */
const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar day `offsetDays` from today in the local zone, as the date input and the API write it ("2026-12-10"). */
export function dayFromToday(offsetDays: number, now: Date = new Date()): string {
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + offsetDays);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** The instant `offsetDays` from now, as an ISO string ("2026-12-10T09:31:12.345Z"). */
export function instantFromNow(offsetDays: number, now: Date = new Date()): string {
  return new Date(now.getTime() + offsetDays * DAY_MS).toISOString();
}

/**
 * A calendar day as the cards write due dates: in the long style of the cards'
 * `{{DATE(…, LONG)}}` dates, in the card's language ("Freitag, 15. Januar 2027",
 * "Friday, January 15, 2027"). The expected text of a test, spelled out here
 * rather than taken from the code under test.
 */
export function cardDayInWords(isoDay: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${isoDay}T00:00:00Z`));
}

/** A calendar day as the panel writes due dates: day and month, short ("15. Jan."). */
export function panelDayInWords(isoDay: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'short' }).format(
    new Date(`${isoDay}T00:00:00Z`),
  );
}
