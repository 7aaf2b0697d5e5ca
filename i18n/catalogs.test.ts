import { readFileSync } from 'node:fs';
import { setupI18n } from '@lingui/core';
import type { CompiledMessage, CompiledMessageToken } from '@lingui/message-utils/compileMessage';
import { describe, expect, it } from 'vitest';
import { compileCatalog } from './compile.js';
import { NAMESPACES } from './keys.js';
import { CATALOG_LOCALES, SOURCE_LOCALE } from './locales.js';
import { PSEUDO_CLOSE, PSEUDO_OPEN, pseudoCatalog } from './pseudo.js';

/** The source files as translators write them (read from disk: the build would hand us compiled ones). */
function sourceCatalog(locale: string, namespace: string): Record<string, string> {
  return JSON.parse(readFileSync(new URL(`./catalogs/${locale}/${namespace}.json`, import.meta.url), 'utf8')) as Record<
    string,
    string
  >;
}

/** Placeholder names a compiled message reads, with the kind of each (plural, select, plain…). */
function placeholders(message: CompiledMessage, found = new Set<string>()): Set<string> {
  const visit = (token: CompiledMessageToken): void => {
    if (typeof token === 'string') return;
    const [name, type, format] = token;
    found.add(`${name}:${type ?? 'text'}`);
    if (format && typeof format === 'object')
      for (const branch of Object.values(format as Record<string, unknown>))
        if (Array.isArray(branch)) (branch as CompiledMessage).forEach(visit);
  };
  message.forEach(visit);
  return found;
}

describe.each(NAMESPACES)('the %s catalog', (namespace) => {
  const source = sourceCatalog(SOURCE_LOCALE, namespace);

  it('has keys named after its area, each a non-empty message', () => {
    expect(Object.keys(source).length).toBeGreaterThan(0);
    for (const [key, message] of Object.entries(source)) {
      expect(key.startsWith(`${namespace}.`), key).toBe(true);
      expect(message.trim(), key).not.toBe('');
    }
  });

  it.each(CATALOG_LOCALES.filter((l) => l !== SOURCE_LOCALE))(
    'is complete in %s, with the same placeholders',
    (locale) => {
      const translated = sourceCatalog(locale, namespace);
      expect(Object.keys(translated).sort()).toEqual(Object.keys(source).sort());
      const compiledSource = compileCatalog(source, `en/${namespace}`);
      const compiledTranslation = compileCatalog(translated, `${locale}/${namespace}`);
      for (const [key, message] of Object.entries(compiledTranslation)) {
        expect(translated[key]?.trim(), `${locale} ${key}`).not.toBe('');
        expect([...placeholders(message)].sort(), `${locale} ${key}`).toEqual(
          [...placeholders(compiledSource[key] ?? [])].sort(),
        );
      }
    },
  );

  it('reads wrapped and accented in the pseudo-locale, placeholders still filled', () => {
    const i18n = setupI18n({ locale: 'en', messages: { en: pseudoCatalog(compileCatalog(source)) } });
    for (const key of Object.keys(source)) {
      const values = Object.fromEntries(
        [...placeholders(compileCatalog({ key: source[key] ?? '' }).key ?? [])].map((p) => [p.split(':')[0], 2]),
      );
      const text = i18n._(key, values);
      expect(text.startsWith(PSEUDO_OPEN) && text.endsWith(PSEUDO_CLOSE), `${key}: ${text}`).toBe(true);
      expect(text, key).not.toMatch(/[a-zA-Z]{4,}/);
    }
  });
});

describe('a catalog with a broken message', () => {
  it('is refused with the key and the reason', () => {
    expect(() => compileCatalog({ 'panel.broken': '{count, plural, one {#}' }, 'en/panel')).toThrow(/panel\.broken/);
  });
});
