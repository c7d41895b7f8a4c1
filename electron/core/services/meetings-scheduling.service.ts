import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/contract/envelope';
import { buildMeetingIcs, meetingIcsTitle } from '../../../shared/domain/ics';
import { MEETING_KIND_LABELS, osloDaysToUtcRange, osloLocalToUtc, utcToOslo, type MeetingKind } from '../../../shared/domain/meetings';
import { appendAudit } from '../audit';
import { auditRead } from '../audit-read';
import type { ServiceContext } from './context';
import { toSummary, refreshNextMeetingDate, summaryQuery, letterhead, template, clashesFor, validate, conflictRefusal, writeParticipants, meetingRow, detail, type NewMeeting, type MeetingUpdate, type ParticipantIn } from './meetings-store';

/** Meetings in the calendar: the week and the patient's list, one meeting, double-booking checks, create, update, cancel, .ics. */
export function createMeetingSchedulingService(ctx: ServiceContext) {
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
