// The team store's figures (issue #15), part of `npm run bench` (skip with --no-pg), or alone:
//   tsx tests/bench/pg-bench.ts [--seconds 60] [--clients 20]
// A throwaway PostgreSQL server (tests/fixtures/pg.ts), team:init, the cached 50k bench folder moved in with
// team:move's code; then worklist.list through the dispatcher interleaved with its statements raw (and the page
// statement alone), and N concurrent clients writing pathway events for S seconds: p95 write latency, lost or
// duplicated writes, the audit chain verified afterwards.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { startCore, type Core } from '../../electron/core/app-core';
import { createMac } from '../../electron/core/audit';
import { deriveSubkey } from '../../electron/core/crypto/keys';
import { createDispatcher } from '../../electron/core/dispatch';
import { createHandlers } from '../../electron/core/handlers';
import { openPostgres, type PgHandle } from '../../electron/core/db/open-pg';
import type { Database } from '../../electron/core/db/schema';
import { teamInit } from '../../electron/core/db/team-init';
import { moveToTeam } from '../../electron/core/db/team-move';
import { verifyTeamChain } from '../../electron/core/db/team-audit-verify';
import { startPgServer } from '../fixtures/pg';
import { percentile } from './measure';
import { interleaved, summary } from './pairs';
import { BENCH_NOW, benchMasterKey, openBenchCore, workingCopy } from './seeded-db';
import type { Row } from './run';

const TEAM_KEY = Buffer.from('62656e6b2d7465616d2d61756469742d6b6579', 'hex');

/** The newest cached, seeded folder of this size (npm run bench builds it); null when there is none. */
function cachedSeed(patients: number): string | null {
  const root = join(tmpdir(), 'forlopsbenk-bench');
  if (!existsSync(root)) return null;
  const dirs = readdirSync(root).filter((d) => d.startsWith(`p${patients}-s42-`) && d.endsWith('-enc') && existsSync(join(root, d, 'seeded.ok')));
  return dirs.length ? join(root, dirs.sort().at(-1)!) : null;
}

const WORKLIST: Record<string, object> = {
  'worklist.list first page': {},
  'worklist.list search "han"': { search: 'han' },
};

async function teamCore(url: string, dataDir: string): Promise<Core> {
  return startCore({
    dataDir,
    masterKey: benchMasterKey(dataDir),
    transport: 'browser',
    version: 'bench',
    demo: true,
    clock: () => BENCH_NOW,
    store: { kind: 'postgres', url },
  });
}

/** Every statement one call runs on PostgreSQL, with its parameters (the PG side of fixtures/capture-sql.ts). */
async function capture(core: Core, handle: PgHandle, method: string, input: unknown) {
  const seen: { sql: string; params: unknown[] }[] = [];
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: handle.pool }),
    log: (e) => void (e.level === 'query' && seen.push({ sql: e.query.sql, params: [...e.query.parameters] })),
  });
  const handlers = createHandlers({ ctx: { ...core.ctx, db }, transport: 'browser', version: 'capture' });
  const res = await createDispatcher(handlers)(method, input);
  if (!res.ok) {
    // Synthetic data only: the driver's own message says which statement failed.
    const why = await (handlers as Record<string, (i: unknown) => Promise<unknown>>)[method]!(input).then(
      () => 'output schema',
      (e: unknown) => (e instanceof Error ? e.message : String(e)),
    );
    throw new Error(`${method}: ${res.error.message} (${why})`);
  }
  return seen.filter((s) => /^\s*(select|with)\b/i.test(s.sql));
}

export async function pgBench(opts: { seconds?: number; clients?: number } = {}): Promise<{ rows: Row[]; notes: string[] }> {
  const seconds = opts.seconds ?? 60;
  const clients = opts.clients ?? 20;
  const rows: Row[] = [];
  const notes: string[] = [];
  const seeded = cachedSeed(50_000);
  if (!seeded) return { rows, notes: ['team store bench: no cached 50k folder (run npm run bench once without --no-pg)'] };
  const server = await startPgServer();
  if (!server) return { rows, notes: ['team store bench: PostgreSQL not installed, not measured'] };
  const localDir = workingCopy(seeded);
  const cores: Core[] = [];
  // Each desk's own (empty) data folder, removed at the end.
  const deskDirs: string[] = [];
  const deskDir = () => {
    const d = mkdtempSync(join(tmpdir(), 'forlopsbenk-pgbench-'));
    deskDirs.push(d);
    return d;
  };
  try {
    const su = new pg.Client({ connectionString: server.url() });
    await su.connect();
    await su.query('create database bench');
    await su.end();
    const url = server.url('bench');
    const owner = openPostgres(url, { max: 2 });
    await teamInit(owner.db, { demo: true });
    // SQLite migration 0200 (open_search_word) has no PostgreSQL counterpart on this branch yet (the parity work
    // lands separately): the bench database gets the table and indexes here, without the triggers that keep it.
    const has = await owner.pool.query("select to_regclass('public.open_search_word') as t");
    if (!has.rows[0]?.t) {
      await owner.pool.query(
        'create table open_search_word (word text not null, patient_id integer not null references patient(id) on delete cascade, primary key (word, patient_id))',
      );
      await owner.pool.query('create index open_search_word_patient on open_search_word (patient_id)');
      await owner.pool.query("create index pathway_worklist_setting on pathway (setting, due_sort, id) where status = 'open'");
      await owner.pool.query('grant select, insert, update, delete on open_search_word to forlopsbenk_coordinator');
      notes.push('team store bench: open_search_word (SQLite 0200) created in the bench database by hand — no PostgreSQL migration for it yet');
    }
    process.env.FORLOPSBENK_TEAM_AUDIT_KEY = TEAM_KEY.toString('hex');
    const local = await openBenchCore(localDir);
    let t = performance.now();
    const moved = await moveToTeam({
      local: local.handle.db,
      localAuditKey: deriveSubkey(benchMasterKey(localDir), 'audit-chain'),
      team: owner.db,
      teamAuditKey: TEAM_KEY,
      teamLogin: 'postgres',
      now: BENCH_NOW,
    });
    notes.push(
      `team store: the 50k folder moved in with team:move in ${((performance.now() - t) / 1000).toFixed(1)} s (${moved.tables.find((x) => x.table === 'patient')?.team} patients, ${moved.audit.entries} audit entries kept); counts equal on both sides`,
    );
    await local.close();
    await owner.pool.query('analyze');

    // worklist.list on the team store: dispatcher, all its statements raw, and the page statement alone.
    const dir = deskDir();
    const core = await teamCore(url, dir);
    cores.push(core);
    const handle = core.handle as PgHandle;
    for (const [name, input] of Object.entries(WORKLIST)) {
      const stmts = await capture(core, handle, 'worklist.list', input);
      // As in run.ts: a search's floor is its page and its counts (both on open_search_hit), a list's its page.
      const floorStmts = 'search' in input ? stmts.filter((s) => /open_search_hit/.test(s.sql)) : [stmts.find((s) => /\blimit\b/i.test(s.sql))!];
      const raw = async () => {
        for (const s of stmts) await handle.pool.query(s.sql, s.params);
      };
      const floor = async () => {
        for (const s of floorStmts) await handle.pool.query(s.sql, s.params);
      };
      const d = async () => {
        const res = await core.dispatch('worklist.list', input);
        if (!res.ok) throw new Error(res.error.message);
      };
      const r = await interleaved(d, raw as () => void, floor as () => void, 100);
      const [a, b, f] = [summary(r.dispatcher), summary(r.raw), summary(r.floor)];
      rows.push({
        name: `PG ${name} (dispatcher)`,
        size: 50_000,
        medianMs: a.median,
        p95Ms: a.p95,
        samples: r.dispatcher.length,
        floorMedianMs: f.median,
        floorP95Ms: f.p95,
      });
      rows.push({
        name: `PG ${name} — all its statements raw`,
        size: 50_000,
        medianMs: b.median,
        p95Ms: b.p95,
        samples: r.raw.length,
        floorMedianMs: f.median,
        floorP95Ms: f.p95,
      });
    }

    // N concurrent clients (each its own core and pool, as N desks) writing pathway events for S seconds.
    const open = (await handle.pool.query<{ id: number }>("select id from pathway where status = 'open' order by id limit $1", [clients * 50])).rows.map(
      (r) => r.id,
    );
    const before = (
      await handle.pool.query<{ e: number; a: number }>(
        'select (select coalesce(max(id), 0) from pathway_event)::int as e, (select coalesce(max(id), 0) from audit_log)::int as a',
      )
    ).rows[0]!;
    for (let i = 1; i < clients; i++) cores.push(await teamCore(url, deskDir()));
    const load = () =>
      loadavg()
        .map((x) => x.toFixed(2))
        .join(' / ');
    const loadBefore = load();
    const latencies: number[] = [];
    const returned: number[] = [];
    let failed = 0;
    const until = performance.now() + seconds * 1000;
    t = performance.now();
    await Promise.all(
      cores.map(async (c, ci) => {
        for (let n = 0; performance.now() < until; n++) {
          const pathwayId = open[(ci * 50 + (n % 50)) % open.length]!;
          const s = performance.now();
          const res = await c.dispatch('pathways.recordEvent', { pathwayId, type: 'patient_postponed', date: BENCH_NOW.toISOString().slice(0, 10), note: '' });
          latencies.push(performance.now() - s);
          if (res.ok) returned.push((res.value as { eventId: number }).eventId);
          else failed++;
        }
      }),
    );
    const wall = (performance.now() - t) / 1000;
    const loadAfter = load();
    const stored = (
      await handle.pool.query<{ id: number }>("select id from pathway_event where id > $1 and type = 'patient_postponed' order by id", [before.e])
    ).rows.map((r) => r.id);
    const unique = new Set(returned);
    const storedSet = new Set(stored);
    const lost = returned.filter((id) => !storedSet.has(id)).length;
    const extra = stored.filter((id) => !unique.has(id)).length;
    const dup = returned.length - unique.size;
    const l = [...latencies].sort((a, b) => a - b);
    rows.push({
      name: `PG ${clients} concurrent clients writing events for ${seconds} s: write latency`,
      size: 50_000,
      medianMs: percentile(l, 50),
      p95Ms: percentile(l, 95),
      samples: l.length,
    });
    const auditAdded = (await handle.pool.query<{ n: number }>('select count(*)::int as n from audit_log where id > $1', [before.a])).rows[0]!.n;
    notes.push(
      `team store, ${clients} clients × ${seconds} s: ${returned.length} writes acknowledged (${(returned.length / wall).toFixed(1)}/s), ${failed} refused, ${stored.length} stored; lost ${lost}, duplicated ${dup + extra}; ${auditAdded} audit entries added; p99 ${percentile(l, 99).toFixed(1)} ms, max ${l.at(-1)?.toFixed(1)} ms; load average (1 / 5 / 15 min) before ${loadBefore}, after ${loadAfter}`,
    );

    // The team chain afterwards, with the production check (audit.verify / npm run team:verify): every link with
    // the team key, ids without gaps, the first entry pinned, the guards in place.
    t = performance.now();
    const verified = await verifyTeamChain(handle.db, createMac(TEAM_KEY));
    notes.push(
      `team audit chain after the run: ${verified.total} entries, ${verified.ok ? 'verified intact' : `BROKEN (${verified.problem} at ${verified.brokenAt})`} (verified in ${(performance.now() - t).toFixed(0)} ms)`,
    );
    const size = (await handle.pool.query<{ s: string }>("select pg_size_pretty(pg_database_size('bench')) as s")).rows[0]!.s;
    notes.push(`team database size after the run: ${size} (50k patients, ${moved.audit.entries} imported audit entries)`);
    await owner.close();
  } finally {
    for (const c of cores) await c.close().catch(() => undefined);
    server.stop();
    rmSync(localDir, { recursive: true, force: true });
    for (const d of deskDirs) rmSync(d, { recursive: true, force: true });
  }
  return { rows, notes };
}

if (process.argv[1]?.endsWith('pg-bench.ts')) {
  const arg = (n: string) => (process.argv.includes(n) ? Number(process.argv[process.argv.indexOf(n) + 1]) : undefined);
  const out = await pgBench({ seconds: arg('--seconds'), clients: arg('--clients') });
  const md = [
    '| measurement | patients | median / p95 (ms) | floor median / p95 | samples |',
    '|---|---:|---:|---:|---:|',
    ...out.rows.map(
      (r) =>
        `| ${r.name} | ${r.size ?? ''} | ${r.medianMs.toFixed(3)} / ${r.p95Ms.toFixed(3)} | ${r.floorMedianMs ? `${r.floorMedianMs.toFixed(3)} / ${r.floorP95Ms?.toFixed(3)}` : ''} | ${r.samples} |`,
    ),
    '',
    ...out.notes.map((n) => `- ${n}`),
  ].join('\n');
  mkdirSync(join('tests', 'bench', 'results'), { recursive: true });
  writeFileSync(join('tests', 'bench', 'results', 'pg-latest.md'), `${md}\n`);
  console.log(md);
}
