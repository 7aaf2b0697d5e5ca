import { describe, expect, it } from 'vitest';
import { resolveLocale } from '../../../i18n/locales.js';
import { localeFromQuery, localeParam, requestedLocale } from './pageLocale.js';

describe('the locale a page asks for', () => {
  it('takes ?locale= over the host’s, and the host’s over the browser’s', () => {
    expect(requestedLocale('en-us', '?dev=manager&locale=de-DE', 'fr-FR')).toBe('de-DE');
    expect(requestedLocale('de-de', '?dev=manager', 'fr-FR')).toBe('de-de');
    expect(requestedLocale(undefined, '', 'fr-FR')).toBe('fr-FR');
  });

  it('ignores an empty ?locale=', () => {
    expect(localeFromQuery('?locale=%20')).toBeUndefined();
  });

  it('hands a pseudo-locale on by name and any other by its tag', () => {
    expect(localeParam(resolveLocale('qps-plocm'))).toBe('qps-plocm');
    expect(localeParam(resolveLocale('de-at'))).toBe('de-AT');
  });
});
