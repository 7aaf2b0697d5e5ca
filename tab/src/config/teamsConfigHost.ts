import { app, pages } from '@microsoft/teams-js';
import { themeName, type ThemeName } from '../host/theme.js';

export type ConfigHost =
  | { kind: 'teams'; theme: ThemeName; meetingChat: boolean; /** Teams' language, e.g. `de-de`. */ locale: string }
  | { kind: 'notInTeams' };

/**
 * teams-js' `app.initialize()` rejects at once in a top-level page but waits
 * 60 s in a foreign iframe: rule out the top-level case, then race the rest
 * against a short timeout (as the panel's session does).
 */
const INITIALIZE_TIMEOUT_MS = 3_000;

function mayBeInTeams(): boolean {
  return window.parent !== window || window.opener !== null || 'nativeInterface' in window;
}

export async function connectConfigHost(): Promise<ConfigHost> {
  if (!mayBeInTeams()) return { kind: 'notInTeams' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), INITIALIZE_TIMEOUT_MS);
  });
  try {
    if ((await Promise.race([app.initialize(), timedOut])) === 'timeout') return { kind: 'notInTeams' };
  } catch {
    return { kind: 'notInTeams' };
  } finally {
    clearTimeout(timer);
  }
  const context = await app.getContext();
  void app.notifySuccess();
  return {
    kind: 'teams',
    theme: themeName(context.app.theme) ?? 'default',
    meetingChat: Boolean(context.meeting?.id),
    locale: context.app.locale,
  };
}

/**
 * Hands Teams what to save when the person selects Save. There is nothing to
 * choose, so the page is valid at once; a failed save is reported to Teams
 * (which keeps the dialog open) and to the page.
 */
export function offerSave(
  config: pages.InstanceConfig,
  /** What to say when Teams gave no reason, in the reader's language. */
  refused: string,
  onFailure: (message: string) => void,
): void {
  pages.config.registerOnSaveHandler((saveEvent) => {
    pages.config.setConfig(config).then(
      () => saveEvent.notifySuccess(),
      (error: unknown) => {
        const message = error instanceof Error && error.message ? error.message : refused;
        onFailure(message);
        saveEvent.notifyFailure(message);
      },
    );
  });
  pages.config.setValidityState(true);
}
