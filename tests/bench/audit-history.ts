import type BetterSqlite3 from 'better-sqlite3';
import { entryHash, GENESIS_HASH } from '../../electron/core/audit';

const ACTIONS: [string, string][] = [
  ['patient.open', 'patient'],
  ['worklist.search', 'worklist'],
  ['pathway.event', 'pathway'],
  ['appointment.book', 'appointment'],
  ['meeting.open', 'meeting'],
  ['plan.open', 'individual_plan'],
];

/**
 * Appends `rows` audit entries — ten years of use before `now`, in time order — to the chain, each hashed
 * by the production entryHash from the previous one, so audit.verify, backups and integrity checks see a
 * valid log of real size. One transaction, one prepared INSERT (≈ 1M rows in tens of seconds).
 */
export async function seedAuditHistory(sqlite: BetterSqlite3.Database, rows: number, now: Date): Promise<void> {
  const patients = (sqlite.prepare('select max(id) as n from patient').get() as { n: number | null }).n ?? 1;
  const insert = sqlite.prepare('insert into audit_log (at, actor, os_user, action, entity, entity_id, patient_id, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const last = sqlite.prepare('select hash from audit_log order by id desc limit 1').get() as { hash: string } | undefined;
  const start = now.getTime() - 10 * 365 * 86_400_000;
  const step = (now.getTime() - start) / rows;
  let prev = last?.hash ?? GENESIS_HASH;
  let x = 12345;
  const rnd = () => ((x = (x * 1103515245 + 12345) & 0x7fffffff), x);
  sqlite.transaction(() => {
    for (let i = 0; i < rows; i++) {
      const [action, entity] = ACTIONS[rnd() % ACTIONS.length]!;
      const patientId = entity === 'worklist' ? null : 1 + (rnd() % patients);
      const row = { at: new Date(start + i * step).toISOString(), actor: 'Benk Koordinator', os_user: 'benk', action, entity, entity_id: patientId, patient_id: patientId };
      const hash = entryHash(prev, row);
      insert.run(row.at, row.actor, row.os_user, row.action, row.entity, row.entity_id, row.patient_id, prev, hash);
      prev = hash;
    }
  })();
}
