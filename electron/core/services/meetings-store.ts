/**
 * Shared internals of the meeting services (scheduling, agenda, minutes): row mapping, the detail read,
 * settings. Nothing here audits; every function takes the caller's db or transaction. Clash checks live with scheduling.
 */
import { type Kysely, type Selectable, type Transaction } from 'kysely';
import type { z } from 'zod';
import { AppError } from '../../../shared/contract/envelope';
import type {
  ActionItem,
  AgendaItem,
  MeetingDetail,
  MeetingSummary,
  MinutesVersion,
  meetingUpdateSchema,
  newMeetingSchema,
  participantInputSchema,
} from '../../../shared/contract/meetings';
import { DEFAULT_AGENDA_TEMPLATES, type MeetingKind, type PatientPrintPrivacy } from '../../../shared/domain/meetings';
import { type PrintableMeeting } from '../../../shared/print/meeting-documents';
import type { Letterhead } from '../../../shared/print/document';
import { letterheadOf } from '../people';
import { utcToOslo } from '../../../shared/domain/time';
import type { Database, MeetingActionItemTable, MeetingTable } from '../db/schema';
import { meetingTemplateKey, readSetting } from '../settings';

export type Db = Kysely<Database> | Transaction<Database>;
export type NewMeeting = z.output<typeof newMeetingSchema>;
export type MeetingUpdate = z.output<typeof meetingUpdateSchema>;
export type ParticipantIn = z.output<typeof participantInputSchema>;

export const TEMPLATE_KEY = meetingTemplateKey;
export const PRIVACY_KEY = 'meetings.printPrivacy' as const;
/** Appointments may last up to 10 hours (see the appointment table's check). */
export const MAX_APPOINTMENT_MINUTES = 600;

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

export { tableExists } from '../db/dialect';

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
  await trx
    .updateTable('patient')
    .set({ next_meeting_date: next ? utcToOslo(next.start_at).date : null })
    .where('id', '=', patientId)
    .execute();
}

export function summaryQuery(db: Db) {
  return db
    .selectFrom('meeting')
    .innerJoin('patient', 'patient.id', 'meeting.patient_id')
    .selectAll('meeting')
    .select('patient.name as patient_name')
    .select((eb) =>
      eb
        .selectFrom('meeting_participant')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('meeting_participant.meeting_id', '=', 'meeting.id')
        .as('participant_count'),
    );
}

export async function letterhead(db: Db): Promise<Letterhead> {
  // The unit's part and the name of the person who prints (people.ts).
  return letterheadOf(db);
}

export async function printPrivacy(db: Db): Promise<PatientPrintPrivacy> {
  return (await readSetting(db, PRIVACY_KEY)) ?? 'initials_birth_year';
}

export async function template(db: Db, kind: MeetingKind): Promise<string[]> {
  // A template not stored (or not readable) falls back to the shipped one.
  return (await readSetting(db, TEMPLATE_KEY(kind))) ?? DEFAULT_AGENDA_TEMPLATES[kind];
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
    version: row.row_version,
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
        rowVersion: m.row_version,
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
