// oxlint-disable-next-line import/default -- the package's index.d.ts says `export =`, imported as default (esModuleInterop)
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { createMac, entryMessage, GENESIS_HASH, type AuditFields } from '../../electron/core/audit';

const ACTIONS: [string, string][] = [
  ['patient.open', 'patient'],
  ['worklist.search', 'worklist'],
  ['pathway.event', 'pathway'],
  ['appointment.book', 'appointment'],
  ['meeting.open', 'meeting'],
  ['plan.open', 'individual_plan'],
];

/**
 * Appends `rows` audit entries — ten years of use before `now`, in time order — to the chain, each linked by
 * the production HMAC (createMac over entryMessage with the folder's audit key, deriveSubkey(master,
 * 'audit-chain')) from the previous one and taking the next id, as the insert guard (0170) demands, so
 * audit.verify, backups and integrity checks see a valid log of real size. One transaction, one prepared INSERT.
 */
export async function seedAuditHistory(sqlite: BetterSqlite3.Database, auditKey: Buffer, rows: number, now: Date): Promise<void> {
  const mac = createMac(auditKey);
  const patients = (sqlite.prepare('select max(id) as n from patient').get() as { n: number | null }).n ?? 1;
  const insert = sqlite.prepare(
    'insert into audit_log (id, at, actor, os_user, action, entity, entity_id, patient_id, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const last = sqlite.prepare('select id, hash from audit_log order by id desc limit 1').get() as { id: number; hash: string } | undefined;
  const start = now.getTime() - 10 * 365 * 86_400_000;
  const step = (now.getTime() - start) / rows;
  let prev = last?.hash ?? GENESIS_HASH;
  let id = last?.id ?? 0;
  let x = 12345;
  const rnd = () => ((x = (x * 1103515245 + 12345) & 0x7fffffff), x);
  sqlite.transaction(() => {
    for (let i = 0; i < rows; i++) {
      const [action, entity] = ACTIONS[rnd() % ACTIONS.length]!;
      const patientId = entity === 'worklist' ? null : 1 + (rnd() % patients);
      const row: AuditFields = {
        at: new Date(start + i * step).toISOString(),
        actor: 'Benk Koordinator',
        os_user: 'benk',
        action,
        entity,
        entity_id: patientId,
        patient_id: patientId,
      };
      const hash = mac(entryMessage(prev, row));
      insert.run(++id, row.at, row.actor, row.os_user, row.action, row.entity, row.entity_id, row.patient_id, prev, hash);
      prev = hash;
    }
    if (id > 0) sqlite.prepare('insert or ignore into audit_log_pin (id) values (1)').run();
  })();
}
