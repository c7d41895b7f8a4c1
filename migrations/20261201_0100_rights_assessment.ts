import { sql, type Kysely } from 'kysely';

/**
 * Issue #13 §1: the rights assessment and internal transfers on the pathway row.
 *
 * - rights_decision: 'right' (right to necessary care: a pathway starts), 'no_right' (no right: no start,
 *   no clock, the referral leaves the worklist), 'not_pathway' (right, but not a pathway case: likewise).
 *   NULL = not assessed yet (and every pathway assessed before this migration: their start events stay).
 * - rights_care_kind: the care the right is for, 'assessment' (utredning) or 'treatment' (behandling).
 * - priority_group: as given in the referral assessment (free text, short), or NULL.
 * - patient_informed_on: the date the patient was told the outcome.
 * - intake: 'referral' or 'internal_transfer' (to an OCD or psychosis team, D12 → D11): already assessed,
 *   so no new legal 10-working-day deadline; only the pathway time from the new team's receipt.
 * Literal SQL only (no app imports).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const add = (name: string, build: (c: any) => any) => db.schema.alterTable('pathway').addColumn(name, 'text', build).execute();
  await add('rights_decision', (c) => c.check(sql`rights_decision in ('right','no_right','not_pathway')`));
  await add('rights_care_kind', (c) => c.check(sql`rights_care_kind in ('assessment','treatment')`));
  await add('priority_group', (c) => c);
  await add('patient_informed_on', (c) => c);
  await add('intake', (c) => c.notNull().defaultTo('referral').check(sql`intake in ('referral','internal_transfer')`));
}
