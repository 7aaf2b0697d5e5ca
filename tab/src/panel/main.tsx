import '../zodConfig.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PanelApp } from './PanelApp.js';

const container = document.getElementById('root');
if (!container) throw new Error('panel.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <PanelApp />
  </StrictMode>,
);
