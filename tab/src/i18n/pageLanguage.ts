import { setRequestLanguage } from '../api/http.js';
import { requestTag } from '../host/locale.js';
import type { I18nSetup } from './startI18n.js';
import { translator } from './useT.js';

/**
 * A page's language for everything outside React too: the service words its
 * errors in it (`Accept-Language` on every request) and the tab's own
 * connection messages read in it. Called before the first render and on
 * every change of language, ahead of the requests that follow.
 */
export function applyPageLanguage(setup: I18nSetup): I18nSetup {
  setRequestLanguage(requestTag(setup.locale), translator(setup.i18n));
  return setup;
}
