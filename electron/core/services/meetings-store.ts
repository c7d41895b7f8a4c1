/**
 * Shared internals of the meeting services (scheduling, agenda, minutes): row mapping, the detail read,
 * clash detection, participants, settings. Nothing here audits; every function takes the caller's db or transaction.
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { z } from 'zod';
import { AppError, type FieldIssue } from '../../../shared/contract/envelope';
import type {
  ActionItem,
  AgendaItem,
  Clash,
  MeetingDetail,
  MeetingSummary,
  MinutesVersion,
  meetingUpdateSchema,
  newMeetingSchema,
  participantInputSchema,
} from '../../../shared/contract/meetings';
import { findBookingClashes, type ExistingBooking } from '../../../shared/domain/conflicts';
import { meetingIcsTitle } from '../../../shared/domain/ics';
import {
  DEFAULT_AGENDA_TEMPLATES,
  MAX_MEETING_MINUTES,
  MEETING_KIND_LABELS,
  PATIENT_PRINT_PRIVACY,
  utcToOslo,
  type MeetingKind,
  type PatientPrintPrivacy,
} from '../../../shared/domain/meetings';
import { meetingTimeText, type PrintableMeeting } from '../../../shared/print/meeting-documents';
import type { Letterhead } from '../../../shared/print/document';
import type { Database, MeetingActionItemTable, MeetingTable } from '../db/schema';
import { readSetting } from '../settings';

export type Db = Kysely<Database> | Transaction<Database>;
export type NewMeeting = z.output<typeof newMeetingSchema>;
export type MeetingUpdate = z.output<typeof meetingUpdateSchema>;
export type ParticipantIn = z.output<typeof participantInputSchema>;

export const TEMPLATE_KEY = (kind: MeetingKind) => `meetings.template.${kind}`;
export const PRIVACY_KEY = 'meetings.printPrivacy';
/** Appointments may last up to 10 hours (see the appointment table's check). */
export const MAX_APPOINTMENT_MINUTES = 600;

export function isoDateText(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

export function personKey(p: { contactId: number | null; name: string; role: string }, patientId: number): string {
  if (p.role === 'patient') return `patient:${patientId}`;
  if (p.contactId !== null) return `contact:${p.contactId}`;
  return `adhoc:${p.name.toLocaleLowerCase('nb').replace(/\s+/g, ' ').trim()}`;
}

export function toSummary(row: Selectable<MeetingTable> & { patient_name: string; participant_count: number | bigint | string | null }): MeetingSummary {
  return {
    id: row.id,
    patientId: row.patient_id,
    patientName: row.patient_name,
    kind: row.kind as MeetingKind,
    startAt: row.start_at,
    durationMinutes: row.duration_minutes,
    place: row.place,
    videoUrl: row.video_url,
    status: row.status,
    conflictReason: row.conflict_reason,
    participantCount: Number(row.participant_count),
  };
}

export function toActionItem(row: Selectable<MeetingActionItemTable>): ActionItem {
  return { id: row.id, text: row.text, owner: row.owner, dueDate: row.due_date, done: row.done === 1, planMeasureId: row.plan_measure_id };
}

export async function tableExists(db: Db, name: string): Promise<boolean> {
  const row = await sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table' and name = ${name}`.execute(db);
  return Number(row.rows[0]?.n ?? 0) > 0;
}

/** Keeps patient.next_meeting_date (the worklist flag) in step: the earliest planned meeting from now on. */
export async function refreshNextMeetingDate(trx: Db, patientId: number, now: Date): Promise<void> {
  const next = await trx
    .selectFrom('meeting')
    .select('start_at')
    .where('patient_id', '=', patientId)
    .where('status', '=', 'planned')
    .where('start_at', '>=', now.toISOString())
    .orderBy('start_at')
    .limit(1)
    .executeTakeFirst();
  await trx.updateTable('patient').set({ next_meeting_date: next ? utcToOslo(next.start_at).date : null }).where('id', '=', patientId).execute();
}

export function summaryQuery(db: Db) {
  return db
    .selectFrom('meeting')
    .innerJoin('patient', 'patient.id', 'meeting.patient_id')
    .selectAll('meeting')
    .select('patient.name as patient_name')
    .select((eb) =>
      eb.selectFrom('meeting_participant').select(eb.fn.countAll<number>().as('n')).whereRef('meeting_participant.meeting_id', '=', 'meeting.id').as('participant_count'),
    );
}

export async function letterhead(db: Db): Promise<Letterhead> {
  const p = await db.selectFrom('profile').selectAll().where('id', '=', 1).executeTakeFirst();
  return { unitName: p?.unit_name ?? '', unitAddress: p?.unit_address ?? '', unitPhone: p?.unit_phone ?? '', coordinatorName: p?.coordinator_name ?? '' };
}

export async function printPrivacy(db: Db): Promise<PatientPrintPrivacy> {
  const v = await readSetting(db, PRIVACY_KEY);
  return (PATIENT_PRINT_PRIVACY as readonly string[]).includes(v ?? '') ? (v as PatientPrintPrivacy) : 'initials_birth_year';
}

export async function template(db: Db, kind: MeetingKind): Promise<string[]> {
  const stored = await readSetting(db, TEMPLATE_KEY(kind));
  if (stored) {
    try {
      const items = JSON.parse(stored) as unknown;
      if (Array.isArray(items) && items.every((i) => typeof i === 'string')) return items;
    } catch {
      /* fall back to the shipped template */
    }
  }
  return DEFAULT_AGENDA_TEMPLATES[kind];
}

/** Everyone already booked in [start, start + duration) among the proposed people, meetings and appointments alike. */
export async function clashesFor(
  db: Db,
  p: { patientId: number; startAt: string; durationMinutes: number; participants: readonly ParticipantIn[]; excludeMeetingId?: number | undefined },
): Promise<Clash[]> {
  const names = new Map<string, string>([['coordinator', 'Du (koordinator)'], [`patient:${p.patientId}`, 'Pasienten']]);
  const people = ['coordinator'];
  for (const part of p.participants) {
    const key = personKey(part, p.patientId);
    people.push(key);
    if (!names.has(key)) names.set(key, part.name);
  }
  const startMs = Date.parse(p.startAt);
  const endIso = new Date(startMs + p.durationMinutes * 60_000).toISOString();
  const existing: ExistingBooking[] = [];

  const meetings = await db
    .selectFrom('meeting')
    .select(['id', 'patient_id', 'kind', 'start_at', 'duration_minutes'])
    .where('status', 'in', ['planned', 'held'])
    .where('start_at', '>', new Date(startMs - MAX_MEETING_MINUTES * 60_000).toISOString())
    .where('start_at', '<', endIso)
    .execute();
  const others = meetings.filter((m) => m.id !== p.excludeMeetingId);
  if (others.length > 0) {
    const parts = await db
      .selectFrom('meeting_participant')
      .select(['meeting_id', 'contact_id', 'name', 'role'])
      .where(
        'meeting_id',
        'in',
        others.map((m) => m.id),
      )
      .execute();
    for (const m of others) {
      const keys = ['coordinator', ...parts.filter((x) => x.meeting_id === m.id).map((x) => personKey({ contactId: x.contact_id, name: x.name, role: x.role }, m.patient_id))];
      const whose = m.patient_id === p.patientId ? 'samme pasient' : 'annen pasient';
      existing.push({
        id: m.id,
        kind: 'meeting',
        start: m.start_at,
        durationMinutes: m.duration_minutes,
        people: keys,
        label: `${meetingIcsTitle(MEETING_KIND_LABELS[m.kind as MeetingKind] ?? 'Samarbeidsmøte')} (${whose}), ${meetingTimeText(m.start_at, m.duration_minutes)}`,
      });
    }
  }

  // Appointments (the no-show feature's table): the patient is booked for them.
  if (people.includes(`patient:${p.patientId}`) && (await tableExists(db, 'appointment'))) {
    const appts = await db
      .selectFrom('appointment')
      .select(['id', 'patient_id', 'start_at', 'duration_minutes'])
      .where('patient_id', '=', p.patientId)
      .where('status', '=', 'booked')
      .where('start_at', '>', new Date(startMs - MAX_APPOINTMENT_MINUTES * 60_000).toISOString())
      .where('start_at', '<', endIso)
      .execute();
    for (const a of appts) {
      existing.push({
        id: a.id,
        kind: 'appointment',
        start: a.start_at,
        durationMinutes: a.duration_minutes,
        people: [`patient:${a.patient_id}`],
        label: `Time i spesialisthelsetjenesten, ${meetingTimeText(a.start_at, a.duration_minutes)}`,
      });
    }
  }

  const found = findBookingClashes({ start: p.startAt, durationMinutes: p.durationMinutes, people }, existing);
  return found.map((c) => ({
    person: names.get(c.person) ?? 'Deltaker',
    bookingKind: c.booking.kind,
    bookingLabel: c.booking.label,
    start: c.booking.start,
    end: new Date(Date.parse(c.booking.start) + c.booking.durationMinutes * 60_000).toISOString(),
  }));
}

/** Rules beyond the schema: a place or a link, a known patient and contacts, the patient at most once. */
export async function validate(db: Db, input: NewMeeting | MeetingUpdate, patientId: number): Promise<void> {
  const issues: FieldIssue[] = [];
  if (input.place === '' && input.videoUrl === '') issues.push({ path: 'place', message: 'Skriv hvor møtet er, eller legg inn en videolenke' });
  if (input.participants.filter((p) => p.role === 'patient').length > 1) {
    issues.push({ path: 'participants', message: 'Pasienten kan bare stå én gang blant deltakerne' });
  }
  const contactIds = input.participants.map((p) => p.contactId).filter((id): id is number => id !== null);
  if (contactIds.length > 0) {
    const found = await db.selectFrom('contact').select('id').where('id', 'in', contactIds).execute();
    if (found.length !== new Set(contactIds).size) issues.push({ path: 'participants', message: 'En av deltakerne finnes ikke lenger i kontaktlisten' });
  }
  if (new Set(contactIds).size !== contactIds.length) issues.push({ path: 'participants', message: 'Samme kontakt står flere ganger blant deltakerne' });
  const patient = await db.selectFrom('patient').select('id').where('id', '=', patientId).executeTakeFirst();
  if (!patient) throw new AppError('not_found', 'Fant ikke pasienten');
  if (issues.length > 0) throw new AppError('invalid_input', 'Noen felter er ikke fylt ut riktig', issues);
}

export function conflictRefusal(): AppError {
  const message = 'Skriv årsak til dobbeltbooking for å lagre likevel';
  return new AppError('conflict', 'Noen av deltakerne er allerede opptatt på dette tidspunktet', [{ path: 'conflictReason', message }]);
}

export async function writeParticipants(trx: Db, meetingId: number, participants: readonly ParticipantIn[]): Promise<void> {
  await trx.deleteFrom('meeting_participant').where('meeting_id', '=', meetingId).execute();
  if (participants.length === 0) return;
  await trx
    .insertInto('meeting_participant')
    .values(
      participants.map((p, i) => ({
        meeting_id: meetingId,
        contact_id: p.contactId,
        name: p.name,
        role: p.role,
        organisation: p.organisation,
        email: p.email,
        phone: p.phone,
        consent_covers: p.consentCovers || p.role === 'patient' ? 1 : 0,
        is_patient: p.role === 'patient' ? 1 : 0,
        is_relative: p.role === 'relative' ? 1 : 0,
        position: i,
      })),
    )
    .execute();
}

export async function meetingRow(db: Db, id: number) {
  const row = await db.selectFrom('meeting').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'Fant ikke møtet');
  return row;
}

export async function detail(db: Db, id: number): Promise<MeetingDetail> {
  const row = await summaryQuery(db).where('meeting.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'Fant ikke møtet');
  const [patient, participants, agenda, minutes, actions] = await Promise.all([
    db.selectFrom('patient').select(['id', 'name', 'birth_date', 'municipality_number']).where('id', '=', row.patient_id).executeTakeFirstOrThrow(),
    db.selectFrom('meeting_participant').selectAll().where('meeting_id', '=', id).orderBy('position').execute(),
    db.selectFrom('meeting_agenda_item').selectAll().where('meeting_id', '=', id).orderBy('position').execute(),
    db.selectFrom('meeting_minutes').selectAll().where('meeting_id', '=', id).orderBy('version', 'desc').execute(),
    db.selectFrom('meeting_action_item').selectAll().where('meeting_id', '=', id).orderBy('position').orderBy('id').execute(),
  ]);
  return {
    ...toSummary(row),
    icsSequence: row.ics_sequence,
    cancelReason: row.cancel_reason,
    patient: { id: patient.id, name: patient.name, birthDate: patient.birth_date, municipalityNumber: patient.municipality_number },
    participants: participants.map((p) => ({
      id: p.id,
      contactId: p.contact_id,
      name: p.name,
      role: p.role,
      organisation: p.organisation,
      email: p.email,
      phone: p.phone,
      consentCovers: p.consent_covers === 1,
      isPatient: p.is_patient === 1,
      isRelative: p.is_relative === 1,
    })),
    agenda: agenda.map((a): AgendaItem => ({ id: a.id, title: a.title, source: a.source, sourceId: a.source_id })),
    minutes: minutes.map(
      (m): MinutesVersion => ({
        version: m.version,
        status: m.status,
        notes: JSON.parse(m.notes_json) as MinutesVersion['notes'],
        decisions: m.decisions,
        actions: m.actions_json === null ? null : (JSON.parse(m.actions_json) as NonNullable<MinutesVersion['actions']>),
        finalizedAt: m.finalized_at,
        finalizedBy: m.finalized_by,
        updatedAt: m.updated_at,
      }),
    ),
    actionItems: actions.map(toActionItem),
  };
}

export function printable(d: MeetingDetail): PrintableMeeting {
  return {
    kind: d.kind,
    startAt: d.startAt,
    durationMinutes: d.durationMinutes,
    place: d.place,
    videoUrl: d.videoUrl,
    status: d.status,
    patient: d.patient,
    participants: d.participants,
    agenda: d.agenda,
  };
}
