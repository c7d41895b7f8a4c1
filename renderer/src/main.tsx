import { Provider } from '@navikt/ds-react';
import { nb } from '@navikt/ds-react/locales';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { callOrThrow, contractKey, queryClient } from './api/query';
import { prefetchWorklist } from './features/worklist/worklist-query';
import './styles.css';

// Everything the first screen waits for is asked for now, all at once, while React is still starting: the shell
// shows nothing before app.info, the lock gate nothing before lock.status, and the worklist is the first screen.
// (Asked from the components instead, each waited for the one before it to render.) The small ones go first:
// the server answers in order.
for (const method of ['app.info', 'lock.status'] as const) {
  void queryClient.prefetchQuery({ queryKey: contractKey(method, {}), queryFn: () => callOrThrow(method, {}) });
}
prefetchWorklist();
void queryClient.prefetchQuery({ queryKey: contractKey('profile.get', {}), queryFn: () => callOrThrow('profile.get', {}) });

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
