import '../zodConfig.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { pagesCatalog } from '../i18n/catalogs/pages.js';
import { applyPageLanguage } from '../i18n/pageLanguage.js';
import { requestedLocale } from '../i18n/pageLocale.js';
import { startI18n } from '../i18n/startI18n.js';
import { MeetingApp } from './MeetingApp.js';

/** The page's language is settled before its first render, so nothing flashes in another. */
async function start(container: HTMLElement) {
  const setup = applyPageLanguage(await startI18n([pagesCatalog], requestedLocale()));
  createRoot(container).render(
    <StrictMode>
      <MeetingApp initial={setup} />
    </StrictMode>,
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
void start(container);
