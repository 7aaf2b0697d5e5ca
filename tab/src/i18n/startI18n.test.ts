import { describe, expect, it } from 'vitest';
import { panelCatalog } from './catalogs/panel.js';
import type { NamespaceCatalog } from './startI18n.js';
import { startI18n } from './startI18n.js';
import { translator } from './useT.js';

describe('startI18n', () => {
  it('loads the compiled catalog: the browser gets no ICU source to parse', () => {
    expect(Array.isArray(panelCatalog.en['panel.loading'])).toBe(true);
  });

  it('reads German for de-AT and keeps the tag for dates', async () => {
    const { i18n, locale } = await startI18n([panelCatalog], 'de-AT');
    expect(locale).toMatchObject({ tag: 'de-AT', messages: 'de' });
    expect(translator(i18n)('panel.loading')).toBe('Ihr 1:1 wird geladen …');
  });

  it('reads English for an unknown language', async () => {
    const { i18n } = await startI18n([panelCatalog], 'sv-SE');
    expect(translator(i18n)('panel.loading')).toBe('Loading your 1:1…');
  });

  it('wraps English in the pseudo-locales, the mirrored one right to left', async () => {
    const rtl = await startI18n([panelCatalog], 'qps-plocm');
    expect(translator(rtl.i18n)('panel.loading')).toMatch(/^⟦.*⟧$/);
    expect(rtl.locale.dir).toBe('rtl');
  });

  it('falls back to English when a language chunk cannot load', async () => {
    const offline: NamespaceCatalog = { en: panelCatalog.en, de: () => Promise.reject(new Error('offline')) };
    const { i18n } = await startI18n([offline], 'de');
    expect(translator(i18n)('panel.loading')).toBe('Loading your 1:1…');
  });
});
