import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { firstUnheldRevision } from '../../../shared/domain/plan-attention';
import { loadPlan } from './plans-store';

export interface PlanAgendaSuggestions {
  /** Goals to evaluate at the meeting: all of them when a revision is due by then, else those whose target date has come. */
  goalsDue: { id: number; text: string }[];
  /** Planned or ongoing measures, earliest due date first (those without a due date last). */
  openMeasures: { id: number; what: string; responsible: string; dueDate: string | null }[];
}

/**
 * What the patient's individual plan brings to a meeting's agenda on `meetingDate` (yyyy-MM-dd).
 * Read-only; empty lists when the patient has no plan. Safe to call inside another feature's transaction.
 */
export async function planAgendaSuggestions(
  db: Kysely<Database> | Transaction<Database>,
  patientId: number,
  meetingDate: string,
): Promise<PlanAgendaSuggestions> {
  const loaded = await loadPlan(db, patientId);
  if (!loaded) return { goalsDue: [], openMeasures: [] };
  const { plan, row } = loaded;
  const revision = firstUnheldRevision(plan, row.last_revision_on);
  const revisionDue = revision !== null && revision <= meetingDate;
  const goalsDue = plan.goals
    .filter((g) => revisionDue || (g.targetDate !== undefined && g.targetDate <= meetingDate))
    .map((g) => ({ id: g.id, text: g.text }));
  const openMeasures = plan.measures
    .filter((m) => m.status === 'planned' || m.status === 'ongoing')
    .sort((a, b) => {
      if (a.dueDate === b.dueDate) return a.id - b.id;
      if (a.dueDate === undefined) return 1;
      if (b.dueDate === undefined) return -1;
      return a.dueDate < b.dueDate ? -1 : 1;
    })
    .map((m) => ({ id: m.id, what: m.what, responsible: m.responsible, dueDate: m.dueDate ?? null }));
  return { goalsDue, openMeasures };
}
