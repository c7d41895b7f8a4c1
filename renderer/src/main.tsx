import { Provider } from '@navikt/ds-react';
import { nb } from '@navikt/ds-react/locales';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { queryClient } from './api/query';
import { prefetchWorklist } from './features/worklist/worklist-query';
import './styles.css';

// The worklist is the first screen: ask for its first page while React is still starting.
prefetchWorklist();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <Provider locale={nb}>
          <App />
        </Provider>
      </QueryClientProvider>
    </StrictMode>,
  );
}
