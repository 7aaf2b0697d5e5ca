import type { I18n, Messages } from '@lingui/core';
import { setupI18n } from '@lingui/core';
import deBot from '../../../i18n/catalogs/de/bot.json';
import deDomain from '../../../i18n/catalogs/de/domain.json';
import enBot from '../../../i18n/catalogs/en/bot.json';
import enDomain from '../../../i18n/catalogs/en/domain.json';
import { compileCatalog } from '../../../i18n/compile.js';
import type { MessageKey } from '../../../i18n/keys.js';
import type { CatalogLocale, MessagesLocale, ResolvedLocale } from '../../../i18n/locales.js';
import { localeFromAcceptLanguage, resolveLocale } from '../../../i18n/locales.js';
import type { LocalText, MessageValues } from '../../../i18n/localText.js';
import { pseudoCatalog } from '../../../i18n/pseudo.js';

/** What the service says to one reader: their locale, and their words for a key or a domain LocalText. */
export interface Translator {
  readonly locale: ResolvedLocale;
  t(text: MessageKey | LocalText, values?: MessageValues): string;
}

const SOURCES: Readonly<Record<CatalogLocale, readonly Record<string, string>[]>> = {
  en: [enBot, enDomain],
  de: [deBot, deDomain],
};

/** Compiled once per messages locale (ICU parsing is the costly part); English under each translation. */
const compiled = new Map<MessagesLocale, Messages>();

function messagesOf(locale: MessagesLocale): Messages {
  const cached = compiled.get(locale);
  if (cached) return cached;
  const english = compileCatalog(Object.assign({}, ...SOURCES.en), 'en');
  const messages =
    locale === 'qps-ploc' || locale === 'qps-plocm'
      ? pseudoCatalog(english)
      : { ...english, ...compileCatalog(Object.assign({}, ...SOURCES[locale]), locale) };
  compiled.set(locale, messages);
  return messages;
}

/**
 * One translator per resolved locale. `negotiateLocale` yields a bounded set
 * (catalog × the regions ICU has data for), so this cache stays small
 * whatever tags clients send.
 */
const translators = new Map<string, Translator>();

function translatorOf(locale: ResolvedLocale): Translator {
  const id = `${locale.messages}|${locale.tag}`;
  const known = translators.get(id);
  if (known) return known;
  const i18n: I18n = setupI18n();
  i18n.load(locale.messages, messagesOf(locale.messages));
  i18n.activate(locale.messages, [locale.tag]);
  const translator: Translator = {
    locale,
    t: (text, values) => (typeof text === 'string' ? i18n._(text, values) : i18n._(text.key, text.values)),
  };
  translators.set(id, translator);
  return translator;
}

/** For one requested tag: a Bot Framework activity's `locale` (`de-DE`), a socket handshake's `auth.locale`. */
export function translatorFor(requested: string | null | undefined): Translator {
  return translatorOf(resolveLocale(requested));
}

/** For an HTTP request's `Accept-Language` (the tab sends the locale it shows). */
export function translatorForRequest(acceptLanguage: string | null | undefined): Translator {
  return translatorOf(localeFromAcceptLanguage(acceptLanguage));
}
