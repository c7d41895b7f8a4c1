import { sql, type Kysely } from 'kysely';

/**
 * The team store's side of SQLite 20261201_0362: each person's own settings (lock PIN, lock state, idle time),
 * one row per login and key. Row-level security: a login sees and changes only its own rows, whatever the
 * client sends (login defaults to current_user and the policy checks it on every read and write).
 */
const STATEMENTS: readonly string[] = [
  `create table "person_setting" ("login" text default current_user not null, "key" text not null, "value" text not null, primary key ("login", "key"))`,
  `alter table person_setting enable row level security`,
  `create policy person_setting_own on person_setting for all using (login = current_user) with check (login = current_user)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
