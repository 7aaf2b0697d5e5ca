import '../zodConfig.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConfigApp } from './ConfigApp.js';

const container = document.getElementById('root');
if (!container) throw new Error('config.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <ConfigApp />
  </StrictMode>,
);
