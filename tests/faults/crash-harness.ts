import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { AuditChain } from '../../electron/core/audit-chain';
import { testAuditKey } from '../fixtures/core';
import { databaseFile } from '../../electron/core/data-dir';
import { openDatabase } from '../../electron/core/db/open';
import { testDatabaseKey } from '../fixtures/core';
import { syntheticId } from '../fixtures/trust';

export interface CrashReport {
  kills: number;
  writesAcknowledged: number;
  writesChecked: number;
  failures: string[];
}

const ROOT = join(import.meta.dirname, '../..');

/** Starts the writer, lets it write for a random moment, SIGKILLs it; returns what it acknowledged. */
function killOnce(dataDir: string, first: number, random: () => number): Promise<{ acked: number[]; lastTried: number }> {
  return new Promise((resolve, reject) => {
    // `node --import tsx`, not the tsx CLI: that runs the script in a grandchild which SIGKILL would miss.
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/faults/writer.ts'), dataDir, String(first)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: number[] = [];
    let lastTried = first - 1;
    let buffer = '';
    let stderr = '';
    let tail = '';
    let armed = false;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      tail = (tail + d.toString()).slice(-300);
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const [kind, n] = line.split(' ');
        if (kind === 'ACK') acked.push(Number(n));
        if (kind === 'TRY') lastTried = Number(n);
        // Kill at a random moment once writing has begun: mid-transaction, mid-fsync, between writes.
        if (kind === 'READY' && !armed) {
          armed = true;
          setTimeout(() => child.kill('SIGKILL'), Math.floor(random() * 400));
        }
      }
    });
    child.on('close', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer ended on its own (${code}): ${tail} ${stderr.slice(0, 500)}`));
      else resolve({ acked, lastTried });
    });
  });
}

/** Mulberry32: a seeded generator, so a failing run can be repeated with the same kill moments. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Kills the writer `kills` times. After each kill: the file opens, integrity_check is ok, the audit chain
 * holds, and every write acknowledged in any round so far is present.
 */
export async function runCrashRounds(dataDir: string, kills: number, seed: number): Promise<CrashReport> {
  const random = seeded(seed);
  const allAcked: number[] = [];
  const failures: string[] = [];
  let next = 0;
  let writesChecked = 0;
  for (let round = 0; round < kills; round++) {
    const { acked, lastTried } = await killOnce(dataDir, next, random);
    allAcked.push(...acked);
    next = lastTried + 1;
    const handle = openDatabase(databaseFile(dataDir), { key: testDatabaseKey(dataDir) });
    try {
      const integrity = handle.sqlite.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') failures.push(`round ${round}: integrity_check ${String(integrity)}`);
      const present = new Set((handle.sqlite.prepare('select national_id from patient').all() as { national_id: string }[]).map((r) => r.national_id));
      for (const n of allAcked) {
        writesChecked++;
        if (!present.has(syntheticId(n))) failures.push(`round ${round}: acknowledged write ${n} missing`);
      }
      const chain = new AuditChain(dataDir, testAuditKey(dataDir)).verify(handle.sqlite, { full: true });
      if (!chain.ok) failures.push(`round ${round}: audit chain broken at ${chain.brokenAt}`);
    } finally {
      await handle.close();
    }
  }
  return { kills, writesAcknowledged: allAcked.length, writesChecked, failures };
}
