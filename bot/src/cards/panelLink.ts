/**
 * The entity id the tab's configuration page gives the meeting tab
 * (`pages.config.setConfig({ entityId })`); Teams deep links address a tab by it.
 */
export const PANEL_ENTITY_ID = 'one-on-one-companion';

/**
 * Where "Open the 1:1 panel" points: a Teams deep link to the app's tab in
 * this meeting chat when the Teams app id is known, else the service's own
 * page (the local meeting page in dev mode), else nowhere.
 * Format: https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/deep-link-application
 */
export function panelLink(input: { teamsAppId?: string; publicUrl?: string; chatId: string }): string | undefined {
  if (input.teamsAppId) {
    const params = new URLSearchParams({
      label: '1:1 Companion',
      context: JSON.stringify({ chatId: input.chatId, contextType: 'chat' }),
      ...(input.publicUrl ? { webUrl: `${input.publicUrl.replace(/\/$/, '')}/panel.html` } : {}),
    });
    return `https://teams.microsoft.com/l/entity/${encodeURIComponent(input.teamsAppId)}/${PANEL_ENTITY_ID}?${params.toString()}`;
  }
  if (input.publicUrl) return `${input.publicUrl.replace(/\/$/, '')}/`;
  return undefined;
}

/** The entity id of the "My 1:1s" static tab in appPackage/manifest.json. */
export const HOME_ENTITY_ID = 'my-one-on-ones';

/**
 * Where "Open My 1:1s" points: a Teams deep link to the personal tab when the
 * Teams app id is known, else the service's home page, else nowhere.
 */
export function homeLink(input: { teamsAppId?: string; publicUrl?: string }): string | undefined {
  if (input.teamsAppId) {
    return `https://teams.microsoft.com/l/entity/${encodeURIComponent(input.teamsAppId)}/${HOME_ENTITY_ID}`;
  }
  if (input.publicUrl) return `${input.publicUrl.replace(/\/$/, '')}/home.html`;
  return undefined;
}
