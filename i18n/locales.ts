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

/** Every locale a reader can get words in, as lookup compares them (lower case). */
const MESSAGES_LOCALES: readonly MessagesLocale[] = [...CATALOG_LOCALES, PSEUDO_LOCALE, PSEUDO_RTL_LOCALE];

/**
 * RFC 4647 §3.4 lookup: for each requested tag, best first, the tag and then
 * ever shorter prefixes of it (a trailing singleton such as "-x" goes with
 * the subtag after it) until one is available. Case-insensitive, as the RFC
 * says (`qps-ploc` canonicalises to `qps-Ploc`: "ploc" has a script's shape).
 */
function lookup(requested: readonly string[]): { tag: string; messages: MessagesLocale } | undefined {
  for (const tag of requested) {
    const subtags = tag.toLowerCase().split('-');
    while (subtags.length > 0) {
      const prefix = subtags.join('-');
      const messages = MESSAGES_LOCALES.find((locale) => locale === prefix);
      if (messages) return { tag, messages };
      subtags.pop();
      if (subtags.at(-1)?.length === 1) subtags.pop();
    }
  }
  return undefined;
}

const ENGLISH: ResolvedLocale = { tag: SOURCE_LOCALE, messages: SOURCE_LOCALE, dir: 'ltr' };

/**
 * What a client's list is read for. Tags come straight from clients (before
 * sign-in, before any rate limit): a real tag is short (RFC 5646 asks
 * implementations to handle 35 characters; Teams' are 5), a real list a few
 * entries long, so anything past these is ignored rather than parsed.
 */
const MAX_TAG_LENGTH = 64;
const MAX_REQUESTED = 16;

function canonical(tag: string): string | null {
  const trimmed = tag.trim().replace(/_/g, '-');
  if (trimmed === '' || trimmed.length > MAX_TAG_LENGTH) return null;
  try {
    return Intl.getCanonicalLocales(trimmed)[0] ?? null;
  } catch {
    return null;
  }
}

/**
 * The one negotiation every surface uses (REST's Accept-Language, the
 * socket handshake, the bot's activity.locale, the pages): RFC 4647 lookup
 * of the requested tags, best first, against the catalogs and pseudo-locales
 * — the first tag a catalog supports wins, English included, so an
 * English-first reader who also reads German gets English. Nothing
 * supported: English.
 *
 * Lookup is written here (a dozen lines) rather than taken from
 * `@formatjs/intl-localematcher`: that package added 12.4 KiB gzipped to the
 * side panel's first load (176.4 → 188.8 KiB, over its 180 KiB budget), as
 * its lookup entry points pull in the best-fit matcher and its CLDR data,
 * and that matcher memoises per requested tag without bound.
 *
 * The result is one of a bounded set whatever the client sends: the
 * catalog, and for Intl only the tag's language and region, kept when ICU
 * has data for that pair (`de-AT`, `en-GB`; `de-ZZ` reads `de`), so an
 * Austrian still sees Austrian dates while caches keyed by it (translators,
 * Lingui's formatters) stay small.
 */
export function negotiateLocale(requested: readonly (string | null | undefined)[]): ResolvedLocale {
  const tags = requested
    .slice(0, MAX_REQUESTED)
    .map((tag) => (tag ? canonical(tag) : null))
    .filter((tag): tag is string => tag !== null);
  const found = lookup(tags);
  if (!found) return ENGLISH;
  const { tag, messages } = found;
  if (messages === PSEUDO_LOCALE) return { tag: SOURCE_LOCALE, messages, dir: 'ltr' };
  if (messages === PSEUDO_RTL_LOCALE) return { tag: SOURCE_LOCALE, messages, dir: 'rtl' };
  return { tag: intlTagOf(messages, new Intl.Locale(tag).region), messages, dir: 'ltr' };
}

/** language-region pairs checked against ICU so far: at most (catalogs × 26² + 1000 regions) entries. */
const intlTags = new Map<string, string>();

function intlTagOf(language: CatalogLocale, region: string | undefined): string {
  if (!region) return language;
  const candidate = `${language}-${region}`;
  let tag = intlTags.get(candidate);
  if (tag === undefined) {
    tag = new Intl.DateTimeFormat(candidate).resolvedOptions().locale === candidate ? candidate : language;
    intlTags.set(candidate, tag);
  }
  return tag;
}

/** The locale to show for one requested tag; anything unknown or malformed reads English. */
export function resolveLocale(requested: string | null | undefined): ResolvedLocale {
  return negotiateLocale([requested]);
}

/**
 * The tag that names a resolved locale to another surface (the tab's
 * Accept-Language, a dev activity's locale, a chat's remembered language):
 * the Intl tag, or a pseudo-locale's own name so its wrapping carries over.
 */
export function localeTag(locale: ResolvedLocale): string {
  return locale.messages === PSEUDO_LOCALE || locale.messages === PSEUDO_RTL_LOCALE ? locale.messages : locale.tag;
}

/**
 * The best locale of an `Accept-Language` header (RFC 9110 §12.5.4): its
 * tags ranked by weight (ties keep their order; `q=0` and `*` dropped),
 * negotiated like any other list.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): ResolvedLocale {
  const ranked = (header ?? '')
    .split(',', MAX_REQUESTED)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), weight: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.tag && entry.tag !== '*' && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return negotiateLocale(ranked.map((entry) => entry.tag));
}
