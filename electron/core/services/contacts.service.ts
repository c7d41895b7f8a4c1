import { postalPlaceFor } from '../../../shared/domain/postal-codes';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { z } from 'zod';
import dataset from '../../../data/municipalities-2024.json';
import type { Contact, contactInputSchema } from '../../../shared/contract/contacts';
import { AppError } from '../../../shared/contract/envelope';
import { contactsToCsv, parseContactsCsv } from '../../../shared/domain/contacts-csv';
import { CONTACT_ROLES, type ContactRole } from '../../../shared/domain/contact-roles';
import { parseMunicipalityDataset } from '../../../shared/domain/municipalities';
import { todayInOslo } from '../../../shared/domain/time';
import { appendAudit } from '../audit';
import { auditRead } from '../audit-read';
import type { ContactTable, Database } from '../db/schema';
import { readSetting, writeSetting } from '../settings';
import type { ServiceContext } from './context';
import { claimRowVersion } from './row-version';
import { CONTACT_RECORD } from './follow-up-versions';

type Db = Kysely<Database> | Transaction<Database>;
type ContactInput = z.output<typeof contactInputSchema>;

const DATASET_KEY = 'municipalities.dataset' as const;

/** Lower-cased words of a contact's name and organisation: the keys of find-as-you-type. */
export function searchWords(...texts: string[]): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    for (const w of text.toLocaleLowerCase('nb').split(/[^\p{L}\p{N}]+/u)) if (w !== '') words.add(w.slice(0, 60));
  }
  return [...words];
}

function searchTerms(search: string): string[] {
  return searchWords(search).slice(0, 5);
}

export function toContact(row: Selectable<ContactTable>, municipalityName: string | null): Contact {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    organisation: row.organisation,
    municipalityNumber: row.municipality_number,
    municipalityName,
    phone: row.phone,
    email: row.email,
    address: row.address,
    postalCode: row.postal_code,
    postalPlace: row.postal_place,
    version: row.row_version,
  };
}

async function writeWords(trx: Db, contactId: number, c: { name: string; organisation: string }): Promise<void> {
  await trx.deleteFrom('contact_word').where('contact_id', '=', contactId).execute();
  const words = searchWords(c.name, c.organisation);
  if (words.length > 0)
    await trx
      .insertInto('contact_word')
      .values(words.map((word) => ({ word, contact_id: contactId })))
      .execute();
}

const ROLE_ORDER: ContactRole[] = ['municipal_coordinator', 'coordinating_unit', 'gp', 'clinician', 'nav', 'school', 'child_welfare', 'other'];

export function createContactsService(ctx: ServiceContext) {
  function listQuery(q: { search: string; role?: string | undefined; municipalityNumber?: string | undefined }) {
    let query = ctx.db.selectFrom('contact').leftJoin('municipality', 'municipality.number', 'contact.municipality_number');
    for (const term of searchTerms(q.search)) {
      query = query.where('contact.id', 'in', (eb) =>
        eb.selectFrom('contact_word').select('contact_word.contact_id').where('contact_word.word', '>=', term).where('contact_word.word', '<', `${term}\uffff`),
      );
    }
    if (q.role) query = query.where('contact.role', '=', q.role);
    if (q.municipalityNumber) query = query.where('contact.municipality_number', '=', q.municipalityNumber);
    return query;
  }

  async function knownMunicipality(db: Db, number: string): Promise<boolean> {
    if (number === '') return true;
    return (await db.selectFrom('municipality').select('number').where('number', '=', number).executeTakeFirst()) !== undefined;
  }

  return {
    async list(q: { search: string; role?: string | undefined; municipalityNumber?: string | undefined; limit: number }) {
      const [rows, count] = await Promise.all([
        listQuery(q)
          .selectAll('contact')
          .select('municipality.name as municipality_name')
          .orderBy('contact.name')
          .orderBy('contact.id')
          .limit(q.limit)
          .execute(),
        listQuery(q)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      return { rows: rows.map(({ municipality_name, ...r }) => toContact(r, municipality_name)), total: Number(count.n) };
    },

    async save(input: ContactInput): Promise<Contact> {
      const now = ctx.clock();
      const stamp = now.toISOString();
      if (!(await knownMunicipality(ctx.db, input.municipalityNumber))) {
        throw new AppError('invalid_input', 'Noen felter er ikke fylt ut riktig', [{ path: 'municipalityNumber', message: 'Ukjent kommunenummer' }]);
      }
      const values = {
        name: input.name,
        role: input.role,
        organisation: input.organisation,
        municipality_number: input.municipalityNumber,
        phone: input.phone,
        email: input.email,
        address: input.address,
        postal_code: input.postalCode,
        postal_place: input.postalPlace || postalPlaceFor(input.postalCode) || '',
        updated_at: stamp,
      };
      const id = await ctx.db.transaction().execute(async (trx) => {
        let contactId: number;
        if (input.id !== undefined) {
          await claimRowVersion(trx, 'contact', input.id, input.version, ctx.actor(), CONTACT_RECORD, values);
          const res = await trx.updateTable('contact').set(values).where('id', '=', input.id).executeTakeFirst();
          if (Number(res.numUpdatedRows) === 0) throw new AppError('not_found', 'Fant ikke kontakten');
          contactId = input.id;
        } else {
          contactId = (
            await trx
              .insertInto('contact')
              .values({ ...values, created_at: stamp })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id;
        }
        await writeWords(trx, contactId, input);
        await appendAudit(
          trx,
          ctx.actor(),
          { action: input.id ? 'contact.update' : 'contact.create', entity: 'contact', entityId: contactId, patientId: null },
          now,
        );
        return contactId;
      });
      return this.get(id);
    },

    /** One contact as it is stored now (a form refused by a newer save reads its version here). */
    async get(id: number): Promise<Contact> {
      const row = await ctx.db
        .selectFrom('contact')
        .leftJoin('municipality', 'municipality.number', 'contact.municipality_number')
        .selectAll('contact')
        .select('municipality.name as municipality_name')
        .where('contact.id', '=', id)
        .executeTakeFirst();
      if (!row) throw new AppError('not_found', 'Fant ikke kontakten');
      const { municipality_name, ...contact } = row;
      return toContact(contact, municipality_name);
    },

    async delete(id: number) {
      const now = ctx.clock();
      await ctx.db.transaction().execute(async (trx) => {
        const res = await trx.deleteFrom('contact').where('id', '=', id).executeTakeFirst();
        if (Number(res.numDeletedRows) === 0) throw new AppError('not_found', 'Fant ikke kontakten');
        await appendAudit(trx, ctx.actor(), { action: 'contact.delete', entity: 'contact', entityId: id, patientId: null }, now);
      });
      return { id };
    },

    /** All or nothing: any unreadable row means nothing is imported; identical contacts already there are skipped. */
    async importCsv(text: string) {
      const known = new Set((await ctx.db.selectFrom('municipality').select('number').execute()).map((m) => m.number));
      const parsed = parseContactsCsv(text, known);
      if (parsed.errors.length > 0) return { imported: 0, skipped: 0, errors: parsed.errors };
      if (parsed.rows.length === 0) return { imported: 0, skipped: 0, errors: [{ line: 2, message: 'Filen har ingen kontakter under overskriftsraden.' }] };
      const now = ctx.clock();
      const stamp = now.toISOString();
      return ctx.db.transaction().execute(async (trx) => {
        let imported = 0;
        let skipped = 0;
        for (const r of parsed.rows) {
          const same = await trx
            .selectFrom('contact')
            .select('id')
            .where('name', '=', r.name)
            .where('role', '=', r.role)
            .where('organisation', '=', r.organisation)
            .where('municipality_number', '=', r.municipalityNumber)
            .where('email', '=', r.email)
            .executeTakeFirst();
          if (same) {
            skipped++;
            continue;
          }
          const { id } = await trx
            .insertInto('contact')
            .values({
              name: r.name,
              role: r.role,
              organisation: r.organisation,
              municipality_number: r.municipalityNumber,
              phone: r.phone,
              email: r.email,
              created_at: stamp,
              updated_at: stamp,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await writeWords(trx, id, r);
          imported++;
        }
        await appendAudit(trx, ctx.actor(), { action: 'contacts.import', entity: 'contact', entityId: null, patientId: null }, now);
        return { imported, skipped, errors: [] };
      });
    },

    async getCsv() {
      const rows = await ctx.db.selectFrom('contact').selectAll().orderBy('name').orderBy('id').execute();
      const csv = contactsToCsv(
        rows.map((r) => ({
          name: r.name,
          role: (CONTACT_ROLES as string[]).includes(r.role) ? (r.role as ContactRole) : 'other',
          organisation: r.organisation,
          municipalityNumber: r.municipality_number,
          phone: r.phone,
          email: r.email,
        })),
      );
      await auditRead(ctx.db, ctx.actor(), 'contacts.getCsv', { entityId: null, patientId: null }, ctx.clock());
      return { filename: `kontakter-${todayInOslo(ctx.clock())}.csv`, csv, count: rows.length };
    },

    async listForPatient(patientId: number) {
      const patient = await ctx.db
        .selectFrom('patient')
        .leftJoin('municipality', 'municipality.number', 'patient.municipality_number')
        .select(['patient.gp_name', 'patient.municipality_number', 'municipality.name as municipality_name'])
        .where('patient.id', '=', patientId)
        .executeTakeFirst();
      if (!patient) throw new AppError('not_found', 'Fant ikke pasienten');
      const municipal =
        patient.municipality_number === ''
          ? []
          : await ctx.db.selectFrom('contact').selectAll().where('municipality_number', '=', patient.municipality_number).orderBy('name').limit(200).execute();
      municipal.sort((a, b) => ROLE_ORDER.indexOf(a.role as ContactRole) - ROLE_ORDER.indexOf(b.role as ContactRole));
      const previous = await ctx.db
        .selectFrom('meeting_participant')
        .innerJoin('meeting', 'meeting.id', 'meeting_participant.meeting_id')
        .select([
          'meeting_participant.contact_id',
          'meeting_participant.name',
          'meeting_participant.role',
          'meeting_participant.organisation',
          'meeting_participant.email',
          'meeting_participant.phone',
          (eb) => eb.fn.max('meeting.start_at').as('last_at'),
        ])
        .where('meeting.patient_id', '=', patientId)
        .where('meeting_participant.is_patient', '=', 0)
        // Every selected column grouped (PostgreSQL allows no bare columns); the latest details per person win below.
        .groupBy([
          'meeting_participant.contact_id',
          'meeting_participant.name',
          'meeting_participant.role',
          'meeting_participant.organisation',
          'meeting_participant.email',
          'meeting_participant.phone',
        ])
        .orderBy('last_at', 'desc')
        .limit(200)
        .execute()
        .then((rows) => latestPerPerson(rows).slice(0, 50));
      return {
        gpName: patient.gp_name,
        municipalityNumber: patient.municipality_number,
        municipalityName: patient.municipality_name,
        municipal: municipal.map((r) => toContact(r, patient.municipality_name)),
        previous: previous.map((p) => ({
          contactId: p.contact_id,
          name: p.name,
          role: p.role,
          organisation: p.organisation,
          email: p.email,
          phone: p.phone,
          lastMeetingAt: String(p.last_at),
        })),
      };
    },
  };
}
export type ContactsService = ReturnType<typeof createContactsService>;

export interface DatasetInfo {
  count: number;
  classification: string;
  validFrom: string;
  source: string;
}

export function createMunicipalitiesService(ctx: ServiceContext) {
  async function info(db: Db, count: number): Promise<DatasetInfo> {
    const stored = await readSetting(db, DATASET_KEY);
    if (stored) return { ...stored, count };
    return { classification: dataset.classification, validFrom: dataset.validFrom, source: dataset.source, count };
  }

  return {
    async list() {
      const rows = await ctx.db.selectFrom('municipality').selectAll().orderBy('name').execute();
      const stored = await readSetting(ctx.db, DATASET_KEY);
      const count = stored ? stored.count : rows.length;
      return { rows, dataset: await info(ctx.db, count) };
    },

    /** Loads a newer dataset without a code change: same shape as the shipped file, checked before anything is written. */
    async load(json: string) {
      let parsed;
      try {
        parsed = parseMunicipalityDataset(JSON.parse(json));
      } catch {
        const message = 'Filen er ikke en gyldig kommuneliste. Bruk samme form som kommunelisten som følger med programmet.';
        throw new AppError('invalid_input', message, [{ path: 'json', message }]);
      }
      const now = ctx.clock();
      return ctx.db.transaction().execute(async (trx) => {
        const existing = new Map((await trx.selectFrom('municipality').selectAll().execute()).map((m) => [m.number, m]));
        let added = 0;
        let renamed = 0;
        for (const m of parsed.municipalities) {
          const old = existing.get(m.number);
          if (!old) added++;
          else if (old.name !== m.name || old.county !== m.county.name) renamed++;
          await trx
            .insertInto('municipality')
            .values({ number: m.number, name: m.name, county: m.county.name })
            .onConflict((oc) => oc.column('number').doUpdateSet({ name: m.name, county: m.county.name }))
            .execute();
        }
        const meta = {
          classification: `${parsed.classification} (${parsed.classificationVersion})`,
          validFrom: parsed.validFrom,
          source: parsed.source,
          count: parsed.municipalities.length,
        };
        await writeSetting(trx, DATASET_KEY, meta);
        await appendAudit(trx, ctx.actor(), { action: 'municipalities.load', entity: 'municipality', entityId: null, patientId: null }, now);
        return { ...meta, added, renamed };
      });
    },
  };
}
export type MunicipalitiesService = ReturnType<typeof createMunicipalitiesService>;

/** One row per (contact, name, role): the first, i.e. latest, of rows ordered by last meeting, newest first. */
function latestPerPerson<T extends { contact_id: number | null; name: string; role: string }>(rows: T[]): T[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = JSON.stringify([r.contact_id, r.name, r.role]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
