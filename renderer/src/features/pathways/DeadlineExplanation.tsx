import { Button, Select, Tag, TextField } from '@navikt/ds-react';
import { useState, type FormEvent } from 'react';
import type { DeadlineView } from '../../../../shared/contract/pathways';
import { call } from '../../api/client';
import { issuesByField } from '../../api/field-errors';
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
export function BreachReasonForm({ pathwayId, deadline, reasons, onSaved }: { pathwayId: number; deadline: DeadlineView; reasons: { code: string; label: string }[]; onSaved?: () => void }) {
  const [code, setCode] = useState(deadline.breachReason?.code ?? '');
  const [note, setNote] = useState(deadline.breachReason?.note ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaving(true);
    const res = await call('pathways.recordBreachReason', { pathwayId, deadlineKey: deadline.key, reasonCode: code, note });
    setSaving(false);
    if (res.ok) {
      setErrors({});
      onSaved?.();
      return;
    }
    setErrors(issuesByField(res.error, undefined, 'reasonCode'));
  }
  return (
    <form onSubmit={submit} noValidate aria-label="Årsak til overskridelse" style={{ display: 'grid', gap: 8 }}>
      <Select size="small" label="Årsak til overskridelse" value={code} onChange={(e) => setCode(e.target.value)} error={errors.reasonCode}>
        <option value="">Velg årsak</option>
        {reasons.map((r) => (
          <option key={r.code} value={r.code}>
            {r.label}
          </option>
        ))}
      </Select>
      <TextField size="small" label="Utdyping (valgfritt)" value={note} onChange={(e) => setNote(e.target.value)} error={errors.note} />
      <div>
        <Button size="small" type="submit" loading={saving}>
          Lagre årsak
        </Button>
      </div>
    </form>
  );
}
