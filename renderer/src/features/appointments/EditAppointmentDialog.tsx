import { Alert } from '@navikt/ds-react';
import { useEffect, useState } from 'react';
import { appointmentsContract, type Appointment } from '../../../../shared/contract/appointments';
import { formatDate } from '../../../../shared/domain/time';
import { FormDialog } from '../../components/FormDialog';
import { DateInput, TextAreaInput, TextInput } from '../../forms/fields';
import { useContractForm } from '../../forms/useContractForm';
import { useRowVersion } from '../../forms/useRowVersion';
import { callOrThrow } from '../../api/query';

type Form = { date: string | null; time: string; durationMinutes: string; clinician: string; place: string; reason: string };
const valuesOf = (a: Appointment | null): Form => ({
  date: a?.date ?? null,
  time: a?.time ?? '',
  durationMinutes: String(a?.durationMinutes ?? 60),
  clinician: a?.clinician ?? '',
  place: a?.place ?? '',
  reason: '',
});

/** "Endre time": move a booked time or correct one, with a reason kept in the time's history. */
export function EditAppointmentDialog({ appointment, onClose }: { appointment: Appointment | null; onClose: () => void }) {
  const [formKey, setFormKey] = useState(0);
  const { version, onRefused } = useRowVersion(appointment?.version, appointment !== null, async () => {
    if (!appointment) return undefined;
    const fresh = await callOrThrow('appointments.list', { patientId: appointment.patientId });
    return fresh.appointments.find((a) => a.id === appointment.id)?.version;
  });
  const form = useContractForm({
    method: 'appointments.update',
    schema: appointmentsContract['appointments.update'].input,
    defaultValues: valuesOf(appointment),
    toInput: (f: Form) => ({
      id: appointment?.id ?? 0,
      date: f.date ?? '',
      time: f.time.trim(),
      durationMinutes: Number(f.durationMinutes),
      place: f.place,
      clinician: f.clinician,
      reason: f.reason,
      version: version.current,
    }),
    onRefused,
    onSaved: () => onClose(),
  });
  const { control, reset } = form;
  const id = appointment?.id ?? null;
  useEffect(() => {
    if (id === null) return;
    reset(valuesOf(appointment));
    setFormKey((k) => k + 1);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per opened time
  }, [id]);
  return (
    <FormDialog
      form={form}
      open={appointment !== null}
      onClose={onClose}
      heading="Endre time"
      subheading={appointment ? `Timen ${formatDate(appointment.date)} kl. ${appointment.time}` : undefined}
      label="Endre time"
      submitLabel="Lagre endringen"
      width={640}
    >
      <div key={formKey}>
        {appointment?.status === 'attended' && (
          <Alert variant="info" size="small" style={{ marginBottom: 12 }}>
            Pasienten har møtt til denne timen. Den kan bare rettes bakover i tid, og første fremmøte på forløpet flyttes med.
          </Alert>
        )}
        <div className="form-grid">
          <DateInput control={control} name="date" label="Dato" />
          <TextInput control={control} name="time" label="Klokkeslett" description="tt:mm" />
          <TextInput control={control} name="durationMinutes" label="Varighet (minutter)" inputMode="numeric" />
          <span />
          <TextInput control={control} name="clinician" label="Behandler" />
          <TextInput control={control} name="place" label="Sted" description="Fyll inn behandler, sted eller begge" />
          <TextAreaInput
            control={control}
            name="reason"
            label="Begrunnelse"
            description="Hvorfor timen flyttes eller rettes. Lagres i timens historikk."
            className="span-2"
            minRows={2}
          />
        </div>
      </div>
    </FormDialog>
  );
}
