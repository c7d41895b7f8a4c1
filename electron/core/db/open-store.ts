import { sql } from 'kysely';
import type { DbHandle } from './open';
import { assertPostgresSchemaCurrent } from './migrate-pg';
import { openPostgres } from './open-pg';

export interface OpenedStore {
  handle: DbHandle;
  /** The database login (the audit log's "who"). */
  login: string | null;
}

/**
 * Opens the team store (the local file is opened by safe-start's openStore). The team store is migrated
 * by IT with team:init, so here it is only checked to be at this version's schema.
 */
export async function openTeamStore(url: string): Promise<OpenedStore> {
  const handle = openPostgres(url);
  try {
    await assertPostgresSchemaCurrent(handle.db);
    const who = await sql<{ who: string }>`select current_user as who`.execute(handle.db);
    return { handle, login: who.rows[0]?.who ?? null };
  } catch (e) {
    await handle.close();
    throw e;
  }
}
