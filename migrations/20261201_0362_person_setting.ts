import { sql, type Kysely } from 'kysely';

/**
 * Settings that belong to a person, not to the unit: the lock PIN, the lock state and the idle time. On the team
 * store every person has their own row (login = the database login, row-level security); on the local store
 * the one person's login is ''. The existing lock settings move here from app_setting.
 */
const PERSONAL = ['lock.pinHash', 'lock.state', 'lock.idleSeconds'];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table person_setting (
    login text not null,
    key text not null,
    value text not null,
    primary key (login, key)
  ) without rowid`.execute(db);
  const keys = sql.join(PERSONAL.map((k) => sql.lit(k)));
  await sql`insert into person_setting (login, key, value) select '', key, value from app_setting where key in (${keys})`.execute(db);
  await sql`delete from app_setting where key in (${keys})`.execute(db);
}
