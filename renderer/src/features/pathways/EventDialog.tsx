import { Alert, BodyShort, Button, Modal, Select, TextField } from '@navikt/ds-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { OUTCOME_CODES, RIGHTS_DECISIONS, type EventView, type PathwayDetail } from '../../../../shared/contract/pathways';
import type { PathwayTypeId } from '../../../../shared/domain/pathway-types';
import { DECISION_OUTCOMES, eventCode, eventLabel, type EventType } from '../../../../shared/domain/rule-pack';
import { call } from '../../api/client';
import { DateField } from '../../components/DateField';
import { formMessage, issuesByField } from '../../api/field-errors';
import { formatDate, todayInOslo } from '../../../../shared/domain/time';

/** What the dialog records: one event type, the referral assessment (+ frist), or a correction of an event. */
export type EventDialogKind = { kind: 'event'; type: EventType } | { kind: 'assess' } | { kind: 'correct'; event: EventView };

export interface EventDialogTarget {
  pathwayId: number;
  pathwayType: PathwayTypeId;
  /** Shown in the heading: which patient/pathway this is for (no national id). */
  title: string;
  referralAssessed?: string | null;
  careDeadline?: string | null;
  /** The recorded rights assessment, to prefill a re-assessment. */
  rights?: PathwayDetail['rights'];
  /** Under 23: the latest allowed care deadline, proposed in the dialog. */
  careDeadlineLimit?: PathwayDetail['careDeadlineLimit'];
}

const RIGHTS_LABELS: Record<(typeof RIGHTS_DECISIONS)[number], string> = {
  right: 'Rett til nødvendig helsehjelp (forløpet starter)',
  no_right: 'Ikke rett til nødvendig helsehjelp',
  not_pathway: 'Rett, men ikke et forløp',
};

export const EVENT_KEYS: { key: string; type: EventType | 'assess'; label: string }[] = [
  { key: 'v', type: 'assess', label: 'Henvisning vurdert' },
  { key: 'f', type: 'first_attendance', label: 'Første fremmøte' },
  { key: 'b', type: 'clinical_decision', label: 'Klinisk beslutning' },
  { key: 'e', type: 'evaluation', label: 'Evaluering' },
  { key: 'l', type: 'patient_postponed', label: 'Pasientutsatt (L)' },
  { key: 'x', type: 'end', label: 'Avslutning' },
  { key: 'o', type: 'own_clinician', label: 'Egen behandler' },
];

interface Props {
  target: EventDialogTarget;
  what: EventDialogKind;
  helpNeeds: { code: string; label: string }[];
  onClose: () => void;
  onSaved?: () => void;
}

function heading(what: EventDialogKind): string {
  if (what.kind === 'assess') return 'Henvisning vurdert';
  if (what.kind === 'correct') return `Korriger: ${what.event.label}`;
  return eventLabel(what.type);
}

/**
 * A small dialog for one measurement point, prefilled with today. Recording it is the coding: the code it
 * gives is shown before saving. Errors appear by the field; what was typed is kept.
 */
export function EventDialog({ target, what, helpNeeds, onClose, onSaved }: Props) {
  const today = todayInOslo();
  const type: EventType | null = what.kind === 'event' ? what.type : what.kind === 'correct' ? what.event.type : null;
  const initial = what.kind === 'correct' ? what.event : null;
  const [date, setDate] = useState<string | null>(initial?.date ?? (what.kind === 'assess' ? target.referralAssessed ?? today : today));
  const [careDeadline, setCareDeadline] = useState<string | null>(target.careDeadline ?? null);
  const [severity, setSeverity] = useState('');
  const [rightsDecision, setRightsDecision] = useState<string>(target.rights?.decision ?? '');
  const [careKind, setCareKind] = useState<string>(target.rights?.careKind ?? '');
  const [priorityGroup, setPriorityGroup] = useState(target.rights?.priorityGroup ?? '');
  const [informedOn, setInformedOn] = useState<string | null>(target.rights?.patientInformedOn ?? null);
  const [outcome, setOutcome] = useState<string>(initial?.outcome ?? '');
  const [until, setUntil] = useState<string | null>(initial?.until ?? null);
  const [helpNeed, setHelpNeed] = useState(initial?.helpNeed ?? '');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  // Start in the first field (the date, prefilled), so Enter saves at once.
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const focusFirst = () => formRef.current?.querySelector<HTMLElement>('input, select')?.focus();
    const timer = setTimeout(focusFirst, 0);
    return () => clearTimeout(timer);
  }, []);

  const code = type ? eventCode(target.pathwayType, type, (outcome || null) as never) : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaving(true);
    const res =
      what.kind === 'assess'
        ? await call('pathways.assess', {
            pathwayId: target.pathwayId, assessedOn: date ?? '', rightsDecision: rightsDecision as never, careKind: (rightsDecision === 'right' ? careKind || null : null) as never,
            priorityGroup, patientInformedOn: informedOn, careDeadline: rightsDecision === 'right' ? careDeadline : null, severity: (severity || null) as never,
          })
        : what.kind === 'correct'
          ? await call('pathways.correctEvent', {
              eventId: what.event.id, action: 'replace', date, outcome: (outcome || null) as never, until, helpNeed: helpNeed || null, reason,
            })
          : await call('pathways.recordEvent', {
              pathwayId: target.pathwayId, type: what.type, date: date ?? '', outcome: (outcome || null) as never, until, helpNeed: helpNeed || null, note,
            });
    setSaving(false);
    if (res.ok) {
      onSaved?.();
      onClose();
      return;
    }
    setErrors(issuesByField(res.error, (p) => (p === 'assessedOn' ? 'date' : p)));
    setFormError(formMessage(res.error));
  }

  return (
    <Modal open onClose={onClose} header={{ heading: heading(what), label: target.title }} width="small">
      <form ref={formRef} onSubmit={submit} noValidate>
        <Modal.Body>
          <div style={{ display: 'grid', gap: 12 }}>
            <DateField label={what.kind === 'assess' ? 'Henvisning vurdert' : 'Dato'} value={date} onChange={setDate} error={errors.date} />
            {what.kind === 'assess' && (
              <>
                <Select size="small" label="Rettighetsvurdering" value={rightsDecision} onChange={(e) => setRightsDecision(e.target.value)} error={errors.rightsDecision}>
                  <option value="">Velg utfall</option>
                  {RIGHTS_DECISIONS.map((r) => (
                    <option key={r} value={r}>
                      {RIGHTS_LABELS[r]}
                    </option>
                  ))}
                </Select>
                {rightsDecision !== '' && rightsDecision !== 'right' && (
                  <BodyShort size="small" className="muted">
                    Ingen forløpsstart og ingen forløpsklokke. Henvisningen går ut av arbeidslisten med utfallet registrert.
                  </BodyShort>
                )}
                {rightsDecision === 'right' && (
                  <>
                    <Select size="small" label="Retten gjelder" value={careKind} onChange={(e) => setCareKind(e.target.value)} error={errors.careKind}>
                      <option value="">Velg</option>
                      <option value="assessment">Utredning</option>
                      <option value="treatment">Behandling</option>
                    </Select>
                    <TextField size="small" label="Prioriteringsgruppe (valgfritt)" value={priorityGroup} onChange={(e) => setPriorityGroup(e.target.value)} error={errors.priorityGroup} />
                    <DateField
                      label="Frist for nødvendig helsehjelp"
                      value={careDeadline}
                      onChange={setCareDeadline}
                      error={errors.careDeadline}
                      description={
                        target.careDeadlineLimit
                          ? `Under 23 år: senest ${formatDate(target.careDeadlineLimit.latest)}. ${target.careDeadlineLimit.note}`
                          : 'Den individuelle fristen for helsehjelp (utredning eller behandling).'
                      }
                    />
                    {target.careDeadlineLimit && careDeadline !== target.careDeadlineLimit.latest && (
                      <Button size="xsmall" type="button" variant="tertiary" onClick={() => setCareDeadline(target.careDeadlineLimit?.latest ?? null)}>
                        Bruk foreslått frist {formatDate(target.careDeadlineLimit.latest)}
                      </Button>
                    )}
                    {target.pathwayType === 'eating_disorder_child' && (
                      <Select size="small" label="Alvorlighet" value={severity} onChange={(e) => setSeverity(e.target.value)} error={errors.severity}>
                        <option value="">Ikke vurdert (strengeste forløpstid brukes)</option>
                        <option value="severe">Alvorlig tilstand</option>
                        <option value="less_severe">Mindre alvorlig tilstand</option>
                      </Select>
                    )}
                  </>
                )}
                <DateField label="Pasienten informert (valgfritt)" value={informedOn} onChange={setInformedOn} error={errors.patientInformedOn} />
              </>
            )}
            {type === 'clinical_decision' && (
              <Select size="small" label="Utfall" value={outcome} onChange={(e) => setOutcome(e.target.value)} error={errors.outcome}>
                <option value="">Velg utfall</option>
                {DECISION_OUTCOMES.filter((o) => (OUTCOME_CODES as readonly string[]).includes(o.code)).map((o) => (
                  <option key={o.code} value={o.code}>
                    {o.code} – {o.label}
                  </option>
                ))}
              </Select>
            )}
            {type === 'patient_postponed' && (
              <DateField label="Utsatt til og med (valgfritt)" value={until} onChange={setUntil} error={errors.until} description="Tom hvis pasienten ennå ikke har fått ny time." />
            )}
            {type === 'end' && (
              <Select size="small" label="Hjelpebehov ved avslutning" value={helpNeed} onChange={(e) => setHelpNeed(e.target.value)} error={errors.helpNeed}>
                <option value="">Ikke registrert</option>
                {helpNeeds.map((h) => (
                  <option key={h.code} value={h.code}>
                    {h.label}
                  </option>
                ))}
              </Select>
            )}
            {what.kind === 'correct' ? (
              <TextField size="small" label="Årsak til korrigeringen" value={reason} onChange={(e) => setReason(e.target.value)} error={errors.reason} />
            ) : (
              what.kind === 'event' && (
                <TextField
                  size="small"
                  label={what.type === 'own_clinician' ? 'Egen behandler (valgfritt)' : 'Merknad (valgfritt)'}
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                  error={errors.note}
                />
              )
            )}
            {type && (
              <BodyShort size="small" className="muted">
                {code ? <>Kode: <strong className="mono">{code}</strong></> : type === 'clinical_decision' ? 'Koden følger av utfallet.' : 'Denne hendelsen har ingen egen kode.'}
              </BodyShort>
            )}
            {formError && (
              <Alert variant="error" size="small">
                {formError}
              </Alert>
            )}
          </div>
        </Modal.Body>
        <Modal.Footer>
          <Button size="small" type="submit" loading={saving}>
            Lagre
          </Button>
          <Button size="small" type="button" variant="secondary" onClick={onClose}>
            Avbryt
          </Button>
        </Modal.Footer>
      </form>
    </Modal>
  );
}
