import type { Migration } from 'kysely/migration';
import { sql } from 'kysely';
import { migrations as shippedMigrations } from '../../../migrations';
import { backupDatabase } from './backup';
import type { DbHandle } from './open';

export class NewerDatabaseError extends Error {
  constructor() {
    super('Databasen er laget av en nyere versjon av Forløpsbenk. Oppdater programmet før du åpner den. Databasen ble ikke endret.');
    this.name = 'NewerDatabaseError';
  }
}

export interface MigrateOutcome {
  applied: string[];
  backupFile: string | null;
}

const MIGRATION_TABLE = 'kysely_migration';

async function appliedMigrations(handle: DbHandle): Promise<string[]> {
  const exists = await sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table' and name = ${MIGRATION_TABLE}`.execute(handle.db);
  if (!exists.rows[0]?.n) return [];
  const rows = await sql<{ name: string }>`select name from ${sql.table(MIGRATION_TABLE)} order by name`.execute(handle.db);
  return rows.rows.map((r) => r.name);
}

/**
 * Brings the database to the latest schema: refuses a file from a newer version, backs up an existing
 * file before changing it, and runs all pending migrations in ONE explicit transaction (all or nothing:
 * SQLite has transactional DDL; Kysely's own migrator commits each migration separately on SQLite).
 * The migration tables keep Kysely's layout, so files written by earlier versions read the same.
 */
export async function migrateToLatest(
  handle: DbHandle,
  opts: { backupDir: string; keepBackups: number; migrations?: Record<string, Migration> },
): Promise<MigrateOutcome> {
  const migrations = opts.migrations ?? shippedMigrations;
  const known = new Set(Object.keys(migrations));
  const applied = await appliedMigrations(handle);
  if (applied.some((name) => !known.has(name))) throw new NewerDatabaseError();
  const pending = [...known].filter((name) => !applied.includes(name)).sort();
  if (pending.length === 0) return { applied: [], backupFile: null };
  let backupFile: string | null = null;
  if (applied.length > 0) {
    const backup = await backupDatabase(handle.sqlite, handle.key, opts.backupDir, 'before-migration', opts.keepBackups);
    if (!backup.verified) throw new Error('Sikkerhetskopien før oppgradering kunne ikke verifiseres; databasen ble ikke endret.');
    backupFile = backup.file;
  }
  await handle.db.transaction().execute(async (trx) => {
    await sql`create table if not exists ${sql.table(MIGRATION_TABLE)} (name varchar(255) not null primary key, timestamp varchar(255) not null)`.execute(trx);
    await sql`create table if not exists ${sql.table(`${MIGRATION_TABLE}_lock`)} (id varchar(255) not null primary key, is_locked integer not null default 0)`.execute(
      trx,
    );
    await sql`insert or ignore into ${sql.table(`${MIGRATION_TABLE}_lock`)} (id, is_locked) values ('migration_lock', 0)`.execute(trx);
    for (const name of pending) {
      await migrations[name]!.up(trx);
      await sql`insert into ${sql.table(MIGRATION_TABLE)} (name, timestamp) values (${name}, ${new Date().toISOString()})`.execute(trx);
    }
  });
  return { applied: pending, backupFile };
}
