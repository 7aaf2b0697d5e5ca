import type { TokenSource } from '../api/http.js';
import type { SignInProblem } from './ssoProblem.js';
import type { ThemeName } from './theme.js';

/** Where Teams shows the page: the meeting's side panel, the shared stage, or a chat tab. */
export type Surface = 'sidePanel' | 'stage' | 'content';

/** Sharing the agenda to the meeting stage, where Teams allows this person to. */
export interface StageShare {
  share(): Promise<void>;
}

/** What a panel needs to open a series, wherever it runs. */
export interface PanelSession {
  seriesId: string;
  getToken: TokenSource;
  theme: ThemeName;
  /** Teams tells the panel when the person switches theme; dev mode never does. */
  onThemeChange?: (listener: (theme: ThemeName) => void) => void;
  /** Side panel unless Teams says otherwise (dev mode is always a side panel). */
  surface?: Surface;
  /** Present when Teams lets this person share the app to the meeting stage. */
  stageShare?: StageShare;
}

/**
 * Why the panel could not open, as facts rather than sentences: the panel
 * words it once its language is known (the session is resolved before that).
 */
export type SessionProblem =
  | { kind: 'unknownDevRole'; role: string }
  | { kind: 'devRoleMissing'; role: string }
  | { kind: 'devUnavailable'; error: unknown }
  | { kind: 'signIn'; signIn: SignInProblem }
  | { kind: 'error'; error: unknown };

export type SessionResult = (
  | { kind: 'ready'; session: PanelSession }
  | { kind: 'notInTeams' }
  /** In Teams, but not in a meeting (a personal app, a chat without a meeting). */
  | { kind: 'notInMeeting' }
  /** `retry: false`: a setup problem only an admin can fix, where trying again would only loop. */
  | { kind: 'failed'; problem: SessionProblem; retry?: boolean }
) & {
  /** Teams' `app.locale` (`de-de`), once the host has said it: the panel's language unless `?locale=` names one. */
  locale?: string;
};

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

/** `?locale=` on the panel's URL: the local meeting page (and tests) choose the language this way. */
export function localeFromQuery(search: string = window.location.search): string | null {
  return new URLSearchParams(search).get('locale');
}
