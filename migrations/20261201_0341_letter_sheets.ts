import type { Kysely } from 'kysely';

/**
 * Issue #13 §2: a letter about a patient under 18 goes as one sheet per addressee (the patient, guardians). The
 * sheets are kept as printed (JSON array of { lines, body }), so a reprint or the day's batch prints every sheet.
 * Null for a letter with one sheet (address_lines and body_html as before). Literal schema only.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('letter').addColumn('sheets', 'text').execute();
}
