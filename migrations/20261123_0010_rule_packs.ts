import { sql, type Kysely } from 'kysely';
import { RULE_EVENT_ROWS, RULE_OUTCOME_ROWS, RULE_PATHWAY_ROWS, RULE_TIME_ROWS, RULE_VERSION_ROWS } from './data/20261123_0010_rule_packs.data';

/**
 * The pathway rules as data (DOMAIN.md §3–4): pathway types, events with their codes, clinical-decision
 * outcomes, and versioned pathway times with source and confidence. The national versions are the literal rows
 * in ./data as they shipped; a unit adds 'local' versions on top (never editing the national rows).
 * Also the coded lists the clock asks for: breach reasons and the help need at the end of a pathway.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rule_pathway')
    .addColumn('pathway_type', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text')
    .addColumn('label', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('rule_event')
    .addColumn('pathway_type', 'text', (c) => c.notNull().references('rule_pathway.pathway_type'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('code_suffix', 'text')
    .addColumn('code_confidence', 'text', (c) => c.notNull())
    .addColumn('max_per_pathway', 'integer')
    .addColumn('requires_outcome', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rule_event_pk', ['pathway_type', 'type'])
    .execute();
  await db.schema
    .createTable('rule_outcome')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('next', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('rule_version')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pathway_type', 'text', (c) => c.notNull().references('rule_pathway.pathway_type'))
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('clock_start', 'text', (c) => c.notNull().check(sql`clock_start in ('referral_received','referral_assessed')`))
    .addColumn('origin', 'text', (c) => c.notNull().check(sql`origin in ('national','local')`))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdrawn_reason', 'text')
    .execute();
  await db.schema.createIndex('rule_version_type').on('rule_version').columns(['pathway_type', 'valid_from']).execute();
  await db.schema
    .createTable('rule_time')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rule_version_id', 'text', (c) => c.notNull().references('rule_version.id'))
    .addColumn('setting', 'text', (c) => c.notNull().check(sql`setting in ('outpatient','inpatient')`))
    .addColumn('from_event', 'text', (c) => c.notNull())
    .addColumn('to_event', 'text', (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull().check(sql`days >= 0`))
    .addColumn('unit', 'text', (c) => c.notNull().check(sql`unit in ('calendar','working')`))
    .addColumn('confidence', 'text', (c) => c.notNull().check(sql`confidence in ('confirmed','local','unconfirmed')`))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('variant', 'text')
    .execute();
  await db.schema.createIndex('rule_time_version').on('rule_time').column('rule_version_id').execute();

  // Coded list for "why was the deadline not kept" (ours, [L]: the Directorate asks that the reason is documented).
  await db.schema
    .createTable('breach_reason')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .execute();
  // Help need at the end of a pathway: the national code list is unconfirmed (DOMAIN.md §4), so it is data.
  await db.schema
    .createTable('help_need')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('confidence', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .execute();

  const created = new Date().toISOString();
  await db.insertInto('rule_pathway').values(RULE_PATHWAY_ROWS).execute();
  const events = new Map<string, typeof RULE_EVENT_ROWS>();
  for (const e of RULE_EVENT_ROWS) events.set(e.pathway_type, [...(events.get(e.pathway_type) ?? []), e]);
  for (const rows of events.values()) await db.insertInto('rule_event').values(rows).execute();
  await db.insertInto('rule_outcome').values(RULE_OUTCOME_ROWS).execute();
  for (const v of RULE_VERSION_ROWS) {
    await db.insertInto('rule_version').values({ ...v, created_at: created }).execute();
    const times = RULE_TIME_ROWS.filter((t) => t.rule_version_id === v.id);
    if (times.length > 0) await db.insertInto('rule_time').values(times).execute();
  }
  await db
    .insertInto('breach_reason')
    .values([
      { code: 'capacity', label: 'Manglende kapasitet', sort: 1 },
      { code: 'patient', label: 'Forhold hos pasienten (ikke registrert som pasientutsatt)', sort: 2 },
      { code: 'clinical', label: 'Faglig begrunnet', sort: 3 },
      { code: 'registration', label: 'Sen eller feil registrering', sort: 4 },
      { code: 'other', label: 'Annet', sort: 5 },
    ])
    .execute();
  await db
    .insertInto('help_need')
    .values([
      { code: 'none', label: 'Ikke behov for videre hjelp', confidence: 'unconfirmed', sort: 1 },
      { code: 'gp_municipal', label: 'Oppfølging hos fastlege eller i kommunen', confidence: 'unconfirmed', sort: 2 },
      { code: 'specialist', label: 'Videre behandling i spesialisthelsetjenesten', confidence: 'unconfirmed', sort: 3 },
      { code: 'other_agency', label: 'Oppfølging fra andre instanser', confidence: 'unconfirmed', sort: 4 },
    ])
    .execute();
}
