import type { Kysely } from 'kysely';

/**
 * Issue #13 §1, rule pack corrections as literal data (no app imports):
 *
 * 1. TSB confidence labels were inverted. The TSB times in the table (21/7, 7/7, 56/42, 3/0) are the 2019
 *    pathway's published times (Helsedirektoratet, Pakkeforløp TSB, 2019): confirmed on the 2019 version.
 *    The "2024" version reuses them unverified against the revised text: unconfirmed.
 * 2. TSB evaluations repeat every 8 (outpatient) / 6 (inpatient) weeks only in the FIRST YEAR after the
 *    clinical decision; after that there is no automatic interval (rule_time.repeat_within_days = 365).
 * 3. The switch date of the start rule (2024-01-01, clock from the completed referral assessment) has no
 *    source: rule_version.valid_from_confidence = 'unconfirmed' with a note; the date is editable
 *    (rules.setValidFrom) and shown where versions are shown.
 */
const TSB_2019_SOURCE = 'Helsedirektoratet: Pakkeforløp tverrfaglig spesialisert rusbehandling (TSB), 2019, forløpstider';
const TSB_2024_NOTE = '2019-forløpstidene brukt; ikke kontrollert mot den reviderte teksten (2023–2024)';
const EVAL_NOTE = 'Hver 8. uke poliklinisk / 6. uke i døgn det første året etter klinisk beslutning; deretter ingen fast intervall';
const SWITCH_NOTE = 'Datoen for overgangen til ny startregel (fra vurdert henvisning) har ingen kilde. Kontroller og endre ved behov.';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('rule_time').addColumn('repeat_within_days', 'integer').execute();
  await db.schema.alterTable('rule_version').addColumn('valid_from_confidence', 'text', (c) => c.notNull().defaultTo('confirmed')).execute();
  await db.schema.alterTable('rule_version').addColumn('valid_from_note', 'text').execute();

  await db.updateTable('rule_time').set({ confidence: 'confirmed', source: TSB_2019_SOURCE, note: null }).where('rule_version_id', '=', 'national-2019-tsb').execute();
  await db.updateTable('rule_time').set({ confidence: 'unconfirmed', note: TSB_2024_NOTE }).where('rule_version_id', '=', 'national-2024-tsb').execute();
  await db
    .updateTable('rule_time')
    .set({ repeat_within_days: 365 })
    .where('rule_version_id', 'in', ['national-2019-tsb', 'national-2024-tsb'])
    .where('from_event', '=', 'evaluation')
    .where('to_event', '=', 'evaluation')
    .execute();
  await db.updateTable('rule_time').set({ note: EVAL_NOTE }).where('rule_version_id', '=', 'national-2019-tsb').where('from_event', '=', 'evaluation').where('to_event', '=', 'evaluation').execute();
  await db.updateTable('rule_version').set({ source: `${TSB_2019_SOURCE}` }).where('id', '=', 'national-2019-tsb').execute();
  await db
    .updateTable('rule_version')
    .set({ valid_from_confidence: 'unconfirmed', valid_from_note: SWITCH_NOTE })
    .where('id', 'in', ['national-2024-adult_mental', 'national-2024-child_mental', 'national-2024-tsb'])
    .execute();
}
