import { Alert, InternalHeader, Spacer, Tag } from '@navikt/ds-react';
import { MagnifyingGlassIcon } from '@navikt/aksel-icons';
import { Suspense, useState } from 'react';
import { useContractQuery } from './api/query';
import { ErrorBoundary } from './components/ErrorBoundary';
import { lazyNamed } from './lib/lazy-named';
import { OnceOpened } from './components/OnceOpened';
import { SCREENS } from './features/shell/screens';
import { useGlobalShortcuts } from './features/shell/useGlobalShortcuts';
import { useDiscardQuestion } from './forms/unsaved';
import { useUi } from './stores/ui';
import { LockGate, TrustStatus, WhenUnlocked } from './features/trust/LockGate';
import { StoreStatus } from './features/store/StoreStatus';

const PatientPage = lazyNamed(() => import('./features/patient/PatientPage'), 'PatientPage');
// Dialogs are loaded when first opened (components/OnceOpened.tsx): the start chunk holds the worklist only.
const FirstRun = lazyNamed(() => import('./features/profile/FirstRun'), 'FirstRun');
const NewReferralDialog = lazyNamed(() => import('./features/referral/NewReferralDialog'), 'NewReferralDialog');
const FindPatientDialog = lazyNamed(() => import('./features/patient-search/FindPatientDialog'), 'FindPatientDialog');
const DiscardDialog = lazyNamed(() => import('./components/DiscardDialog'), 'DiscardDialog');
const ShortcutsDialog = lazyNamed(() => import('./features/shell/ShortcutsDialog'), 'ShortcutsDialog');

export function App() {
  const infoQuery = useContractQuery('app.info', {});
  const info = infoQuery.data ?? null;
  const failure = infoQuery.error?.message ?? null;
  const profileName = useContractQuery('profile.get', {}).data?.me?.name ?? '';
  const route = useUi((s) => s.route);
  const navigated = useUi((s) => s.navigated);
  useGlobalShortcuts();
  const [finding, setFinding] = useState(false);
  const newReferralOpen = useUi((s) => s.newReferralOpen);
  const shortcutsOpen = useUi((s) => s.shortcutsOpen);
  const discardAsked = useDiscardQuestion((s) => s.asking);

  if (failure)
    return (
      <p role="alert" style={{ padding: 24 }}>
        {failure}
      </p>
    );
  if (!info) return null;
  if (info.needsProfile)
    return (
      <Suspense fallback={null}>
        <FirstRun onDone={() => void infoQuery.refetch()} />
      </Suspense>
    );

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
      <OnceOpened open={discardAsked}>
        <DiscardDialog />
      </OnceOpened>
      <OnceOpened open={finding}>
        <FindPatientDialog open={finding} onClose={() => setFinding(false)} from={'from' in route ? route.from : route.screen} />
      </OnceOpened>
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
        <OnceOpened open={newReferralOpen}>
          <NewReferralDialog demo={info.demo} />
        </OnceOpened>
        <OnceOpened open={shortcutsOpen}>
          <ShortcutsDialog />
        </OnceOpened>
      </WhenUnlocked>
    </div>
  );
}
