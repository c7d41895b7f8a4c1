import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { AppError, type FieldIssue } from '../../../shared/contract/envelope';
import type { noShowContract, NoShowCaseView, PolicyInput, QueueRow } from '../../../shared/contract/no-show';
import { maskNationalId } from '../../../shared/domain/national-id';
import { canClose, validateAttempt, validatePolicy, type NoShowPolicy } from '../../../shared/domain/no-show-policy';
import { DUE_SOON_DAYS, dueState } from '../../../shared/domain/due';
import { formatDate, osloDateOf, osloToUtc, todayInOslo } from '../../../shared/domain/time';
import { appendAudit } from '../audit';
import { auditRead } from '../audit-read';
import { readSetting, writeSetting } from '../settings';
import { fixed, pageBound } from '../db/replan';
import type { Database } from '../db/schema';
import type { ServiceContext } from './context';
import {
  COORDINATOR_PHONE_KEY,
  caseParts,
  caseView,
  readPolicy,
  refreshCase,
  refreshOpenNoShows,
  toCaseView,
  toRuleState,
  writeCaseColumns,
  writePolicy,
} from './no-show-store';
import { recordPathwayEvent } from './pathway-events';
import { createNoShowLettersService } from './no-show-letters.service';
import { isDuplicateAttempt, listEscalated } from './no-show-escalation';
import { claimRowVersion } from './row-version';
import { NO_SHOW_CASE_RECORD } from './follow-up-versions';

type In<M extends keyof typeof noShowContract> = z.output<(typeof noShowContract)[M]['input']>;
type Trx = Transaction<Database>;

/** The no-show area: policy, queue, cases and their attempts; letters and templates live in no-show-letters.service.ts. */
/** The next step's state in the no-show window (the contract names the days `daysUntilDue`). */
function dueNext(due: string, today: string) {
  const { state, daysLeft } = dueState(due, today, DUE_SOON_DAYS.noShow);
  return { state, daysUntilDue: daysLeft };
}

export function createNoShowService(ctx: ServiceContext) {
  const now = () => ctx.clock();

  async function view(db: Trx | ServiceContext['db'], caseId: number): Promise<NoShowCaseView> {
    const v = await caseView(db, caseId, await readPolicy(db), now());
    if (!v) throw new AppError('not_found', 'Fant ikke saken');
    return v;
  }

  async function loadCase(trx: Trx, caseId: number) {
    const row = await trx.selectFrom('no_show_case').selectAll().where('id', '=', caseId).executeTakeFirst();
    if (!row) throw new AppError('not_found', 'Fant ikke saken');
    return row;
  }

  async function ruleState(trx: Trx, row: Awaited<ReturnType<typeof loadCase>>) {
    const [attempts, letters] = await Promise.all([
      trx.selectFrom('contact_attempt').selectAll().where('case_id', '=', row.id).execute(),
      trx.selectFrom('letter').selectAll().where('case_id', '=', row.id).execute(),
    ]);
    return toRuleState(row, attempts, letters);
  }

  return {
    // -- Policy -------------------------------------------------------------------------------
    async getPolicy(): Promise<PolicyInput> {
      const p = await readPolicy(ctx.db);
      return { ...p, channels: [...p.channels], coordinatorPhone: (await readSetting(ctx.db, COORDINATOR_PHONE_KEY)) ?? '' };
    },

    async savePolicy(input: PolicyInput): Promise<PolicyInput> {
      const { coordinatorPhone, ...rest } = input;
      const policy: NoShowPolicy = { ...rest, channels: [...new Set(input.channels)] };
      const errors = validatePolicy(policy);
      if (errors.length > 0)
        throw new AppError(
          'invalid_input',
          errors[0]!,
          errors.map((message) => ({ path: 'policy', message })),
        );
      const at = now();
      await ctx.db.transaction().execute(async (trx) => {
        await writePolicy(trx, policy);
        await writeSetting(trx, COORDINATOR_PHONE_KEY, coordinatorPhone);
        // Due dates follow the policy: every open case is recomputed with it.
        const open = await trx.selectFrom('no_show_case').select('id').where('status', '=', fixed('open')).execute();
        for (const c of open) await refreshCase(trx, c.id, policy, at);
        await appendAudit(trx, ctx.actor(), { action: 'noShow.policy.save', entity: 'app_setting', entityId: null, patientId: null }, at);
      });
      return { ...policy, channels: [...policy.channels], coordinatorPhone };
    },

    // -- Queue and cases ----------------------------------------------------------------------
    async list(q: In<'noShow.list'>): Promise<{ rows: QueueRow[]; total: number }> {
      const base = () => queueBase(ctx.db, q);
      const [rows, count] = await Promise.all([
        queuePageQuery(ctx.db, q).execute(),
        base()
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      if (q.search?.trim()) {
        await auditRead(ctx.db, ctx.actor(), 'noShow.list', { entityId: null, patientId: null }, now());
      }
      const today = todayInOslo(now());
      return {
        total: Number(count.n),
        rows: rows.map((r) => {
          const due = r.next_due ?? today;
          return {
            caseId: r.case_id,
            patientId: r.patient_id,
            name: r.name,
            nationalIdMasked: maskNationalId(r.national_id),
            synthetic: r.synthetic === 1,
            noShowAt: r.no_show_at,
            attemptCount: r.attempt_count,
            next: { kind: r.next_step ?? 'await_answer', label: r.next_label ?? '', due, ...dueNext(due, today) },
            phone: r.phone,
          };
        }),
      };
    },

    async listForPatient(patientId: number): Promise<{ cases: NoShowCaseView[] }> {
      const rows = await ctx.db
        .selectFrom('no_show_case')
        .select(['id', 'status'])
        .where('patient_id', '=', patientId)
        .orderBy('no_show_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      const policy = await readPolicy(ctx.db);
      const cases: NoShowCaseView[] = [];
      // Open cases first, then the rest, newest first.
      for (const r of [...rows.filter((x) => x.status === 'open'), ...rows.filter((x) => x.status !== 'open')]) {
        const v = await caseView(ctx.db, r.id, policy, now());
        if (v) cases.push(v);
      }
      return { cases };
    },

    async get(id: number): Promise<NoShowCaseView> {
      const v = await view(ctx.db, id);
      await auditRead(ctx.db, ctx.actor(), 'noShow.get', { entityId: id, patientId: v.patientId }, now());
      return v;
    },

    /**
     * One read of the case (with its appointment, patient name, attempts and letters), then the insert, the
     * queue columns and the audit entry, and the view computed from what was read: about 10 statements.
     */
    async recordAttempt(input: In<'noShow.recordAttempt'>): Promise<NoShowCaseView> {
      const at = now();
      const when = osloToUtc(input.date, input.time);
      return ctx.db.transaction().execute(async (trx) => {
        const [parts, policy] = await Promise.all([caseParts(trx, input.caseId), readPolicy(trx)]);
        if (!parts) throw new AppError('not_found', 'Fant ikke saken');
        const { row } = parts;
        if (row.status !== 'open') throw new AppError('conflict', 'Saken er ikke åpen. Kontaktforsøk kan bare registreres på åpne saker.');
        const errors = validateAttempt(
          policy,
          toRuleState(row, parts.attempts, parts.letters),
          { at: when, channel: input.channel, outcome: input.outcome },
          at.toISOString(),
        );
        if (errors.length === 0 && isDuplicateAttempt(parts.attempts, when, input.channel, input.outcome)) {
          // A double click or a second person registering the same call: refused, nothing written.
          throw new AppError('conflict', 'Dette kontaktforsøket er allerede registrert (samme kanal og utfall innenfor ett minutt).', [
            { path: 'time', message: 'Samme kontaktforsøk er allerede registrert innenfor ett minutt' },
          ]);
        }
        if (errors.length > 0) {
          const issues: FieldIssue[] = errors.map((e) => ({ path: e.field === 'at' ? 'date' : e.field, message: e.message }));
          throw new AppError('invalid_input', errors[0]!.message, issues);
        }
        const inserted = await trx
          .insertInto('contact_attempt')
          .values({
            case_id: row.id,
            at: when,
            channel: input.channel,
            outcome: input.outcome,
            by_name: input.byName,
            note: input.note,
            created_at: at.toISOString(),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        // Same order as the store reads them: by time, then id.
        const attempts = [...parts.attempts, inserted].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id - b.id));
        const after = { ...parts, row: { ...row, attempt_count: attempts.length, updated_at: at.toISOString() }, attempts };
        await writeCaseColumns(trx, after, policy, at);
        await appendAudit(
          trx,
          ctx.actor(),
          { action: 'contactAttempt.create', entity: 'contact_attempt', entityId: inserted.id, patientId: row.patient_id },
          at,
        );
        return toCaseView(after, policy, at);
      });
    },

    async close(input: In<'noShow.close'>): Promise<NoShowCaseView> {
      const at = now();
      return ctx.db.transaction().execute(async (trx) => {
        const row = await loadCase(trx, input.caseId);
        // Someone else's change first: what they did explains any refusal that follows from it.
        await claimRowVersion(trx, 'no_show_case', row.id, input.version, ctx.actor(), NO_SHOW_CASE_RECORD, {
          status: 'closed',
          outcome: input.outcome,
          new_appointment_id: input.newAppointmentId,
          close_note: input.note,
        });
        if (row.status === 'withdrawn') throw new AppError('conflict', 'Saken er angret og kan ikke avsluttes');
        if (input.outcome === 'new_appointment') {
          if (input.newAppointmentId === null)
            throw new AppError('invalid_input', 'Velg den nye timen', [{ path: 'newAppointmentId', message: 'Velg den nye timen' }]);
          const appt = await trx
            .selectFrom('appointment')
            .select(['patient_id', 'status', 'start_at'])
            .where('id', '=', input.newAppointmentId)
            .executeTakeFirst();
          if (!appt || appt.patient_id !== row.patient_id || appt.status !== 'booked' || appt.start_at <= row.no_show_at) {
            throw new AppError('invalid_input', 'Velg en avtalt time etter timen pasienten ikke møtte til', [
              { path: 'newAppointmentId', message: 'Velg en avtalt time etter timen pasienten ikke møtte til' },
            ]);
          }
        }
        const policy = await readPolicy(trx);
        const check = canClose(policy, await ruleState(trx, row), input.outcome, {
          newAppointmentId: input.newAppointmentId === null ? null : String(input.newAppointmentId),
        });
        if (!check.ok) {
          // Refused: nothing is written, the message says exactly what is missing.
          throw new AppError(
            'conflict',
            `Saken kan ikke avsluttes ennå. Dette mangler: ${check.missing.join('; ')}.`,
            check.missing.map((message) => ({ path: 'outcome', message })),
          );
        }
        const notReached = input.outcome === 'closed_not_reached';
        const before = await view(trx, row.id);
        if (notReached && before.closeNeedsOverride && !input.overrideReason) {
          // The letters promised the patient time to answer: closing earlier is a decision with a reason.
          const message = `Pasienten har svarfrist til ${formatDate(before.answerDue!)}, slik brevene lover. Skriv en begrunnelse for å avslutte før fristen.`;
          const field = `Svarfristen i brevene er ${formatDate(before.answerDue!)}. Skriv en begrunnelse for å avslutte før den.`;
          throw new AppError('conflict', message, [{ path: 'overrideReason', message: field }]);
        }
        if (!notReached && input.pathwayAction !== 'none') {
          throw new AppError('invalid_input', 'Forløpet kan bare avsluttes eller utsettes herfra når pasienten ikke er nådd', [
            { path: 'pathwayAction', message: 'Bare ved «ikke nådd»' },
          ]);
        }
        if (input.pathwayAction !== 'none' && row.pathway_id === null) {
          throw new AppError('conflict', 'Timen er ikke knyttet til et forløp', [{ path: 'pathwayAction', message: 'Timen er ikke knyttet til et forløp' }]);
        }
        if (input.pathwayAction === 'end' && !input.helpNeed) {
          throw new AppError('invalid_input', 'Velg hjelpebehov', [{ path: 'helpNeed', message: 'Velg hjelpebehov når forløpet avsluttes' }]);
        }
        const stamp = at.toISOString();
        await trx
          .updateTable('no_show_case')
          .set({
            status: 'closed',
            outcome: input.outcome,
            new_appointment_id: input.newAppointmentId,
            closed_at: stamp,
            closed_by: ctx.actor().profile,
            close_note: input.note,
            close_override_reason: notReached && before.closeNeedsOverride ? input.overrideReason : null,
            updated_at: stamp,
          })
          .where('id', '=', row.id)
          .execute();
        if (input.pathwayAction === 'end') {
          await recordPathwayEvent(trx, ctx, { pathwayId: row.pathway_id!, type: 'end', date: todayInOslo(at), helpNeed: input.helpNeed, source: 'no_show' });
        } else if (input.pathwayAction === 'postponed' && row.postponed_event_id === null) {
          const { id: eventId } = await recordPathwayEvent(trx, ctx, {
            pathwayId: row.pathway_id!,
            type: 'patient_postponed',
            date: osloDateOf(row.no_show_at),
            source: 'no_show',
          });
          await trx.updateTable('no_show_case').set({ postponed_event_id: eventId }).where('id', '=', row.id).execute();
          await appendAudit(trx, ctx.actor(), { action: 'noShowCase.postponed', entity: 'no_show_case', entityId: row.id, patientId: row.patient_id }, at);
        }
        await refreshCase(trx, row.id, policy, at);
        await refreshOpenNoShows(trx, row.patient_id);
        await appendAudit(trx, ctx.actor(), { action: 'noShowCase.close', entity: 'no_show_case', entityId: row.id, patientId: row.patient_id }, at);
        return view(trx, row.id);
      });
    },

    async escalate(input: In<'noShow.escalate'>): Promise<NoShowCaseView> {
      const at = now();
      return ctx.db.transaction().execute(async (trx) => {
        const row = await loadCase(trx, input.caseId);
        await claimRowVersion(trx, 'no_show_case', row.id, input.version, ctx.actor(), NO_SHOW_CASE_RECORD, {
          status: 'escalated',
          outcome: 'escalated',
          close_note: [`Meldt til ${input.clinician}.`, input.note].filter(Boolean).join(' '),
        });
        if (row.status === 'withdrawn') throw new AppError('conflict', 'Saken er angret og kan ikke meldes til behandler');
        const check = canClose(await readPolicy(trx), await ruleState(trx, row), 'escalated');
        if (!check.ok) throw new AppError('conflict', check.missing.join('; '));
        const stamp = at.toISOString();
        const note = [`Meldt til ${input.clinician}.`, input.note].filter(Boolean).join(' ');
        await trx
          .updateTable('no_show_case')
          .set({
            status: 'escalated',
            outcome: 'escalated',
            closed_at: stamp,
            closed_by: ctx.actor().profile,
            close_note: note,
            escalation_answered_at: null,
            escalation_answer: '',
            updated_at: stamp,
          })
          .where('id', '=', row.id)
          .execute();
        await refreshCase(trx, row.id, await readPolicy(trx), at);
        await refreshOpenNoShows(trx, row.patient_id);
        await appendAudit(trx, ctx.actor(), { action: 'noShowCase.escalate', entity: 'no_show_case', entityId: row.id, patientId: row.patient_id }, at);
        return view(trx, row.id);
      });
    },

    listEscalated: (q: { includeAnswered: boolean } | undefined) => listEscalated(ctx.db, q?.includeAnswered ?? false),

    async recordAnswer(input: In<'noShow.recordAnswer'>): Promise<NoShowCaseView> {
      const at = now();
      return ctx.db.transaction().execute(async (trx) => {
        const row = await loadCase(trx, input.caseId);
        await claimRowVersion(trx, 'no_show_case', row.id, input.version, ctx.actor(), NO_SHOW_CASE_RECORD, { escalation_answer: input.answer });
        if (row.status !== 'escalated') throw new AppError('conflict', 'Saken er ikke meldt til behandler');
        if (row.escalation_answered_at) throw new AppError('conflict', 'Svaret fra behandler er allerede registrert');
        await trx
          .updateTable('no_show_case')
          .set({ escalation_answered_at: at.toISOString(), escalation_answer: input.answer, updated_at: at.toISOString() })
          .where('id', '=', row.id)
          .execute();
        await appendAudit(trx, ctx.actor(), { action: 'noShowCase.answer', entity: 'no_show_case', entityId: row.id, patientId: row.patient_id }, at);
        return view(trx, row.id);
      });
    },

    async recordPostponed(caseId: number, loaded?: number): Promise<NoShowCaseView> {
      const at = now();
      return ctx.db.transaction().execute(async (trx) => {
        const row = await loadCase(trx, caseId);
        await claimRowVersion(trx, 'no_show_case', row.id, loaded, ctx.actor(), NO_SHOW_CASE_RECORD, { postponed_event_id: 'new' });
        if (row.pathway_id === null) throw new AppError('conflict', 'Timen er ikke knyttet til et forløp, så pasientutsatt kan ikke registreres herfra');
        if (row.postponed_event_id !== null) throw new AppError('conflict', 'Pasientutsatt er allerede registrert for denne saken');
        if (row.status === 'withdrawn') throw new AppError('conflict', 'Saken er angret');
        const { id: eventId } = await recordPathwayEvent(trx, ctx, {
          pathwayId: row.pathway_id,
          type: 'patient_postponed',
          date: osloDateOf(row.no_show_at),
          source: 'no_show',
        });
        await trx.updateTable('no_show_case').set({ postponed_event_id: eventId, updated_at: at.toISOString() }).where('id', '=', row.id).execute();
        await appendAudit(trx, ctx.actor(), { action: 'noShowCase.postponed', entity: 'no_show_case', entityId: row.id, patientId: row.patient_id }, at);
        return view(trx, row.id);
      });
    },

    ...createNoShowLettersService(ctx),
  };
}
export type NoShowService = ReturnType<typeof createNoShowService>;

type QueueQuery = Pick<In<'noShow.list'>, 'step' | 'search'> & Partial<Pick<In<'noShow.list'>, 'limit' | 'offset'>>;

function queueBase(db: ServiceContext['db'], q: QueueQuery) {
  let query = db.selectFrom('no_show_case').innerJoin('patient', 'patient.id', 'no_show_case.patient_id').where('no_show_case.status', '=', fixed('open'));
  if (q.step) query = query.where('no_show_case.next_step', '=', q.step);
  const search = q.search?.trim().toLocaleLowerCase('nb');
  if (search) {
    const digits = search.replace(/\s/g, '');
    query = /^\d+$/.test(digits)
      ? query.where('patient.national_id', 'like', `${digits}%`)
      : query.where('patient.name_search', 'like', `%${search.replace(/[%_\\]/g, '\\$&')}%`);
  }
  return query;
}

/** One page of the queue: open cases by what is due first. Exported for the EXPLAIN QUERY PLAN test. */
export function queuePageQuery(db: ServiceContext['db'], q: QueueQuery) {
  return queueBase(db, q)
    .select([
      'no_show_case.id as case_id',
      'no_show_case.patient_id',
      'no_show_case.no_show_at',
      'no_show_case.attempt_count',
      'no_show_case.next_step',
      'no_show_case.next_label',
      'no_show_case.next_due',
      'patient.name',
      'patient.national_id',
      'patient.synthetic',
      'patient.phone',
    ])
    .orderBy('no_show_case.next_due', 'asc')
    .orderBy('no_show_case.id', 'asc')
    .limit(pageBound(q.limit ?? 200))
    .offset(pageBound(q.offset ?? 0));
}
