import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../electron/core/db/migrate';
import { openDatabase, type DbHandle } from '../../electron/core/db/open';
import { REFERENCE_TABLES } from '../../migrations/pg/reference-tables';
import { createTestDatabase, pgServerUrl } from '../fixtures/pg-db';

/** Both stores' migrations give the same tables, columns (name, nullability) and reference rows. */
const available = (await pgServerUrl()) !== null;

describe.skipIf(!available)('the team store schema equals the SQLite schema', () => {
  let dir: string;
  let lite: DbHandle;
  let team: Awaited<ReturnType<typeof createTestDatabase>>;
  let client: pg.Client;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'forlopsbenk-schema-'));
    lite = openDatabase(join(dir, 'x.sqlite'), { key: randomBytes(32) });
    await migrateToLatest(lite, { backupDir: dir, keepBackups: 1 });
    team = await createTestDatabase();
    client = new pg.Client({ connectionString: team.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await team?.drop();
    await lite?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has the same tables with the same columns and nullability', async () => {
    const tables = (
      lite.sqlite
        .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by name")
        .all() as { name: string }[]
    ).map((r) => r.name);
    const fromSqlite: Record<string, string[]> = {};
    for (const t of tables) {
      const cols = lite.sqlite.prepare(`select name, "notnull" as nn, pk from pragma_table_info('${t}') order by cid`).all() as {
        name: string;
        nn: number;
        pk: number;
      }[];
      fromSqlite[t] = cols.map((c) => `${c.name}${c.nn || c.pk ? ' not null' : ''}`).sort();
    }
    const res = await client.query(
      `select c.table_name as t, c.column_name as name, c.is_nullable as nullable from information_schema.columns c
       join information_schema.tables tb on tb.table_name = c.table_name and tb.table_schema = c.table_schema
       where c.table_schema = 'public' and tb.table_type = 'BASE TABLE' and c.table_name not like 'kysely_%'`,
    );
    const fromPg: Record<string, string[]> = {};
    for (const r of res.rows) (fromPg[r.t] ??= []).push(`${r.name}${r.nullable === 'NO' ? ' not null' : ''}`);
    for (const t of Object.keys(fromPg)) fromPg[t]!.sort();
    expect(fromPg).toEqual(fromSqlite);
  });

  it('ships the same reference rows (municipalities, rule packs, letter templates, settings)', async () => {
    // created_at of a rule version is when the migration ran, on either store.
    const sortRows = (rows: unknown[]) =>
      rows
        .map((r) =>
          JSON.stringify(
            r,
            Object.keys(r as object)
              .filter((k) => k !== 'created_at')
              .sort(),
          ),
        )
        .sort();
    for (const { table } of REFERENCE_TABLES) {
      const a = sortRows(lite.sqlite.prepare(`select * from "${table}"`).all());
      const b = sortRows((await client.query(`select * from "${table}" where not (${table === 'app_setting' ? "key = 'demo'" : 'false'})`)).rows);
      expect(b, table).toEqual(a);
    }
  });
});
