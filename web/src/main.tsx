import 'dkfds-dist/css/dkfds.min.css';
import './styles/app.css';
import './styles/coordination.css';
import './styles/caseload.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App.js';
import { createQueryClient } from './api/queryClient.js';
import { initI18n } from './i18n/index.js';
import { preloadForPath } from './preload.js';

const queryClient = createQueryClient();
preloadForPath(window.location.pathname, queryClient);

async function start(): Promise<void> {
  await initI18n();
  const container = document.getElementById('root');
  if (!container) throw new Error('#root is missing from index.html');
  createRoot(container).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </QueryClientProvider>
    </StrictMode>,
  );
}

void start();
