import { Alert, Button, Heading, Select } from '@navikt/ds-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { PlanListRow } from '../../../../shared/contract/plans';
import { keepPreviousData } from '@tanstack/react-query';
import { useContractQuery } from '../../api/query';
import { EmptyState } from '../../components/EmptyState';
import { formatDate, todayInOslo } from '../../../../shared/domain/time';
import { useUi } from '../../stores/ui';
import { openWithNew, useNewAction } from '../shell/new-action';
import { useArrivalFocus } from '../shell/arrival-focus';
import { DueDate } from '../../components/DueDate';
import './plans.css';

const HORIZONS = [
  { value: '0', label: 'Forfalt nå' },
  { value: '14', label: 'Neste 14 dager' },
  { value: '30', label: 'Neste 30 dager' },
  { value: 'all', label: 'Alle planer med datoer' },
] as const;

/** "Planer": individual plans due for revision and measures due or overdue, across the caseload, earliest first. */
export function PlansScreen() {
  const navigated = useUi((s) => s.navigated);
  const [horizon, setHorizon] = useState<string>('30');
  const list = useContractQuery('plans.list', { horizonDays: horizon === 'all' ? null : Number(horizon), limit: 500 }, { placeholderData: keepPreviousData });
  const rows: PlanListRow[] | null = list.data?.rows ?? null;
  const total = list.data?.total ?? 0;
  const error = list.error?.message ?? null;
  const [chosen, setSelected] = useState(0);
  const selected = Math.min(chosen, Math.max(0, (rows?.length ?? 0) - 1));
  const gridRef = useRef<HTMLDivElement>(null);
  useArrivalFocus(gridRef, (rows?.length ?? 0) > 0);

  useEffect(() => {
    const row = rows?.[selected];
    if (row) document.getElementById(`plan-row-${row.patientId}`)?.scrollIntoView({ block: 'nearest' });
  }, [selected, rows]);

  const openPatient = (patientId: number) => navigated({ screen: 'patient', patientId, from: 'plans', section: 'plan' });
  // `n`: a new goal in the chosen plan (its patient's plan tab opens with the dialog).
  useNewAction(
    'Nytt mål i valgt plan',
    () => {
      const row = rows?.[selected];
      if (row) openWithNew(() => openPatient(row.patientId));
    },
    (rows?.length ?? 0) > 0,
  );

  function onKeyDown(e: KeyboardEvent) {
    const n = rows?.length ?? 0;
    if (e.key === 'ArrowDown' || e.key === 'j') setSelected((s) => Math.min(n - 1, s + 1));
    else if (e.key === 'ArrowUp' || e.key === 'k') setSelected((s) => Math.max(0, s - 1));
    else if (e.key === 'Home') setSelected(0);
    else if (e.key === 'End') setSelected(Math.max(0, n - 1));
    else if (e.key === 'Enter') {
      const row = rows?.[selected];
      if (row) openPatient(row.patientId);
    } else return;
    e.preventDefault();
  }

  const today = todayInOslo();
  const active = rows?.[selected];
  return (
    <section aria-labelledby="plans-title">
      <div className="screen-title">
        <Heading level="1" size="medium" id="plans-title">
          Planer
        </Heading>
        <span className="muted" aria-live="polite">
          {total} {total === 1 ? 'plan trenger oppfølging' : 'planer trenger oppfølging'}
        </span>
      </div>
      <div className="toolbar">
        <Select size="small" label="Vis" value={horizon} onChange={(e) => setHorizon(e.target.value)}>
          {HORIZONS.map((h) => (
            <option key={h.value} value={h.value}>
              {h.label}
            </option>
          ))}
        </Select>
        <span className="muted" style={{ alignSelf: 'center' }}>
          Revisjoner som ikke er gjennomført og tiltak med frist. Overskredne vises alltid.
        </span>
      </div>
      {error && (
        <Alert variant="error" size="small">
          {error}
        </Alert>
      )}
      {rows && rows.length === 0 ? (
        <EmptyState
          title="Ingen planer trenger oppfølging nå"
          action={
            <Button size="small" variant="secondary" onClick={() => navigated({ screen: 'worklist' })}>
              Gå til arbeidslisten
            </Button>
          }
        >
          Her ser du individuelle planer med revisjon som nærmer seg eller er passert, og tiltak med frist – for hele pasientlisten din. En plan opprettes fra
          pasientsiden, under fanen «Individuell plan».
        </EmptyState>
      ) : (
        rows && (
          <div
            ref={gridRef}
            className="grid plans-grid"
            role="grid"
            aria-label="Planer"
            aria-rowcount={rows.length + 1}
            tabIndex={0}
            aria-activedescendant={active ? `plan-row-${active.patientId}` : undefined}
            onKeyDown={onKeyDown}
            data-testid="plans-grid"
          >
            <div className="grid-head" role="row" aria-rowindex={1}>
              <div role="columnheader">Pasient</div>
              <div role="columnheader">Fødselsnr.</div>
              <div role="columnheader">Trenger oppfølging</div>
              <div role="columnheader">Revisjon</div>
              <div role="columnheader">Tiltak over fristen</div>
              <div role="columnheader">Neste tiltaksfrist</div>
            </div>
            <div role="rowgroup">
              {rows.map((r, i) => (
                <div
                  key={r.patientId}
                  id={`plan-row-${r.patientId}`}
                  className="grid-row"
                  role="row"
                  aria-rowindex={i + 2}
                  aria-selected={i === selected}
                  onClick={() => setSelected(i)}
                  onDoubleClick={() => openPatient(r.patientId)}
                >
                  <div role="gridcell">{r.name}</div>
                  <div role="gridcell" className="mono">
                    {r.nationalIdMasked}
                  </div>
                  <div role="gridcell">
                    <DueDate window="plan" due={r.attentionDate} today={today} stacked />
                  </div>
                  <div role="gridcell">
                    {r.revisionDate ? (
                      <DueDate window="plan" due={r.revisionDate} today={today} showState={false} stacked />
                    ) : (
                      <span className="muted">Ikke satt</span>
                    )}
                  </div>
                  <div role="gridcell">
                    {r.overdueMeasures === 0 ? (
                      <span className="muted">Ingen</span>
                    ) : (
                      <>
                        <strong>{r.overdueMeasures}</strong> tiltak
                        {r.firstOverdueDue && <div className="muted plan-small">eldste frist {formatDate(r.firstOverdueDue)}</div>}
                      </>
                    )}
                  </div>
                  <div role="gridcell">
                    {r.nextMeasureDue ? (
                      <DueDate window="plan" due={r.nextMeasureDue} today={today} showState={false} stacked />
                    ) : (
                      <span className="muted">–</span>
                    )}
                  </div>
                </div>
              ))}
            </div>
          </div>
        )
      )}
    </section>
  );
}
