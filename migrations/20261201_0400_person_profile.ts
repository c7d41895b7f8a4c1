import { sql, type Kysely } from 'kysely';

/**
 * Issue #15: the profile split in two. The unit's part (name, phone, postal address) stays in `profile` (one row);
 * each person's own part (their name, an optional direct phone) moves to `person_profile`, one row per login: the
 * database login on the team store, '' for the one person of a local store. The local store's coordinator name
 * becomes that one person's row, so letters and the audit log keep the name they had.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table person_profile (
    login text not null primary key,
    name text not null,
    phone text not null default '',
    updated_at text not null
  ) without rowid`.execute(db);
  await sql`insert into person_profile (login, name, phone, updated_at)
    select '', coordinator_name, '', updated_at from profile where id = 1 and trim(coordinator_name) != ''`.execute(db);
  await sql`alter table profile drop column coordinator_name`.execute(db);
}
