// oxlint-disable-next-line import/default -- the package's index.d.ts says `export =`, imported as default (esModuleInterop)
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { Kysely, sql, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { compiledQueries } from '../../electron/core/db/compiled-queries';

interface Db {
  t: { id: number; name: string; due: string };
}

function db() {
  const sqlite = new BetterSqlite3(':memory:');
  sqlite.exec(
    "create table t (id integer primary key, name text not null, due text not null); insert into t (name, due) values ('a', '2026-01-01'), ('b', '2026-02-01'), ('c', '2026-03-01'), ('ab', '2026-04-01')",
  );
  let compiles = 0;
  const k = new Kysely<Db>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { k, sqlite, counted: () => compiles, bump: () => compiles++ };
}

describe('compiledQueries', () => {
  it('fills each call’s values into the template of its shape: the same rows as the builder, built once per shape', async () => {
    const { k, bump, counted } = db();
    const q = compiledQueries();
    const build = (prefix: boolean) => (v: Record<string, unknown>) => {
      bump();
      let b = k
        .selectFrom('t')
        .select(['id', 'name'])
        .where('due', '>=', v.from as string);
      if (prefix) b = b.where('name', '>=', v.p as string).where('name', '<', v.u as string);
      return b.orderBy('id').limit(v.limit as number);
    };
    for (const [from, limit] of [
      ['2026-01-15', 10],
      ['2026-01-01', 2],
      ['2026-03-01', 5],
    ] as const) {
      const got = await q.rows(k as never, 'plain', { from, limit }, build(false));
      const want = await k.selectFrom('t').select(['id', 'name']).where('due', '>=', from).orderBy('id').limit(limit).execute();
      expect(got).toEqual(want);
    }
    expect(counted()).toBe(2); // the template, and its check for inlined values: once for the shape
    expect(await q.rows(k as never, 'prefix', { from: '2026-01-01', limit: 10, p: 'a', u: 'b' }, build(true))).toEqual([
      { id: 1, name: 'a' },
      { id: 4, name: 'ab' },
    ]);
    expect(await q.rows(k as never, 'prefix', { from: '2026-01-01', limit: 10, p: 'b', u: 'c' }, build(true))).toEqual([{ id: 2, name: 'b' }]);
    expect(counted()).toBe(4);
  });

  it('refuses a value the builder would write into the SQL text instead of binding it', async () => {
    const { k } = db();
    const q = compiledQueries();
    await expect(
      q.rows(k as never, 'inlined', { from: '2026-01-01' }, (v) =>
        k
          .selectFrom('t')
          .select('id')
          .where('due', '>=', sql.lit(v.from as string)),
      ),
    ).rejects.toThrow(/not bound as a parameter/);
  });
});
