import { Alert, BodyShort, Radio, RadioGroup, Select, Textarea } from '@navikt/ds-react';
import { useMemo, useState, type FormEvent } from 'react';
import { APPOINTMENT_KIND_LABELS, type Appointment } from '../../../../shared/contract/appointments';
import type { NoShowCaseView } from '../../../../shared/contract/no-show';
import { formatDate } from '../../../../shared/domain/time';
import { call } from '../../api/client';
import { issuesByField } from '../../api/field-errors';
import { useContractQuery } from '../../api/query';
import { FormModal } from '../../components/FormDialog';

type Outcome = 'closed_not_reached' | 'declined' | 'new_appointment' | '';
type PathwayAction = 'none' | 'end' | 'postponed';
/** Fields of this form: a refusal naming one of them shows next to it, the rest above the form. */
const FIELDS = new Set(['outcome', 'newAppointmentId', 'note', 'overrideReason', 'pathwayAction', 'helpNeed']);

/**
 * "Avslutt saken". "Ikke nådd" before the answer date the letters promise needs a reason (the date is shown);
 * "ikke nådd" may in the same step end the pathway (with help need) or record pasientutsatt (L).
 */
export function CloseDialog({ open, onClose, kase }: { open: boolean; onClose: () => void; kase: NoShowCaseView }) {
  const [outcome, setOutcome] = useState<Outcome>('');
  const [appointmentId, setAppointmentId] = useState('');
  const [note, setNote] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [pathwayAction, setPathwayAction] = useState<PathwayAction>('none');
  const [helpNeed, setHelpNeed] = useState('');
  const appointments = useContractQuery('appointments.list', { patientId: kase.patientId }, { enabled: open }).data?.appointments;
  const helpNeeds = useContractQuery('pathways.getForPatient', { patientId: kase.patientId }, { enabled: open && pathwayAction === 'end' }).data?.helpNeeds ?? [];
  const booked: Appointment[] = useMemo(() => (appointments ?? []).filter((a) => a.status === 'booked' && a.startAt > kase.noShowAt), [appointments, kase.noShowAt]);
  const [refusal, setRefusal] = useState<{ message: string; missing: string[] } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const notReached = outcome === 'closed_not_reached';

  const close = () => {
    setRefusal(null);
    setErrors({});
    onClose();
  };
  async function submit(e: FormEvent) {
    e.preventDefault();
    setRefusal(null);
    if (outcome === '') return setErrors({ outcome: 'Velg utfall' });
    setSaving(true);
    const res = await call('noShow.close', {
      caseId: kase.id,
      outcome,
      newAppointmentId: outcome === 'new_appointment' && appointmentId ? Number(appointmentId) : null,
      note,
      overrideReason: notReached && kase.closeNeedsOverride ? overrideReason : null,
      pathwayAction: notReached ? pathwayAction : 'none',
      helpNeed: notReached && pathwayAction === 'end' ? helpNeed || null : null,
    });
    setSaving(false);
    if (res.ok) return close();
    // A refusal by the rules lists what is missing (issues on 'outcome'); other issues go next to their field.
    const issues = res.error.issues ?? [];
    const missing = res.error.code === 'conflict' ? issues.filter((i) => i.path === 'outcome').map((i) => i.message) : [];
    const byField = issuesByField({ ...res.error, issues: issues.filter((i) => !missing.includes(i.message) && FIELDS.has(i.path)) });
    setErrors(byField);
    if (missing.length > 0) setRefusal({ message: 'Saken kan ikke avsluttes ennå. Dette mangler:', missing });
    else if (Object.keys(byField).length === 0) setRefusal({ message: res.error.message, missing: [] });
  }
  return (
    <FormModal open={open} onClose={close} heading="Avslutt saken" label="Avslutt saken" submitLabel="Avslutt saken" width={620} onSubmit={submit} saving={saving} formError={null} errors={errors}>
      {refusal && (
        <Alert variant="error" size="small" role="alert" style={{ marginBottom: 12 }}>
          <BodyShort size="small" weight="semibold">{refusal.message}</BodyShort>
          {refusal.missing.length > 0 && (
            <ul className="ns-missing">
              {refusal.missing.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          )}
          <BodyShort size="small">Ingenting er endret. Hvis du er bekymret for pasienten, bruk «Meld til behandler».</BodyShort>
        </Alert>
      )}
      <RadioGroup size="small" legend="Utfall" value={outcome} onChange={(v) => setOutcome(v as Outcome)} error={errors.outcome}>
        <Radio value="closed_not_reached" description="Krever kontaktforsøkene og brevene reglene sier">
          Avsluttet – fikk ikke kontakt, henviser informert
        </Radio>
        <Radio value="declined" description="Krever et kontaktforsøk der vi fikk kontakt med pasienten">
          Vi fikk kontakt, og pasienten takket nei til videre hjelp
        </Radio>
        <Radio value="new_appointment">Ny time avtalt</Radio>
      </RadioGroup>
      {outcome === 'new_appointment' && (
        <Select size="small" label="Ny time" value={appointmentId} onChange={(e) => setAppointmentId(e.target.value)} error={errors.newAppointmentId} style={{ marginTop: 8 }}>
          <option value="">{booked.length ? 'Velg time' : 'Ingen avtalte timer etter denne – bruk «Ny time avtalt»'}</option>
          {booked.map((a) => (
            <option key={a.id} value={a.id}>
              {formatDate(a.date)} kl. {a.time}, {APPOINTMENT_KIND_LABELS[a.kind]}
            </option>
          ))}
        </Select>
      )}
      {notReached && kase.closeNeedsOverride && kase.answerDue && (
        <div style={{ marginTop: 12 }}>
          <Alert variant="warning" size="small" inline>
            Svarfristen i brevene er {formatDate(kase.answerDue)}. Pasienten har til da på seg å svare.
          </Alert>
          <Textarea
            size="small"
            label="Begrunnelse for å avslutte før svarfristen"
            description="Påkrevd. Lagres i saken og i loggen."
            value={overrideReason}
            onChange={(e) => setOverrideReason(e.target.value)}
            error={errors.overrideReason}
            minRows={2}
            maxLength={500}
            style={{ marginTop: 12 }}
          />
        </div>
      )}
      {notReached && kase.pathwayId !== null && (
        <RadioGroup size="small" legend="Forløpet" value={pathwayAction} onChange={(v) => setPathwayAction(v as PathwayAction)} error={errors.pathwayAction} style={{ marginTop: 12 }}>
          <Radio value="none">Forløpet fortsetter uendret</Radio>
          <Radio value="end" description="Registrerer avslutning av forløpet i dag">
            Avslutt forløpet
          </Radio>
          {!kase.postponedRecorded && (
            <Radio value="postponed" description="Fristene flyttes med tiden pasienten har utsatt">
              Registrer pasientutsatt (L) fra {formatDate(kase.appointment.date)}
            </Radio>
          )}
        </RadioGroup>
      )}
      {notReached && pathwayAction === 'end' && (
        <Select size="small" label="Hjelpebehov" value={helpNeed} onChange={(e) => setHelpNeed(e.target.value)} error={errors.helpNeed} style={{ marginTop: 8 }}>
          <option value="">Velg hjelpebehov</option>
          {helpNeeds.map((h) => (
            <option key={h.code} value={h.code}>
              {h.label}
            </option>
          ))}
        </Select>
      )}
      <Textarea size="small" label="Notat (valgfritt)" value={note} onChange={(e) => setNote(e.target.value)} error={errors.note} minRows={2} style={{ marginTop: 8 }} />
    </FormModal>
  );
}
