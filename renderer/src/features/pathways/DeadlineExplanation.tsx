import { Button, Tag } from '@navikt/ds-react';
import { contract } from '../../../../shared/contract';
import type { DeadlineView } from '../../../../shared/contract/pathways';
import { FormError } from '../../components/FormError';
import { SelectInput, TextInput } from '../../forms/fields';
import { useContractForm } from '../../forms/useContractForm';
import { formatDate } from '../../../../shared/domain/time';

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

/** Asks why a passed deadline was not kept: a short coded list and free text, kept per pathway and deadline. */
export function BreachReasonForm({
  pathwayId,
  deadline,
  reasons,
  onSaved,
}: {
  pathwayId: number;
  deadline: DeadlineView;
  reasons: { code: string; label: string }[];
  onSaved?: () => void;
}) {
  const form = useContractForm({
    method: 'pathways.recordBreachReason',
    schema: contract['pathways.recordBreachReason'].input,
    defaultValues: { reasonCode: deadline.breachReason?.code ?? '', note: deadline.breachReason?.note ?? '' },
    toInput: (f: { reasonCode: string; note: string }) => ({ pathwayId, deadlineKey: deadline.key, reasonCode: f.reasonCode, note: f.note }),
    // The pathway and deadline are not fields here: an issue about them is about the reason chosen.
    fieldOf: (path) => (path === 'note' ? 'note' : 'reasonCode'),
    onSaved: () => onSaved?.(),
  });
  return (
    <form onSubmit={form.onSubmit} noValidate aria-label="Årsak til overskridelse" style={{ display: 'grid', gap: 8 }}>
      <SelectInput control={form.control} name="reasonCode" label="Årsak til overskridelse">
        <option value="">Velg årsak</option>
        {reasons.map((r) => (
          <option key={r.code} value={r.code}>
            {r.label}
          </option>
        ))}
      </SelectInput>
      <TextInput control={form.control} name="note" label="Utdyping (valgfritt)" />
      <FormError message={form.formError} />
      <div>
        <Button size="small" type="submit" loading={form.saving}>
          Lagre årsak
        </Button>
      </div>
    </form>
  );
}
