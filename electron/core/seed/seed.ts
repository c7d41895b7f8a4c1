import type { Insertable, Kysely } from 'kysely';
import type { Database, PathwayBreachTable, PathwayEventTable } from '../db/schema';
import { createPathwaySeeder } from './pathway-seed';
import { syntheticNationalId } from '../../../shared/domain/national-id';
import { PATHWAY_TYPE_IDS, SETTING_IDS } from '../../../shared/domain/pathway-types';
import { addDays, todayInOslo } from '../../../shared/domain/time';
import { FAMILY_NAMES, GIVEN_NAMES, GPS, STREETS } from './names';
import { indexPatientName } from '../services/patient-search';
import { rng } from './rng';

export interface SeedOptions {
  patients: number;
  seed: number;
  now: Date;
  onProgress?: (done: number, total: number) => void;
}


/**
 * Writes a synthetic caseload straight into the tables (bulk, one transaction per batch): synthetic ids only,
 * realistic names and municipalities, pathways in several states — mostly ended, some open. Used by
 * `npm run seed`, the benchmarks and tests alike.
 */
export async function seedCaseload(db: Kysely<Database>, opts: SeedOptions): Promise<{ patients: number; openPathways: number }> {
  const r = rng(opts.seed);
  const today = todayInOslo(opts.now);
  const stamp = opts.now.toISOString();
  const municipalities = (await db.selectFrom('municipality').select('number').execute()).map((m) => m.number);
  const usedIds = new Set((await db.selectFrom('patient').select('national_id').execute()).map((p) => p.national_id));
  // Open pathways are a few thousand at most, as in a real caseload with years of history.
  const openShare = Math.min(0.5, 6000 / Math.max(1, opts.patients));
  let openPathways = 0;
  const BATCH = 500;
  const planPathway = await createPathwaySeeder(db, opts.seed, today);

  for (let done = 0; done < opts.patients; ) {
    const size = Math.min(BATCH, opts.patients - done);
    await db.transaction().execute(async (trx) => {
      const events: Insertable<PathwayEventTable>[] = [];
      const breaches: Insertable<PathwayBreachTable>[] = [];
      for (let i = 0; i < size; i++) {
        const birth = addDays('1950-01-01', r.int(365 * 58));
        let nationalId: string | null = null;
        while (!nationalId || usedIds.has(nationalId)) nationalId = syntheticNationalId(birth, r.int(1000));
        usedIds.add(nationalId);
        const name = `${r.pick(GIVEN_NAMES)} ${r.pick(FAMILY_NAMES)}`;
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
            postal_code: String(1000 + r.int(8999)),
            postal_place: 'Testby',
            municipality_number: municipalities.length ? r.pick(municipalities) : '',
            gp_name: r.pick(GPS),
            created_at: stamp,
            updated_at: stamp,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await indexPatientName(trx, patient.id, name);
        const open = r.next() < openShare;
        const received = open ? addDays(today, -r.int(120)) : addDays(today, -120 - r.int(365 * 4));
        const assessed = open && r.next() < 0.3 ? null : addDays(received, 1 + r.int(12));
        // Same draw order as before (type, setting, status), so a seed gives the same caseload.
        const pathwayType = r.pick(PATHWAY_TYPE_IDS);
        const setting = r.next() < 0.85 ? 'outpatient' : r.pick(SETTING_IDS);
        const status = open ? 'open' : r.next() < 0.6 ? 'own_clinician' : 'ended';
        const referralAssessed = assessed && assessed <= today ? assessed : null;
        const history = planPathway({ pathwayType, setting, received, assessed: referralAssessed, status, birthDate: birth });
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
        for (const e of history.events) events.push({ pathway_id: pathway.id, ...e, note: '', source: e.source ?? 'manual', replaced_by: null, correction_reason: null, created_at: stamp });
        if (history.breach) breaches.push({ pathway_id: pathway.id, ...history.breach, recorded_at: stamp });
        if (open) openPathways++;
      }
      for (let i = 0; i < events.length; i += 200) await trx.insertInto('pathway_event').values(events.slice(i, i + 200)).execute();
      for (let i = 0; i < breaches.length; i += 200) await trx.insertInto('pathway_breach').values(breaches.slice(i, i + 200)).execute();
    });
    done += size;
    opts.onProgress?.(done, opts.patients);
  }
  return { patients: opts.patients, openPathways };
}
