import '../zodConfig.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { domainCatalog } from '../i18n/catalogs/domain.js';
import { homeCatalog } from '../i18n/catalogs/home.js';
import { requestedLocale } from '../i18n/pageLocale.js';
import { startI18n } from '../i18n/startI18n.js';
import { HomeApp } from './HomeApp.js';

const container = document.getElementById('root');
if (!container) throw new Error('home.html has no #root element');
// The browser's language until Teams says its own (HomeApp switches before the home shows).
const setup = await startI18n([homeCatalog, domainCatalog], requestedLocale());
createRoot(container).render(
  <StrictMode>
    <HomeApp initial={setup} />
  </StrictMode>,
);
