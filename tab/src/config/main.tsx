import '../zodConfig.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { pagesCatalog } from '../i18n/catalogs/pages.js';
import { applyPageLanguage } from '../i18n/pageLanguage.js';
import { requestedLocale } from '../i18n/pageLocale.js';
import { startI18n } from '../i18n/startI18n.js';
import { ConfigApp } from './ConfigApp.js';

/** The page's language is settled before its first render, so nothing flashes in another. */
async function start(container: HTMLElement) {
  // The browser's language until Teams says its own (ConfigApp switches once the host answers).
  const setup = applyPageLanguage(await startI18n([pagesCatalog], requestedLocale()));
  createRoot(container).render(
    <StrictMode>
      <ConfigApp initial={setup} />
    </StrictMode>,
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('config.html has no #root element');
void start(container);
