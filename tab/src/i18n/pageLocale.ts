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
