import { sql, type Kysely } from 'kysely';

// Migrations take Kysely<any>: they must keep working after the app's schema types move on.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('app_setting')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('profile')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('coordinator_name', 'text', (c) => c.notNull())
    .addColumn('unit_name', 'text', (c) => c.notNull())
    .addColumn('unit_phone', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('patient')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_search', 'text', (c) => c.notNull())
    .addColumn('national_id', 'text', (c) => c.notNull().unique())
    .addColumn('national_id_kind', 'text', (c) => c.notNull().check(sql`national_id_kind in ('fnr','dnr','hnr')`))
    .addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('postal_code', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('postal_place', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('municipality_number', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('gp_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('patient_name_search').on('patient').column('name_search').execute();

  await db.schema
    .createTable('pathway')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('patient_id', 'integer', (c) => c.notNull().references('patient.id').onDelete('cascade'))
    .addColumn('pathway_type', 'text', (c) => c.notNull())
    .addColumn('setting', 'text', (c) => c.notNull().check(sql`setting in ('outpatient','inpatient')`))
    .addColumn('referral_received', 'text', (c) => c.notNull())
    .addColumn('referral_assessed', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open','own_clinician','ended')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // One active pathway of a type per patient, enforced by the database as well as the service.
  await sql`create unique index pathway_one_open_per_type on pathway (patient_id, pathway_type) where status = 'open'`.execute(db);
  await db.schema.createIndex('pathway_patient').on('pathway').column('patient_id').execute();
  await sql`create index pathway_open_by_referral on pathway (referral_received, id) where status = 'open'`.execute(db);

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('os_user', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer')
    .addColumn('patient_id', 'integer')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_patient').on('audit_log').columns(['patient_id', 'at']).execute();
  // The audit trail is append-only: the database itself refuses to change or remove an entry.
  await sql`create trigger audit_log_no_update before update on audit_log begin select raise(abort, 'audit log is append-only'); end`.execute(db);
  await sql`create trigger audit_log_no_delete before delete on audit_log begin select raise(abort, 'audit log is append-only'); end`.execute(db);

  await db.schema
    .createTable('municipality')
    .addColumn('number', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('county', 'text', (c) => c.notNull())
    .execute();
}
