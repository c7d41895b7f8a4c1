import { sql, type Kysely } from 'kysely';

/** The team store's side of 20261201_0380: the moved local audit history, append-only (no UPDATE, DELETE, TRUNCATE). */
const STATEMENTS: readonly string[] = [
  `create table "audit_log_imported" ("id" integer primary key, "at" text not null, "actor" text not null, "os_user" text not null, "action" text not null, "entity" text not null, "entity_id" integer, "patient_id" integer, "prev_hash" text not null, "hash" text not null)`,
  `create trigger audit_log_imported_no_update before update on audit_log_imported for each row execute function forlopsbenk_refuse_change('audit log is append-only')`,
  `create trigger audit_log_imported_no_delete before delete on audit_log_imported for each row execute function forlopsbenk_refuse_change('audit log is append-only')`,
  `create trigger audit_log_imported_no_truncate before truncate on audit_log_imported for each statement execute function forlopsbenk_refuse_change('audit log is append-only')`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of STATEMENTS) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table "audit_log_imported"`.execute(db);
}
