import type { Kysely, Transaction } from 'kysely';
import { addWorkingDays } from '../../../shared/domain/calendar';
import { addDays } from '../../../shared/domain/time';
import { ASSESSMENT_WORKING_DAYS } from '../../../shared/domain/deadlines';
import { deriveClock, NO_DUE_SORT } from '../../../shared/domain/pathway-clock';
import type { PathwayTypeId, SettingId } from '../../../shared/domain/pathway-types';
import { ruleVersionFor, type RuleVersion } from '../../../shared/domain/rule-pack';
import type { Database } from '../db/schema';
import { calendarOptions, clockColumns, factsFor, loadRuleVersions, type EventRow } from '../services/pathway-clock';
import { rng } from './rng';

type Db = Kysely<Database> | Transaction<Database>;

export interface SeedPathway {
  pathwayType: PathwayTypeId;
  setting: SettingId;
  received: string;
  assessed: string | null;
  status: 'open' | 'own_clinician' | 'ended';
  birthDate: string;
}

export interface SeedEvent extends EventRow {
  help_need: string | null;
  source?: string;
}

/**
 * Realistic pathway history for the demo caseload: care deadlines, first attendances, clinical decisions,
 * evaluations, an occasional *pasientutsatt*, and the closing event of closed pathways — plus the derived
 * clock columns, computed in memory (no per-pathway reads), and a breach reason for some overdue deadlines.
 */
export async function createPathwaySeeder(db: Db, seed: number, today: string) {
  const r = rng(seed * 7919 + 13);
  const versions: RuleVersion[] = await loadRuleVersions(db);
  const calendar = await calendarOptions(db);
  const twoYearsAgo = addDays(today, -730);

  function bare(p: SeedPathway) {
    const version = ruleVersionFor(versions, p.pathwayType, p.received);
    return {
      columns: {
        rule_version_id: version?.id ?? null,
        care_deadline: null,
        severity: null,
        closed_on: null,
        due_sort: NO_DUE_SORT,
        next_due_date: null,
        next_action_key: 'none',
        next_action_label: 'Forløpet er avsluttet',
        next_action_kind: 'none',
        dq_flags: 0,
        open_postponed: 0,
        assessment_due: addWorkingDays(p.received, ASSESSMENT_WORKING_DAYS, calendar).date,
        care_start_due: null,
        first_attendance_on: null,
        first_eval_due: null,
        first_eval_on: null,
      },
      events: [] as SeedEvent[],
      breach: null,
    };
  }

  return function plan(p: SeedPathway) {
    const events: SeedEvent[] = [];
    const add = (type: string, date: string, extra: Partial<SeedEvent> = {}): boolean => {
      if (date > today) return false;
      events.push({ type, date, outcome: null, until: null, help_need: null, ...extra });
      return true;
    };
    const closed = p.status !== 'open';
    // Closed pathways from more than two years back carry only their referral dates (as if recorded before
    // the unit started using the workbench); this also keeps seeding 50,000 patients fast.
    if (closed && p.received < twoYearsAgo) return bare(p);
    // A care deadline 3–9 weeks after the assessment (within 65 working days, also for patients under 23).
    const careDeadline = p.assessed ? addDays(p.assessed, r.between(21, 63)) : null;
    // How far the pathway has come: closed ones went through assessment to a decision.
    const stage = closed ? 3 : p.assessed ? r.between(0, 3) : 0;
    const version = ruleVersionFor(versions, p.pathwayType, p.received);
    // The start event falls out of the assessment (as in pathways.assess).
    if (p.assessed) add('start', version?.clockStart === 'referral_received' ? p.received : p.assessed, { source: 'assessment' });
    let last = p.assessed ?? p.received;
    if (stage >= 1 && p.assessed) {
      const fa = addDays(p.assessed, r.between(4, careDeadline && r.next() < 0.8 ? 30 : 70));
      if (add('first_attendance', fa)) {
        last = fa;
        if (stage >= 2) {
          const extended = r.next() < 0.15;
          const d1 = addDays(fa, r.between(7, 50));
          const treat = p.pathwayType === 'tsb' || p.pathwayType === 'pregnant_substance' ? 'CT' : 'CP';
          if (add('clinical_decision', d1, { outcome: extended ? 'CU' : closed && r.next() < 0.3 ? 'CK' : treat })) {
            last = d1;
            if (stage >= 3 && !closed) {
              const ev = addDays(d1, r.between(5, 40));
              if (add('evaluation', ev)) last = ev;
            }
          }
        }
      }
    }
    if (!closed && r.next() < 0.05 && last < today) add('patient_postponed', addDays(last, r.between(1, 5)));
    if (closed) {
      const at = addDays(last, r.between(3, 40));
      const date = at > today ? today : at;
      events.push(
        p.status === 'ended'
          ? { type: 'end', date, outcome: null, until: null, help_need: r.next() < 0.5 ? 'gp_municipal' : 'none' }
          : { type: 'own_clinician', date, outcome: null, until: null, help_need: null },
      );
    }
    const facts = factsFor(
      {
        id: 0,
        pathway_type: p.pathwayType,
        setting: p.setting,
        referral_received: p.received,
        referral_assessed: p.assessed,
        care_deadline: careDeadline,
        severity: null,
        rule_version_id: version?.id ?? null,
        status: p.status,
        birth_date: p.birthDate,
      },
      events,
      version,
      calendar,
      today,
    );
    const { derived } = deriveClock(facts);
    const closedOn = events.find((e) => e.type === 'end' || e.type === 'own_clinician')?.date ?? null;
    const breach =
      !closed && derived.nextDueDate !== null && derived.nextDueDate < today && r.next() < 0.4
        ? {
            deadline_key: derived.nextActionKey,
            due_date: derived.nextDueDate,
            reason_code: (['capacity', 'patient', 'clinical', 'registration', 'other'] as const)[r.between(0, 4)]!,
            note: '',
          }
        : null;
    return {
      columns: { rule_version_id: version?.id ?? null, care_deadline: careDeadline, severity: null, closed_on: closedOn, ...clockColumns(derived) },
      events,
      breach,
    };
  };
}
