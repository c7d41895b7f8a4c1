import { Tag } from '@navikt/ds-react';
import { Suspense } from 'react';
import type { DeadlineView } from '../../../../shared/contract/pathways';
import { formatDate } from '../../../../shared/domain/time';
import { lazyNamed } from '../../lib/lazy-named';

export const CONFIDENCE_LABELS = { confirmed: 'Bekreftet', local: 'Lokal regel', unconfirmed: 'Ikke bekreftet' } as const;

export function ConfidenceTag({ confidence }: { confidence: keyof typeof CONFIDENCE_LABELS }) {
  const variant = confidence === 'confirmed' ? 'success' : confidence === 'local' ? 'info' : 'warning';
  return (
    <Tag size="xsmall" variant={variant}>
      {confidence === 'unconfirmed' ? '⚠ ' : ''}
      {CONFIDENCE_LABELS[confidence]}
    </Tag>
  );
}

/** Why a deadline is where it is: start event and date, offset and unit, rule and version, holidays skipped. */
export function DeadlineExplanation({ deadline }: { deadline: DeadlineView }) {
  const e = deadline.explanation;
  if (!e) return <p className="explain">Ingen frist kan beregnes ut fra det som er registrert.</p>;
  const unit = e.unit === 'working' ? 'virkedager' : 'kalenderdager';
  return (
    <dl className="explain-grid" aria-label={`Forklaring: ${deadline.label}`}>
      <dt>Regnes fra</dt>
      <dd>
        {e.startEventLabel}
        {e.startDate ? ` ${formatDate(e.startDate)}` : ' (ikke registrert)'}
      </dd>
      {e.offset !== null && (
        <>
          <dt>Tid</dt>
          <dd>
            {e.offset} {unit}
          </dd>
        </>
      )}
      <dt>Regel</dt>
      <dd>
        {e.source} <ConfidenceTag confidence={e.confidence} />
      </dd>
      {e.note && (
        <>
          <dt>Merknad</dt>
          <dd>{e.note}</dd>
        </>
      )}
      {e.holidaysSkipped.length > 0 && (
        <>
          <dt>Helligdager</dt>
          <dd>{e.holidaysSkipped.map((h) => `${formatDate(h.date)} ${h.name}`).join(', ')}</dd>
        </>
      )}
      {deadline.patientPostponedDays > 0 && (
        <>
          <dt>Pasientutsatt</dt>
          <dd>{deadline.patientPostponedDays} dager tilskrives pasienten (fristen flyttes ikke)</dd>
        </>
      )}
    </dl>
  );
}

export interface BreachReasonFormProps {
  pathwayId: number;
  deadline: DeadlineView;
  reasons: { code: string; label: string }[];
  onSaved?: () => void;
}

// The form kit is loaded with the first form shown, not with the worklist's start.
const BreachReasonFormFields = lazyNamed(() => import('./BreachReasonForm'), 'BreachReasonFormFields');

/** Asks why a passed deadline was not kept (see BreachReasonForm.tsx). */
export function BreachReasonForm(props: BreachReasonFormProps) {
  return (
    <Suspense fallback={null}>
      <BreachReasonFormFields {...props} />
    </Suspense>
  );
}
