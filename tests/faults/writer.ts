/**
 * Crash-safety writer: opens the data directory through the production core and writes continuously
 * through the dispatcher, printing `TRY n` before and `ACK n` after each write the core acknowledged.
 * The parent kills it with SIGKILL at a random moment and checks that every ACK survived.
 * Usage: tsx tests/faults/writer.ts DATA_DIR FIRST_INDEX
 */
import { writeSync } from 'node:fs';
import { startCore } from '../../electron/core/app-core';
import { passphraseKeyStore } from '../../electron/core/crypto/keys';
import { referral } from '../fixtures/core';
import { syntheticId } from '../fixtures/trust';

const [dataDir, firstArg] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: writer.ts DATA_DIR FIRST_INDEX');
// Synchronous writes to fd 1: a line is out of this process before the next write starts.
const say = (line: string) => writeSync(1, `${line}\n`);

const masterKey = passphraseKeyStore(process.env.FORLOPSBENK_PASSPHRASE ?? 'test-passordfrase').load(dataDir);
const core = await startCore({ dataDir, masterKey, transport: 'browser', version: 'faults', demo: true });
say('READY');
for (let i = Number(firstArg ?? 0); ; i++) {
  say(`TRY ${i}`);
  const res = await core.dispatch('referrals.create', referral({ nationalId: syntheticId(i), name: `Krasj ${i}` }));
  if (!res.ok) {
    say(`ERR ${i} ${res.error.code}`);
    process.exit(1);
  }
  say(`ACK ${i}`);
}
