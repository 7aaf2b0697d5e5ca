import { app, authentication } from '@microsoft/teams-js';
import { messageOf } from '../api/http.js';
import { initializeInTeams } from '../host/teamsSession.js';
import { themeFromQuery, themeName } from '../host/theme.js';
import type { HomeSessionResult } from './homeSession.js';

/** The personal tab in Teams: SSO token and theme from the host; no chat needed. */
export async function teamsHomeSession(): Promise<HomeSessionResult> {
  if (!(await initializeInTeams())) return { kind: 'notInTeams' };
  try {
    const context = await app.getContext();
    app.notifySuccess().catch(() => undefined);
    const pinned = themeFromQuery();
    return {
      kind: 'ready',
      session: {
        getToken: () => authentication.getAuthToken(),
        theme: pinned ?? themeName(context.app.theme) ?? 'default',
        locale: context.app.locale,
        onThemeChange: pinned
          ? undefined
          : (listener) => app.registerOnThemeChangeHandler((theme) => listener(themeName(theme) ?? 'default')),
        openLink: (url) => app.openLink(url),
      },
    };
  } catch (error) {
    return { kind: 'failed', reason: messageOf(error) };
  }
}
