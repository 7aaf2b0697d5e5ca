import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage, localeTag, negotiateLocale, resolveLocale } from './locales.js';

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

  it('an English-first reader who also reads German gets English (the highest-ranked supported tag, English included)', () => {
    expect(localeFromAcceptLanguage('en-US,en;q=0.9,de;q=0.8')).toEqual({ tag: 'en-US', messages: 'en', dir: 'ltr' });
    expect(localeFromAcceptLanguage('fr-FR,en-GB;q=0.9,de;q=0.8').tag).toBe('en-GB');
    expect(localeFromAcceptLanguage('de;q=0.8,en;q=0.9').messages).toBe('en');
  });

  it('skips malformed or oversized entries instead of giving up on the header', () => {
    expect(localeFromAcceptLanguage(`<script>,${'x'.repeat(100)},de-AT;q=0.5`).tag).toBe('de-AT');
    expect(localeFromAcceptLanguage(`de-AT-x-${'abcdefgh-'.repeat(1000)}a`).tag).toBe('en');
  });

  it('falls back to the first tag, then English', () => {
    expect(localeFromAcceptLanguage('en-GB,en;q=0.9').tag).toBe('en-GB');
    expect(localeFromAcceptLanguage('').tag).toBe('en');
    expect(localeFromAcceptLanguage('*;q=0.1, de;q=0').tag).toBe('en');
  });
});

describe('negotiateLocale', () => {
  it('takes the first requested tag a catalog supports, by RFC 4647 lookup (truncating subtags)', () => {
    expect(negotiateLocale(['fr-CA', 'de-CH-1996', 'en'])).toEqual({ tag: 'de-CH', messages: 'de', dir: 'ltr' });
    expect(negotiateLocale(['qps-plocm', 'de'])).toEqual({ tag: 'en', messages: 'qps-plocm', dir: 'rtl' });
    expect(negotiateLocale([null, 'not a tag!', 'fr'])).toEqual({ tag: 'en', messages: 'en', dir: 'ltr' });
  });

  it('keeps language and region for Intl when ICU has data for them, and nothing else a client sent', () => {
    expect(resolveLocale('de-AT-u-nu-arab-x-mine').tag).toBe('de-AT');
    expect(resolveLocale('en-DE').tag).toBe('en-DE');
    expect(resolveLocale('de-ZZ').tag).toBe('de');
    expect(resolveLocale('de-Latn-AT').tag).toBe('de-AT');
  });

  it('names a locale to other surfaces by its Intl tag, a pseudo-locale by its own name', () => {
    expect(localeTag(resolveLocale('de-AT-x-foo'))).toBe('de-AT');
    expect(localeTag(resolveLocale('QPS-PLOC'))).toBe('qps-ploc');
  });
});
