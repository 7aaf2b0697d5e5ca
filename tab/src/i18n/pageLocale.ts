/**
 * The locale a page asks for: `?locale=` wins (tests, the local meeting
 * page's language switcher), then the host's (Teams' `app.locale`), then the
 * browser's language. `startI18n` resolves whatever this returns.
 */
export function requestedLocale(
  hostLocale?: string,
  search: string = window.location.search,
  browserLanguage: string = navigator.language,
): string {
  return localeFromQuery(search) ?? hostLocale ?? browserLanguage;
}

/** `?locale=` on the page's address, when someone pinned one. */
export function localeFromQuery(search: string = window.location.search): string | undefined {
  const value = new URLSearchParams(search).get('locale')?.trim();
  return value ? value : undefined;
}

/** What to hand on to another page (`locale=` of a panel's URL): the pseudo-locales by name, others by tag. */
export function localeParam(locale: { tag: string; messages: string }): string {
  return locale.messages.startsWith('qps-') ? locale.messages : locale.tag;
}
