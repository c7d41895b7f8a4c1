import type { z } from 'zod';
import { AppError, type FieldIssue } from '../../../shared/contract/envelope';
import type { patientUpdateSchema, PatientSearchRow } from '../../../shared/contract/patients';
import { maskNationalId } from '../../../shared/domain/national-id';
import { postalPlaceFor } from '../../../shared/domain/postal-codes';
import { nameSearchWords, prefixUpperBound } from '../../../shared/domain/search-words';
import { appendAudit } from '../audit';
import { auditRead } from '../audit-read';
import type { ServiceContext } from './context';
import { claimRowVersion, type VersionedRecord } from './row-version';

/** The patient's edited columns by their names on screen (for a conflict's message). */
const PATIENT_RECORD: VersionedRecord = {
  what: 'Pasientopplysningene',
  fields: {
    name: 'Navn',
    phone: 'Telefon',
    address: 'Adresse',
    postal_code: 'Postnummer',
    postal_place: 'Poststed',
    municipality_number: 'Kommunenummer',
    gp_name: 'Fastlege',
  },
};
import { indexPatientName } from './patient-search';
import { toPathway, toPatient } from './rows';
import { fixed, pageBound } from '../db/replan';

type PatientUpdate = z.output<typeof patientUpdateSchema>;

/** Postnummer → poststed: an empty place is filled in from a known postnummer; an unknown one needs it typed. */
export function settlePostalPlace(postalCode: string, postalPlace: string, path = 'postalPlace'): { place: string; issue: FieldIssue | null } {
  if (postalCode === '' || postalPlace !== '') return { place: postalPlace, issue: null };
  const known = postalPlaceFor(postalCode);
  return known ? { place: known, issue: null } : { place: '', issue: { path, message: 'Skriv poststed' } };
}

export function createPatientsService(ctx: ServiceContext) {
  async function read(id: number) {
    const row = await ctx.db
      .selectFrom('patient')
      .leftJoin('municipality', 'municipality.number', 'patient.municipality_number')
      .selectAll('patient')
      .select('municipality.name as municipality_name')
      .where('patient.id', '=', id)
      .executeTakeFirst();
    if (!row) throw new AppError('not_found', 'Fant ikke pasienten');
    const { municipality_name, ...patient } = row;
    return toPatient(patient, municipality_name);
  }

  return {
    /** Opening a patient record is itself logged (Normen: the patient may see who looked). */
    async get(id: number) {
      const patient = await read(id);
      const pathways = await ctx.db.selectFrom('pathway').selectAll().where('patient_id', '=', id).orderBy('referral_received', 'desc').execute();
      await auditRead(ctx.db, ctx.actor(), 'patients.get', { entityId: id, patientId: id }, ctx.clock());
      return { patient, pathways: pathways.map(toPathway) };
    },

    async revealNationalId(id: number) {
      const row = await ctx.db.selectFrom('patient').select('national_id').where('id', '=', id).executeTakeFirst();
      if (!row) throw new AppError('not_found', 'Fant ikke pasienten');
      await auditRead(ctx.db, ctx.actor(), 'patients.revealNationalId', { entityId: id, patientId: id }, ctx.clock());
      return { nationalId: row.national_id };
    },

    async update(input: PatientUpdate) {
      const now = ctx.clock();
      const issues: FieldIssue[] = [];
      const postal = settlePostalPlace(input.postalCode, input.postalPlace);
      if (postal.issue) issues.push(postal.issue);
      if (input.municipalityNumber !== '') {
        const known = await ctx.db.selectFrom('municipality').select('number').where('number', '=', input.municipalityNumber).executeTakeFirst();
        if (!known) issues.push({ path: 'municipalityNumber', message: 'Ukjent kommunenummer' });
      }
      if (issues.length > 0) throw new AppError('invalid_input', 'Noen felter er ikke fylt ut riktig', issues);
      await ctx.db.transaction().execute(async (trx) => {
        const values = {
          name: input.name,
          phone: input.phone,
          address: input.address,
          postal_code: input.postalCode,
          postal_place: postal.place,
          municipality_number: input.municipalityNumber,
          gp_name: input.gpName,
        };
        await claimRowVersion(trx, 'patient', input.id, input.version, ctx.actor(), PATIENT_RECORD, values);
        const res = await trx
          .updateTable('patient')
          .set({
            name: input.name,
            name_search: input.name.toLocaleLowerCase('nb'),
            phone: input.phone,
            address: input.address,
            postal_code: input.postalCode,
            postal_place: postal.place,
            municipality_number: input.municipalityNumber,
            gp_name: input.gpName,
            updated_at: now.toISOString(),
          })
          .where('id', '=', input.id)
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) === 0) throw new AppError('not_found', 'Fant ikke pasienten');
        await indexPatientName(trx, input.id, input.name);
        await appendAudit(trx, ctx.actor(), { action: 'patient.update', entity: 'patient', entityId: input.id, patientId: input.id }, now);
      });
      return { patient: await read(input.id) };
    },

    /** Name words (prefix of any word of the name) or a national-id prefix, through the same indexes as the worklist. */
    async search(q: { query: string; includeClosed: boolean; limit: number }): Promise<{ rows: PatientSearchRow[] }> {
      let query = ctx.db
        .selectFrom('patient')
        .select(['patient.id', 'patient.name', 'patient.national_id', 'patient.synthetic', 'patient.birth_date'])
        .select((eb) => [
          eb
            .selectFrom('pathway')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('pathway.patient_id', '=', 'patient.id')
            .where('pathway.status', '=', fixed('open'))
            .as('open_pathways'),
          eb
            .selectFrom('pathway')
            .select('pathway.status')
            .whereRef('pathway.patient_id', '=', 'patient.id')
            .orderBy('pathway.referral_received', 'desc')
            .orderBy('pathway.id', 'desc')
            .limit(fixed(1))
            .as('latest_status'),
          eb
            .selectFrom('pathway')
            .select('pathway.closed_on')
            .whereRef('pathway.patient_id', '=', 'patient.id')
            .orderBy('pathway.referral_received', 'desc')
            .orderBy('pathway.id', 'desc')
            .limit(fixed(1))
            .as('closed_on'),
        ]);
      const digits = q.query.replace(/\s/g, '');
      if (/^\d+$/.test(digits)) {
        query = query.where('patient.national_id', '>=', digits).where('patient.national_id', '<', prefixUpperBound(digits));
      } else {
        const words = nameSearchWords(q.query);
        if (words.length === 0) return { rows: [] };
        for (const word of words) {
          query = query.where('patient.id', 'in', (eb) =>
            eb.selectFrom('patient_search_word').select('patient_search_word.patient_id').where('word', '>=', word).where('word', '<', prefixUpperBound(word)),
          );
        }
      }
      if (!q.includeClosed) {
        query = query.where((eb) =>
          eb.exists(
            eb.selectFrom('pathway').select('pathway.id').whereRef('pathway.patient_id', '=', 'patient.id').where('pathway.status', '=', fixed('open')),
          ),
        );
      }
      const rows = await query.orderBy('patient.name').orderBy('patient.id').limit(pageBound(q.limit)).execute();
      // Searches are logged (helsepersonelloven § 21 a): that a search happened, never what was searched for.
      await auditRead(ctx.db, ctx.actor(), 'patients.search', { entityId: null, patientId: null }, ctx.clock());
      return {
        rows: rows.map((r) => ({
          patientId: r.id,
          name: r.name,
          nationalIdMasked: maskNationalId(r.national_id),
          synthetic: r.synthetic === 1,
          birthDate: r.birth_date,
          openPathways: Number(r.open_pathways ?? 0),
          latestStatus: (r.latest_status ?? null) as PatientSearchRow['latestStatus'],
          closedOn: r.closed_on ?? null,
        })),
      };
    },
  };
}
export type PatientsService = ReturnType<typeof createPatientsService>;
