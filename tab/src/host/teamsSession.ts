import { app, authentication, FrameContexts, meeting } from '@microsoft/teams-js';
import { SeriesSummary } from '../../../domain/api.js';
import { request, requestLanguage, setRequestLanguage } from '../api/http.js';
import { requestTag } from './locale.js';
import type { SessionResult, StageShare, Surface } from './session.js';
import { SignInError, signInProblem } from './ssoProblem.js';
import { themeFromQuery, themeName } from './theme.js';

/**
 * teams-js' `app.initialize()` rejects at once in a top-level page but waits
 * 60 s in a foreign iframe, so a panel opened outside Teams would hang: rule
 * out the obvious cases up front and race the rest against a short timeout.
 */
const INITIALIZE_TIMEOUT_MS = 3_000;

function mayBeInTeams(): boolean {
  const framed = window.parent !== window || window.opener !== null;
  // Teams mobile loads tabs in a frameless web view that exposes this bridge.
  const nativeBridge = 'nativeInterface' in window;
  return framed || nativeBridge;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve('timeout'), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function surfaceOf(frameContext: FrameContexts | undefined): Surface {
  if (frameContext === FrameContexts.meetingStage) return 'stage';
  if (frameContext === FrameContexts.sidePanel) return 'sidePanel';
  return 'content';
}

/** Teams' SSO token for the signed-in person; its failure reason travels as a SignInError. */
function teamsToken(): Promise<string> {
  return authentication.getAuthToken().catch((error: unknown) => {
    throw new SignInError(error instanceof Error ? error.message : String(error));
  });
}

/** Teams decides who may share to the stage (presenters, organizers): ask it, never assume. */
function stageShare(contentUrl: string): Promise<StageShare | undefined> {
  return new Promise((resolve) => {
    try {
      meeting.getAppContentStageSharingCapabilities((error, capabilities) => {
        if (error || !capabilities?.doesAppHaveSharePermission) return resolve(undefined);
        resolve({
          share: () =>
            new Promise<void>((done, fail) =>
              meeting.shareAppContentToStage((shareError) => {
                // Teams' own words, when it gives any; the panel says the rest in the person's language.
                if (shareError) fail(new Error(shareError.message ?? ''));
                else done();
              }, contentUrl),
            ),
        });
      });
    } catch {
      // Not a meeting surface this client can share from.
      resolve(undefined);
    }
  });
}

/** True once teams-js is initialised inside Teams; false, quickly, anywhere else. */
export async function initializeInTeams(): Promise<boolean> {
  if (!mayBeInTeams()) return false;
  try {
    return (await withTimeout(app.initialize(), INITIALIZE_TIMEOUT_MS)) !== 'timeout';
  } catch {
    return false;
  }
}

export async function teamsSession(): Promise<SessionResult> {
  if (!(await initializeInTeams())) return { kind: 'notInTeams' };

  let locale: string | undefined;
  try {
    const context = await app.getContext();
    locale = context.app.locale || undefined;
    // `?locale=` (set before this) wins; otherwise the service answers in Teams' language from the first call.
    if (locale && requestLanguage() === undefined) setRequestLanguage(requestTag(locale));
    const chatId = context.chat?.id;
    // A 1:1 lives in its meeting's chat: a personal app or a chat without a meeting has no 1:1 to show.
    if (!chatId || !context.meeting?.id) return { kind: 'notInMeeting', ...(locale ? { locale } : {}) };
    const summary = await request(
      { getToken: teamsToken },
      'GET',
      `/api/chats/${encodeURIComponent(chatId)}/series`,
      SeriesSummary,
    );
    // Only matters when the manifest asks Teams to show a loading indicator; never fatal.
    app.notifySuccess().catch(() => undefined);
    const surface = surfaceOf(context.page.frameContext);
    const share = surface === 'sidePanel' ? await stageShare(`${window.location.origin}/panel.html`) : undefined;
    const pinned = themeFromQuery();
    return {
      kind: 'ready',
      ...(locale ? { locale } : {}),
      session: {
        seriesId: summary.id,
        getToken: teamsToken,
        theme: pinned ?? themeName(context.app.theme) ?? 'default',
        onThemeChange: pinned
          ? undefined
          : (listener) => app.registerOnThemeChangeHandler((theme) => listener(themeName(theme) ?? 'default')),
        surface,
        ...(share ? { stageShare: share } : {}),
      },
    };
  } catch (error) {
    const signIn = signInProblem(error);
    const failed = signIn
      ? { kind: 'failed' as const, problem: { kind: 'signIn' as const, signIn: signIn.signIn }, retry: signIn.retry }
      : { kind: 'failed' as const, problem: { kind: 'error' as const, error } };
    return { ...failed, ...(locale ? { locale } : {}) };
  }
}
