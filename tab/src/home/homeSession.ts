import { DevSession } from '../../../domain/api.js';
import { messageOf, request, type TokenSource } from '../api/http.js';
import { themeFromQuery, type ThemeName } from '../host/theme.js';

/** What "My 1:1s" needs, wherever it runs. */
export interface HomeSession {
  getToken: TokenSource;
  theme: ThemeName;
  onThemeChange?: (listener: (theme: ThemeName) => void) => void;
  /** Where a 1:1's panel opens when the service sent no Teams deep link (dev mode: the local panel page). */
  localPanelUrl?: (seriesId: string) => string;
  /** Inside Teams a deep link must go through teams-js; elsewhere a plain link does. */
  openLink?: (url: string) => Promise<void>;
}

export type HomeSessionResult =
  { kind: 'ready'; session: HomeSession } | { kind: 'notInTeams' } | { kind: 'failed'; message: string };

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
    return { kind: 'failed', message: `Unknown dev identity "${role}": use ?dev=manager or ?dev=report.` };
  }
  try {
    const session = await request({}, 'GET', '/api/dev/home-session', DevSession);
    const identity = session.identities.find((i) => i.role === role);
    if (!identity) return { kind: 'failed', message: `The dev session has no ${role}.` };
    const theme = themeFromQuery(search);
    return {
      kind: 'ready',
      session: {
        getToken: () => Promise.resolve(identity.token),
        theme: theme ?? 'default',
        localPanelUrl: (seriesId) =>
          `/panel.html?dev=${role}&series=${encodeURIComponent(seriesId)}${theme ? `&theme=${theme}` : ''}`,
      },
    };
  } catch (error) {
    return { kind: 'failed', message: `Dev mode is not available: ${messageOf(error)}` };
  }
}
