import type { Kysely, Transaction } from 'kysely';
import { maskNationalId } from '../../../shared/domain/national-id';
import type { Database } from '../db/schema';
import { fixed } from '../db/replan';

type Db = Kysely<Database> | Transaction<Database>;

/** Two registrations of the same attempt (same channel and outcome) less than a minute apart. */
export const DUPLICATE_ATTEMPT_MS = 60_000;

/** Whether `attempts` (the case's, already read) hold the same channel and outcome less than a minute from `at`. */
export function isDuplicateAttempt(
  attempts: readonly { at: string; channel: string; outcome: string }[],
  at: string,
  channel: string,
  outcome: string,
): boolean {
  const t = Date.parse(at);
  return attempts.some((a) => a.channel === channel && a.outcome === outcome && Math.abs(Date.parse(a.at) - t) < DUPLICATE_ATTEMPT_MS);
}

/** Escalated cases until the clinician's answer is recorded (optionally the answered ones too), oldest first. */
export async function listEscalated(db: Db, includeAnswered: boolean) {
  let q = db
    .selectFrom('no_show_case')
    .innerJoin('patient', 'patient.id', 'no_show_case.patient_id')
    .select([
      'no_show_case.id',
      'no_show_case.patient_id',
      'no_show_case.no_show_at',
      'no_show_case.closed_at',
      'no_show_case.close_note',
      'no_show_case.escalation_answered_at',
      'patient.name',
      'patient.national_id',
      'patient.synthetic',
      'patient.phone',
    ])
    .where('no_show_case.status', '=', fixed('escalated'));
  if (!includeAnswered) q = q.where('no_show_case.escalation_answered_at', 'is', null);
  const rows = await q.orderBy('no_show_case.closed_at').orderBy('no_show_case.id').limit(fixed(500)).execute();
  return {
    rows: rows.map((r) => ({
      caseId: r.id,
      patientId: r.patient_id,
      name: r.name,
      nationalIdMasked: maskNationalId(r.national_id),
      synthetic: r.synthetic === 1,
      phone: r.phone,
      noShowAt: r.no_show_at,
      escalatedAt: r.closed_at ?? r.no_show_at,
      note: r.close_note,
      answeredAt: r.escalation_answered_at ?? null,
    })),
  };
}
