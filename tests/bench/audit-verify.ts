// The audit chain at 1,000,000 entries: full verify (on demand) and incremental verify from the last
// verified anchor (what "Kontroller loggen" runs), both through the dispatcher.
// Standalone: tsx tests/bench/audit-verify.ts [entries] — prints the rows as JSON on the last line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCore } from '../../electron/core/app-core';
import { createMac, entryMessage, GENESIS_HASH, type AuditFields } from '../../electron/core/audit';
import { deriveSubkey } from '../../electron/core/crypto/keys';
import { benchMasterKey } from './seeded-db';
import type { Measured } from './measure';

const BENCH_NOW = new Date('2026-11-23T09:00:00Z');

export async function auditVerifyBench(entries = 1_000_000, newSinceAnchor = 1000): Promise<Measured[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'forlopsbenk-bench-audit-'));
  try {
    const core = await startCore({ dataDir, transport: 'browser', version: 'bench', demo: true, clock: () => BENCH_NOW, masterKey: benchMasterKey(dataDir) });
    const s = core.handle.sqlite;
    const mac = createMac(deriveSubkey(benchMasterKey(dataDir), 'audit-chain'));
    const last = s.prepare('select id, hash from audit_log order by id desc limit 1').get() as { id: number; hash: string } | undefined;
    let prev = last?.hash ?? GENESIS_HASH;
    let id = last?.id ?? 0;
    const insert = s.prepare(
      'insert into audit_log (id, at, actor, os_user, action, entity, entity_id, patient_id, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const batch = s.transaction((n: number) => {
      for (let i = 0; i < n; i++) {
        id++;
        const e: AuditFields = {
          at: new Date(BENCH_NOW.getTime() - (entries - id) * 1000).toISOString(),
          actor: 'Kari Koordinator',
          os_user: 'kari',
          action: 'patient.open',
          entity: 'patient',
          entity_id: id % 5000,
          patient_id: id % 5000,
        };
        const hash = mac(entryMessage(prev, e));
        insert.run(id, e.at, e.actor, e.os_user, e.action, e.entity, e.entity_id, e.patient_id, prev, hash);
        prev = hash;
      }
    });
    while (id < entries) batch(Math.min(50_000, entries - id));
    const verify = async (full: boolean) => {
      const t = performance.now();
      const res = await core.dispatch('audit.verify', { full });
      const ms = performance.now() - t;
      if (!res.ok || !(res.value as { ok: boolean }).ok) throw new Error(`verify failed: ${JSON.stringify(res)}`);
      return ms;
    };
    const full = await verify(true);
    for (let i = 0; i < newSinceAnchor; i++) await core.dispatch('worklist.logSearch', {});
    const incremental = await verify(false);
    await core.close();
    return [
      { name: `audit verify, full chain (${entries.toLocaleString('en')} entries)`, size: null, medianMs: full, p95Ms: full, samples: 1 },
      {
        name: `audit verify, incremental (${entries.toLocaleString('en')} entries, ${newSinceAnchor} new since the last verified anchor)`,
        size: null,
        medianMs: incremental,
        p95Ms: incremental,
        samples: 1,
      },
    ];
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('audit-verify.ts')) {
  const n = Number(process.argv[2] ?? 1_000_000);
  console.log(JSON.stringify(await auditVerifyBench(n)));
}
