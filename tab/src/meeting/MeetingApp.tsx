import { useState } from 'react';
import { pagesCatalog } from '../i18n/catalogs/pages.js';
import { I18nRoot } from '../i18n/I18nRoot.js';
import { applyPageLanguage } from '../i18n/pageLanguage.js';
import { localeFromQuery } from '../i18n/pageLocale.js';
import { startI18n, type I18nSetup } from '../i18n/startI18n.js';
import { MeetingPage } from './MeetingPage.js';
import type { PageLanguage } from './PageSettings.js';

/**
 * The local meeting page in the language picked on it: `?locale=`, else the
 * browser's. A language picked on the page is kept in the address and handed
 * on to both panels and to the bot.
 */
export function MeetingApp({ initial }: { initial: I18nSetup }) {
  const [setup, setSetup] = useState(initial);
  // Only a pinned language goes into the panels' addresses; otherwise they follow the browser, as the page does.
  const [pinned, setPinned] = useState(localeFromQuery());

  const changeLanguage = (language: PageLanguage) => {
    void startI18n([pagesCatalog], language).then((next) => {
      setPinned(language);
      setSetup(applyPageLanguage(next));
    });
  };

  return (
    <I18nRoot setup={setup}>
      <MeetingPage pinnedLocale={pinned} onLanguageChange={changeLanguage} />
    </I18nRoot>
  );
}
