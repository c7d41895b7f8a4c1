import type { Insertable, Kysely } from 'kysely';
import type { Database, PathwayBreachTable, PathwayEventTable } from '../db/schema';
import { createPathwaySeeder } from './pathway-seed';
import { syntheticNationalId } from '../../../shared/domain/national-id';
import { PATHWAY_TYPE_IDS, SETTING_IDS } from '../../../shared/domain/pathway-types';
import { addDays, todayInOslo } from '../../../shared/domain/time';
import { POSTAL_CODES } from '../../../shared/domain/postal-codes';
import { FAMILY_NAMES, GIVEN_NAMES, GPS, STREETS } from './names';
import { indexPatientName } from '../services/patient-search';
import { rng } from './rng';

export interface SeedOptions {
  patients: number;
  seed: number;
  now: Date;
  onProgress?: (done: number, total: number) => void;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Days a due date has passed (0 when not passed or none). */
function daysLate(due: string | null, today: string): number {
  return due !== null && due < today ? daysBetween(due, today) : 0;
}

/** Share of open pathways the demo caseload has overdue (a real unit: some 5–15 %). */
export const OVERDUE_SHARE = 0.09;

type Drawn = { received: string; referralAssessed: string | null; birth: string; history: ReturnType<Awaited<ReturnType<typeof createPathwaySeeder>>> };

/**
 * Writes a synthetic caseload straight into the tables (bulk, one transaction per batch): synthetic ids only,
 * realistic names and municipalities, pathways in several states — mostly ended, some open. Used by
 * `npm run seed`, the benchmarks and tests alike.
 */
export async function seedCaseload(db: Kysely<Database>, opts: SeedOptions): Promise<{ patients: number; openPathways: number }> {
  const r = rng(opts.seed);
  const today = todayInOslo(opts.now);
  const stamp = opts.now.toISOString();
  const municipalities = new Set((await db.selectFrom('municipality').select('number').execute()).map((m) => m.number));
  const usedIds = new Set((await db.selectFrom('patient').select('national_id').execute()).map((p) => p.national_id));
  // Open pathways are a few thousand at most, as in a real caseload with years of history.
  const openShare = Math.min(0.5, 6000 / Math.max(1, opts.patients));
  let openPathways = 0;
  const BATCH = 500;
  const planPathway = await createPathwaySeeder(db, opts.seed, today);
  // Open pathways: most referred in the last weeks, a tail up to four months back.
  const drawOpenAge = () => (r.next() < 0.6 ? r.int(45) : r.int(120));
  /** A birth date that fits the pathway at referral: children and youth under 18, pregnant women 18–42, adults 18–80. */
  const birthFor = (type: string, received: string): string => {
    const years =
      type === 'child_mental' || type === 'eating_disorder_child'
        ? 6 + r.next() * 11.9
        : type === 'pregnant_substance'
          ? 18 + r.next() * 24
          : 18 + r.next() * 62;
    return addDays(received, -Math.round(years * 365.25) - 1);
  };

  for (let done = 0; done < opts.patients; ) {
    const size = Math.min(BATCH, opts.patients - done);
    await db.transaction().execute(async (trx) => {
      const events: Insertable<PathwayEventTable>[] = [];
      const breaches: Insertable<PathwayBreachTable>[] = [];
      for (let i = 0; i < size; i++) {
        const open = r.next() < openShare;
        const pathwayType = r.pick(PATHWAY_TYPE_IDS);
        const setting = r.next() < 0.85 ? 'outpatient' : r.pick(SETTING_IDS);
        const status = open ? 'open' : r.next() < 0.6 ? 'own_clinician' : 'ended';
        const draw = (): Drawn => {
          const received = open ? addDays(today, -drawOpenAge()) : addDays(today, -120 - r.int(365 * 4));
          const age = daysBetween(received, today);
          // Recent referrals are often not assessed yet; older open ones have been.
          const assessed = open && age <= 12 && r.next() < 0.6 ? null : addDays(received, 1 + r.int(Math.max(1, Math.min(10, age))));
          const referralAssessed = assessed && assessed <= today ? assessed : null;
          const birth = birthFor(pathwayType, received);
          return {
            received,
            referralAssessed,
            birth,
            history: planPathway({ pathwayType, setting, received, assessed: referralAssessed, status, birthDate: birth }),
          };
        };
        let drawn = draw();
        if (open) {
          // A real unit has most open pathways within time and a few overdue, most of those by weeks, not months.
          const wantOverdue = r.next() < OVERDUE_SHARE;
          for (let tries = 0; tries < 60; tries++) {
            const late = daysLate(drawn.history.columns.next_due_date, today);
            if (wantOverdue ? late > 0 && late <= 60 : late === 0) break;
            drawn = draw();
          }
        }
        const { received, referralAssessed, birth, history } = drawn;
        let nationalId: string | null = null;
        while (!nationalId || usedIds.has(nationalId)) nationalId = syntheticNationalId(birth, r.int(1000));
        usedIds.add(nationalId);
        const name = `${r.pick(GIVEN_NAMES)} ${r.pick(FAMILY_NAMES)}`;
        const postal = r.pick(POSTAL_CODES);
        const patient = await trx
          .insertInto('patient')
          .values({
            name,
            name_search: name.toLocaleLowerCase('nb'),
            national_id: nationalId,
            national_id_kind: 'fnr',
            synthetic: 1,
            birth_date: birth,
            phone: `4${String(r.int(10_000_000)).padStart(7, '0')}`,
            address: `${r.pick(STREETS)} ${1 + r.int(80)}`,
            postal_code: postal.code,
            postal_place: postal.place,
            municipality_number: municipalities.has(postal.municipalityNumber) ? postal.municipalityNumber : '',
            gp_name: r.pick(GPS).name,
            created_at: stamp,
            updated_at: stamp,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await indexPatientName(trx, patient.id, name);
        const pathway = await trx
          .insertInto('pathway')
          .values({
            patient_id: patient.id,
            pathway_type: pathwayType,
            setting,
            referral_received: received,
            referral_assessed: referralAssessed,
            status,
            created_at: stamp,
            updated_at: stamp,
            ...history.columns,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        for (const e of history.events)
          events.push({ pathway_id: pathway.id, ...e, note: '', source: e.source ?? 'manual', replaced_by: null, correction_reason: null, created_at: stamp });
        if (history.breach) breaches.push({ pathway_id: pathway.id, ...history.breach, recorded_at: stamp });
        if (open) openPathways++;
      }
      for (let i = 0; i < events.length; i += 200)
        await trx
          .insertInto('pathway_event')
          .values(events.slice(i, i + 200))
          .execute();
      for (let i = 0; i < breaches.length; i += 200)
        await trx
          .insertInto('pathway_breach')
          .values(breaches.slice(i, i + 200))
          .execute();
    });
    done += size;
    opts.onProgress?.(done, opts.patients);
  }
  return { patients: opts.patients, openPathways };
}
