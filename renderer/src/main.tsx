import { Provider } from '@navikt/ds-react';
import { nb } from '@navikt/ds-react/locales';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { useWorklist } from './stores/worklist';
import './styles.css';

// The worklist is the first screen: ask for its first page while React is still starting.
void useWorklist.getState().invalidated();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Provider locale={nb}>
        <App />
      </Provider>
    </StrictMode>,
  );
}
