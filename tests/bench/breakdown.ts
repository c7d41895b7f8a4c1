// Profiling aid (not part of `npm run bench`): where one dispatcher call's time goes — its statements as Kysely
// ran them (prepare is cached, so this is SQLite's execution) versus everything else (zod in and out, query
// building and compiling, row mapping, the envelope). npx tsx tests/bench/breakdown.ts 50000 [n]
import { rmSync } from 'node:fs';
import { Kysely, SqliteDialect } from 'kysely';
import { registerAuditKey } from '../../electron/core/audit';
import { deriveSubkey } from '../../electron/core/crypto/keys';
import { createDispatcher } from '../../electron/core/dispatch';
import { createHandlers } from '../../electron/core/handlers';
import type { Database } from '../../electron/core/db/schema';
import { openBenchCore, seededDataDir, workingCopy } from './seeded-db';
import { benchCases } from './cases';
import { summary } from './pairs';

const size = Number(process.argv[2] ?? 50_000);
const n = Number(process.argv[3] ?? 400);

async function main() {
  const dir = workingCopy((await seededDataDir(size)).dataDir);
  const core = await openBenchCore(dir);
  let sqlMs = 0;
  let statements = 0;
  // A Kysely on the core's connection with a log that sums execution time; statements prepared once, as the
  // core's dialect does (electron/core/db/open.ts), so the sum is SQLite's execution, not its parsing.
  const cache = new Map<string, ReturnType<typeof core.handle.sqlite.prepare>>();
  const database = {
    close: () => {},
    prepare: (text: string) => {
      let stmt = cache.get(text);
      if (!stmt) cache.set(text, (stmt = core.handle.sqlite.prepare(text)));
      return stmt;
    },
  };
  const timed = new Kysely<Database>({
    dialect: new SqliteDialect({ database: database as never }),
    log: (e) => {
      if (e.level === 'query') {
        sqlMs += e.queryDurationMillis;
        statements++;
      }
    },
  });
  registerAuditKey(timed, deriveSubkey(core.masterKey, 'audit-chain'));
  const dispatch = createDispatcher(createHandlers({ ctx: { ...core.ctx, db: timed }, transport: 'browser', version: 'breakdown' }));
  const write = Object.values(await benchCases(core)).find((c) => c.method === 'pathways.recordEvent')!;
  const calls: [string, string, () => unknown][] = [
    ['first page', 'worklist.list', () => ({})],
    ['search "h"', 'worklist.list', () => ({ search: 'h' })],
    ['search "han"', 'worklist.list', () => ({ search: 'han' })],
    ['recordEvent', 'pathways.recordEvent', write.input],
  ];
  for (const [name, method, input] of calls) {
    const total: number[] = [];
    const sql: number[] = [];
    for (let i = 0; i < n + 30; i++) {
      sqlMs = 0;
      statements = 0;
      const t = performance.now();
      const r = await dispatch(method, input());
      const ms = performance.now() - t;
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      if (i >= 30) {
        total.push(ms);
        sql.push(sqlMs);
      }
    }
    const a = summary(total);
    const b = summary(sql);
    const other = summary(total.map((t, i) => t - sql[i]!));
    console.log(
      `${name}: total ${a.median.toFixed(3)} / ${a.p95.toFixed(3)} · statements (${statements}) ${b.median.toFixed(3)} / ${b.p95.toFixed(3)} · rest ${other.median.toFixed(3)} / ${other.p95.toFixed(3)} ms`,
    );
  }
  await core.close();
  rmSync(dir, { recursive: true, force: true });
}
main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
