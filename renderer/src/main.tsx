import { Provider } from '@navikt/ds-react';
import { nb } from '@navikt/ds-react/locales';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';

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
