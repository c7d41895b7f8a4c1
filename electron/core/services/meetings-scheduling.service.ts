import { randomUUID } from 'node:crypto';
import { AppError, type FieldIssue } from '../../../shared/contract/envelope';
import type { Clash } from '../../../shared/contract/meetings';
import { findBookingClashes, type ExistingBooking } from '../../../shared/domain/conflicts';
import { buildMeetingIcs, meetingIcsTitle } from '../../../shared/domain/ics';
import { MAX_MEETING_MINUTES, MEETING_KIND_LABELS, type MeetingKind } from '../../../shared/domain/meetings';
import { meetingTimeText } from '../../../shared/print/meeting-documents';
import { osloDaysToUtcRange, osloToUtc, utcToOslo } from '../../../shared/domain/time';
import { appendAudit } from '../audit';
import type { ServiceContext } from './context';
import { auditRead } from '../audit-read';
import {
  MAX_APPOINTMENT_MINUTES,
  personKey,
  toSummary,
  tableExists,
  refreshNextMeetingDate,
  summaryQuery,
  letterhead,
  template,
  meetingRow,
  detail,
  type Db,
  type NewMeeting,
  type MeetingUpdate,
  type ParticipantIn,
} from './meetings-store';
import { claimMeeting, participantsText } from './meetings-version';

/** Everyone already booked in [start, start + duration) among the proposed people, meetings and appointments alike. */
async function clashesFor(
  db: Db,
  p: { patientId: number; startAt: string; durationMinutes: number; participants: readonly ParticipantIn[]; excludeMeetingId?: number | undefined },
): Promise<Clash[]> {
  const names = new Map<string, string>([
    ['coordinator', 'Du (koordinator)'],
    [`patient:${p.patientId}`, 'Pasienten'],
  ]);
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
      const keys = [
        'coordinator',
        ...parts.filter((x) => x.meeting_id === m.id).map((x) => personKey({ contactId: x.contact_id, name: x.name, role: x.role }, m.patient_id)),
      ];
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
async function validate(db: Db, input: NewMeeting | MeetingUpdate, patientId: number): Promise<void> {
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

function conflictRefusal(): AppError {
  const message = 'Skriv årsak til dobbeltbooking for å lagre likevel';
  return new AppError('conflict', 'Noen av deltakerne er allerede opptatt på dette tidspunktet', [{ path: 'conflictReason', message }]);
}

async function writeParticipants(trx: Db, meetingId: number, participants: readonly ParticipantIn[]): Promise<void> {
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

/** Meetings in the calendar: the week and the patient's list, one meeting, double-booking checks, create, update, cancel, .ics. */
export function createMeetingSchedulingService(ctx: ServiceContext) {
  return {
    async listWeek(from: string, days: number) {
      const range = osloDaysToUtcRange(from, days);
      const rows = await summaryQuery(ctx.db)
        .where('meeting.start_at', '>=', range.from)
        .where('meeting.start_at', '<', range.to)
        .orderBy('meeting.start_at')
        .limit(500)
        .execute();
      return { rows: rows.map(toSummary) };
    },

    async listForPatient(patientId: number) {
      const rows = await summaryQuery(ctx.db).where('meeting.patient_id', '=', patientId).orderBy('meeting.start_at', 'desc').limit(200).execute();
      return { rows: rows.map(toSummary) };
    },

    /** Opening a meeting opens patient data: logged. */
    async get(id: number) {
      const d = await detail(ctx.db, id);
      await auditRead(ctx.db, ctx.actor(), 'meetings.get', { entityId: id, patientId: d.patientId }, ctx.clock());
      return d;
    },

    async listConflicts(q: {
      patientId: number;
      date: string;
      time: string;
      durationMinutes: number;
      participants: ParticipantIn[];
      excludeMeetingId?: number | undefined;
    }) {
      const startAt = osloToUtc(q.date, q.time);
      return { clashes: await clashesFor(ctx.db, { ...q, startAt }) };
    },

    async create(input: NewMeeting) {
      const now = ctx.clock();
      const stamp = now.toISOString();
      const startAt = osloToUtc(input.date, input.time);
      return ctx.db.transaction().execute(async (trx) => {
        await validate(trx, input, input.patientId);
        const clashes = await clashesFor(trx, {
          patientId: input.patientId,
          startAt,
          durationMinutes: input.durationMinutes,
          participants: input.participants,
        });
        if (clashes.length > 0 && input.conflictReason === '') throw conflictRefusal();
        const { id } = await trx
          .insertInto('meeting')
          .values({
            patient_id: input.patientId,
            kind: input.kind,
            start_at: startAt,
            duration_minutes: input.durationMinutes,
            place: input.place,
            video_url: input.videoUrl,
            status: 'planned',
            ics_uid: `samarbeidsmote-${randomUUID()}@forlopsbenk`,
            ics_sequence: 0,
            conflict_reason: clashes.length > 0 ? input.conflictReason : null,
            cancel_reason: null,
            created_at: stamp,
            updated_at: stamp,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await writeParticipants(trx, id, input.participants);
        const items = await template(trx, input.kind);
        if (items.length > 0) {
          await trx
            .insertInto('meeting_agenda_item')
            .values(items.map((title, position) => ({ meeting_id: id, position, title, source: 'template', source_id: null })))
            .execute();
        }
        await refreshNextMeetingDate(trx, input.patientId, now);
        await appendAudit(trx, ctx.actor(), { action: 'meeting.create', entity: 'meeting', entityId: id, patientId: input.patientId }, now);
        return { id };
      });
    },

    /** Any change raises the calendar SEQUENCE, so calendars replace the old invitation. */
    async update(input: MeetingUpdate) {
      const now = ctx.clock();
      const startAt = osloToUtc(input.date, input.time);
      return ctx.db.transaction().execute(async (trx) => {
        const row = await meetingRow(trx, input.id);
        // Someone else's change first (a cancellation too): what they did explains any refusal that follows.
        const version = await claimMeeting(trx, row.id, input.version, ctx.actor(), {
          kind: input.kind,
          start_at: startAt,
          duration_minutes: input.durationMinutes,
          place: input.place,
          video_url: input.videoUrl,
          participants: participantsText(input.participants),
        });
        if (row.status === 'cancelled') throw new AppError('conflict', 'Møtet er avlyst og kan ikke endres');
        await validate(trx, input, row.patient_id);
        const clashes = await clashesFor(trx, {
          patientId: row.patient_id,
          startAt,
          durationMinutes: input.durationMinutes,
          participants: input.participants,
          excludeMeetingId: row.id,
        });
        if (clashes.length > 0 && input.conflictReason === '') throw conflictRefusal();
        const sequence = row.ics_sequence + 1;
        await trx
          .updateTable('meeting')
          .set({
            kind: input.kind,
            start_at: startAt,
            duration_minutes: input.durationMinutes,
            place: input.place,
            video_url: input.videoUrl,
            conflict_reason: clashes.length > 0 ? input.conflictReason : null,
            ics_sequence: sequence,
            updated_at: now.toISOString(),
          })
          .where('id', '=', row.id)
          .execute();
        await writeParticipants(trx, row.id, input.participants);
        await refreshNextMeetingDate(trx, row.patient_id, now);
        await appendAudit(trx, ctx.actor(), { action: 'meeting.update', entity: 'meeting', entityId: row.id, patientId: row.patient_id }, now);
        return { id: row.id, icsSequence: sequence, version };
      });
    },

    async cancel(id: number, reason: string, loaded?: number) {
      const now = ctx.clock();
      return ctx.db.transaction().execute(async (trx) => {
        const row = await meetingRow(trx, id);
        await claimMeeting(trx, id, loaded, ctx.actor(), { status: 'cancelled' });
        if (row.status !== 'planned')
          throw new AppError('conflict', row.status === 'cancelled' ? 'Møtet er allerede avlyst' : 'Et holdt møte kan ikke avlyses');
        const sequence = row.ics_sequence + 1;
        await trx
          .updateTable('meeting')
          .set({ status: 'cancelled', cancel_reason: reason || null, ics_sequence: sequence, updated_at: now.toISOString() })
          .where('id', '=', id)
          .execute();
        await refreshNextMeetingDate(trx, row.patient_id, now);
        await appendAudit(trx, ctx.actor(), { action: 'meeting.cancel', entity: 'meeting', entityId: id, patientId: row.patient_id }, now);
        return { id, icsSequence: sequence };
      });
    },

    /** RFC 5545 file. No patient name anywhere: title and description say only what kind of meeting it is. */
    async getIcs(id: number) {
      const row = await meetingRow(ctx.db, id);
      const participants = await ctx.db.selectFrom('meeting_participant').selectAll().where('meeting_id', '=', id).orderBy('position').execute();
      const lh = await letterhead(ctx.db);
      const kindLabel = MEETING_KIND_LABELS[row.kind as MeetingKind] ?? 'Samarbeidsmøte';
      const description = [
        `${meetingIcsTitle(kindLabel)}.`,
        row.place && `Sted: ${row.place}`,
        row.video_url && `Videolenke: ${row.video_url}`,
        lh.unitName && `Innkalt av ${[lh.coordinatorName, lh.unitName].filter(Boolean).join(', ')}${lh.unitPhone ? `, telefon ${lh.unitPhone}` : ''}.`,
        row.status === 'cancelled' ? 'Møtet er avlyst.' : '',
      ]
        .filter(Boolean)
        .join('\n');
      const text = buildMeetingIcs(
        {
          uid: row.ics_uid,
          sequence: row.ics_sequence,
          start: row.start_at,
          durationMinutes: row.duration_minutes,
          title: meetingIcsTitle(kindLabel),
          description,
          location: row.place || (row.video_url ? 'Videomøte' : ''),
          ...(row.video_url ? { url: row.video_url } : {}),
          // The patient and relatives are left out: their names would identify the patient.
          attendees: participants.filter((p) => p.is_patient === 0 && p.is_relative === 0 && p.email !== '').map((p) => ({ name: p.name, email: p.email })),
          cancelled: row.status === 'cancelled',
        },
        { now: ctx.clock() },
      );
      await auditRead(ctx.db, ctx.actor(), 'meetings.getIcs', { entityId: id, patientId: row.patient_id }, ctx.clock());
      const date = utcToOslo(row.start_at).date;
      return { filename: `samarbeidsmote-${date}${row.status === 'cancelled' ? '-avlyst' : ''}.ics`, text };
    },
  };
}
