import { BodyShort, Button } from '@navikt/ds-react';
import { useEffect, useRef, useState } from 'react';
import { meetingsContract, type Clash, type MeetingDetail, type ParticipantInput } from '../../../../shared/contract/meetings';
import { utcToOslo } from '../../../../shared/domain/time';
import { call } from '../../api/client';
import { callOrThrow } from '../../api/query';
import { FormDialog } from '../../components/FormDialog';
import { useContractForm } from '../../forms/useContractForm';
import { ClashWarning } from './ClashWarning';
import { fromContact, toInput, type Draft, type MeetingFormValues, type PatientRef } from './meeting-form-model';
import { ParticipantList } from './ParticipantList';
import { PatientPicker } from './PatientPicker';
import { TimePlaceFields } from './TimePlaceFields';

export type { PatientRef } from './meeting-form-model';

/**
 * Plan or change a collaboration meeting: kind, time, place or video link, the patient, participants from the
 * directory (the patient's municipality suggests its coordinators) or ad hoc. Double bookings are listed while
 * the form is filled in; saving then needs a reason.
 */
export function MeetingForm({
  open,
  patient,
  meeting,
  onClose,
  onSaved,
}: {
  open: boolean;
  patient: PatientRef | null;
  meeting?: MeetingDetail | null;
  onClose: () => void;
  onSaved: (id: number) => void;
}) {
  const editing = meeting ?? null;
  // The meeting's row version this form edits. After a conflict (someone saved in between) it moves to theirs, so
  // saving again replaces their change with what was typed here, knowingly.
  const version = useRef<number | undefined>(undefined);
  const [formKey, setFormKey] = useState(0);
  const [clashes, setClashes] = useState<Clash[]>([]);
  const blank = (): MeetingFormValues => ({
    patient,
    kind: 'evaluation',
    date: null,
    time: '09:00',
    durationMinutes: '60',
    place: '',
    videoUrl: '',
    participants: patient ? [{ ...fromContact({ name: patient.name, role: 'patient', organisation: '', email: '', phone: '' }), consentCovers: true }] : [],
    conflictReason: '',
  });
  const form = useContractForm({
    // One form for both: a new meeting names its patient, a changed one its id (the fields are the same).
    method: (editing ? 'meetings.update' : 'meetings.create') as 'meetings.create',
    schema: editing ? meetingsContract['meetings.update'].input : meetingsContract['meetings.create'].input,
    defaultValues: blank(),
    toInput: (f: MeetingFormValues) => {
      const fields = {
        kind: f.kind,
        date: f.date ?? '',
        time: f.time,
        durationMinutes: Number(f.durationMinutes),
        place: f.place,
        videoUrl: f.videoUrl,
        participants: f.participants.map(toInput),
        conflictReason: f.conflictReason,
      };
      return (editing ? { id: editing.id, ...fields, version: version.current } : { patientId: f.patient?.id ?? 0, ...fields }) as never;
    },
    onRefused: (error) => {
      if (error.code === 'conflict' && editing) {
        void callOrThrow('meetings.get', { id: editing.id }).then(
          (fresh) => (version.current = fresh.version),
          () => undefined,
        );
      }
      return error;
    },
    fieldOf: (p) => (p.startsWith('participants') ? 'participants' : p === 'patientId' ? 'patient' : p),
    onSaved: (value) => {
      onSaved(value.id);
      onClose();
    },
  });
  const { control, watch, setValue, reset } = form;

  // A fresh form every time the dialog opens (not when the meeting changes behind it: what is typed stays).
  useEffect(() => {
    if (!open) return;
    setFormKey((k) => k + 1);
    setClashes([]);
    version.current = editing?.version;
    if (editing) {
      const start = utcToOslo(editing.startAt);
      reset({
        patient: { id: editing.patientId, name: editing.patientName },
        kind: editing.kind,
        date: start.date,
        time: start.time,
        durationMinutes: String(editing.durationMinutes),
        place: editing.place,
        videoUrl: editing.videoUrl,
        // A participant's own row id is not a contact id: only contactId links it to the directory.
        participants: editing.participants.map(({ id: _row, ...p }) => ({ ...fromContact(p), consentCovers: p.consentCovers })),
        conflictReason: editing.conflictReason ?? '',
      });
    } else reset(blank());
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a fresh form each time it opens
  }, [open, editing?.id, patient?.id]);

  const chosen = watch('patient');
  const date = watch('date');
  const time = watch('time');
  const duration = Number(watch('durationMinutes'));
  const participants = watch('participants');
  const errors = form.formState.errors;

  // Ask the core who would be double-booked, whenever time or people change.
  const timeValid = /^([01]\d|2[0-3])[:.][0-5]\d$/.test(time.trim());
  const participantsKey = JSON.stringify(participants.map(toInput));
  useEffect(() => {
    if (!open || !chosen || !date || !timeValid) return setClashes([]);
    let stale = false;
    const timer = setTimeout(async () => {
      const res = await call('meetings.listConflicts', {
        patientId: chosen.id,
        date,
        time: time.trim(),
        durationMinutes: duration,
        participants: JSON.parse(participantsKey) as ParticipantInput[],
        ...(editing ? { excludeMeetingId: editing.id } : {}),
      });
      if (!stale && res.ok) setClashes(res.value.clashes);
    }, 200);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [open, chosen, date, time, timeValid, duration, participantsKey, editing]);

  const setParticipants = (next: (ps: Draft[]) => Draft[]) => setValue('participants', next(form.getValues('participants')));

  const heading = editing ? 'Endre samarbeidsmøte' : 'Nytt samarbeidsmøte';
  return (
    <FormDialog
      form={form}
      open={open}
      onClose={onClose}
      heading={heading}
      label={heading}
      submitLabel={editing ? 'Lagre endringer' : 'Lagre møtet'}
      width={920}
    >
      <div key={formKey}>
        {!chosen ? (
          <PatientPicker
            onChosen={(p) => {
              setValue('patient', p);
              // The picker is gone: on to the form's first field (the kind of meeting), not to the page.
              requestAnimationFrame(() => document.querySelector<HTMLElement>('dialog[open] form fieldset :is(select, input)')?.focus());
            }}
            error={errors.patient ? 'Velg pasienten møtet gjelder' : undefined}
          />
        ) : (
          <BodyShort spacing>
            Pasient: <strong>{chosen.name}</strong>{' '}
            {!patient && !editing && (
              <Button size="xsmall" variant="tertiary" type="button" onClick={() => setValue('patient', null)}>
                Bytt pasient
              </Button>
            )}
          </BodyShort>
        )}
        <TimePlaceFields control={control} duration={duration} />

        <ParticipantList participants={participants} chosen={chosen} error={errors.participants?.message} setParticipants={setParticipants} />

        <ClashWarning clashes={clashes} control={control} />
      </div>
    </FormDialog>
  );
}
