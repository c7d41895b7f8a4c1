import { sql, type Kysely } from 'kysely';

/** The team store's side of 20261201_0341 (the sheets of a letter with more than one addressee). */
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`alter table "letter" add column "sheets" text`).execute(db);
}
