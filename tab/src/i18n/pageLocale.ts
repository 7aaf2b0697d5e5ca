/**
 * The locale a page asks for: `?locale=` wins (tests, the local meeting
 * page's language switcher), then the host's (Teams' `app.locale`), then the
 * browser's languages, best first. `startI18n` negotiates whatever this
 * returns as the service does (i18n/locales.ts): the first one with a catalog.
 */
export function requestedLocale(
  hostLocale?: string,
  search: string = window.location.search,
  browserLanguages: readonly string[] = navigator.languages,
): string | readonly string[] {
  return localeFromQuery(search) ?? hostLocale ?? browserLanguages;
}

/** `?locale=` on the page's address, when someone pinned one. */
export function localeFromQuery(search: string = window.location.search): string | undefined {
  const value = new URLSearchParams(search).get('locale')?.trim();
  return value ? value : undefined;
}
