/**
 * Which language a person sees, and how their dates and numbers look. Teams
 * passes a full tag (`de-AT`, `en-GB`): the catalog is picked by language,
 * while `Intl` formatting keeps the whole tag so an Austrian sees Austrian
 * dates in German and a British reader sees British dates in English.
 */

export const CATALOG_LOCALES = ['en', 'de'] as const;
export type CatalogLocale = (typeof CATALOG_LOCALES)[number];
export const SOURCE_LOCALE = 'en' satisfies CatalogLocale;

/** Windows' pseudo-locales: English made visibly foreign, and the same right to left. */
export const PSEUDO_LOCALE = 'qps-ploc';
export const PSEUDO_RTL_LOCALE = 'qps-plocm';
export type PseudoLocale = typeof PSEUDO_LOCALE | typeof PSEUDO_RTL_LOCALE;

/** The messages a person reads: a catalog, or a pseudo-locale built from the source catalog. */
export type MessagesLocale = CatalogLocale | PseudoLocale;

export interface ResolvedLocale {
  /** BCP 47 tag for `Intl` (dates, numbers, plural rules). */
  readonly tag: string;
  readonly messages: MessagesLocale;
  readonly dir: 'ltr' | 'rtl';
}

function isCatalogLocale(language: string): language is CatalogLocale {
  return (CATALOG_LOCALES as readonly string[]).includes(language);
}

function canonical(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

/** The locale to show for a requested tag; anything unknown or malformed reads English. */
export function resolveLocale(requested: string | null | undefined): ResolvedLocale {
  const trimmed = requested?.trim().replace(/_/g, '-') ?? '';
  const lower = trimmed.toLowerCase();
  if (lower === PSEUDO_LOCALE) return { tag: 'en', messages: PSEUDO_LOCALE, dir: 'ltr' };
  if (lower === PSEUDO_RTL_LOCALE) return { tag: 'en', messages: PSEUDO_RTL_LOCALE, dir: 'rtl' };
  const tag = trimmed ? canonical(trimmed) : null;
  if (!tag) return { tag: SOURCE_LOCALE, messages: SOURCE_LOCALE, dir: 'ltr' };
  const language = tag.split('-')[0]?.toLowerCase() ?? '';
  if (isCatalogLocale(language)) return { tag, messages: language, dir: 'ltr' };
  // No catalog for this language: the words are English, so English conventions
  // keep the page consistent (a German date in an English sentence reads oddly).
  return { tag: SOURCE_LOCALE, messages: SOURCE_LOCALE, dir: 'ltr' };
}

/**
 * The best locale of an `Accept-Language` header: the highest-weighted tag we
 * have a catalog (or pseudo-locale) for, else the first tag, else English.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): ResolvedLocale {
  const ranked = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), weight: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.tag && entry.tag !== '*' && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  const known = ranked.map((entry) => resolveLocale(entry.tag)).find((locale) => locale.messages !== SOURCE_LOCALE);
  return known ?? resolveLocale(ranked[0]?.tag);
}
