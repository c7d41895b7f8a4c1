import type { Appointment, PostponedSuggestion } from '../../../shared/contract/appointments';
import { newDateAfter, patientDelay } from '../../../shared/domain/patient-postponed';
import type { ServiceContext } from './context';
import { calendarOptions } from './pathway-clock';
import { fixed } from '../db/replan';

/**
 * Missed (no-show) or patient-cancelled appointments on an open pathway that suggest pasientutsatt (L):
 * the new date (the next booked or attended appointment on the same pathway) more than 7 working days
 * after the planned date, or the delay so far when none is booked. Not suggested once an L is recorded
 * on the planned date or later, up to the new date.
 */
export async function postponedSuggestions(db: ServiceContext['db'], appointments: readonly Appointment[], today: string): Promise<PostponedSuggestion[]> {
  const candidates = appointments.filter((a) => a.pathwayId !== null && (a.status === 'no_show' || a.status === 'cancelled_patient'));
  if (candidates.length === 0) return [];
  const pathwayIds = [...new Set(candidates.map((a) => a.pathwayId as number))];
  const [open, postponed, opts] = await Promise.all([
    db.selectFrom('pathway').select('id').where('id', 'in', pathwayIds).where('status', '=', fixed('open')).execute(),
    db
      .selectFrom('pathway_event')
      .select(['pathway_id', 'date'])
      .where('pathway_id', 'in', pathwayIds)
      .where('type', '=', fixed('patient_postponed'))
      .where('status', '=', fixed('active'))
      .execute(),
    calendarOptions(db),
  ]);
  const openIds = new Set(open.map((p) => p.id));
  const out: PostponedSuggestion[] = [];
  for (const a of candidates) {
    const pathwayId = a.pathwayId as number;
    if (!openIds.has(pathwayId)) continue;
    const newDate = newDateAfter(
      a.date,
      appointments.filter((x) => x.pathwayId === pathwayId && x.id !== a.id),
    );
    if (postponed.some((l) => l.pathway_id === pathwayId && l.date >= a.date && (newDate === null || l.date <= newDate))) continue;
    const delay = patientDelay(a.date, newDate, today, opts);
    if (!delay.suggests) continue;
    out.push({ appointmentId: a.id, pathwayId, cause: a.status as PostponedSuggestion['cause'], plannedDate: a.date, newDate, workingDays: delay.workingDays });
  }
  return out;
}
