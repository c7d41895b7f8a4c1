import { sql, type Kysely } from 'kysely';

/**
 * Issue #13 §2: records a coordinator keeps beside the pathway.
 * - referrer: who referred (organisation, person, window-envelope address, HER-id, referral date), one per pathway;
 * - guardian: parents/guardians of a patient under 18, with parental responsibility and consent per person;
 * - patient_contact: the patient's own contacts (municipal contact named in the referral, relatives), consent per
 *   contact and the date each was contacted;
 * - pathway_care: interpreter need recorded at first attendance; pregnancy and detox end (TSB);
 * - care_deadline_breach / care_deadline_postponement / breach_letter: the legal deadline's breach (fristbrudd):
 *   Helfo notified (when), patient-caused postponements, the letter to the patient exactly as printed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('referrer')
    .addColumn('pathway_id', 'integer', (c) => c.primaryKey().references('pathway.id').onDelete('cascade'))
    .addColumn('patient_id', 'integer', (c) => c.notNull().references('patient.id').onDelete('cascade'))
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('person', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('postal_code', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('postal_place', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('her_id', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('referral_date', 'text')
    .addColumn('is_gp', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('referrer_patient').on('referrer').column('patient_id').execute();

  await db.schema
    .createTable('guardian')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('patient_id', 'integer', (c) => c.notNull().references('patient.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull().check(sql`relation in ('mother','father','guardian','other')`))
    .addColumn('parental_responsibility', 'integer', (c) => c.notNull().check(sql`parental_responsibility in (0,1)`))
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('postal_code', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('postal_place', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('consent', 'text', (c) => c.notNull().defaultTo('unknown').check(sql`consent in ('unknown','given','refused')`))
    .addColumn('consent_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('guardian_patient').on('guardian').column('patient_id').execute();

  await db.schema
    .createTable('patient_contact')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('patient_id', 'integer', (c) => c.notNull().references('patient.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('municipal','relative','other')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('organisation', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('named_in_referral', 'integer', (c) => c.notNull().defaultTo(0).check(sql`named_in_referral in (0,1)`))
    .addColumn('contacted_on', 'text')
    .addColumn('consent', 'text', (c) => c.notNull().defaultTo('unknown').check(sql`consent in ('unknown','given','refused')`))
    .addColumn('consent_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('patient_contact_patient').on('patient_contact').column('patient_id').execute();

  await db.schema
    .createTable('pathway_care')
    .addColumn('pathway_id', 'integer', (c) => c.primaryKey().references('pathway.id').onDelete('cascade'))
    .addColumn('interpreter', 'text', (c) => c.notNull().defaultTo('unknown').check(sql`interpreter in ('unknown','needed','not_needed')`))
    .addColumn('interpreter_language', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('interpreter_recorded_on', 'text')
    .addColumn('pregnant', 'integer', (c) => c.notNull().defaultTo(0).check(sql`pregnant in (0,1)`))
    .addColumn('detox_ended_on', 'text')
    .addColumn('further_treatment_on', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('care_deadline_breach')
    .addColumn('pathway_id', 'integer', (c) => c.primaryKey().references('pathway.id').onDelete('cascade'))
    .addColumn('helfo_notified_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('care_deadline_postponement')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('pathway_id', 'integer', (c) => c.notNull().references('pathway.id').onDelete('cascade'))
    .addColumn('offered_date', 'text', (c) => c.notNull())
    .addColumn('requested_date', 'text')
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`reason in ('declined_offer','asked_later','cancelled','did_not_attend')`))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('care_deadline_postponement_pathway').on('care_deadline_postponement').column('pathway_id').execute();

  // What was printed is what is shown later: the exact document and its text, never re-rendered.
  await db.schema
    .createTable('breach_letter')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('pathway_id', 'integer', (c) => c.notNull().references('pathway.id').onDelete('cascade'))
    .addColumn('patient_id', 'integer', (c) => c.notNull().references('patient.id').onDelete('cascade'))
    .addColumn('address_lines', 'text', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('breach_letter_pathway').on('breach_letter').column('pathway_id').execute();
}
