import type { Kysely } from 'kysely';

/**
 * Issue #13 §2: the national rule pack can be updated by importing a dated pack file. One row per import: which
 * pack, from when, which file (name and SHA-256), who imported it and when, and the rule versions it created.
 * The versions themselves are ordinary `rule_version`/`rule_time` rows (decision 0004). Literal schema only.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rule_pack_import')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('pack_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('publisher', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    /** JSON array of the rule_version ids the import created. */
    .addColumn('version_ids', 'text', (c) => c.notNull())
    .execute();
}
