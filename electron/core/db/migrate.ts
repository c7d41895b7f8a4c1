import { Migrator } from 'kysely/migration';
import { sql } from 'kysely';
import { migrations } from '../../../migrations';
import { backupDatabase } from './backup';
import type { DbHandle } from './open';

export class NewerDatabaseError extends Error {
  constructor() {
    super(
      'Databasen er laget av en nyere versjon av Forløpsbenk. Oppdater programmet før du åpner den. ' +
        '(The database was written by a newer version; it was not changed.)',
    );
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
 * file before changing it, and runs all pending migrations in one transaction (all or nothing).
 */
export async function migrateToLatest(
  handle: DbHandle,
  opts: { backupDir: string; keepBackups: number },
): Promise<MigrateOutcome> {
  const known = new Set(Object.keys(migrations));
  const applied = await appliedMigrations(handle);
  if (applied.some((name) => !known.has(name))) throw new NewerDatabaseError();
  const pending = [...known].filter((name) => !applied.includes(name));
  if (pending.length === 0) return { applied: [], backupFile: null };

  let backupFile: string | null = null;
  if (applied.length > 0) {
    const backup = await backupDatabase(handle.sqlite, opts.backupDir, 'before-migration', opts.keepBackups);
    if (!backup.verified) throw new Error('Sikkerhetskopien før oppgradering kunne ikke verifiseres; databasen ble ikke endret.');
    backupFile = backup.file;
  }

  const migrator = new Migrator({
    db: handle.db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: MIGRATION_TABLE,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error('Migration failed');
  return { applied: (results ?? []).map((r) => r.migrationName), backupFile };
}
