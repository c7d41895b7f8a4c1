import { Alert, BodyShort, Button, Checkbox, Heading, Search, Select, Table, TextField } from '@navikt/ds-react';
import { useEffect, useState, type KeyboardEvent } from 'react';
import type { Contact } from '../../../../shared/contract/contacts';
import { meetingsContract, type Clash, type MeetingDetail, type ParticipantInput } from '../../../../shared/contract/meetings';
import type { WorklistRow } from '../../../../shared/contract/worklist';
import {
  MEETING_KIND_LABELS,
  MEETING_KINDS,
  PARTICIPANT_ROLE_LABELS,
  PARTICIPANT_ROLES,
  type MeetingKind,
  type ParticipantRole,
} from '../../../../shared/domain/meetings';
import { call } from '../../api/client';
import { useContractQuery } from '../../api/query';
import { useSearchLog } from '../worklist/useSearchLog';
import { keepPreviousData } from '@tanstack/react-query';
import { FormDialog } from '../../components/FormDialog';
import { DateInput, SelectInput, TextAreaInput, TextInput } from '../../forms/fields';
import { useContractForm } from '../../forms/useContractForm';

const NO_CONTACTS: Contact[] = [];
const NO_ROWS: WorklistRow[] = [];
import { formatDate, utcToOslo } from '../../../../shared/domain/time';

export interface PatientRef {
  id: number;
  name: string;
}

interface Draft {
  key: string;
  contactId: number | null;
  name: string;
  role: string;
  organisation: string;
  email: string;
  phone: string;
  consentCovers: boolean;
}

const DURATIONS = [30, 45, 60, 90, 120, 180];
const roleLabel = (r: string) => PARTICIPANT_ROLE_LABELS[r as ParticipantRole] ?? r;
let nextKey = 0;
const draftKey = () => `p${++nextKey}`;

function fromContact(c: { contactId?: number | null; id?: number; name: string; role: string; organisation: string; email: string; phone: string }): Draft {
  return {
    key: draftKey(),
    contactId: c.contactId ?? c.id ?? null,
    name: c.name,
    role: c.role,
    organisation: c.organisation,
    email: c.email,
    phone: c.phone,
    consentCovers: false,
  };
}

interface Form {
  patient: PatientRef | null;
  kind: MeetingKind;
  date: string | null;
  time: string;
  /** Minutes, as the select holds it. */
  durationMinutes: string;
  place: string;
  videoUrl: string;
  participants: Draft[];
  conflictReason: string;
}

function toInput(p: Draft): ParticipantInput {
  return { contactId: p.contactId, name: p.name, role: p.role, organisation: p.organisation, email: p.email, phone: p.phone, consentCovers: p.consentCovers };
}

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
  const [formKey, setFormKey] = useState(0);
  const [clashes, setClashes] = useState<Clash[]>([]);
  const blank = (): Form => ({
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
    toInput: (f: Form) => {
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
      return (editing ? { id: editing.id, ...fields } : { patientId: f.patient?.id ?? 0, ...fields }) as never;
    },
    fieldOf: (p) => (p.startsWith('participants') ? 'participants' : p === 'patientId' ? 'patient' : p),
    onSaved: (value) => {
      onSaved(value.id);
      onClose();
    },
  });
  const { control, watch, setValue, reset } = form;

  // A fresh form every time the dialog opens.
  useEffect(() => {
    if (!open) return;
    setFormKey((k) => k + 1);
    setClashes([]);
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
        participants: editing.participants.map((p) => ({ ...fromContact(p), consentCovers: p.consentCovers })),
        conflictReason: editing.conflictReason ?? '',
      });
    } else reset(blank());
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a fresh form each time it opens
  }, [open, editing, patient]);

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
  const update = (key: string, patch: Partial<Draft>) => setParticipants((ps) => ps.map((p) => (p.key === key ? { ...p, ...patch } : p)));
  const add = (d: Draft) => setParticipants((ps) => (d.contactId !== null && ps.some((p) => p.contactId === d.contactId) ? ps : [...ps, d]));

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
        <fieldset className="plain">
          <legend className="mt-legend">Tid og sted</legend>
          <div className="mt-form-grid">
            <SelectInput control={control} name="kind" label="Type møte">
              {MEETING_KINDS.map((k) => (
                <option key={k} value={k}>
                  {MEETING_KIND_LABELS[k]}
                </option>
              ))}
            </SelectInput>
            <DateInput control={control} name="date" label="Dato" />
            <TextInput control={control} name="time" label="Starttid (tt:mm)" htmlSize={6} />
            <SelectInput control={control} name="durationMinutes" label="Varighet">
              {(DURATIONS.includes(duration) ? DURATIONS : [...DURATIONS, duration].sort((a, b) => a - b)).map((d) => (
                <option key={d} value={d}>
                  {d < 60 ? `${d} min` : `${Math.floor(d / 60)} t${d % 60 ? ` ${d % 60} min` : ''}`}
                </option>
              ))}
            </SelectInput>
            <TextInput control={control} name="place" className="mt-span-2" label="Sted" description="Rom og adresse" />
            <TextInput control={control} name="videoUrl" className="mt-span-2" label="Videolenke" description="Valgfri, https://…" />
          </div>
        </fieldset>

        <fieldset className="plain">
          <legend className="mt-legend">Deltakere</legend>
          {errors.participants?.message && (
            <Alert variant="error" size="small" inline>
              {errors.participants.message}
            </Alert>
          )}
          {participants.length === 0 ? (
            <BodyShort className="muted" spacing>
              Ingen deltakere ennå. Legg til fra forslagene, kontaktlisten eller skriv inn en deltaker.
            </BodyShort>
          ) : (
            <Table size="small" aria-label="Deltakere i møtet">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Navn</Table.HeaderCell>
                  <Table.HeaderCell>Rolle</Table.HeaderCell>
                  <Table.HeaderCell>Organisasjon</Table.HeaderCell>
                  <Table.HeaderCell>Samtykke dekker</Table.HeaderCell>
                  <Table.HeaderCell>
                    <span className="mt-sr-only">Fjern</span>
                  </Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {participants.map((p) => (
                  <Table.Row key={p.key}>
                    <Table.DataCell>
                      {p.name}
                      {p.contactId !== null && <span className="muted"> (kontaktliste)</span>}
                    </Table.DataCell>
                    <Table.DataCell style={{ minWidth: 250 }}>
                      <Select size="small" label={`Rolle for ${p.name}`} hideLabel value={p.role} onChange={(e) => update(p.key, { role: e.target.value })}>
                        {PARTICIPANT_ROLES.map((r) => (
                          <option key={r} value={r}>
                            {roleLabel(r)}
                          </option>
                        ))}
                      </Select>
                    </Table.DataCell>
                    <Table.DataCell>{p.organisation}</Table.DataCell>
                    <Table.DataCell>
                      {p.role === 'patient' ? (
                        <span className="muted">Pasienten selv</span>
                      ) : (
                        <Checkbox size="small" hideLabel checked={p.consentCovers} onChange={(e) => update(p.key, { consentCovers: e.target.checked })}>
                          {`Samtykket dekker ${p.name}`}
                        </Checkbox>
                      )}
                    </Table.DataCell>
                    <Table.DataCell>
                      <Button
                        size="xsmall"
                        variant="tertiary-neutral"
                        type="button"
                        onClick={() => setParticipants((ps) => ps.filter((x) => x.key !== p.key))}
                        aria-label={`Fjern ${p.name}`}
                      >
                        Fjern
                      </Button>
                    </Table.DataCell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
          {chosen && <Suggestions patientId={chosen.id} patientName={chosen.name} participants={participants} onAdd={add} />}
          <div className="mt-two">
            <DirectorySearch onAdd={(c) => add(fromContact(c))} />
            <AdHoc onAdd={add} />
          </div>
        </fieldset>

        {clashes.length > 0 && (
          <Alert variant="warning" size="small" className="mt-clashes" role="status">
            <Heading level="3" size="xsmall" spacing>
              Overlappende avtaler: noen er allerede opptatt
            </Heading>
            <ul>
              {groupClashes(clashes).map(([booking, people]) => (
                <li key={booking}>
                  {booking}: <strong>{people.join(', ')}</strong>
                </li>
              ))}
            </ul>
            <TextAreaInput
              control={control}
              name="conflictReason"
              label="Årsak til dobbeltbooking"
              description="Må fylles ut for å lagre møtet likevel"
              minRows={2}
            />
          </Alert>
        )}
      </div>
    </FormDialog>
  );
}

/** One line per booking that clashes, naming everyone who is in it (coordinator first). */
function groupClashes(clashes: Clash[]): [string, string[]][] {
  const byBooking = new Map<string, string[]>();
  for (const c of clashes) {
    const people = byBooking.get(c.bookingLabel) ?? [];
    if (!people.includes(c.person)) people.push(c.person);
    byBooking.set(c.bookingLabel, people);
  }
  const rank = (p: string) => (p === 'Du (koordinator)' ? 0 : p === 'Pasienten' ? 1 : 2);
  return [...byBooking].map(([b, people]) => [b, people.sort((x, y) => rank(x) - rank(y))]);
}

/** The patient's municipal contacts (coordinators first), the GP and earlier participants, one click each. */
function Suggestions({
  patientId,
  patientName,
  participants,
  onAdd,
}: {
  patientId: number;
  patientName: string;
  participants: Draft[];
  onAdd: (d: Draft) => void;
}) {
  const data = useContractQuery('contacts.listForPatient', { patientId }).data;
  const guardians = useContractQuery('guardians.list', { patientId }).data;
  if (!data) return null;
  const has = (name: string, contactId: number | null) => participants.some((p) => (contactId !== null ? p.contactId === contactId : p.name === name));
  const items: { label: string; detail: string; draft: () => Draft; present: boolean }[] = [];
  if (!participants.some((p) => p.role === 'patient')) {
    items.push({
      label: patientName,
      detail: 'Pasient',
      draft: () => ({ ...fromContact({ name: patientName, role: 'patient', organisation: '', email: '', phone: '' }), consentCovers: true }),
      present: false,
    });
  }
  // Guardians the rules for under-18s name (issue #13 §2): invited as relatives, with the reason shown.
  for (const g of guardians?.rows ?? []) {
    if (!g.receivesLetters) continue;
    items.push({
      label: g.name,
      detail: `Foresatt: ${g.reason.charAt(0).toLowerCase()}${g.reason.slice(1)}`,
      draft: () => ({ ...fromContact({ name: g.name, role: 'relative', organisation: '', email: '', phone: g.phone }), consentCovers: true }),
      present: has(g.name, null),
    });
  }
  for (const c of data.municipal) {
    items.push({
      label: c.name,
      detail: [roleLabel(c.role), c.organisation].filter(Boolean).join(', '),
      draft: () => fromContact(c),
      present: has(c.name, c.id),
    });
  }
  if (data.gpName && !data.municipal.some((c) => c.role === 'gp' && c.name === data.gpName)) {
    items.push({
      label: data.gpName,
      detail: 'Fastlege (fra pasientens opplysninger)',
      draft: () => fromContact({ name: data.gpName, role: 'gp', organisation: '', email: '', phone: '' }),
      present: has(data.gpName, null),
    });
  }
  for (const p of data.previous) {
    if (p.contactId !== null && data.municipal.some((c) => c.id === p.contactId)) continue;
    items.push({
      label: p.name,
      detail: `${roleLabel(p.role)}, var med ${formatDate(p.lastMeetingAt)}`,
      draft: () => fromContact(p),
      present: has(p.name, p.contactId),
    });
  }
  return (
    <section aria-labelledby="mt-suggest" className="mt-suggest">
      <Heading level="3" size="xsmall" id="mt-suggest">
        Forslag {data.municipalityName ? `fra ${data.municipalityName} kommune og tidligere møter` : 'fra tidligere møter'}
      </Heading>
      {items.length === 0 ? (
        <BodyShort className="muted" size="small">
          Ingen forslag. {data.municipalityName ? `Kontaktlisten har ingen kontakter i ${data.municipalityName}.` : 'Pasienten har ingen kommune registrert.'}
        </BodyShort>
      ) : (
        <ul className="mt-chips">
          {items.map((it) => (
            <li key={`${it.label}-${it.detail}`}>
              <Button
                size="xsmall"
                variant="secondary"
                type="button"
                disabled={it.present}
                onClick={() => onAdd(it.draft())}
                aria-label={`Legg til ${it.label}, ${it.detail}`}
              >
                + {it.label}
              </Button>
              <span className="muted"> {it.detail}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function DirectorySearch({ onAdd }: { onAdd: (c: Contact) => void }) {
  const [q, setQ] = useState('');
  const found = useContractQuery('contacts.list', { search: q, limit: 8 }, { enabled: q.trim() !== '', placeholderData: keepPreviousData });
  const hits: Contact[] = (q.trim() !== '' && found.data?.rows) || NO_CONTACTS;
  return (
    <div>
      <Search size="small" label="Søk i kontaktlisten" hideLabel={false} variant="simple" value={q} onChange={setQ} onClear={() => setQ('')} />
      {hits.length > 0 && (
        <ul className="mt-hits" aria-label="Treff i kontaktlisten">
          {hits.map((c) => (
            <li key={c.id}>
              <Button
                size="xsmall"
                variant="tertiary"
                type="button"
                onClick={() => {
                  onAdd(c);
                  setQ('');
                }}
                aria-label={`Legg til ${c.name}`}
              >
                + {c.name}
              </Button>
              <span className="muted"> {[roleLabel(c.role), c.organisation, c.municipalityName].filter(Boolean).join(', ')}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function AdHoc({ onAdd }: { onAdd: (d: Draft) => void }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<string>('relative');
  const [organisation, setOrganisation] = useState('');
  const [error, setError] = useState<string | undefined>();
  const add = () => {
    if (name.trim() === '') return setError('Skriv navnet på deltakeren');
    onAdd({ key: draftKey(), contactId: null, name: name.trim(), role, organisation: organisation.trim(), email: '', phone: '', consentCovers: false });
    setName('');
    setOrganisation('');
    setError(undefined);
  };
  return (
    <div className="mt-adhoc">
      <TextField
        size="small"
        label="Annen deltaker"
        description="Ikke i kontaktlisten, f.eks. pårørende"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={error}
      />
      <Select size="small" label="Rolle" value={role} onChange={(e) => setRole(e.target.value)}>
        {PARTICIPANT_ROLES.filter((r) => r !== 'patient').map((r) => (
          <option key={r} value={r}>
            {roleLabel(r)}
          </option>
        ))}
      </Select>
      <TextField size="small" label="Organisasjon" value={organisation} onChange={(e) => setOrganisation(e.target.value)} />
      <Button size="small" variant="secondary" type="button" onClick={add}>
        Legg til
      </Button>
    </div>
  );
}

function PatientPicker({ onChosen, error }: { onChosen: (p: PatientRef) => void; error?: string | undefined }) {
  const [q, setQ] = useState('');
  // Asks once the typing rests (250 ms), from two letters.
  const [resting, setResting] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setResting(q.trim()), 250);
    return () => clearTimeout(timer);
  }, [q]);
  const searchLogged = useSearchLog(q.trim().length >= 2 ? q : ''); // searched from two letters
  const found = useContractQuery('worklist.list', { search: resting, limit: 8 }, { enabled: resting.length >= 2, placeholderData: keepPreviousData });
  const rows: WorklistRow[] = (q.trim().length >= 2 && found.data?.rows) || NO_ROWS;
  const unique = rows.filter((r, i) => rows.findIndex((x) => x.patientId === r.patientId) === i);
  // Arrows move among the hits, Enter chooses (the form is not sent); the mouse still works.
  const [active, setActive] = useState(0);
  const current = Math.min(active, Math.max(0, unique.length - 1));
  const choose = (r: WorklistRow) => {
    searchLogged(); // chosen from a search: logged now, if the pause has not already
    onChosen({ id: r.patientId, name: r.name });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (unique.length === 0) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((current + (e.key === 'ArrowDown' ? 1 : unique.length - 1)) % unique.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(unique[current]!);
    }
  };
  return (
    <div style={{ marginBottom: 12 }}>
      <Search
        size="small"
        label="Pasient"
        hideLabel={false}
        description="Søk på navn eller fødselsnummer i arbeidslisten. Piltaster og Enter velger."
        variant="simple"
        value={q}
        onChange={(v) => {
          setQ(v);
          setActive(0);
        }}
        onClear={() => setQ('')}
        error={error}
        onKeyDown={onKeyDown}
        role="combobox"
        aria-expanded={unique.length > 0}
        aria-controls="mt-patient-hits"
        aria-activedescendant={unique.length > 0 ? `mt-patient-${unique[current]!.patientId}` : undefined}
      />
      {unique.length > 0 && (
        <ul className="mt-hits" id="mt-patient-hits" role="listbox" aria-label="Pasienter">
          {unique.map((r, i) => (
            <li
              key={r.patientId}
              id={`mt-patient-${r.patientId}`}
              role="option"
              aria-selected={i === current}
              className={i === current ? 'mt-hit-active' : undefined}
              onClick={() => choose(r)}
            >
              {r.name}
              <span className="muted mono"> {r.nationalIdMasked}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
