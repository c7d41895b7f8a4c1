import { sql, type Kysely } from 'kysely';

/**
 * No lost update on the rest of what people edit in place (as 0361 did for patient, plan measure and minutes): the
 * meeting (its details and its agenda), the no-show case, the appointment, the individual plan's own fields
 * (overview and consent) and its participants, goals, resources and needs, the unit's contact directory and a
 * pathway's referrer. row_version goes up by one on every save; updated_by
 * is who saved last (the login), changed_fields which fields that save changed (comma-separated).
 */
const TABLES = ['meeting', 'no_show_case', 'appointment', 'individual_plan', 'plan_participant', 'plan_goal', 'plan_resource', 'plan_need', 'contact', 'referrer'] as const;

/** Rows that had no time of their last change, for the conflict's "when". */
const UNSTAMPED = ['plan_participant', 'plan_goal', 'plan_resource', 'plan_need'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const t of UNSTAMPED) await sql`alter table ${sql.table(t)} add column updated_at text not null default ''`.execute(db);
  for (const t of TABLES) {
    await sql`alter table ${sql.table(t)} add column row_version integer not null default 1`.execute(db);
    await sql`alter table ${sql.table(t)} add column updated_by text not null default ''`.execute(db);
    await sql`alter table ${sql.table(t)} add column changed_fields text not null default ''`.execute(db);
  }
}
