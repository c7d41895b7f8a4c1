import { ActionMenu, Alert, BodyShort, Button, Heading, Table } from '@navikt/ds-react';
import { useState } from 'react';
import {
  appointmentsContract,
  APPOINTMENT_KIND_LABELS,
  APPOINTMENT_KINDS,
  APPOINTMENT_STATUS_LABELS,
  type Appointment,
  type AppointmentKind,
  type PostponedSuggestion,
} from '../../../../shared/contract/appointments';
import type { Pathway } from '../../../../shared/contract/patients';
import { pathwayTypeLabel } from '../../../../shared/domain/pathway-types';
import { call } from '../../api/client';
import { useContractQuery } from '../../api/query';
import { EmptyState } from '../../components/EmptyState';
import { formatDate, formatDateTime } from '../../../../shared/domain/time';
import { useUi } from '../../stores/ui';
import { EditAppointmentDialog } from './EditAppointmentDialog';
import type { PatientSectionProps } from '../patient/sections';
import '../no-show/no-show.css';
import { FormDialog } from '../../components/FormDialog';
import { ReasonDialog } from '../../components/ReasonDialog';
import { useNewAction } from '../shell/new-action';
import { DateInput, SelectInput, TextInput } from '../../forms/fields';
import { useContractForm } from '../../forms/useContractForm';

const NO_SUGGESTIONS: PostponedSuggestion[] = [];

/** Patient page, tab "Timer": book appointments and record what happened. */
export function AppointmentsSection({ patient, pathways }: PatientSectionProps) {
  const list = useContractQuery('appointments.list', { patientId: patient.id });
  const appointments = list.data?.appointments ?? null;
  const suggestions: PostponedSuggestion[] = list.data?.postponedSuggestions ?? NO_SUGGESTIONS;
  const [actionError, setError] = useState<string | null>(null);
  const error = actionError ?? list.error?.message ?? null;
  const [notice, setNotice] = useState<string | null>(null);
  const [booking, setBooking] = useState(false);
  const [undoing, setUndoing] = useState<Appointment | null>(null);
  const [editing, setEditing] = useState<Appointment | null>(null);
  const navigated = useUi((s) => s.navigated);

  // `n` here books a time, not a new referral.
  useNewAction('Ny time', () => setBooking(true));

  async function setStatus(a: Appointment, status: 'attended' | 'no_show' | 'cancelled_patient' | 'cancelled_service') {
    setError(null);
    setNotice(null);
    const res = await call('appointments.setStatus', { id: a.id, status, version: a.version });
    if (!res.ok) return setError(res.error.message);
    if (res.value.firstAttendanceRecorded) setNotice('Første fremmøte er registrert på forløpet.');
    if (res.value.noShowCaseId !== null) setNotice('Ikke møtt er registrert, og en oppfølgingssak er opprettet under «Ikke møtt».');
  }

  async function recordPostponed(sg: PostponedSuggestion) {
    setError(null);
    const res = await call('pathways.recordEvent', { pathwayId: sg.pathwayId, type: 'patient_postponed', date: sg.plannedDate, until: sg.newDate });
    if (!res.ok) return setError(res.error.message);
    setNotice('Pasientutsatt (L) er registrert på forløpet.');
  }

  if (!appointments)
    return error ? (
      <Alert variant="error" size="small">
        {error}
      </Alert>
    ) : null;
  return (
    <section aria-labelledby="appointments-title">
      <div className="screen-title">
        <Heading level="2" size="small" id="appointments-title">
          Timer
        </Heading>
        <Button size="small" variant="secondary" onClick={() => setBooking(true)}>
          Ny time (n)
        </Button>
      </div>
      {suggestions.map((sg) => (
        <Alert key={sg.appointmentId} variant="warning" size="small" style={{ marginBottom: 8 }}>
          {sg.cause === 'cancelled_patient' ? 'Pasienten avlyste' : 'Pasienten møtte ikke til'} timen {formatDate(sg.plannedDate)}, og aktiviteten er forsinket{' '}
          {sg.workingDays} virkedager{sg.newDate ? ` (ny time ${formatDate(sg.newDate)})` : ' så langt (ingen ny time avtalt)'}. Mer enn 7 virkedager:
          pasientutsatt (L) bør registreres.{' '}
          <Button size="xsmall" variant="secondary" onClick={() => void recordPostponed(sg)}>
            Registrer pasientutsatt (L)
          </Button>
        </Alert>
      ))}
      {error && (
        <Alert variant="error" size="small" role="alert" style={{ marginBottom: 8 }}>
          {error}
        </Alert>
      )}
      {notice && (
        <Alert variant="success" size="small" role="status" style={{ marginBottom: 8 }}>
          {notice}{' '}
          {notice.startsWith('Ikke møtt') && (
            <Button
              size="xsmall"
              variant="tertiary"
              onClick={() => navigated({ screen: 'patient', patientId: patient.id, from: 'no-show', section: 'no-show' })}
            >
              Gå til saken
            </Button>
          )}
        </Alert>
      )}
      {appointments.length === 0 ? (
        <EmptyState
          title="Ingen timer ennå"
          action={
            <Button size="small" onClick={() => setBooking(true)}>
              Avtal første time
            </Button>
          }
        >
          Her ser du pasientens timer. Registrer om pasienten møtte: et møtt første fremmøte registreres på forløpet, og ikke møtt starter oppfølgingen.
        </EmptyState>
      ) : (
        <Table size="small" aria-label="Timer">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">Dato</Table.HeaderCell>
              <Table.HeaderCell scope="col">Tid</Table.HeaderCell>
              <Table.HeaderCell scope="col">Type</Table.HeaderCell>
              <Table.HeaderCell scope="col">Behandler / sted</Table.HeaderCell>
              <Table.HeaderCell scope="col">Status</Table.HeaderCell>
              <Table.HeaderCell scope="col">
                <span className="sr-only">Handlinger</span>
              </Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {appointments.map((a) => (
              <Table.Row key={a.id}>
                <Table.DataCell>{formatDate(a.date)}</Table.DataCell>
                <Table.DataCell className="ns-nowrap">
                  {a.time} <span className="muted">({a.durationMinutes} min)</span>
                </Table.DataCell>
                <Table.DataCell>{APPOINTMENT_KIND_LABELS[a.kind]}</Table.DataCell>
                <Table.DataCell>{[a.clinician, a.place].filter(Boolean).join(', ')}</Table.DataCell>
                <Table.DataCell>
                  <strong>{APPOINTMENT_STATUS_LABELS[a.status]}</strong>
                  {a.history
                    .filter((h) => h.reason)
                    .map((h, i) => (
                      <BodyShort key={i} size="small" className="muted">
                        {h.fromStatus === h.toStatus
                          ? 'Endret'
                          : h.fromStatus === 'no_show'
                            ? 'Ikke møtt angret'
                            : `${APPOINTMENT_STATUS_LABELS[h.fromStatus]} → ${APPOINTMENT_STATUS_LABELS[h.toStatus]}`}{' '}
                        {formatDateTime(h.at)} av {h.byName}: «{h.reason}»
                      </BodyShort>
                    ))}
                </Table.DataCell>
                <Table.DataCell align="right" className="ns-nowrap">
                  {(a.status === 'booked' || a.status === 'attended') && (
                    <Button
                      size="xsmall"
                      variant="tertiary"
                      onClick={() => setEditing(a)}
                      aria-label={`Endre timen ${formatDate(a.date)} kl. ${a.time}`}
                      style={{ marginRight: 4 }}
                    >
                      Endre
                    </Button>
                  )}
                  {a.status === 'booked' && (
                    <ActionMenu>
                      <ActionMenu.Trigger>
                        <Button size="xsmall" variant="secondary" aria-label={`Registrer utfall for timen ${formatDate(a.date)} kl. ${a.time}`}>
                          Registrer utfall
                        </Button>
                      </ActionMenu.Trigger>
                      <ActionMenu.Content>
                        <ActionMenu.Item onSelect={() => void setStatus(a, 'attended')}>Møtt</ActionMenu.Item>
                        <ActionMenu.Item onSelect={() => void setStatus(a, 'no_show')}>Ikke møtt</ActionMenu.Item>
                        <ActionMenu.Divider />
                        <ActionMenu.Item onSelect={() => void setStatus(a, 'cancelled_patient')}>Avlyst av pasient</ActionMenu.Item>
                        <ActionMenu.Item onSelect={() => void setStatus(a, 'cancelled_service')}>Avlyst av behandler</ActionMenu.Item>
                      </ActionMenu.Content>
                    </ActionMenu>
                  )}
                  {a.status === 'no_show' && (
                    <Button size="xsmall" variant="tertiary" onClick={() => setUndoing(a)}>
                      Angre ikke møtt
                    </Button>
                  )}
                </Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <BookAppointmentDialog open={booking} onClose={() => setBooking(false)} patientId={patient.id} pathways={pathways} noShowCaseId={null} />
      <UndoNoShowDialog appointment={undoing} onClose={() => setUndoing(null)} />
      <EditAppointmentDialog appointment={editing} onClose={() => setEditing(null)} />
    </section>
  );
}

const emptyBooking = (pathways: Pathway[]) => ({
  date: null as string | null,
  time: '',
  durationMinutes: '60',
  kind: 'first_attendance' as AppointmentKind,
  clinician: '',
  place: '',
  pathwayId: String(pathways.find((p) => p.status === 'open')?.id ?? ''),
});

/** "Ny time". Given a no-show case, booking it closes that case as "ny time avtalt". */
export function BookAppointmentDialog({
  open,
  onClose,
  patientId,
  pathways,
  noShowCaseId,
}: {
  open: boolean;
  onClose: () => void;
  patientId: number;
  pathways: Pathway[];
  noShowCaseId: number | null;
}) {
  type Form = ReturnType<typeof emptyBooking>;
  // Date pickers keep their own typed state: a new key gives every open a fresh form.
  const [formKey, setFormKey] = useState(0);
  const form = useContractForm({
    method: 'appointments.book',
    schema: appointmentsContract['appointments.book'].input,
    defaultValues: emptyBooking(pathways),
    toInput: (f: Form) => ({
      patientId,
      pathwayId: f.pathwayId ? Number(f.pathwayId) : null,
      kind: f.kind,
      date: f.date ?? '',
      time: f.time.trim(),
      durationMinutes: Number(f.durationMinutes),
      place: f.place,
      clinician: f.clinician,
      noShowCaseId,
    }),
    onSaved: () => {
      form.reset(emptyBooking(pathways));
      close();
    },
  });
  const close = () => {
    form.clearErrors();
    setFormKey((k) => k + 1);
    onClose();
  };
  const { control } = form;

  return (
    <FormDialog
      form={form}
      open={open}
      onClose={close}
      heading={noShowCaseId ? 'Ny time etter ikke møtt' : 'Ny time'}
      label="Ny time"
      submitLabel="Lagre time"
      width={640}
    >
      <div key={formKey}>
        {noShowCaseId !== null && (
          <Alert variant="info" size="small" style={{ marginBottom: 12 }}>
            Når timen er lagret, avsluttes saken som «Ny time avtalt», og timen kobles til saken.
          </Alert>
        )}
        <div className="form-grid">
          <DateInput control={control} name="date" label="Dato" />
          <TextInput control={control} name="time" label="Klokkeslett" description="tt:mm" />
          <TextInput control={control} name="durationMinutes" label="Varighet (minutter)" inputMode="numeric" />
          <SelectInput control={control} name="kind" label="Type time">
            {APPOINTMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {APPOINTMENT_KIND_LABELS[k]}
              </option>
            ))}
          </SelectInput>
          <TextInput control={control} name="clinician" label="Behandler" />
          <TextInput control={control} name="place" label="Sted" description="Fyll inn behandler, sted eller begge" />
          <SelectInput control={control} name="pathwayId" label="Forløp" className="span-2">
            <option value="">Ikke knyttet til et forløp</option>
            {pathways.map((p) => (
              <option key={p.id} value={p.id}>
                {pathwayTypeLabel(p.pathwayType)} (mottatt {formatDate(p.referralReceived)})
              </option>
            ))}
          </SelectInput>
        </div>
      </div>
    </FormDialog>
  );
}

function UndoNoShowDialog({ appointment, onClose }: { appointment: Appointment | null; onClose: () => void }) {
  return (
    <ReasonDialog
      open={appointment !== null}
      heading="Angre ikke møtt"
      explanation="Timen settes tilbake til «Avtalt», og oppfølgingssaken trekkes tilbake. Kontaktforsøk og brev blir stående i historikken sammen med begrunnelsen."
      label="Begrunnelse"
      confirmLabel="Angre ikke møtt"
      method="appointments.undoNoShow"
      input={(reason) => ({ id: appointment?.id ?? 0, reason, ...(appointment ? { version: appointment.version } : {}) })}
      multiline
      onClose={onClose}
    />
  );
}
