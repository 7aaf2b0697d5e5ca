import type { ResolvedLocale } from '../../../i18n/locales.js';
import { localeTag, resolveLocale } from '../../../i18n/locales.js';

/**
 * What the tab sends as `Accept-Language` for a requested locale: the full
 * tag (`de-AT`), or the pseudo-locale's own name so the service's errors are
 * wrapped too and a test can tell they came from a catalog.
 */
export function requestTag(requested: string | ResolvedLocale): string {
  return localeTag(typeof requested === 'string' ? resolveLocale(requested) : requested);
}
