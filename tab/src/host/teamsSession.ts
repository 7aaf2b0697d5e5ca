import { app, authentication } from '@microsoft/teams-js';
import { SeriesSummary } from '../../../domain/api.js';
import { messageOf, request } from '../api/http.js';
import type { SessionResult } from './session.js';
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

  try {
    const context = await app.getContext();
    const chatId = context.chat?.id;
    if (!chatId) {
      return { kind: 'failed', message: 'Open 1:1 Companion from a meeting: this place has no meeting chat.' };
    }
    const getToken = () => authentication.getAuthToken();
    const summary = await request(
      { getToken },
      'GET',
      `/api/chats/${encodeURIComponent(chatId)}/series`,
      SeriesSummary,
    );
    // Only matters when the manifest asks Teams to show a loading indicator; never fatal.
    app.notifySuccess().catch(() => undefined);
    const pinned = themeFromQuery();
    return {
      kind: 'ready',
      session: {
        seriesId: summary.id,
        getToken,
        theme: pinned ?? themeName(context.app.theme) ?? 'default',
        onThemeChange: pinned
          ? undefined
          : (listener) => app.registerOnThemeChangeHandler((theme) => listener(themeName(theme) ?? 'default')),
      },
    };
  } catch (error) {
    return { kind: 'failed', message: messageOf(error) };
  }
}
