import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseFile } from '../../electron/core/data-dir';
import { migrateToLatest } from '../../electron/core/db/migrate';
import { openDatabase } from '../../electron/core/db/open';
import { migrations } from '../../migrations';
import { makeCore, referral, testDatabaseKey } from '../fixtures/core';
import { tableCounts } from '../fixtures/trust';

/** Everything that makes up the schema, and everything in the migration table. */
function state(sqlite: { prepare(sql: string): { all(): unknown[] } }) {
  return {
    schema: sqlite.prepare('select type, name, tbl_name, sql from sqlite_master order by type, name').all(),
    migrations: sqlite.prepare('select name, timestamp from kysely_migration order by name').all(),
    counts: tableCounts(sqlite as never),
    patients: sqlite.prepare('select * from patient order by id').all(),
  };
}

describe('migrations are all or nothing', () => {
  it('a migration that throws halfway leaves schema, data and the migration table exactly as before', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'forlopsbenk-migrate-'));
    const c = await makeCore({ dataDir: dir });
    await c.ok('referrals.create', referral());
    await c.close();
    const handle = openDatabase(databaseFile(dir), { key: testDatabaseKey(dir) });
    try {
      const before = state(handle.sqlite);
      // Two pending migrations: the first succeeds on its own, the second changes things and then fails.
      const first: Migration = {
        up: async (db: Kysely<unknown>) => {
          await db.schema
            .createTable('extra_one')
            .addColumn('id', 'integer', (c) => c.primaryKey())
            .execute();
          await sql`insert into extra_one (id) values (1)`.execute(db);
        },
      };
      const second: Migration = {
        up: async (db: Kysely<unknown>) => {
          await db.schema.alterTable('patient').addColumn('extra_flag', 'integer').execute();
          await sql`update patient set name = 'Endret Navn'`.execute(db);
          await sql`delete from app_setting`.execute(db);
          throw new Error('simulated failure halfway');
        },
      };
      const withPending = { ...migrations, '29990101_0001_extra_one': first, '29990101_0002_extra_two': second };
      await expect(migrateToLatest(handle, { backupDir: join(dir, 'backups'), keepBackups: 10, migrations: withPending })).rejects.toThrow(/halfway/);
      expect(state(handle.sqlite)).toEqual(before);
      expect(handle.sqlite.inTransaction).toBe(false);
      // And the database still works through the same handle.
      await expect(migrateToLatest(handle, { backupDir: join(dir, 'backups'), keepBackups: 10 })).resolves.toMatchObject({ applied: [] });
    } finally {
      await handle.close();
    }
    const again = await makeCore({ dataDir: dir });
    expect((await again.ok('worklist.list', {})).total).toBe(1);
    await again.dispose();
  });

  it('pending migrations that succeed are all recorded, in order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'forlopsbenk-migrate-ok-'));
    const handle = openDatabase(join(dir, 'db.sqlite'), { key: testDatabaseKey(dir) });
    try {
      const out = await migrateToLatest(handle, { backupDir: join(dir, 'b'), keepBackups: 3 });
      expect(out.applied).toEqual(Object.keys(migrations).sort());
      expect((handle.sqlite.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((r) => r.name)).toEqual(
        Object.keys(migrations).sort(),
      );
    } finally {
      await handle.close();
    }
  });
});
