import type { pages } from '@microsoft/teams-js';

/** One tab per meeting chat; the series is found from the chat id, so nothing else needs saving. */
export const TAB_ENTITY_ID = 'one-on-one-companion';
export const TAB_DISPLAY_NAME = '1:1 Companion';

/**
 * What the configuration page saves. The page is served by the service at
 * PUBLIC_URL/config.html, so its own origin is PUBLIC_URL and the panel sits
 * beside it. The same URL opens outside Teams, where the panel says so.
 */
export function tabInstanceConfig(origin: string): pages.InstanceConfig {
  const base = origin.replace(/\/+$/, '');
  return {
    entityId: TAB_ENTITY_ID,
    suggestedDisplayName: TAB_DISPLAY_NAME,
    contentUrl: `${base}/panel.html`,
    websiteUrl: `${base}/panel.html`,
  };
}
