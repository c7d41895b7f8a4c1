import { isPostalAddress } from '../../../shared/domain/postal-codes';
/**
 * Shared internals of no-show follow-up, used by the appointments and no-show services: the policy
 * setting, a case's state for the pure rules, and the derived columns kept on every write
 * (no_show_case.next_*, patient.open_no_shows). Everything takes the caller's transaction.
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { NoShowCaseView } from '../../../shared/contract/no-show';
import { canClose, caseSteps, resolvePolicy, suggestsPatientPostponed, type NoShowCase, type NoShowPolicy } from '../../../shared/domain/no-show-policy';
import { osloDateOf, todayInOslo, utcToOslo } from '../../../shared/domain/time';
import type { AppointmentTable, ContactAttemptTable, Database, LetterTable, NoShowCaseTable } from '../db/schema';
import { readSetting, writeSetting } from '../settings';
import { COUNT_SATURDAYS_KEY } from './pathway-clock';
import { fixed } from '../db/replan';

type Db = Kysely<Database> | Transaction<Database>;

export const POLICY_KEY = 'noShow.policy' as const;
/** The coordinator's direct number for letters (falls back to the unit's phone). */
export const COORDINATOR_PHONE_KEY = 'noShow.coordinatorPhone' as const;

export async function readPolicy(db: Db): Promise<NoShowPolicy> {
  return resolvePolicy((await readSetting(db, POLICY_KEY)) ?? {});
}

export async function writePolicy(db: Db, policy: NoShowPolicy): Promise<void> {
  await writeSetting(db, POLICY_KEY, { ...policy, channels: [...policy.channels] });
}

/** The case as the pure rules see it: only printed letters count as sent. */
export function toRuleState(
  row: Pick<Selectable<NoShowCaseTable>, 'no_show_at' | 'outcome' | 'new_appointment_id'>,
  attempts: Selectable<ContactAttemptTable>[],
  letters: Selectable<LetterTable>[],
): NoShowCase {
  return {
    noShowAt: row.no_show_at,
    attempts: attempts.map((a) => ({ at: a.at, channel: a.channel, outcome: a.outcome, by: a.by_name, note: a.note })),
    letters: letters.filter((l) => l.printed_at !== null).map((l) => ({ recipient: l.recipient, printedAt: l.printed_at as string })),
    ...(row.outcome ? { outcome: row.outcome } : {}),
    newAppointmentId: row.new_appointment_id === null ? null : String(row.new_appointment_id),
  };
}

/** Everything one case's view and queue columns are computed from, read once: 3 statements. */
export interface CaseParts {
  row: Selectable<NoShowCaseTable>;
  appt: Pick<Selectable<AppointmentTable>, 'id' | 'kind' | 'start_at' | 'place' | 'clinician'>;
  patientName: string;
  /** The linked new appointment's Oslo date (the L rule compares it with the planned date), if any. */
  newDate: string | null;
  /** The unit's Saturday setting (clock.countSaturdays), read in the same statement. */
  countSaturdays: boolean;
  attempts: Selectable<ContactAttemptTable>[];
  letters: Selectable<LetterTable>[];
}

export async function caseParts(db: Db, caseId: number): Promise<CaseParts | null> {
  const [joined, attempts, letters] = await Promise.all([
    db
      .selectFrom('no_show_case')
      .innerJoin('appointment', 'appointment.id', 'no_show_case.appointment_id')
      .innerJoin('patient', 'patient.id', 'no_show_case.patient_id')
      .leftJoin('appointment as new_appt', 'new_appt.id', 'no_show_case.new_appointment_id')
      .selectAll('no_show_case')
      .select([
        'appointment.kind as appt_kind',
        'appointment.start_at as appt_start_at',
        'appointment.place as appt_place',
        'appointment.clinician as appt_clinician',
        'patient.name as patient_name',
      ])
      .select([
        'new_appt.start_at as new_appt_start_at',
        sql<string | null>`(select value from app_setting where key = ${COUNT_SATURDAYS_KEY})`.as('count_saturdays'),
      ])
      .where('no_show_case.id', '=', caseId)
      .executeTakeFirst(),
    db.selectFrom('contact_attempt').selectAll().where('case_id', '=', caseId).orderBy('at').orderBy('id').execute(),
    db.selectFrom('letter').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute(),
  ]);
  if (!joined) return null;
  const { appt_kind, appt_start_at, appt_place, appt_clinician, patient_name, new_appt_start_at, count_saturdays, ...row } = joined;
  return {
    row,
    appt: { id: row.appointment_id, kind: appt_kind, start_at: appt_start_at, place: appt_place, clinician: appt_clinician },
    patientName: patient_name,
    newDate: new_appt_start_at ? osloDateOf(new_appt_start_at) : null,
    countSaturdays: count_saturdays === '1',
    attempts,
    letters,
  };
}

/** The queue columns of one case (no_show_case.next_*, attempt_count), from parts already read. */
export async function writeCaseColumns(db: Db, parts: Pick<CaseParts, 'row' | 'attempts' | 'letters'>, policy: NoShowPolicy, now: Date): Promise<void> {
  const { row, attempts, letters } = parts;
  let next: { step: 'attempt' | 'letter' | 'await_answer'; label: string; due: string } | null = null;
  if (row.status === 'open') {
    const progress = caseSteps(policy, toRuleState(row, attempts, letters), todayInOslo(now));
    if (progress.nextStep) next = { step: progress.nextStep.step.kind, label: progress.nextStep.step.label, due: progress.nextStep.due };
  }
  await db
    .updateTable('no_show_case')
    .set({
      next_step: next?.step ?? null,
      next_label: next?.label ?? null,
      next_due: next?.due ?? null,
      attempt_count: attempts.filter((a) => a.channel !== 'letter').length,
      updated_at: now.toISOString(),
    })
    .where('id', '=', row.id)
    .execute();
}

/** Recomputes the queue columns of one case from the policy, its attempts and its printed letters. */
export async function refreshCase(db: Db, caseId: number, policy: NoShowPolicy, now: Date): Promise<void> {
  const parts = await caseParts(db, caseId);
  if (parts) await writeCaseColumns(db, parts, policy, now);
}

/** patient.open_no_shows is the worklist's flag: the number of open cases, kept in the same transaction. */
export async function refreshOpenNoShows(db: Db, patientId: number): Promise<void> {
  const { n } = await db
    .selectFrom('no_show_case')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('patient_id', '=', patientId)
    .where('status', '=', fixed('open'))
    .executeTakeFirstOrThrow();
  await db
    .updateTable('patient')
    .set({ open_no_shows: Number(n) })
    .where('id', '=', patientId)
    .execute();
}

/** The full view of one case for the patient page and the tests. */
export async function caseView(db: Db, caseId: number, policy: NoShowPolicy, now: Date): Promise<NoShowCaseView | null> {
  const parts = await caseParts(db, caseId);
  return parts ? toCaseView(parts, policy, now) : null;
}

/** The view from parts already read (no statements). */
export function toCaseView(parts: CaseParts, policy: NoShowPolicy, now: Date): NoShowCaseView {
  const { row, attempts, letters, appt } = parts;
  const today = todayInOslo(now);
  const state = toRuleState(row, attempts, letters);
  const progress = caseSteps(policy, state, today);
  const open = row.status === 'open';
  const next =
    open && progress.nextStep
      ? {
          kind: progress.nextStep.step.kind,
          label: progress.nextStep.step.label,
          due: progress.nextStep.due,
          state: progress.nextStep.state,
          daysUntilDue: progress.nextStep.daysUntilDue,
        }
      : null;
  const closeCheck = open ? canClose(policy, state, 'closed_not_reached') : { ok: true as const };
  const { date, time } = utcToOslo(appt.start_at);
  return {
    id: row.id,
    patientId: row.patient_id,
    patientName: parts.patientName,
    pathwayId: row.pathway_id,
    appointment: { id: appt.id, kind: appt.kind, date, time, place: appt.place, clinician: appt.clinician },
    noShowAt: row.no_show_at,
    status: row.status,
    outcome: row.outcome,
    version: row.row_version,
    newAppointmentId: row.new_appointment_id,
    steps: progress.steps.map((s) => ({
      kind: s.kind === 'attempt' ? 'attempt' : s.kind,
      label: s.label,
      required: s.required,
      done: row.status === 'withdrawn' ? false : s.done,
      at: s.at,
      due: s.due,
      recipient: s.kind === 'letter' ? s.recipient : null,
    })),
    next,
    attempts: attempts.map((a) => ({ id: a.id, at: a.at, channel: a.channel, outcome: a.outcome, byName: a.by_name, note: a.note })),
    letters: letters.map(toLetterSummary),
    lettersMissing: progress.steps.flatMap((s) => (s.kind === 'letter' && s.required && !s.done ? [s.recipient] : [])),
    closeNotReachedMissing: closeCheck.ok ? [] : closeCheck.missing,
    suggestPostponed:
      row.status !== 'withdrawn' &&
      row.pathway_id !== null &&
      row.postponed_event_id === null &&
      // New date against the planned date when a new time is linked (Saturday setting honoured), else so far.
      suggestsPatientPostponed(osloDateOf(row.no_show_at), now.toISOString(), { countSaturdays: parts.countSaturdays }, parts.newDate),
    postponedRecorded: row.postponed_event_id !== null,
    closedAt: row.closed_at,
    closedBy: row.closed_by,
    closeNote: row.close_note,
    withdrawnReason: row.withdrawn_reason,
    answerDue: answerDue(progress.steps),
    closeNeedsOverride: open && (answerDue(progress.steps) ?? '') > today,
    closeOverrideReason: row.close_override_reason ?? null,
    escalation: row.status === 'escalated' ? { answeredAt: row.escalation_answered_at ?? null, answer: row.escalation_answer ?? '' } : null,
    createdAt: row.created_at,
  };
}

/** When the response time the letters promise runs out: the due date of the "venter på svar" step. */
export function answerDue(steps: readonly { kind: string; due: string | null }[]): string | null {
  return steps.find((s) => s.kind === 'await_answer')?.due ?? null;
}

export function toLetterSummary(l: Selectable<LetterTable>) {
  return {
    id: l.id,
    recipient: l.recipient,
    templateId: l.template_id,
    subject: l.subject,
    createdAt: l.created_at,
    printedAt: l.printed_at,
    printCount: l.print_count,
    postable: isPostalAddress(JSON.parse(l.address_lines) as string[]),
  };
}
