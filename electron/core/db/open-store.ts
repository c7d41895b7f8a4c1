import { sql } from 'kysely';
import { openDatabase, type DbHandle } from './open';
import { assertPostgresSchemaCurrent } from './migrate-pg';
import { openPostgres } from './open-pg';
import type { StoreConfig } from './store';

export interface OpenedStore {
  handle: DbHandle;
  /** The database login on the team store (the audit log's "who"); null on the local file. */
  login: string | null;
}

/**
 * Opens the chosen store. The SQLite file is migrated by the caller (it backs up first); the team store
 * is migrated by IT with team:init, so here it is only checked to be at this version's schema.
 */
export async function openStore(store: StoreConfig, sqliteFile: string): Promise<OpenedStore> {
  if (store.kind === 'sqlite') return { handle: openDatabase(sqliteFile), login: null };
  const handle = openPostgres(store.url);
  try {
    await assertPostgresSchemaCurrent(handle.db);
    const who = await sql<{ who: string }>`select current_user as who`.execute(handle.db);
    return { handle, login: who.rows[0]?.who ?? null };
  } catch (e) {
    await handle.close();
    throw e;
  }
}
