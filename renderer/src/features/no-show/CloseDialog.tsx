import { Alert, BodyShort, Radio } from '@navikt/ds-react';
import { useEffect, useMemo, useState, type BaseSyntheticEvent } from 'react';
import { APPOINTMENT_KIND_LABELS, type Appointment } from '../../../../shared/contract/appointments';
import { noShowContract, type NoShowCaseView } from '../../../../shared/contract/no-show';
import { formatDate } from '../../../../shared/domain/time';
import { callOrThrow, useContractQuery } from '../../api/query';
import { FormDialog } from '../../components/FormDialog';
import { RadioGroupInput, SelectInput, TextAreaInput } from '../../forms/fields';
import { useContractForm } from '../../forms/useContractForm';
import { useRowVersion } from '../../forms/useRowVersion';

type Outcome = 'closed_not_reached' | 'declined' | 'new_appointment' | '';
type PathwayAction = 'none' | 'end' | 'postponed';

interface Form {
  outcome: Outcome;
  newAppointmentId: string;
  note: string;
  overrideReason: string;
  pathwayAction: PathwayAction;
  helpNeed: string;
}
const EMPTY: Form = { outcome: '', newAppointmentId: '', note: '', overrideReason: '', pathwayAction: 'none', helpNeed: '' };

/**
 * "Avslutt saken". "Ikke nådd" before the answer date the letters promise needs a reason (the date is shown);
 * "ikke nådd" may in the same step end the pathway (with help need) or record pasientutsatt (L).
 */
export function CloseDialog({ open, onClose, kase }: { open: boolean; onClose: () => void; kase: NoShowCaseView }) {
  const [refusal, setRefusal] = useState<{ message: string; missing: string[] } | null>(null);
  const { version, onRefused: onConflict } = useRowVersion(kase.version, open, async () => (await callOrThrow('noShow.get', { id: kase.id })).version);
  const form = useContractForm({
    method: 'noShow.close',
    schema: noShowContract['noShow.close'].input,
    defaultValues: EMPTY,
    toInput: (f: Form) => {
      const notReached = f.outcome === 'closed_not_reached';
      return {
        caseId: kase.id,
        outcome: f.outcome as Exclude<Outcome, ''>,
        newAppointmentId: f.outcome === 'new_appointment' && f.newAppointmentId ? Number(f.newAppointmentId) : null,
        note: f.note,
        overrideReason: notReached && kase.closeNeedsOverride ? f.overrideReason : null,
        pathwayAction: notReached ? f.pathwayAction : 'none',
        helpNeed: notReached && f.pathwayAction === 'end' ? f.helpNeed || null : null,
        version: version.current,
      };
    },
    // A refusal by the rules lists what is missing (issues on 'outcome'); other issues go next to their field.
    onRefused: (error) => {
      const issues = error.issues ?? [];
      const missing = error.code === 'conflict' ? issues.filter((i) => i.path === 'outcome').map((i) => i.message) : [];
      if (missing.length === 0) return error.issues?.length ? error : onConflict(error);
      setRefusal({ message: 'Saken kan ikke avsluttes ennå. Dette mangler:', missing });
      return { ...error, message: '', issues: issues.filter((i) => !missing.includes(i.message)) };
    },
    onSaved: () => onClose(),
  });
  const { control, watch, reset } = form;
  useEffect(() => {
    if (open) {
      setRefusal(null);
      reset(EMPTY);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a fresh form each time it opens
  }, [open]);
  const outcome = watch('outcome');
  const pathwayAction = watch('pathwayAction');
  const appointments = useContractQuery('appointments.list', { patientId: kase.patientId }, { enabled: open }).data?.appointments;
  const helpNeeds =
    useContractQuery('pathways.getForPatient', { patientId: kase.patientId }, { enabled: open && pathwayAction === 'end' }).data?.helpNeeds ?? [];
  const booked: Appointment[] = useMemo(
    () => (appointments ?? []).filter((a) => a.status === 'booked' && a.startAt > kase.noShowAt),
    [appointments, kase.noShowAt],
  );
  const notReached = outcome === 'closed_not_reached';
  const submit = (e?: BaseSyntheticEvent) => {
    setRefusal(null);
    return form.onSubmit(e);
  };
  return (
    <FormDialog
      form={{ ...form, onSubmit: submit }}
      open={open}
      onClose={onClose}
      heading="Avslutt saken"
      label="Avslutt saken"
      submitLabel="Avslutt saken"
      width={620}
    >
      {refusal && (
        <Alert variant="error" size="small" role="alert" style={{ marginBottom: 12 }}>
          <BodyShort size="small" weight="semibold">
            {refusal.message}
          </BodyShort>
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
      <RadioGroupInput control={control} name="outcome" legend="Utfall">
        <Radio value="closed_not_reached" description="Krever kontaktforsøkene og brevene reglene sier">
          Avsluttet – fikk ikke kontakt, henviser informert
        </Radio>
        <Radio value="declined" description="Krever et kontaktforsøk der vi fikk kontakt med pasienten">
          Vi fikk kontakt, og pasienten takket nei til videre hjelp
        </Radio>
        <Radio value="new_appointment">Ny time avtalt</Radio>
      </RadioGroupInput>
      {outcome === 'new_appointment' && (
        <SelectInput control={control} name="newAppointmentId" label="Ny time" style={{ marginTop: 8 }}>
          <option value="">{booked.length ? 'Velg time' : 'Ingen avtalte timer etter denne – bruk «Ny time avtalt»'}</option>
          {booked.map((a) => (
            <option key={a.id} value={a.id}>
              {formatDate(a.date)} kl. {a.time}, {APPOINTMENT_KIND_LABELS[a.kind]}
            </option>
          ))}
        </SelectInput>
      )}
      {notReached && kase.closeNeedsOverride && kase.answerDue && (
        <div style={{ marginTop: 12 }}>
          <Alert variant="warning" size="small" inline>
            Svarfristen i brevene er {formatDate(kase.answerDue)}. Pasienten har til da på seg å svare.
          </Alert>
          <TextAreaInput
            control={control}
            name="overrideReason"
            label="Begrunnelse for å avslutte før svarfristen"
            description="Påkrevd. Lagres i saken og i loggen."
            minRows={2}
            maxLength={500}
            style={{ marginTop: 12 }}
          />
        </div>
      )}
      {notReached && kase.pathwayId !== null && (
        <RadioGroupInput control={control} name="pathwayAction" legend="Forløpet" style={{ marginTop: 12 }}>
          <Radio value="none">Forløpet fortsetter uendret</Radio>
          <Radio value="end" description="Registrerer avslutning av forløpet i dag">
            Avslutt forløpet
          </Radio>
          {!kase.postponedRecorded && (
            <Radio value="postponed" description="Fristene flyttes med tiden pasienten har utsatt">
              Registrer pasientutsatt (L) fra {formatDate(kase.appointment.date)}
            </Radio>
          )}
        </RadioGroupInput>
      )}
      {notReached && pathwayAction === 'end' && (
        <SelectInput control={control} name="helpNeed" label="Hjelpebehov" style={{ marginTop: 8 }}>
          <option value="">Velg hjelpebehov</option>
          {helpNeeds.map((h) => (
            <option key={h.code} value={h.code}>
              {h.label}
            </option>
          ))}
        </SelectInput>
      )}
      <TextAreaInput control={control} name="note" label="Notat (valgfritt)" minRows={2} style={{ marginTop: 8 }} />
    </FormDialog>
  );
}
