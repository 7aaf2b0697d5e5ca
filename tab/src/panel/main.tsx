import '../zodConfig.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setRequestLanguage } from '../api/http.js';
import { requestTag } from '../host/locale.js';
import { localeFromQuery, resolveSession } from '../host/session.js';
import { panelCatalog } from '../i18n/catalogs/panel.js';
import { I18nRoot } from '../i18n/I18nRoot.js';
import { startI18n } from '../i18n/startI18n.js';
import { translator } from '../i18n/useT.js';
import { PanelApp } from './PanelApp.js';

/**
 * The panel's language is settled before its first render, so nothing
 * flashes in English: `?locale=` (the local meeting page, tests) or else
 * Teams' `app.locale`, which comes with the session. Until then the
 * skeleton in panel.html shows, which has no words.
 */
async function start(container: HTMLElement) {
  const queried = localeFromQuery();
  if (queried) setRequestLanguage(requestTag(queried));
  const session = resolveSession();
  // With `?locale=` the catalogs load while the session resolves.
  // The domain's texts load with the sections that read them (domainTexts.ts).
  const setup = await startI18n([panelCatalog], queried ?? (await session).locale);
  setRequestLanguage(requestTag(setup.locale), translator(setup.i18n));
  document.title = translator(setup.i18n)('panel.documentTitle');
  const first = await session;
  createRoot(container).render(
    <StrictMode>
      <I18nRoot setup={setup}>
        <PanelApp first={first} />
      </I18nRoot>
    </StrictMode>,
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('panel.html has no #root element');
void start(container);
