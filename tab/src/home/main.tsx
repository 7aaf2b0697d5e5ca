import '../zodConfig.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HomeApp } from './HomeApp.js';

const container = document.getElementById('root');
if (!container) throw new Error('home.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <HomeApp />
  </StrictMode>,
);
