import type { Selectable } from 'kysely';
import type { z } from 'zod';
import {
  APPOINTMENT_STATUS_LABELS,
  type Appointment,
  type PostponedSuggestion,
  type bookAppointmentSchema,
  type SETTABLE_STATUSES,
  type updateAppointmentSchema,
} from '../../../shared/contract/appointments';
import { AppError, fieldError } from '../../../shared/contract/envelope';
import { osloToUtc, osloDateOf, todayInOslo, utcToOslo } from '../../../shared/domain/time';
import { appendAudit } from '../audit';
import type { AppointmentTable, Database } from '../db/schema';
import type { ServiceContext } from './context';
import { refreshCase, refreshOpenNoShows, readPolicy } from './no-show-store';
import { correctPathwayEvent, recordPathwayEvent } from './pathway-events';
import { recomputePathwayClocks } from './pathway-clock';
import type { Transaction } from 'kysely';
import { postponedSuggestions } from './postponed-suggestions';
import { claimRowVersion } from './row-version';
import { APPOINTMENT_RECORD, NO_SHOW_CASE_RECORD } from './follow-up-versions';
import { fixed } from '../db/replan';

type BookInput = z.output<typeof bookAppointmentSchema>;
type UpdateInput = z.output<typeof updateAppointmentSchema>;
type SettableStatus = (typeof SETTABLE_STATUSES)[number];

export function createAppointmentsService(ctx: ServiceContext) {
  async function view(db: Transaction<Database> | ServiceContext['db'], row: Selectable<AppointmentTable>): Promise<Appointment> {
    const [history, kase] = await Promise.all([
      db.selectFrom('appointment_status_change').selectAll().where('appointment_id', '=', row.id).orderBy('at').orderBy('id').execute(),
      db.selectFrom('no_show_case').select('id').where('appointment_id', '=', row.id).orderBy('id', 'desc').limit(1).executeTakeFirst(),
    ]);
    return toAppointment(row, history, kase?.id ?? null);
  }

  async function load(db: Transaction<Database>, id: number): Promise<Selectable<AppointmentTable>> {
    const row = await db.selectFrom('appointment').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('not_found', 'Fant ikke timen');
    return row;
  }

  async function logStatus(trx: Transaction<Database>, appointmentId: number, from: string, to: string, reason: string, now: Date) {
    await trx
      .insertInto('appointment_status_change')
      .values({ appointment_id: appointmentId, from_status: from, to_status: to, reason, by_name: ctx.actor().profile, at: now.toISOString() })
      .execute();
  }

  return {
    async list(patientId: number): Promise<{ appointments: Appointment[]; postponedSuggestions: PostponedSuggestion[] }> {
      const rows = await ctx.db
        .selectFrom('appointment')
        .selectAll()
        .where('patient_id', '=', patientId)
        .orderBy('start_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      const ids = rows.map((r) => r.id);
      const [history, cases] =
        ids.length === 0
          ? [[], []]
          : await Promise.all([
              ctx.db.selectFrom('appointment_status_change').selectAll().where('appointment_id', 'in', ids).orderBy('at').orderBy('id').execute(),
              ctx.db.selectFrom('no_show_case').select(['id', 'appointment_id']).where('appointment_id', 'in', ids).orderBy('id').execute(),
            ]);
      const caseOf = new Map(cases.map((c) => [c.appointment_id, c.id]));
      const appointments = rows.map((r) =>
        toAppointment(
          r,
          history.filter((h) => h.appointment_id === r.id),
          caseOf.get(r.id) ?? null,
        ),
      );
      return { appointments, postponedSuggestions: await postponedSuggestions(ctx.db, appointments, todayInOslo(ctx.clock())) };
    },

    async book(input: BookInput): Promise<Appointment> {
      if (input.place === '' && input.clinician === '') {
        throw new AppError('invalid_input', 'Fyll inn behandler eller sted', [
          { path: 'clinician', message: 'Fyll inn behandler eller sted' },
          { path: 'place', message: 'Fyll inn behandler eller sted' },
        ]);
      }
      const now = ctx.clock();
      const startAt = osloToUtc(input.date, input.time);
      return ctx.db.transaction().execute(async (trx) => {
        const patient = await trx.selectFrom('patient').select('id').where('id', '=', input.patientId).executeTakeFirst();
        if (!patient) throw new AppError('not_found', 'Fant ikke pasienten');
        if (input.pathwayId !== null) {
          const pathway = await trx.selectFrom('pathway').select('patient_id').where('id', '=', input.pathwayId).executeTakeFirst();
          if (!pathway || pathway.patient_id !== input.patientId) throw fieldError('pathwayId', 'Forløpet hører ikke til denne pasienten');
        }
        const kase =
          input.noShowCaseId === null ? null : await trx.selectFrom('no_show_case').selectAll().where('id', '=', input.noShowCaseId).executeTakeFirst();
        if (input.noShowCaseId !== null) {
          if (!kase || kase.patient_id !== input.patientId) throw new AppError('not_found', 'Fant ikke saken');
          if (kase.status !== 'open') throw new AppError('conflict', 'Saken er ikke åpen lenger');
          if (startAt <= kase.no_show_at) throw fieldError('date', 'Den nye timen må være etter timen pasienten ikke møtte til');
        }
        const stamp = now.toISOString();
        const row = await trx
          .insertInto('appointment')
          .values({
            patient_id: input.patientId,
            pathway_id: input.pathwayId,
            kind: input.kind,
            start_at: startAt,
            duration_minutes: input.durationMinutes,
            place: input.place,
            clinician: input.clinician,
            status: 'booked',
            created_at: stamp,
            updated_at: stamp,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await appendAudit(trx, ctx.actor(), { action: 'appointment.create', entity: 'appointment', entityId: row.id, patientId: input.patientId }, now);
        if (kase) {
          await claimRowVersion(trx, 'no_show_case', kase.id, undefined, ctx.actor(), NO_SHOW_CASE_RECORD, {
            status: 'closed',
            outcome: 'new_appointment',
            new_appointment_id: row.id,
          });
          await trx
            .updateTable('no_show_case')
            .set({
              status: 'closed',
              outcome: 'new_appointment',
              new_appointment_id: row.id,
              closed_at: stamp,
              closed_by: ctx.actor().profile,
              updated_at: stamp,
            })
            .where('id', '=', kase.id)
            .execute();
          await refreshCase(trx, kase.id, await readPolicy(trx), now);
          await refreshOpenNoShows(trx, input.patientId);
          await appendAudit(trx, ctx.actor(), { action: 'noShowCase.close', entity: 'no_show_case', entityId: kase.id, patientId: input.patientId }, now);
        }
        return view(trx, row);
      });
    },

    async setStatus(id: number, status: SettableStatus, loaded?: number) {
      const now = ctx.clock();
      return ctx.db.transaction().execute(async (trx) => {
        const row = await load(trx, id);
        await claimRowVersion(trx, 'appointment', id, loaded, ctx.actor(), APPOINTMENT_RECORD, { status });
        if (row.status !== 'booked') {
          throw new AppError('conflict', `Timen har allerede status «${APPOINTMENT_STATUS_LABELS[row.status]}». Bare avtalte timer kan endres.`);
        }
        if ((status === 'attended' || status === 'no_show') && row.start_at > now.toISOString()) {
          throw new AppError('conflict', 'Timen har ikke begynt ennå. Møtt eller ikke møtt kan registreres fra starttidspunktet.');
        }
        const stamp = now.toISOString();
        await trx.updateTable('appointment').set({ status, updated_at: stamp }).where('id', '=', id).execute();
        await logStatus(trx, id, row.status, status, '', now);
        await appendAudit(trx, ctx.actor(), { action: `appointment.${status}`, entity: 'appointment', entityId: id, patientId: row.patient_id }, now);

        let firstAttendanceRecorded = false;
        if (status === 'attended' && row.kind === 'first_attendance' && row.pathway_id !== null) {
          // Recording attendance is the coding (DOMAIN.md §4): the first attended first-attendance time is the event.
          const already = await trx
            .selectFrom('pathway_event')
            .select('id')
            .where('pathway_id', '=', row.pathway_id)
            .where('type', '=', fixed('first_attendance'))
            .where('status', '=', fixed('active'))
            .executeTakeFirst();
          if (!already) {
            await recordPathwayEvent(trx, ctx, { pathwayId: row.pathway_id, type: 'first_attendance', date: osloDateOf(row.start_at), source: 'appointment' });
            firstAttendanceRecorded = true;
          }
        }

        let noShowCaseId: number | null = null;
        if (status === 'no_show') {
          const kase = await trx
            .insertInto('no_show_case')
            .values({
              patient_id: row.patient_id,
              appointment_id: id,
              pathway_id: row.pathway_id,
              no_show_at: row.start_at,
              status: 'open',
              outcome: null,
              new_appointment_id: null,
              next_step: null,
              next_label: null,
              next_due: null,
              attempt_count: 0,
              postponed_event_id: null,
              closed_at: null,
              closed_by: null,
              close_note: '',
              withdrawn_reason: null,
              created_at: stamp,
              updated_at: stamp,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          noShowCaseId = kase.id;
          await refreshCase(trx, kase.id, await readPolicy(trx), now);
          await refreshOpenNoShows(trx, row.patient_id);
          await appendAudit(trx, ctx.actor(), { action: 'noShowCase.open', entity: 'no_show_case', entityId: kase.id, patientId: row.patient_id }, now);
        }
        const updated = await load(trx, id);
        return { appointment: await view(trx, updated), noShowCaseId, firstAttendanceRecorded };
      });
    },

    async update(input: UpdateInput): Promise<Appointment> {
      if (input.place === '' && input.clinician === '') {
        throw new AppError('invalid_input', 'Fyll inn behandler eller sted', [
          { path: 'clinician', message: 'Fyll inn behandler eller sted' },
          { path: 'place', message: 'Fyll inn behandler eller sted' },
        ]);
      }
      const now = ctx.clock();
      const startAt = osloToUtc(input.date, input.time);
      return ctx.db.transaction().execute(async (trx) => {
        const row = await load(trx, input.id);
        // Someone else's change first: what they did explains any refusal that follows from it.
        await claimRowVersion(trx, 'appointment', row.id, input.version, ctx.actor(), APPOINTMENT_RECORD, {
          start_at: startAt,
          duration_minutes: input.durationMinutes,
          place: input.place,
          clinician: input.clinician,
        });
        const moved = startAt !== row.start_at;
        if (moved && row.status !== 'booked' && row.status !== 'attended') {
          throw new AppError(
            'conflict',
            `Timen har status «${APPOINTMENT_STATUS_LABELS[row.status]}» og kan ikke flyttes. Bare avtalte og møtte timer kan flyttes eller rettes.`,
          );
        }
        if (moved && row.status === 'attended' && startAt > now.toISOString()) {
          throw fieldError('date', 'En time pasienten har møtt til kan ikke flyttes fram i tid');
        }
        const stamp = now.toISOString();
        await trx
          .updateTable('appointment')
          .set({ start_at: startAt, duration_minutes: input.durationMinutes, place: input.place, clinician: input.clinician, updated_at: stamp })
          .where('id', '=', row.id)
          .execute();
        await logStatus(trx, row.id, row.status, row.status, input.reason, now);
        await appendAudit(trx, ctx.actor(), { action: 'appointment.update', entity: 'appointment', entityId: row.id, patientId: row.patient_id }, now);
        if (row.pathway_id !== null) {
          const oldDate = osloDateOf(row.start_at);
          const newDate = osloDateOf(startAt);
          // The first attendance this time recorded moves with it; the pathway clock follows.
          const event =
            row.status === 'attended' && row.kind === 'first_attendance' && oldDate !== newDate
              ? await trx
                  .selectFrom('pathway_event')
                  .select('id')
                  .where('pathway_id', '=', row.pathway_id)
                  .where('type', '=', fixed('first_attendance'))
                  .where('status', '=', fixed('active'))
                  .where('source', '=', 'appointment')
                  .where('date', '=', oldDate)
                  .executeTakeFirst()
              : undefined;
          if (event) {
            await correctPathwayEvent(trx, ctx, {
              eventId: event.id,
              action: 'replace',
              date: newDate,
              outcome: null,
              until: null,
              helpNeed: null,
              reason: input.reason,
            });
          } else {
            await recomputePathwayClocks(trx, { pathwayIds: [row.pathway_id] }, now);
          }
        }
        return view(trx, await load(trx, row.id));
      });
    },

    /** Undo of a no-show registered by mistake. The case is withdrawn, never deleted; the reason is kept. */
    async undoNoShow(id: number, reason: string, loaded?: number): Promise<Appointment> {
      const now = ctx.clock();
      return ctx.db.transaction().execute(async (trx) => {
        const row = await load(trx, id);
        await claimRowVersion(trx, 'appointment', id, loaded, ctx.actor(), APPOINTMENT_RECORD, { status: 'booked' });
        if (row.status !== 'no_show') throw new AppError('conflict', 'Timen er ikke registrert som ikke møtt');
        const kase = await trx.selectFrom('no_show_case').selectAll().where('appointment_id', '=', id).where('status', '!=', 'withdrawn').executeTakeFirst();
        if (kase && kase.status !== 'open') {
          throw new AppError('conflict', 'Saken er allerede avsluttet eller meldt til behandler. Ikke møtt kan bare angres mens saken er åpen.');
        }
        const stamp = now.toISOString();
        await trx.updateTable('appointment').set({ status: 'booked', updated_at: stamp }).where('id', '=', id).execute();
        await logStatus(trx, id, 'no_show', 'booked', reason, now);
        await appendAudit(trx, ctx.actor(), { action: 'appointment.undoNoShow', entity: 'appointment', entityId: id, patientId: row.patient_id }, now);
        if (kase) {
          await claimRowVersion(trx, 'no_show_case', kase.id, undefined, ctx.actor(), NO_SHOW_CASE_RECORD, { status: 'withdrawn', withdrawn_reason: reason });
          await trx
            .updateTable('no_show_case')
            .set({ status: 'withdrawn', withdrawn_reason: reason, closed_at: stamp, closed_by: ctx.actor().profile, updated_at: stamp })
            .where('id', '=', kase.id)
            .execute();
          await refreshCase(trx, kase.id, await readPolicy(trx), now);
          await refreshOpenNoShows(trx, row.patient_id);
          await appendAudit(trx, ctx.actor(), { action: 'noShowCase.withdraw', entity: 'no_show_case', entityId: kase.id, patientId: row.patient_id }, now);
        }
        return view(trx, await load(trx, id));
      });
    },
  };
}
export type AppointmentsService = ReturnType<typeof createAppointmentsService>;

function toAppointment(
  row: Selectable<AppointmentTable>,
  history: { from_status: string; to_status: string; reason: string; by_name: string; at: string }[],
  noShowCaseId: number | null,
): Appointment {
  const { date, time } = utcToOslo(row.start_at);
  return {
    id: row.id,
    patientId: row.patient_id,
    pathwayId: row.pathway_id,
    kind: row.kind,
    startAt: row.start_at,
    date,
    time,
    durationMinutes: row.duration_minutes,
    place: row.place,
    clinician: row.clinician,
    status: row.status,
    history: history.map((h) => ({
      fromStatus: h.from_status as Appointment['status'],
      toStatus: h.to_status as Appointment['status'],
      reason: h.reason,
      byName: h.by_name,
      at: h.at,
    })),
    noShowCaseId,
    version: row.row_version,
  };
}
