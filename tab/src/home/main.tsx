import '../zodConfig.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { applyPageLanguage } from '../i18n/pageLanguage.js';
import { requestedLocale } from '../i18n/pageLocale.js';
import { startI18n } from '../i18n/startI18n.js';
import { HOME_CATALOGS, HomeApp } from './HomeApp.js';

/** The page's language is settled before its first render, so nothing flashes in another. */
async function start(container: HTMLElement) {
  // The browser's language until Teams says its own (HomeApp switches before the home shows).
  const setup = applyPageLanguage(await startI18n(HOME_CATALOGS, requestedLocale()));
  createRoot(container).render(
    <StrictMode>
      <HomeApp initial={setup} />
    </StrictMode>,
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('home.html has no #root element');
void start(container);
