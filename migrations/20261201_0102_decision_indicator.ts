import { sql, type Kysely } from 'kysely';

/**
 * Issue #13 §1 (Oversikt): the national figures 72 / 82 / 55 % belong to "assessment completed within
 * pathway time" — first attendance → clinical decision — not to care started. The overview needs that
 * measure per pathway: decision_due (first attendance + the rule version's first_attendance →
 * clinical_decision time) and decision_on (the first clinical decision). Written on every clock recompute;
 * filled here from the stored rows with literal SQL (calendar-day times only; no app imports).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('pathway').addColumn('decision_due', 'text').execute();
  await db.schema.alterTable('pathway').addColumn('decision_on', 'text').execute();
  await sql`
    update pathway set decision_on = (
      select min(e.date) from pathway_event e where e.pathway_id = pathway.id and e.type = 'clinical_decision' and e.status = 'active'
    )`.execute(db);
  await sql`
    update pathway set decision_due = (
      select date(pathway.first_attendance_on, '+' || min(t.days) || ' days') from rule_time t
      where t.rule_version_id = pathway.rule_version_id and t.setting = pathway.setting
        and t.from_event = 'first_attendance' and t.to_event = 'clinical_decision' and t.unit = 'calendar'
    ) where first_attendance_on is not null`.execute(db);
}
