import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { GENESIS_HASH, appendAudit, createMac, entryMessage, registerAuditKey, type AuditFields } from '../audit';
import type { Database } from './schema';
import { importedLine, importPinText } from '../audit-imported';
import { REFERENCE_TABLES } from '../../../migrations/pg/reference-tables';

/** The unit's own settings and templates: present in a fresh team database (shipped defaults), replaced by the local ones. */
const UPSERTED: Record<string, string> = { app_setting: 'key', letter_template: 'id' };
/** The other reference tables are shipped by the migrations on both stores (identical rows): not copied. */
const SHIPPED = new Set(REFERENCE_TABLES.map((r) => r.table).filter((t) => !(t in UPSERTED)));
/** Settings that belong to the team database, not to the file moved in. */
const KEEP_TEAM_SETTINGS = ['demo', 'lock.state'];
/** Never copied as rows: the schema's bookkeeping and the team's own chain (the local chain goes to audit_log_imported). */
// open_search_word, open_due_count and open_search_hit are derived: the team database's triggers fill them as pathways and name words arrive.
// person_profile: the local store's one person ('') has no login on the team store yet; each person gives their
// own name at their first start there (the moved history keeps the names as written).
const NOT_ROWS = new Set([
  'kysely_migration',
  'kysely_migration_lock',
  'audit_log',
  'audit_log_pin',
  'audit_log_imported',
  'open_search_word',
  'open_due_count',
  'open_search_hit',
  'person_profile',
]);

export class TeamMoveError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TeamMoveError';
  }
}

export interface TeamMoveReport {
  tables: { table: string; local: number; team: number }[];
  audit: { entries: number; head: string; sha256: string };
}

type Row = Record<string, unknown>;

async function count(db: Kysely<any>, table: string): Promise<number> {
  const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/** The team database's tables in foreign-key order (parents first). */
async function tablesInOrder(team: Kysely<any>): Promise<string[]> {
  const tables = (
    await sql<{
      name: string;
    }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(team)
  ).rows.map((r) => r.name);
  const edges = (
    await sql<{ child: string; parent: string }>`select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
    from pg_constraint c where c.contype = 'f' and c.connamespace = 'public'::regnamespace`.execute(team)
  ).rows;
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (t: string) => {
    if (seen.has(t)) return;
    seen.add(t);
    for (const e of edges) if (e.child === t && e.parent !== t) visit(e.parent);
    out.push(t);
  };
  for (const t of tables) visit(t);
  return out.filter((t) => !NOT_ROWS.has(t) && !SHIPPED.has(t));
}

/**
 * Copies a local store into an empty team database in one PostgreSQL transaction: every row of every table,
 * counts compared on both sides before commit, identity sequences moved past the copied ids. The local audit
 * chain is checked with the local key and kept verbatim in audit_log_imported; the team chain's first entry
 * ('audit.imported') commits to its last link and to a SHA-256 over all of it (decision 0008).
 * Refuses a team database that holds anything a person wrote.
 */
export async function moveToTeam(opts: {
  local: Kysely<Database>;
  localAuditKey: Buffer;
  team: Kysely<Database>;
  /** The team's shared audit key (FORLOPSBENK_TEAM_AUDIT_KEY): the team chain's first entry is keyed with it. */
  teamAuditKey: Buffer;
  teamLogin: string;
  now: Date;
  log?: (line: string) => void;
}): Promise<TeamMoveReport> {
  const local = opts.local as Kysely<any>;
  registerAuditKey(opts.team, opts.teamAuditKey);
  const log = opts.log ?? (() => {});
  const order = await tablesInOrder(opts.team);
  // Empty: nothing a person wrote (shipped rows and the unit's settings defaults are allowed).
  for (const table of [...order.filter((t) => !(t in UPSERTED)), 'audit_log', 'audit_log_imported']) {
    const n = await count(opts.team, table);
    if (n > 0)
      throw new TeamMoveError(
        `Teamdatabasen er ikke tom (tabellen ${table} har ${n} rader). Flyttingen skriver aldri over data: bruk en ny, tom teamdatabase.`,
      );
  }

  // A demo file into a real team database (or the reverse) would mix synthetic and real national ids.
  const demoOf = async (db: Kysely<any>) => (await db.selectFrom('app_setting').select('value').where('key', '=', 'demo').executeTakeFirst())?.value === '1';
  if ((await demoOf(local)) !== (await demoOf(opts.team))) {
    throw new TeamMoveError('Den ene databasen er en demo (syntetiske data) og den andre ikke. Ingenting er flyttet.');
  }

  // The local chain, checked link by link with the local key before anything is written.
  const mac = createMac(opts.localAuditKey);
  const entries = (await local.selectFrom('audit_log').selectAll().orderBy('id').execute()) as (AuditFields & {
    id: number;
    prev_hash: string;
    hash: string;
  })[];
  let prev = GENESIS_HASH;
  const digest = createHash('sha256');
  for (const [i, r] of entries.entries()) {
    const { at, actor, os_user, action, entity, entity_id, patient_id } = r;
    if (r.id !== i + 1 || r.prev_hash !== prev || r.hash !== mac(entryMessage(prev, { at, actor, os_user, action, entity, entity_id, patient_id }))) {
      throw new TeamMoveError(
        `Den lokale loggen er brutt ved oppføring ${r.id}. Ingenting er flyttet. Kontroller loggen under Innstillinger → Logg og sikkerhet.`,
      );
    }
    digest.update(`${importedLine(r)}\n`);
    prev = r.hash;
  }
  const audit = { entries: entries.length, head: prev, sha256: digest.digest('hex') };

  const report: TeamMoveReport['tables'] = [];
  await opts.team.transaction().execute(async (trx) => {
    const t = trx as unknown as Kysely<any>;
    for (const table of order) {
      const localColumns = new Set((await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(local)).rows.map((r) => r.name));
      if (localColumns.size === 0) continue; // not in the local file (cannot happen at the same version)
      let rows = (await local.selectFrom(table).selectAll().execute()) as Row[];
      const key = UPSERTED[table];
      if (table === 'app_setting') rows = rows.filter((r) => !KEEP_TEAM_SETTINGS.includes(String(r.key)));
      if (rows.length === 0) {
        if (!key) report.push({ table, local: 0, team: await count(t, table) });
        continue;
      }
      const columns = Object.keys(rows[0]!);
      const perBatch = Math.max(1, Math.floor(30_000 / columns.length));
      for (let i = 0; i < rows.length; i += perBatch) {
        let q = t.insertInto(table).values(rows.slice(i, i + perBatch));
        if (key)
          q = q.onConflict((oc) => oc.column(key).doUpdateSet(Object.fromEntries(columns.filter((c) => c !== key).map((c) => [c, sql.ref(`excluded.${c}`)]))));
        await q.execute();
      }
      // Identity columns go on after the copied ids.
      const identity = await sql<{
        c: string;
      }>`select column_name as c from information_schema.columns where table_schema = 'public' and table_name = ${table} and is_identity = 'YES'`.execute(t);
      for (const { c } of identity.rows) {
        await sql`select setval(pg_get_serial_sequence(${`"${table}"`}, ${c}), coalesce((select max(${sql.ref(c)}) from ${sql.table(table)}), 0) + 1, false)`.execute(
          t,
        );
      }
      const localCount = key ? rows.length : await count(local, table);
      const teamCount = key
        ? Number(
            (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)} where ${sql.ref(key)} in (${sql.join(rows.map((r) => r[key]))})`.execute(t))
              .rows[0]?.n,
          )
        : await count(t, table);
      if (localCount !== teamCount)
        throw new TeamMoveError(`Antallet stemmer ikke for ${table} (lokalt ${localCount}, i teamdatabasen ${teamCount}). Ingenting er flyttet.`);
      report.push({ table, local: localCount, team: teamCount });
      log(`${table}: ${localCount} rader`);
    }
    // The local chain verbatim, then the team chain's first entry pinning it.
    const perBatch = 2000;
    for (let i = 0; i < entries.length; i += perBatch)
      await t
        .insertInto('audit_log_imported')
        .values(entries.slice(i, i + perBatch))
        .execute();
    const imported = await count(t, 'audit_log_imported');
    if (imported !== entries.length)
      throw new TeamMoveError(`Antallet stemmer ikke for loggen (lokalt ${entries.length}, i teamdatabasen ${imported}). Ingenting er flyttet.`);
    report.push({ table: 'audit_log → audit_log_imported', local: entries.length, team: imported });
    await appendAudit(
      trx,
      { profile: importPinText(audit), osUser: opts.teamLogin },
      { action: 'audit.imported', entity: 'audit', entityId: audit.entries, patientId: null },
      opts.now,
    );
  });
  return { tables: report, audit };
}
