import type { Kysely, Transaction } from 'kysely';
import type { Database } from './db/schema';

type Db = Kysely<Database> | Transaction<Database>;

/** Small key/value settings of the data directory (demo mode, policies later). */
export async function readSetting(db: Db, key: string): Promise<string | null> {
  const row = await db.selectFrom('app_setting').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

export async function writeSetting(db: Db, key: string, value: string): Promise<void> {
  await db
    .insertInto('app_setting')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
