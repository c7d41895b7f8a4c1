import type { Kysely } from 'kysely';

/**
 * Issue #15: the audit history of a local store moved into a team store (npm run team:move), kept verbatim:
 * each entry as it was, its links (prev_hash → hash) under the local folder's key. Empty on a local file;
 * on the team store it is append-only like audit_log. The team chain pins its head (see decision 0008).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_log_imported')
    .addColumn('id', 'integer', (c) => c.primaryKey())
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
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_log_imported').execute();
}
