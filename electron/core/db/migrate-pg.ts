import { Migrator } from 'kysely/migration';
import { sql, type Kysely } from 'kysely';
import { pgMigrations } from '../../../migrations/pg';
import { NewerDatabaseError } from './migrate';
import { tableExists } from './dialect';

const MIGRATION_TABLE = 'kysely_migration';

export class TeamStoreNotReadyError extends Error {
  constructor() {
    super('Teamdatabasen er ikke satt opp for denne versjonen av Forløpsbenk. Be IT kjøre «npm run team:init» mot databasen.');
    this.name = 'TeamStoreNotReadyError';
  }
}

async function applied(db: Kysely<any>): Promise<string[]> {
  if (!(await tableExists(db, MIGRATION_TABLE))) return [];
  const rows = await sql<{ name: string }>`select name from ${sql.table(MIGRATION_TABLE)} order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}

/**
 * Brings the team database to the latest schema. Run by `team:init` as the database owner, never by the
 * app: a person's own login has no right to change the schema. Kysely takes an advisory lock, so two
 * runs at once wait for each other; PostgreSQL's DDL is transactional, so a failed run leaves nothing.
 */
export async function migratePostgres(db: Kysely<any>): Promise<string[]> {
  const known = new Set(Object.keys(pgMigrations));
  if ((await applied(db)).some((name) => !known.has(name))) throw new NewerDatabaseError();
  const migrator = new Migrator({ db, provider: { getMigrations: async () => pgMigrations }, migrationTableName: MIGRATION_TABLE });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error('Migration failed');
  return (results ?? []).map((r) => r.migrationName);
}

/** What the app does at start on the team store: refuse a database that is older or newer than this version. */
export async function assertPostgresSchemaCurrent(db: Kysely<any>): Promise<void> {
  const known = Object.keys(pgMigrations);
  const done = await applied(db);
  if (done.some((name) => !known.includes(name))) throw new NewerDatabaseError();
  if (known.some((name) => !done.includes(name))) throw new TeamStoreNotReadyError();
}
