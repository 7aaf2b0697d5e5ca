import '../zodConfig.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MeetingPage } from './MeetingPage.js';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <MeetingPage />
  </StrictMode>,
);
