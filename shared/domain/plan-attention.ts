/**
 * When an individual plan next needs the coordinator's attention — the date behind the worklist flag and
 * the "Planer" screen. Kept on write (patient.plan_attention_date), so it must not go stale while nothing
 * is written: it uses dates that do not depend on today.
 */
import type { IsoDate } from './iso-date';
import type { PlanView } from './individual-plan';

/** The earliest scheduled revision not yet held (after `lastRevisionOn`), or null. */
export function firstUnheldRevision(plan: PlanView, lastRevisionOn?: IsoDate | null): IsoDate | null {
  const dates = [...new Set(plan.revisionDates)].sort();
  return dates.find((d) => lastRevisionOn == null || d > lastRevisionOn) ?? null;
}

/** The earliest due date of a planned or ongoing measure (overdue once it passes), or null. */
export function firstOpenMeasureDue(plan: PlanView): IsoDate | null {
  let first: IsoDate | null = null;
  for (const m of plan.measures) {
    if ((m.status === 'planned' || m.status === 'ongoing') && m.dueDate !== undefined && (first === null || m.dueDate < first)) {
      first = m.dueDate;
    }
  }
  return first;
}

/**
 * The earliest of the next revision not yet held and the first due date of an open measure; null when
 * neither exists. An open measure's due date counts before it passes, so the stored date turns into
 * "overdue" on its own when the day comes, without a write.
 */
export function planAttentionDate(plan: PlanView, lastRevisionOn?: IsoDate | null): IsoDate | null {
  const candidates = [firstUnheldRevision(plan, lastRevisionOn), firstOpenMeasureDue(plan)].filter((d): d is IsoDate => d !== null);
  return candidates.sort()[0] ?? null;
}
