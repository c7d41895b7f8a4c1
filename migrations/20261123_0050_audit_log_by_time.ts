import type { Kysely } from 'kysely';

// The caseload-wide log viewer filters by period: an index on time keeps it off a table scan.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at', 'id']).execute();
}
