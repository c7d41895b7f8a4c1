import type { Dispatch } from '../dispatch';
import type { DbHandle } from '../db/open';
import { addDays, todayInOslo } from '../../../shared/domain/time';

export interface FeatureSeedOptions {
  now: Date;
  /** Called after each patient's history is written. */
  onProgress?: (done: number, total: number) => void;
}

function isWeekend(iso: string): boolean {
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

/** The date itself on a weekday, else the nearest weekday in the given direction. */
function weekday(iso: string, direction: 1 | -1): string {
  let d = iso;
  while (isWeekend(d)) d = addDays(d, direction);
  return d;
}

/**
 * Gives part of a seeded caseload the rest of a real history — appointments (some missed, with contact
 * attempts), collaboration meetings ahead and individual plans — written THROUGH THE CONTRACT, so every
 * row is validated, audited and keeps the worklist flags exactly as real use would.
 */
export async function seedFeatureHistory(
  dispatch: Dispatch,
  handle: DbHandle,
  opts: FeatureSeedOptions,
): Promise<{ appointments: number; noShows: number; meetings: number; plans: number }> {
  const today = todayInOslo(opts.now);
  const call = async (method: string, input: unknown) => {
    const res = await dispatch(method, input);
    if (!res.ok) throw new Error(`seed ${method}: ${res.error.code} ${res.error.message}`);
    return res.value as Record<string, unknown>;
  };
  // A deterministic slice of open pathways (by id), a few percent each, capped so big seeds stay quick.
  const open = handle.sqlite.prepare("select id, patient_id, referral_received from pathway where status = 'open' order by id").all() as {
    id: number;
    patient_id: number;
    referral_received: string;
  }[];
  const withAppointments = open.filter((_, i) => i % 7 === 0).slice(0, 700);
  const withMeetings = open.filter((_, i) => i % 11 === 3).slice(0, 300);
  const withPlans = open.filter((_, i) => i % 13 === 5).slice(0, 250);
  const total = withAppointments.length + withMeetings.length + withPlans.length;
  let done = 0;
  const counts = { appointments: 0, noShows: 0, meetings: 0, plans: 0 };

  for (const [i, p] of withAppointments.entries()) {
    // Always a weekday before today, so the whole history lies in the past whatever the hour of the run.
    const date = weekday(addDays(today, -1 - (i % 20)), -1);
    if (date < p.referral_received) continue;
    const appt = await call('appointments.book', {
      patientId: p.patient_id,
      pathwayId: p.id,
      kind: i % 3 === 0 ? 'first_attendance' : 'assessment',
      date,
      time: `${String(8 + (i % 8)).padStart(2, '0')}:00`,
      durationMinutes: 45,
      place: 'Poliklinikken',
      clinician: 'Behandler',
    });
    counts.appointments++;
    if (i % 5 < 2) {
      const set = await call('appointments.setStatus', { id: appt.id, status: 'no_show' });
      counts.noShows++;
      if (i % 2 === 0 && typeof set.noShowCaseId === 'number') {
        // The next working day at 10:00 when that is before today, else the same afternoon (after the missed time).
        const next = weekday(addDays(date, 1), 1);
        const attempt = next < today ? { date: next, time: '10:00' } : { date, time: '16:30' };
        await call('noShow.recordAttempt', { caseId: set.noShowCaseId, ...attempt, channel: 'phone', outcome: 'no_answer', byName: 'Merkantil', note: '' });
      }
    }
    if (++done % 25 === 0 || done === total) opts.onProgress?.(done, total);
  }

  for (const [i, p] of withMeetings.entries()) {
    await call('meetings.create', {
      patientId: p.patient_id,
      kind: i % 2 === 0 ? 'evaluation' : 'responsibility_group',
      date: weekday(addDays(today, 1 + (i % 25)), 1),
      time: `${String(8 + (i % 7)).padStart(2, '0')}:${i % 2 === 0 ? '00' : '30'}`,
      durationMinutes: 60,
      place: 'Møterom 2',
      participants: [{ name: 'Koordinator i kommunen', role: 'municipal_coordinator', organisation: 'Koordinerende enhet', consentCovers: true }],
      conflictReason: 'Demodata',
    });
    counts.meetings++;
    if (++done % 25 === 0 || done === total) opts.onProgress?.(done, total);
  }

  for (const [i, p] of withPlans.entries()) {
    await call('plans.save', {
      patientId: p.patient_id,
      period: { from: addDays(today, -60), to: addDays(today, 300) },
      revisionDates: [addDays(today, (i % 40) - 10)],
      coordinator: { name: 'Koordinator i kommunen', organisation: 'Koordinerende enhet', contactId: null },
      cooperation: 'Samarbeid med NAV og fastlege.',
      contributions: { patient: 'Møter til avtalte timer.', services: 'Oppfølging hver uke.', relatives: 'Støtte i hverdagen.' },
    });
    const goal = await call('plans.saveGoal', {
      patientId: p.patient_id,
      goal: { text: 'Jeg vil klare meg selv i hverdagen', targetDate: addDays(today, 120) },
    });
    await call('plans.saveMeasure', {
      patientId: p.patient_id,
      measure: {
        what: 'Samtaler med behandler',
        scope: 'Ukentlig',
        howCarriedOut: 'Poliklinisk',
        responsible: 'DPS',
        startDate: addDays(today, -30),
        dueDate: addDays(today, (i % 30) - 5),
        goalId: typeof goal.id === 'number' ? goal.id : null,
      },
    });
    counts.plans++;
    if (++done % 25 === 0 || done === total) opts.onProgress?.(done, total);
  }
  return counts;
}
