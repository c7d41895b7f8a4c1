import { randomUUID } from 'node:crypto';
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
import { buildMeetingIcs, meetingIcsTitle } from '../../../shared/domain/ics';
import {
  DEFAULT_AGENDA_TEMPLATES,
  MAX_MEETING_MINUTES,
  MEETING_KIND_LABELS,
  MEETING_KINDS,
  PATIENT_PRINT_PRIVACY,
  normaliseTemplate,
  osloDaysToUtcRange,
  osloLocalToUtc,
  utcToOslo,
  type MeetingKind,
  type PatientPrintPrivacy,
} from '../../../shared/domain/meetings';
import { agendaDocument, meetingTimeText, minutesDocument, type PrintableMeeting } from '../../../shared/print/meeting-documents';
import type { Letterhead } from '../../../shared/print/document';
import { appendAudit } from '../audit';
import { auditRead } from '../audit-read';
import { planAgendaSuggestions } from './plans-agenda';
import type { Database, MeetingActionItemTable, MeetingTable } from '../db/schema';
import { readSetting, writeSetting } from '../settings';
import type { ServiceContext } from './context';

type Db = Kysely<Database> | Transaction<Database>;
type NewMeeting = z.output<typeof newMeetingSchema>;
type MeetingUpdate = z.output<typeof meetingUpdateSchema>;
type ParticipantIn = z.output<typeof participantInputSchema>;

const TEMPLATE_KEY = (kind: MeetingKind) => `meetings.template.${kind}`;
const PRIVACY_KEY = 'meetings.printPrivacy';
/** Appointments may last up to 10 hours (see the appointment table's check). */
const MAX_APPOINTMENT_MINUTES = 600;

function isoDateText(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

function personKey(p: { contactId: number | null; name: string; role: string }, patientId: number): string {
  if (p.role === 'patient') return `patient:${patientId}`;
  if (p.contactId !== null) return `contact:${p.contactId}`;
  return `adhoc:${p.name.toLocaleLowerCase('nb').replace(/\s+/g, ' ').trim()}`;
}

function toSummary(row: Selectable<MeetingTable> & { patient_name: string; participant_count: number | bigint | string | null }): MeetingSummary {
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

function toActionItem(row: Selectable<MeetingActionItemTable>): ActionItem {
  return { id: row.id, text: row.text, owner: row.owner, dueDate: row.due_date, done: row.done === 1, planMeasureId: row.plan_measure_id };
}

async function tableExists(db: Db, name: string): Promise<boolean> {
  const row = await sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table' and name = ${name}`.execute(db);
  return Number(row.rows[0]?.n ?? 0) > 0;
}

/** Keeps patient.next_meeting_date (the worklist flag) in step: the earliest planned meeting from now on. */
async function refreshNextMeetingDate(trx: Db, patientId: number, now: Date): Promise<void> {
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

export function createMeetingsService(ctx: ServiceContext) {
  function summaryQuery(db: Db) {
    return db
      .selectFrom('meeting')
      .innerJoin('patient', 'patient.id', 'meeting.patient_id')
      .selectAll('meeting')
      .select('patient.name as patient_name')
      .select((eb) =>
        eb.selectFrom('meeting_participant').select(eb.fn.countAll<number>().as('n')).whereRef('meeting_participant.meeting_id', '=', 'meeting.id').as('participant_count'),
      );
  }

  async function letterhead(db: Db): Promise<Letterhead> {
    const p = await db.selectFrom('profile').selectAll().where('id', '=', 1).executeTakeFirst();
    return { unitName: p?.unit_name ?? '', unitAddress: p?.unit_address ?? '', unitPhone: p?.unit_phone ?? '', coordinatorName: p?.coordinator_name ?? '' };
  }

  async function printPrivacy(db: Db): Promise<PatientPrintPrivacy> {
    const v = await readSetting(db, PRIVACY_KEY);
    return (PATIENT_PRINT_PRIVACY as readonly string[]).includes(v ?? '') ? (v as PatientPrintPrivacy) : 'initials_birth_year';
  }

  async function template(db: Db, kind: MeetingKind): Promise<string[]> {
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
  async function clashesFor(
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

  async function meetingRow(db: Db, id: number) {
    const row = await db.selectFrom('meeting').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('not_found', 'Fant ikke møtet');
    return row;
  }

  async function detail(db: Db, id: number): Promise<MeetingDetail> {
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

  function printable(d: MeetingDetail): PrintableMeeting {
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

  return {
    async listWeek(from: string, days: number) {
      const range = osloDaysToUtcRange(from, days);
      const rows = await summaryQuery(ctx.db).where('meeting.start_at', '>=', range.from).where('meeting.start_at', '<', range.to).orderBy('meeting.start_at').limit(500).execute();
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

    async listConflicts(q: { patientId: number; date: string; time: string; durationMinutes: number; participants: ParticipantIn[]; excludeMeetingId?: number | undefined }) {
      const startAt = osloLocalToUtc(q.date, q.time);
      return { clashes: await clashesFor(ctx.db, { ...q, startAt }) };
    },

    async create(input: NewMeeting) {
      const now = ctx.clock();
      const stamp = now.toISOString();
      const startAt = osloLocalToUtc(input.date, input.time);
      return ctx.db.transaction().execute(async (trx) => {
        await validate(trx, input, input.patientId);
        const clashes = await clashesFor(trx, { patientId: input.patientId, startAt, durationMinutes: input.durationMinutes, participants: input.participants });
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
      const startAt = osloLocalToUtc(input.date, input.time);
      return ctx.db.transaction().execute(async (trx) => {
        const row = await meetingRow(trx, input.id);
        if (row.status === 'cancelled') throw new AppError('conflict', 'Møtet er avlyst og kan ikke endres');
        await validate(trx, input, row.patient_id);
        const clashes = await clashesFor(trx, { patientId: row.patient_id, startAt, durationMinutes: input.durationMinutes, participants: input.participants, excludeMeetingId: row.id });
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
        return { id: row.id, icsSequence: sequence };
      });
    },

    async cancel(id: number, reason: string) {
      const now = ctx.clock();
      return ctx.db.transaction().execute(async (trx) => {
        const row = await meetingRow(trx, id);
        if (row.status !== 'planned') throw new AppError('conflict', row.status === 'cancelled' ? 'Møtet er allerede avlyst' : 'Et holdt møte kan ikke avlyses');
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

    /** Replaces the agenda; items that keep their id keep their minutes notes. */
    async saveAgenda(id: number, items: { id?: number | undefined; title: string; source: string; sourceId: number | null }[]) {
      const now = ctx.clock();
      await ctx.db.transaction().execute(async (trx) => {
        const row = await meetingRow(trx, id);
        const existing = new Set((await trx.selectFrom('meeting_agenda_item').select('id').where('meeting_id', '=', id).execute()).map((r) => r.id));
        const kept = new Set(items.map((i) => i.id).filter((x): x is number => x !== undefined && existing.has(x)));
        const gone = [...existing].filter((x) => !kept.has(x));
        if (gone.length > 0) await trx.deleteFrom('meeting_agenda_item').where('id', 'in', gone).execute();
        for (const [position, item] of items.entries()) {
          if (item.id !== undefined && kept.has(item.id)) {
            await trx.updateTable('meeting_agenda_item').set({ title: item.title, position }).where('id', '=', item.id).execute();
          } else {
            await trx.insertInto('meeting_agenda_item').values({ meeting_id: id, position, title: item.title, source: item.source, source_id: item.sourceId }).execute();
          }
        }
        await appendAudit(trx, ctx.actor(), { action: 'meeting.saveAgenda', entity: 'meeting', entityId: id, patientId: row.patient_id }, now);
      });
      const agenda = await ctx.db.selectFrom('meeting_agenda_item').selectAll().where('meeting_id', '=', id).orderBy('position').execute();
      return { agenda: agenda.map((a) => ({ id: a.id, title: a.title, source: a.source, sourceId: a.source_id })) };
    },

    async listAgendaSuggestions(id: number) {
      const row = await meetingRow(ctx.db, id);
      const items: { title: string; source: 'action' | 'plan_goal' | 'plan_measure'; sourceId: number; detail: string }[] = [];
      const previous = await ctx.db
        .selectFrom('meeting')
        .select('id')
        .where('patient_id', '=', row.patient_id)
        .where('status', '!=', 'cancelled')
        .where('start_at', '<', row.start_at)
        .orderBy('start_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (previous) {
        const open = await ctx.db.selectFrom('meeting_action_item').selectAll().where('meeting_id', '=', previous.id).where('done', '=', 0).orderBy('position').execute();
        for (const a of open) {
          const detail = [a.owner && `Ansvarlig: ${a.owner}`, a.due_date && `frist ${isoDateText(a.due_date)}`].filter(Boolean).join(', ');
          items.push({ title: `Oppfølging fra forrige møte: ${a.text}`.slice(0, 200), source: 'action', sourceId: a.id, detail });
        }
      }
      // The individual plan (the plan feature's read-only helper): goals due for evaluation by the meeting, open measures.
      const plan = await planAgendaSuggestions(ctx.db, row.patient_id, utcToOslo(row.start_at).date);
      for (const g of plan.goalsDue) {
        items.push({ title: `Evaluere mål: ${g.text}`.slice(0, 200), source: 'plan_goal', sourceId: g.id, detail: 'Mål i individuell plan' });
      }
      for (const m of plan.openMeasures) {
        const detail = [m.responsible && `Ansvarlig: ${m.responsible}`, m.dueDate && `frist ${isoDateText(m.dueDate)}`].filter(Boolean).join(', ');
        items.push({ title: `Status for tiltak: ${m.what}`.slice(0, 200), source: 'plan_measure', sourceId: m.id, detail });
      }
      const planAvailable = (await ctx.db.selectFrom('individual_plan').select('id').where('patient_id', '=', row.patient_id).executeTakeFirst()) !== undefined;
      return { items, planAvailable };
    },

    async getAgendaDocument(id: number) {
      const d = await detail(ctx.db, id);
      const html = agendaDocument(printable(d), await letterhead(ctx.db), await printPrivacy(ctx.db), ctx.clock());
      await auditRead(ctx.db, ctx.actor(), 'meetings.getAgendaDocument', { entityId: id, patientId: d.patientId }, ctx.clock());
      return { html };
    },

    async getMinutesDocument(id: number, version: number | undefined) {
      const d = await detail(ctx.db, id);
      const m = version === undefined ? d.minutes[0] : d.minutes.find((x) => x.version === version);
      if (!m) throw new AppError('not_found', 'Møtet har ikke noe referat ennå');
      const actions = m.actions ?? d.actionItems.map(({ text, owner, dueDate, done }) => ({ text, owner, dueDate, done }));
      const html = minutesDocument(printable(d), { ...m, actions }, await letterhead(ctx.db), await printPrivacy(ctx.db), ctx.clock());
      await auditRead(ctx.db, ctx.actor(), 'meetings.getMinutesDocument', { entityId: id, patientId: d.patientId }, ctx.clock());
      return { html };
    },

    async saveMinutes(input: {
      id: number;
      notes: { agendaItemId: number; note: string }[];
      decisions: string;
      actionItems: { id?: number | undefined; text: string; owner: string; dueDate: string | null; done: boolean }[];
    }) {
      const now = ctx.clock();
      const stamp = now.toISOString();
      return ctx.db.transaction().execute(async (trx) => {
        const row = await meetingRow(trx, input.id);
        if (row.status === 'cancelled') throw new AppError('conflict', 'Møtet er avlyst; det kan ikke skrives referat');
        const agenda = await trx.selectFrom('meeting_agenda_item').select(['id', 'title']).where('meeting_id', '=', input.id).orderBy('position').execute();
        const noteFor = new Map(input.notes.map((n) => [n.agendaItemId, n.note]));
        const notes = agenda.map((a) => ({ agendaItemId: a.id, title: a.title, note: noteFor.get(a.id) ?? '' }));

        const latest = await trx.selectFrom('meeting_minutes').selectAll().where('meeting_id', '=', input.id).orderBy('version', 'desc').limit(1).executeTakeFirst();
        let version: number;
        if (latest && latest.status === 'draft') {
          version = latest.version;
          await trx.updateTable('meeting_minutes').set({ notes_json: JSON.stringify(notes), decisions: input.decisions, updated_at: stamp }).where('id', '=', latest.id).execute();
        } else {
          version = (latest?.version ?? 0) + 1;
          await trx
            .insertInto('meeting_minutes')
            .values({ meeting_id: input.id, version, status: 'draft', notes_json: JSON.stringify(notes), decisions: input.decisions, actions_json: null, finalized_at: null, finalized_by: null, created_at: stamp, updated_at: stamp })
            .execute();
        }

        // Action items live with the meeting (their "done" is followed up after the minutes are final).
        const existing = await trx.selectFrom('meeting_action_item').selectAll().where('meeting_id', '=', input.id).execute();
        const byId = new Map(existing.map((a) => [a.id, a]));
        const kept = new Set<number>();
        for (const [position, a] of input.actionItems.entries()) {
          const values = { text: a.text, owner: a.owner, due_date: a.dueDate, done: a.done ? 1 : 0, position, updated_at: stamp };
          if (a.id !== undefined) {
            if (!byId.has(a.id)) throw new AppError('not_found', 'Fant ikke oppfølgingspunktet');
            kept.add(a.id);
            await trx.updateTable('meeting_action_item').set(values).where('id', '=', a.id).execute();
          } else {
            await trx.insertInto('meeting_action_item').values({ meeting_id: input.id, ...values, plan_measure_id: null, created_at: stamp }).execute();
          }
        }
        // An action that became a measure in the individual plan is never removed here.
        const gone = existing.filter((a) => !kept.has(a.id) && a.plan_measure_id === null).map((a) => a.id);
        if (gone.length > 0) await trx.deleteFrom('meeting_action_item').where('id', 'in', gone).execute();

        await appendAudit(trx, ctx.actor(), { action: 'meeting.saveMinutes', entity: 'meeting', entityId: input.id, patientId: row.patient_id }, now);
        return { version, status: 'draft' as const };
      });
    },

    /** Locks the draft (the database refuses any later update of a final version) and marks a past meeting held. */
    async finalizeMinutes(id: number) {
      const now = ctx.clock();
      return ctx.db.transaction().execute(async (trx) => {
        const row = await meetingRow(trx, id);
        const latest = await trx.selectFrom('meeting_minutes').selectAll().where('meeting_id', '=', id).orderBy('version', 'desc').limit(1).executeTakeFirst();
        if (!latest || latest.status !== 'draft') throw new AppError('conflict', 'Det finnes ikke noe utkast å ferdigstille. Lagre referatet først.');
        const actions = await trx.selectFrom('meeting_action_item').selectAll().where('meeting_id', '=', id).orderBy('position').orderBy('id').execute();
        await trx
          .updateTable('meeting_minutes')
          .set({
            status: 'final',
            actions_json: JSON.stringify(actions.map((a) => ({ text: a.text, owner: a.owner, dueDate: a.due_date, done: a.done === 1 }))),
            finalized_at: now.toISOString(),
            finalized_by: ctx.actor().profile,
            updated_at: now.toISOString(),
          })
          .where('id', '=', latest.id)
          .execute();
        // Minutes written after the meeting mark it held; minutes prepared in advance leave it planned.
        if (row.status === 'planned' && row.start_at <= now.toISOString()) {
          await trx.updateTable('meeting').set({ status: 'held', updated_at: now.toISOString() }).where('id', '=', id).execute();
          await refreshNextMeetingDate(trx, row.patient_id, now);
        }
        await appendAudit(trx, ctx.actor(), { action: 'meeting.finalizeMinutes', entity: 'meeting', entityId: id, patientId: row.patient_id }, now);
        return { version: latest.version };
      });
    },

    async setActionItemDone(actionItemId: number, done: boolean) {
      const now = ctx.clock();
      return ctx.db.transaction().execute(async (trx) => {
        const item = await trx
          .selectFrom('meeting_action_item')
          .innerJoin('meeting', 'meeting.id', 'meeting_action_item.meeting_id')
          .select(['meeting_action_item.id', 'meeting.patient_id'])
          .where('meeting_action_item.id', '=', actionItemId)
          .executeTakeFirst();
        if (!item) throw new AppError('not_found', 'Fant ikke oppfølgingspunktet');
        await trx.updateTable('meeting_action_item').set({ done: done ? 1 : 0, updated_at: now.toISOString() }).where('id', '=', actionItemId).execute();
        await appendAudit(trx, ctx.actor(), { action: 'meeting.actionItemDone', entity: 'meeting_action_item', entityId: actionItemId, patientId: item.patient_id }, now);
        return { id: actionItemId, done };
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

    async getSettings() {
      const templates = {} as Record<MeetingKind, string[]>;
      for (const kind of MEETING_KINDS) templates[kind] = await template(ctx.db, kind);
      return { templates, printPrivacy: await printPrivacy(ctx.db) };
    },

    async saveTemplate(kind: MeetingKind, items: string[]) {
      const clean = normaliseTemplate(items);
      if (clean.length === 0) {
        const message = 'Malen må ha minst ett punkt';
        throw new AppError('invalid_input', message, [{ path: 'items', message }]);
      }
      const now = ctx.clock();
      await ctx.db.transaction().execute(async (trx) => {
        await writeSetting(trx, TEMPLATE_KEY(kind), JSON.stringify(clean));
        await appendAudit(trx, ctx.actor(), { action: 'meetings.saveTemplate', entity: 'app_setting', entityId: null, patientId: null }, now);
      });
      return { kind, items: clean };
    },

    async resetTemplate(kind: MeetingKind) {
      const now = ctx.clock();
      await ctx.db.transaction().execute(async (trx) => {
        await trx.deleteFrom('app_setting').where('key', '=', TEMPLATE_KEY(kind)).execute();
        await appendAudit(trx, ctx.actor(), { action: 'meetings.resetTemplate', entity: 'app_setting', entityId: null, patientId: null }, now);
      });
      return { kind, items: DEFAULT_AGENDA_TEMPLATES[kind] };
    },

    async savePrintPrivacy(printPrivacy: PatientPrintPrivacy) {
      const now = ctx.clock();
      await ctx.db.transaction().execute(async (trx) => {
        await writeSetting(trx, PRIVACY_KEY, printPrivacy);
        await appendAudit(trx, ctx.actor(), { action: 'meetings.savePrintPrivacy', entity: 'app_setting', entityId: null, patientId: null }, now);
      });
      return { printPrivacy };
    },
  };
}
export type MeetingsService = ReturnType<typeof createMeetingsService>;
