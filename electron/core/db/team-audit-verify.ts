import { sql, type Kysely } from 'kysely';
import { AppError } from '../../../shared/contract/envelope';
import { AUDIT_MESSAGES, type AuditProblem, type AuditVerification } from '../audit-chain';
import { GENESIS_HASH, entryMessage } from '../audit';
import type { Database } from './schema';

/** The triggers that keep the team log append-only (migrations/pg 0001 and 0002). */
const TEAM_GUARDS = ['audit_log_no_update', 'audit_log_no_delete', 'audit_log_no_truncate', 'audit_log_append_only', 'audit_log_who'];
const BATCH = 5000;
const NO_RIGHT = 'Din rolle kan ikke lese hele loggen. En koordinator eller enhetsleder kan kontrollere den.';

/**
 * Walks the team store's audit chain from its first entry with the team's shared key (the server never holds
 * it): every id in sequence, every entry linked to the one before and MAC'd with the key, the first entry
 * pinned, and the guards that refuse UPDATE, DELETE and TRUNCATE in place. The same answer as the local
 * file's check (AuditVerification), always a full walk: there is no anchor file outside the database here.
 * Used by audit.verify on the team store and by `npm run team:verify`.
 */
export async function verifyTeamChain(db: Kysely<Database>, mac: (message: string) => string): Promise<AuditVerification> {
  try {
    return await walk(db, mac);
  } catch (e) {
    if ((e as { code?: string }).code === '42501') throw new AppError('invalid_input', NO_RIGHT);
    throw e;
  }
}

async function walk(db: Kysely<Database>, mac: (message: string) => string): Promise<AuditVerification> {
  const total = Number(
    (
      await db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  let checked = 0;
  const bad = (problem: AuditProblem, at: number | null): AuditVerification => ({
    ok: false,
    checked,
    total,
    full: true,
    brokenAt: at,
    problem,
    message: AUDIT_MESSAGES[problem](at ?? 1),
  });
  let prev = GENESIS_HASH;
  let expectId = 1;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('id', '>=', expectId).orderBy('id').limit(BATCH).execute();
    for (const r of rows) {
      if (r.id !== expectId) return bad('missing', expectId);
      const fields = { at: r.at, actor: r.actor, os_user: r.os_user, action: r.action, entity: r.entity, entity_id: r.entity_id, patient_id: r.patient_id };
      if (r.prev_hash !== prev || mac(entryMessage(prev, fields)) !== r.hash) return bad('link', r.id);
      prev = r.hash;
      expectId++;
      checked++;
    }
    if (rows.length < BATCH) break;
  }
  if (total > 0) {
    const pin = await sql<{ id: number }>`select id from audit_log_pin`.execute(db);
    if (!pin.rows.some((p) => Number(p.id) === 1)) return bad('missing', 1);
  }
  const triggers = await sql<{ name: string }>`select tgname as name from pg_trigger where tgrelid = 'audit_log'::regclass and tgenabled <> 'D'`.execute(db);
  const names = triggers.rows.map((t) => t.name);
  if (TEAM_GUARDS.some((g) => !names.includes(g))) return bad('guard', null);
  return { ok: true, checked, total, full: true, brokenAt: null, problem: null, message: null };
}
