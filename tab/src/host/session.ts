import type { TokenSource } from '../api/http.js';
import type { ThemeName } from './theme.js';

/** What a panel needs to open a series, wherever it runs. */
export interface PanelSession {
  seriesId: string;
  getToken: TokenSource;
  theme: ThemeName;
  /** Teams tells the panel when the person switches theme; dev mode never does. */
  onThemeChange?: (listener: (theme: ThemeName) => void) => void;
}

export type SessionResult =
  { kind: 'ready'; session: PanelSession } | { kind: 'notInTeams' } | { kind: 'failed'; message: string };

/**
 * `?dev=report|manager` (the local meeting page) takes a dev identity from the
 * service; anything else must be Teams. Each host's module is loaded only
 * when needed, so teams-js never weighs on the local page and vice versa.
 */
export async function resolveSession(search: string = window.location.search): Promise<SessionResult> {
  const dev = new URLSearchParams(search).get('dev');
  if (dev !== null) {
    const { devSession } = await import('./devSession.js');
    return devSession(dev);
  }
  const { teamsSession } = await import('./teamsSession.js');
  return teamsSession();
}
