import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type DbHandle } from '../../electron/core/db/open';
import { migrations } from '../../migrations';
import { testDatabaseKey } from '../fixtures/core';

/**
 * Shipped migrations are frozen (docs/decisions/0005-frozen-migrations.md): what they write must never change.
 * The digests below were taken from a fresh database migrated by the code as it shipped, before the migrations
 * got their own literal copies of data and logic. If one of them changes, a shipped migration was edited.
 */
const FRESH_DIGESTS: Record<string, string> = {
  municipality: 'b19ce6b94fcce9ba7b4789bfe85239eae925a58a42468ed8918fc73d01c598b8',
  rule_pathway: '001ca5c6e0b221faac4fe7e2d69e5a64589d764f14ab2a056db25cbf3b8a5cc7',
  rule_event: '73f9556a75573e9ee187395a1cac3343f9ca492ba1b427b7792a93e201a7cc95',
  rule_outcome: 'cbd016f2f2b96b125c8fc3896817a6b974de31dad4c2d34e4d5b5035e0d634c4',
  rule_version: '3dd49e2b722a9af82fa13ec3537a496e47611c2059947ea2bb48490e00689ab9',
  rule_time: 'd1d5fb12566165e24f45ec58c910b1c84fe9c16eba18caae86d3c27eb6a8c99f',
  breach_reason: '45a38d1cdbd674a3ed44c21e585a6ad6cc5b39a8d6e298879c5e545145153702',
  help_need: 'c720aeb5eea61fe8637697f543d69e324118357a640f6785e70c98426ac53999',
  letter_template: 'a7cd6e2e0a2296963cdba8eddaac942530fabe6a5f029421758f8c5d7bc8846e',
  app_setting: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
};
const CLOCK_DIGEST = '36622c87ae0231d40ec9d8ac2caafbd2653076aff5c6ef69beafced3bac465df';

/** Columns whose value is the wall-clock time of migrating, not data. */
const VOLATILE: Record<string, string[]> = { rule_version: ['created_at'] };

const dirs: string[] = [];
let handle: DbHandle | null = null;
afterEach(async () => {
  vi.useRealTimers();
  await handle?.close();
  handle = null;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A real database file; typed as any because it is written at older schema versions than the app's types. */
function open(): { db: Kysely<any> } {
  const dir = mkdtempSync(join(tmpdir(), 'forlopsbenk-frozen-'));
  dirs.push(dir);
  handle = openDatabase(join(dir, 'db.sqlite'), { key: testDatabaseKey(dir) });
  return { db: handle.db as unknown as Kysely<any> };
}

/** The last migration these digests cover: later migrations may change the same tables, and have their own tests. */
const LAST_COVERED = '20261123_0060_patient_search_words';

async function migrate(db: Kysely<any>, to = LAST_COVERED): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, migrationTableName: 'kysely_migration' });
  const { error } = await migrator.migrateTo(to);
  if (error) throw error;
}

async function tableDigest(db: Kysely<any>, table: string): Promise<string> {
  const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db)).rows;
  const skip = new Set(VOLATILE[table] ?? []);
  const lines = rows.map((r) => JSON.stringify(Object.entries(r).filter(([k]) => !skip.has(k)))).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

describe('frozen migrations', () => {
  it('a fresh database gets exactly the rows the migrations shipped with', async () => {
    const { db } = open();
    await migrate(db);
    const digests: Record<string, string> = {};
    for (const table of [
      'municipality',
      'rule_pathway',
      'rule_event',
      'rule_outcome',
      'rule_version',
      'rule_time',
      'breach_reason',
      'help_need',
      'letter_template',
      'app_setting',
    ]) {
      digests[table] = await tableDigest(db, table);
    }
    if (process.env.PRINT_DIGESTS) console.log(JSON.stringify(digests, null, 2));
    expect(digests).toEqual(FRESH_DIGESTS);
    const counts = await sql<{
      n: number;
    }>`select (select count(*) from municipality) + (select count(*) from rule_time) + (select count(*) from letter_template) as n`.execute(db);
    expect(counts.rows[0]!.n).toBeGreaterThan(300);
  });

  it('pathways and patients written before 0011 and 0060 get the clock and search words they got when those shipped', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-23T09:00:00Z'), toFake: ['Date'] });
    const { db } = open();
    await migrate(db, '20261123_0003_pathway_events_and_flags');
    const at = '2026-11-01T10:00:00.000Z';
    const patients = [
      ['Kari Nordmann', '1985-06-01'],
      ['Ola Åsmund Ødegård-Berg', '2012-03-14'],
      ['Per Ærlig', '1990-12-31'],
      ["Lise O'Brien", '2009-01-20'],
    ] as const;
    for (const [i, [name, birth]] of patients.entries()) {
      await db
        .insertInto('patient')
        .values({
          name,
          name_search: name.toLowerCase(),
          national_id: `0000000000${i}`,
          national_id_kind: 'fnr',
          synthetic: 1,
          birth_date: birth,
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
    const pathways: [number, string, string, string, string | null, string][] = [
      [1, 'adult_mental', 'outpatient', '2026-10-01', '2026-10-08', 'open'],
      [2, 'child_mental', 'outpatient', '2026-09-15', null, 'open'],
      [3, 'tsb', 'inpatient', '2026-08-03', '2026-08-05', 'open'],
      [4, 'adult_mental', 'inpatient', '2026-01-10', '2026-01-12', 'ended'],
      [1, 'psychosis', 'outpatient', '2025-12-20', '2026-01-02', 'open'],
    ];
    for (const [patient_id, pathway_type, setting, referral_received, referral_assessed, status] of pathways) {
      await db
        .insertInto('pathway')
        .values({ patient_id, pathway_type, setting, referral_received, referral_assessed, status, created_at: at, updated_at: at })
        .execute();
    }
    const events: [number, string, string, string | null, string | null][] = [
      [1, 'start', '2026-10-08', null, null],
      [1, 'first_attendance', '2026-10-20', null, null],
      [2, 'patient_postponed', '2026-09-20', null, '2026-10-05'],
      [3, 'start', '2026-08-05', null, null],
      [3, 'clinical_decision', '2026-09-01', 'CP', null],
      [4, 'start', '2026-01-12', null, null],
      [4, 'end', '2026-06-30', null, null],
      [5, 'start', '2026-01-02', null, null],
      [5, 'evaluation', '2026-03-01', null, null],
    ];
    for (const [pathway_id, type, date, outcome, until] of events) {
      await db.insertInto('pathway_event').values({ pathway_id, type, date, outcome, until, created_at: at }).execute();
    }
    await migrate(db);
    const digest = createHash('sha256')
      .update(await tableDigest(db, 'pathway'))
      .update(await tableDigest(db, 'patient_search_word'))
      .digest('hex');
    if (process.env.PRINT_DIGESTS) {
      console.log(digest);
      console.log(JSON.stringify((await sql`select * from pathway`.execute(db)).rows, null, 1));
    }
    expect((await sql<{ n: number }>`select count(*) as n from pathway where rule_version_id is not null`.execute(db)).rows[0]!.n).toBe(5);
    expect(digest).toBe(CLOCK_DIGEST);
  });
});
