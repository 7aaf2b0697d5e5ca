import type { I18n, Messages } from '@lingui/core';
import { setupI18n } from '@lingui/core';
import type { CatalogLocale, ResolvedLocale } from '../../../i18n/locales.js';
import { negotiateLocale, resolveLocale, SOURCE_LOCALE } from '../../../i18n/locales.js';
import { pseudoCatalog } from '../../../i18n/pseudo.js';

/**
 * One area's messages for a page: English bundled (the fallback, and most
 * readers' language), every other language a chunk of its own. The build
 * compiles the JSON (i18n/vitePlugin.ts), so `Messages` here are compiled.
 */
export type NamespaceCatalog = { readonly en: Messages } & Readonly<Record<TranslatedLocale, () => Promise<Messages>>>;
type TranslatedLocale = Exclude<CatalogLocale, typeof SOURCE_LOCALE>;

export interface I18nSetup {
  readonly i18n: I18n;
  readonly locale: ResolvedLocale;
}

async function messagesFor(catalogs: readonly NamespaceCatalog[], locale: ResolvedLocale): Promise<Messages> {
  const english: Messages = Object.assign({}, ...catalogs.map((catalog) => catalog.en));
  if (locale.messages === SOURCE_LOCALE) return english;
  if (locale.messages === 'qps-ploc' || locale.messages === 'qps-plocm') return pseudoCatalog(english);
  const language: TranslatedLocale = locale.messages;
  try {
    const translated = await Promise.all(catalogs.map((catalog) => catalog[language]()));
    // English under the translation: a key added since the last translation still reads.
    return Object.assign({}, english, ...translated);
  } catch {
    // A language chunk that cannot load (flaky network in a call) must not leave a blank panel.
    return english;
  }
}

/**
 * The page's i18n for a requested tag (`?locale=`, Teams' `app.locale`) or the
 * browser's ranked languages; unknown tags read English.
 */
export async function startI18n(
  catalogs: readonly NamespaceCatalog[],
  requested: string | readonly string[] | null | undefined,
): Promise<I18nSetup> {
  const locale =
    typeof requested === 'object' && requested !== null ? negotiateLocale(requested) : resolveLocale(requested);
  const i18n = setupI18n();
  i18n.load(locale.messages, await messagesFor(catalogs, locale));
  // Plural rules and Intl formats follow the full tag (de-AT), the words the catalog.
  i18n.activate(locale.messages, [locale.tag]);
  return { i18n, locale };
}
