import { describe, expect, it } from 'vitest';
import { negotiateLocale } from '../../../i18n/locales.js';
import { localeFromQuery, requestedLocale } from './pageLocale.js';

describe('the locale a page asks for', () => {
  it('takes ?locale= over the host’s, and the host’s over the browser’s', () => {
    expect(requestedLocale('en-us', '?dev=manager&locale=de-DE', ['fr-FR'])).toBe('de-DE');
    expect(requestedLocale('de-de', '?dev=manager', ['fr-FR'])).toBe('de-de');
    expect(requestedLocale(undefined, '', ['fr-FR'])).toEqual(['fr-FR']);
  });

  it('negotiates the browser’s languages as the service does: the first with a catalog', () => {
    expect(negotiateLocale(['fr-FR', 'de-AT', 'en'])).toMatchObject({ tag: 'de-AT', messages: 'de' });
    expect(negotiateLocale(['en-US', 'de'])).toMatchObject({ tag: 'en-US', messages: 'en' });
  });

  it('ignores an empty ?locale=', () => {
    expect(localeFromQuery('?locale=%20')).toBeUndefined();
  });
});
