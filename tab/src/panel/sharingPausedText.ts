import type { Series } from '../../../domain/entities.js';
import type { Translate } from '../i18n/useT.js';

/**
 * Why the bot holds back what it would post in the meeting chat, in the
 * reader's language. The series says who left (`leftChat`); the stored
 * English sentence is the service's own record and is not shown.
 */
export function sharingPausedText(series: Series, t: Translate, localeTag: string): string {
  const left = series.members.filter((m) => series.leftChat?.includes(m.userId)).map((m) => m.name);
  if (left.length === 0) return t('panel.sharingPaused.others');
  const names = new Intl.ListFormat(localeTag, { type: 'conjunction' }).format(left);
  return t('panel.sharingPaused.left', { names, count: left.length });
}
