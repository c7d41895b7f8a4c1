import { sql, type Kysely } from 'kysely';

/**
 * The team store's side of SQLite 20261201_0400: each person's own name and direct phone, one row per login.
 * Everyone in the unit reads every row (names beside logins in the caseload and the log); row-level security lets
 * a login insert and change only its own row (login defaults to current_user; the policies check it), and nobody
 * deletes one. The unit profile's old coordinator name belonged to whoever saved it: it is not carried over.
 */
const STATEMENTS: readonly string[] = [
  `create table "person_profile" ("login" text default current_user not null primary key, "name" text not null, "phone" text default '' not null, "updated_at" text not null)`,
  `alter table person_profile enable row level security`,
  `create policy person_profile_read on person_profile for select using (true)`,
  `create policy person_profile_insert_own on person_profile for insert with check (login = current_user)`,
  `create policy person_profile_update_own on person_profile for update using (login = current_user) with check (login = current_user)`,
  `alter table "profile" drop column "coordinator_name"`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
