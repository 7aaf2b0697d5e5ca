import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage, resolveLocale } from './locales.js';

describe('resolveLocale', () => {
  it('reads German for any German region and keeps the region for dates', () => {
    expect(resolveLocale('de-AT')).toEqual({ tag: 'de-AT', messages: 'de', dir: 'ltr' });
    expect(resolveLocale('de_ch')).toEqual({ tag: 'de-CH', messages: 'de', dir: 'ltr' });
  });

  it('keeps English regions (British dates) and reads English for languages without a catalog', () => {
    expect(resolveLocale('en-GB')).toEqual({ tag: 'en-GB', messages: 'en', dir: 'ltr' });
    expect(resolveLocale('fr-FR')).toEqual({ tag: 'en', messages: 'en', dir: 'ltr' });
  });

  it('reads English for nothing or nonsense', () => {
    for (const bad of [undefined, null, '', '  ', 'not a locale!', '<script>'])
      expect(resolveLocale(bad).messages).toBe('en');
  });

  it('knows the pseudo-locales, the mirrored one right to left', () => {
    expect(resolveLocale('qps-ploc')).toMatchObject({ messages: 'qps-ploc', dir: 'ltr' });
    expect(resolveLocale('QPS-PLOCM')).toMatchObject({ messages: 'qps-plocm', dir: 'rtl' });
  });
});

describe('localeFromAcceptLanguage', () => {
  it('takes the highest-weighted language with a catalog', () => {
    expect(localeFromAcceptLanguage('fr-FR,fr;q=0.9,de-DE;q=0.8,en;q=0.7').tag).toBe('de-DE');
    expect(localeFromAcceptLanguage('en-GB;q=0.5, de;q=0.9').messages).toBe('de');
  });

  it('falls back to the first tag, then English', () => {
    expect(localeFromAcceptLanguage('en-GB,en;q=0.9').tag).toBe('en-GB');
    expect(localeFromAcceptLanguage('').tag).toBe('en');
    expect(localeFromAcceptLanguage('*;q=0.1, de;q=0').tag).toBe('en');
  });
});
