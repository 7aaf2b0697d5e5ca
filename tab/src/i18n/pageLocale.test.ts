import { describe, expect, it } from 'vitest';
import { localeFromQuery, requestedLocale } from './pageLocale.js';

describe('the locale a page asks for', () => {
  it('takes ?locale= over the host’s, and the host’s over the browser’s', () => {
    expect(requestedLocale('en-us', '?dev=manager&locale=de-DE', 'fr-FR')).toBe('de-DE');
    expect(requestedLocale('de-de', '?dev=manager', 'fr-FR')).toBe('de-de');
    expect(requestedLocale(undefined, '', 'fr-FR')).toBe('fr-FR');
  });

  it('ignores an empty ?locale=', () => {
    expect(localeFromQuery('?locale=%20')).toBeUndefined();
  });
});
