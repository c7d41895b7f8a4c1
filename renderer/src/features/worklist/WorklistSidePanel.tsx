import { Alert, BodyShort, Button, Heading } from '@navikt/ds-react';
import { keepPreviousData } from '@tanstack/react-query';
import { memo, useEffect, useRef, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import type { WorklistRow } from '../../../../shared/contract/worklist';
import { pathwayTypeLabel, settingLabel } from '../../../../shared/domain/pathway-types';
import { useContractQuery } from '../../api/query';
import { DueDate } from '../../components/DueDate';
import { formatDate } from '../../../../shared/domain/time';
import { BreachReasonForm, DeadlineExplanation } from '../pathways/DeadlineExplanation';
import { EVENT_KEYS } from '../pathways/EventDialog';
import { ResponsiblePicker } from './ResponsiblePicker';

export type Explanation = Output<'pathways.getExplanation'>;

/**
 * The selected row's next deadline and why it falls where it does, the breach-reason prompt when it has
 * passed, and the single keys for recording what happened.
 */
export const WorklistSidePanel = memo(function WorklistSidePanel({
  row,
  onEvent,
  onOpen,
  onLoaded,
}: {
  row: WorklistRow | null;
  onEvent: (key: string) => void;
  onOpen: () => void;
  onLoaded: (e: Explanation | null) => void;
}) {
  const pathwayId = row?.pathwayId ?? null;
  // Wait until the selection rests: moving through the list with j/k does not open every record.
  const [resting, setResting] = useState<number | null>(null);
  // The first selection (the list just arrived) is asked for at once: nobody is moving through the list yet.
  const first = useRef(true);
  useEffect(() => {
    if (pathwayId === null) {
      first.current = true;
      return setResting(null);
    }
    if (first.current) {
      first.current = false;
      return setResting(pathwayId);
    }
    const timer = setTimeout(() => setResting(pathwayId), 200);
    return () => clearTimeout(timer);
  }, [pathwayId]);
  const query = useContractQuery('pathways.getExplanation', { pathwayId: resting ?? 0 }, { enabled: resting !== null, placeholderData: keepPreviousData });
  const data = resting === null ? null : (query.data ?? null);
  const error = query.error?.message ?? null;
  useEffect(() => onLoaded(data), [data, onLoaded]);

  if (!row) return <aside className="side-panel" aria-label="Valgt pasient" />;
  const p = data?.pathway.id === row.pathwayId ? data.pathway : null;
  const next = p?.nextAction ?? null;
  const open = p?.deadlines.filter((d) => d.key !== next?.key && d.met === null) ?? [];
  // The row is on the worklist, which lists open pathways only: its keys work before the explanation arrives
  // (they were greyed for a moment at start and after every move, until the server answered).
  const closed = p !== null && p.status !== 'open';
  const explaining = p === null && !error;
  return (
    <aside className="side-panel" aria-labelledby="side-title" data-testid="explanation-panel">
      <Heading level="2" size="xsmall" id="side-title">
        {row.name}
      </Heading>
      <BodyShort size="small" className="muted" spacing>
        {pathwayTypeLabel(row.pathwayType)}, {settingLabel(row.setting).toLowerCase()}
      </BodyShort>
      {error && (
        <Alert variant="error" size="small">
          {error}
        </Alert>
      )}
      {(next || (!p && row.nextActionLabel !== '')) && (
        // Before the explanation arrives, the row's own next step and deadline show at once, and the explanation's
        // place is held at about its size, so the keys below do not jump when it arrives.
        <section aria-labelledby="side-next" aria-busy={explaining}>
          <Heading level="3" size="xsmall" id="side-next">
            Neste steg: {next ? next.label : row.nextActionLabel}
          </Heading>
          <p style={{ margin: '4px 0' }}>
            {next ? <DueDate due={next.due} met={next.met} window="pathway" /> : <DueDate due={row.dueDate} window="pathway" />}
            {next && next.patientPostponedDays > 0 && (
              <span className="wl-postponed">
                Pasientutsatt (L): {next.patientPostponedDays} {next.patientPostponedDays === 1 ? 'dag' : 'dager'} av ventetiden skyldes pasienten
              </span>
            )}
            {row.flags.patientPostponedFrom && !(next && next.patientPostponedDays > 0) && (
              <span className="wl-postponed">Pasientutsatt (L) fra {formatDate(row.flags.patientPostponedFrom)}</span>
            )}
          </p>
          <Heading level="4" size="xsmall" className="muted" style={{ fontSize: 13, margin: '8px 0 2px' }}>
            Hvorfor denne fristen
          </Heading>
          {next ? (
            <DeadlineExplanation deadline={next} />
          ) : (
            // The explanation's own grid and its usual lines (Regnes fra, Tid, Regel: the rule's source wraps).
            <dl className="explain-grid muted" aria-label="Forklaringen hentes">
              <dt>Regnes fra</dt>
              <dd style={{ minHeight: '2lh' }}>{explaining ? 'Henter forklaringen …' : ''}</dd>
              <dt>Tid</dt>
              <dd />
              <dt>Regel</dt>
              <dd style={{ minHeight: '3lh' }} />
            </dl>
          )}
          {next?.state === 'overdue' && next.met === null && (
            <div style={{ marginTop: 12 }}>
              {next.breachReason ? (
                <Alert variant="info" size="small" style={{ marginBottom: 8 }}>
                  Årsak til overskridelse: {next.breachReason.label}
                  {next.breachReason.note ? ` – ${next.breachReason.note}` : ''}
                </Alert>
              ) : (
                <Alert variant="warning" size="small" style={{ marginBottom: 8 }}>
                  Fristen er passert. Oppgi årsak til overskridelse (r).
                </Alert>
              )}
              <BreachReasonForm
                key={`${row.pathwayId}-${next.key}-${next.breachReason?.code ?? ''}`}
                pathwayId={row.pathwayId}
                deadline={next}
                reasons={data?.breachReasons ?? []}
              />
            </div>
          )}
        </section>
      )}
      {open.length > 0 && (
        <section aria-labelledby="side-other" style={{ marginTop: 12 }}>
          <Heading level="3" size="xsmall" id="side-other">
            Andre åpne frister
          </Heading>
          {open.map((d) => (
            <details key={d.key} style={{ margin: '4px 0' }}>
              <summary>
                {d.label}: <DueDate due={d.due} met={d.met} window="pathway" />
              </summary>
              <DeadlineExplanation deadline={d} />
            </details>
          ))}
        </section>
      )}
      {p && p.dataQuality.length > 0 && (
        <Alert variant="warning" size="small" style={{ marginTop: 12 }}>
          <strong>Datakvalitet:</strong>
          <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
            {p.dataQuality.map((f, i) => (
              <li key={i}>{f.message}</li>
            ))}
          </ul>
        </Alert>
      )}
      <ResponsiblePicker key={row.pathwayId} row={row} />
      <section aria-labelledby="side-keys" style={{ marginTop: 12 }}>
        <Heading level="3" size="xsmall" id="side-keys">
          Registrer
        </Heading>
        <div className="key-list">
          {EVENT_KEYS.map((k) => (
            <Button key={k.key} size="xsmall" variant="tertiary" onClick={() => onEvent(k.key)} disabled={closed}>
              <span>
                <span>{k.label}</span> <kbd>{k.key}</kbd>
              </span>
            </Button>
          ))}
        </div>
        <div style={{ marginTop: 8 }}>
          <Button size="xsmall" variant="tertiary" onClick={onOpen}>
            Åpne pasienten (Enter)
          </Button>
        </div>
      </section>
    </aside>
  );
});
