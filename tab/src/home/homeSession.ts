import { DevSession } from '../../../domain/api.js';
import { messageOf, request, type TokenSource } from '../api/http.js';
import { localText, type LocalText } from '../../../i18n/localText.js';
import { themeFromQuery, type ThemeName } from '../host/theme.js';
import { localeFromQuery } from '../i18n/pageLocale.js';

/** What "My 1:1s" needs, wherever it runs. */
export interface HomeSession {
  getToken: TokenSource;
  theme: ThemeName;
  /** The host's language (Teams' `app.locale`); unset in dev mode, where the browser's stays. */
  locale?: string;
  onThemeChange?: (listener: (theme: ThemeName) => void) => void;
  /** Where a 1:1's panel opens when the service sent no Teams deep link (dev mode: the local panel page). */
  localPanelUrl?: (seriesId: string) => string;
  /** Inside Teams a deep link must go through teams-js; elsewhere a plain link does. */
  openLink?: (url: string) => Promise<void>;
}

/** Why the home cannot open: our own words (a catalog message), or the host's error as it gave it. */
export type HomeSessionResult =
  { kind: 'ready'; session: HomeSession } | { kind: 'notInTeams' } | { kind: 'failed'; reason: LocalText | string };

/**
 * `?dev=manager|report` takes a dev identity (the demo manager has a team of
 * three); anything else must be Teams, whose module loads only then.
 */
export async function resolveHomeSession(search: string = window.location.search): Promise<HomeSessionResult> {
  const role = new URLSearchParams(search).get('dev');
  if (role === null) {
    const { teamsHomeSession } = await import('./teamsHomeSession.js');
    return teamsHomeSession();
  }
  if (role !== 'report' && role !== 'manager') {
    return { kind: 'failed', reason: localText('home.dev.unknownIdentity', { role }) };
  }
  try {
    const session = await request({}, 'GET', '/api/dev/home-session', DevSession);
    const identity = session.identities.find((i) => i.role === role);
    if (!identity) return { kind: 'failed', reason: localText('home.dev.noIdentity', { role }) };
    const theme = themeFromQuery(search);
    // A 1:1's panel opened from here reads in the language pinned here.
    const locale = localeFromQuery(search);
    return {
      kind: 'ready',
      session: {
        getToken: () => Promise.resolve(identity.token),
        theme: theme ?? 'default',
        localPanelUrl: (seriesId) =>
          `/panel.html?dev=${role}&series=${encodeURIComponent(seriesId)}${theme ? `&theme=${theme}` : ''}${
            locale ? `&locale=${encodeURIComponent(locale)}` : ''
          }`,
      },
    };
  } catch (error) {
    return { kind: 'failed', reason: localText('home.dev.unavailable', { reason: messageOf(error) }) };
  }
}
