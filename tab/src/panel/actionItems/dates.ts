/** A calendar date ("2026-12-02") is a day, not an instant: format it without a time-zone shift, in the reader's format. */
export function formatDueDate(isoDate: string, localeTag: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, day ?? 1).toLocaleDateString(localeTag, {
    month: 'short',
    day: 'numeric',
  });
}

export function todayIsoDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
