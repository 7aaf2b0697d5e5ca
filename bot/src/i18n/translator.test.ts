import { describe, expect, it } from 'vitest';
import { translatorFor, translatorForRequest } from './translator.js';

describe('the service translator', () => {
  it('speaks the activity locale, with plurals from the catalog', () => {
    expect(translatorFor('de-DE').t('bot.summary.topicCount', { count: 1 })).toBe('1 Thema');
    expect(translatorFor('de-DE').t('bot.summary.topicCount', { count: 3 })).toBe('3 Themen');
    expect(translatorFor('en-US').t('bot.summary.topicCount', { count: 3 })).toBe('3 topics');
  });

  it('reads English for a language it has no catalog for, and for no locale', () => {
    expect(translatorFor('ja-JP').t('bot.summary.topicCount', { count: 2 })).toBe('2 topics');
    expect(translatorFor(undefined).locale.tag).toBe('en');
  });

  it('takes a request language from Accept-Language', () => {
    expect(translatorForRequest('fr;q=0.9, de-AT;q=0.8').locale).toMatchObject({ tag: 'de-AT', messages: 'de' });
  });

  it('wraps every message in the pseudo-locale', () => {
    expect(translatorFor('qps-ploc').t('bot.summary.topicCount', { count: 2 })).toMatch(/^⟦2 .+⟧$/);
  });
});
