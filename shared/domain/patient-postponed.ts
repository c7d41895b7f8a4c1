/**
 * Pasientutsatt (L), the rule (issue #13 §1; DOMAIN.md §4, code guide): the patient postponed planned
 * activity (cancelled) or did not attend, delaying it by MORE than 7 working days. The delay is the new
 * date against the planned date, counted in working days with the unit's Saturday setting. While no new
 * date is booked, the delay so far (planned date → today) is what is known: L is suggested once that
 * passes 7 working days. Both patient cancellations and no-shows count; cancellations by the service do not.
 */
import { workingDaysBetween, type CalendarOptions } from './calendar';
import type { IsoDate } from './iso-date';

export const POSTPONED_AFTER_WORKING_DAYS = 7;

export type PatientCause = 'no_show' | 'cancelled_patient';

export interface PatientDelay {
  /** Working days from the planned date to the new date (or to today while none is booked). */
  workingDays: number;
  /** 'new_date' when a new date is booked, 'so_far' when counted to today. */
  basis: 'new_date' | 'so_far';
  suggests: boolean;
}

export function patientDelay(planned: IsoDate, newDate: IsoDate | null, today: IsoDate, opts: CalendarOptions = {}): PatientDelay {
  const to = newDate ?? today;
  const workingDays = to > planned ? workingDaysBetween(planned, to, opts) : 0;
  return { workingDays, basis: newDate ? 'new_date' : 'so_far', suggests: workingDays > POSTPONED_AFTER_WORKING_DAYS };
}

/** The first appointment on the same pathway after the planned one that is booked or attended: the new date. */
export function newDateAfter(planned: IsoDate, later: readonly { date: IsoDate; status: string }[]): IsoDate | null {
  return (
    later
      .filter((a) => a.date > planned && (a.status === 'booked' || a.status === 'attended'))
      .map((a) => a.date)
      .sort()[0] ?? null
  );
}
