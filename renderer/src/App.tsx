import { Alert, InternalHeader, Spacer, Tag } from '@navikt/ds-react';
import { MagnifyingGlassIcon } from '@navikt/aksel-icons';
import { Suspense, useState } from 'react';
import { useContractQuery } from './api/query';
import { DiscardDialog } from './components/DiscardDialog';
import { ErrorBoundary } from './components/ErrorBoundary';
import { lazyNamed } from './lib/lazy-named';
import { FirstRun } from './features/profile/FirstRun';
import { NewReferralDialog } from './features/referral/NewReferralDialog';
import { FindPatientDialog } from './features/patient-search/FindPatientDialog';
import { SCREENS } from './features/shell/screens';
import { ShortcutsDialog } from './features/shell/ShortcutsDialog';
import { useGlobalShortcuts } from './features/shell/useGlobalShortcuts';
import { useUi } from './stores/ui';
import { LockGate, TrustStatus, WhenUnlocked } from './features/trust/LockGate';
import { StoreStatus } from './features/store/StoreStatus';

const PatientPage = lazyNamed(() => import('./features/patient/PatientPage'), 'PatientPage');

export function App() {
  const infoQuery = useContractQuery('app.info', {});
  const info = infoQuery.data ?? null;
  const failure = infoQuery.error?.message ?? null;
  const profileName = useContractQuery('profile.get', {}).data?.me?.name ?? '';
  const route = useUi((s) => s.route);
  const navigated = useUi((s) => s.navigated);
  useGlobalShortcuts();
  const [finding, setFinding] = useState(false);

  if (failure)
    return (
      <p role="alert" style={{ padding: 24 }}>
        {failure}
      </p>
    );
  if (!info) return null;
  if (info.needsProfile) return <FirstRun onDone={() => void infoQuery.refetch()} />;

  const current = 'from' in route ? route.from : route.screen;
  return (
    <div className="app">
      <InternalHeader>
        <InternalHeader.Title as="span">Forløpsbenk</InternalHeader.Title>
        {info.demo && (
          <Tag size="xsmall" variant="warning" style={{ alignSelf: 'center', marginLeft: 8 }}>
            DEMO – syntetiske data
          </Tag>
        )}
        <Spacer />
        <InternalHeader.Button onClick={() => setFinding(true)}>
          <MagnifyingGlassIcon aria-hidden fontSize="1.25rem" /> Finn pasient
        </InternalHeader.Button>
        <InternalHeader.User name={profileName} />
      </InternalHeader>
      <DiscardDialog />
      <FindPatientDialog open={finding} onClose={() => setFinding(false)} from={'from' in route ? route.from : route.screen} />
      {info.notices.length > 0 && (
        <div className="app-notices">
          {info.notices.map((n) => (
            <Alert key={n} variant="warning" size="small" role="status">
              {n}
            </Alert>
          ))}
        </div>
      )}
      <LockGate>
        <div className="app-body">
          <nav className="nav" aria-label="Hovedmeny">
            {SCREENS.map((s) => (
              <button key={s.id} type="button" aria-current={current === s.id ? 'page' : undefined} onClick={() => navigated({ screen: s.id })}>
                {s.label} <kbd>g {s.key}</kbd>
              </button>
            ))}
          </nav>
          <main className="main">
            <ErrorBoundary resetKey={route}>
              <Suspense fallback={null}>
                {'patientId' in route ? (
                  <PatientPage patientId={route.patientId} from={route.from} section={route.section} />
                ) : (
                  SCREENS.filter((s) => s.id === route.screen).map(({ id, Component }) => <Component key={id} />)
                )}
              </Suspense>
            </ErrorBoundary>
          </main>
        </div>
      </LockGate>
      <footer className="statusbar">
        <span>Forløpsbenk {info.version}</span>
        <span>{info.transport === 'browser' ? 'Nettlesermodus (kun denne maskinen)' : 'Skrivebordsprogram'}</span>
        <span>Trykk ? for hurtigtaster</span>
        <StoreStatus />
        <TrustStatus />
      </footer>
      <WhenUnlocked>
        <NewReferralDialog demo={info.demo} />
        <ShortcutsDialog />
      </WhenUnlocked>
    </div>
  );
}
