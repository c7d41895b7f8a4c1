import { Alert, Button, Heading, Search, Select } from '@navikt/ds-react';
import { useEffect, useRef } from 'react';
import { PATHWAY_TYPES, SETTINGS, type PathwayTypeId, type SettingId } from '../../../../shared/domain/pathway-types';
import { onChanged } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { useUi } from '../../stores/ui';
import { useWorklist } from '../../stores/worklist';
import { WorklistGrid } from './WorklistGrid';

export function WorklistScreen() {
  const { filter, total, status, error, rows } = useWorklist();
  const filterChanged = useWorklist((s) => s.filterChanged);
  const invalidated = useWorklist((s) => s.invalidated);
  const navigated = useUi((s) => s.navigated);
  const newReferral = useUi((s) => s.newReferralToggled);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void invalidated();
    return onChanged(() => void invalidated());
  }, [invalidated]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '/' && !(e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement)) {
        e.preventDefault();
        searchRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const open = (patientId: number) => navigated({ screen: 'patient', patientId, from: 'worklist' });
  const filtered = filter.search !== '' || filter.pathwayType !== '' || filter.setting !== '';

  return (
    <section aria-labelledby="worklist-title">
      <div className="screen-title">
        <Heading level="1" size="medium" id="worklist-title">
          Arbeidsliste
        </Heading>
        <span className="muted" aria-live="polite">
          {total} {total === 1 ? 'åpent forløp' : 'åpne forløp'}
        </span>
      </div>
      <div className="toolbar" role="search">
        <Search
          ref={searchRef}
          size="small"
          label="Søk på navn eller fødselsnummer (/)"
          variant="simple"
          value={filter.search}
          onChange={(v) => filterChanged({ search: v })}
          onClear={() => filterChanged({ search: '' })}
          htmlSize={28}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === 'ArrowDown') document.querySelector<HTMLElement>('[data-testid="worklist-scroll"]')?.focus();
          }}
        />
        <Select size="small" label="Forløpstype" value={filter.pathwayType} onChange={(e) => filterChanged({ pathwayType: e.target.value as PathwayTypeId | '' })}>
          <option value="">Alle forløp</option>
          {PATHWAY_TYPES.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </Select>
        <Select size="small" label="Nivå" value={filter.setting} onChange={(e) => filterChanged({ setting: e.target.value as SettingId | '' })}>
          <option value="">Alle</option>
          {SETTINGS.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </Select>
        <Button size="small" onClick={() => newReferral(true)}>
          Ny henvisning (n)
        </Button>
      </div>
      {error && (
        <Alert variant="error" size="small">
          {error}
        </Alert>
      )}
      {status !== 'idle' && rows.length === 0 && status !== 'loading' ? (
        filtered ? (
          <EmptyState title="Ingen treff">Ingen åpne forløp passer med søket eller filteret. Tøm søket for å se hele arbeidslisten.</EmptyState>
        ) : (
          <EmptyState title="Arbeidslisten er tom" action={<Button size="small" onClick={() => newReferral(true)}>Registrer første henvisning</Button>}>
            Her ser du pasientene dine fram til de har fått egen behandler: hva som skal skje, og når. Start med å registrere en
            henvisning (tast <kbd>n</kbd>).
          </EmptyState>
        )
      ) : (
        <WorklistGrid onOpen={open} />
      )}
    </section>
  );
}
