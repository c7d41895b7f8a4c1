/**
 * A core that sets a PIN, misses it twice, locks, says LOCKED and waits to be killed: the restart test
 * SIGKILLs it (no close, no shutdown handler) and starts a new core on the same folder.
 */
import { writeSync } from 'node:fs';
import { startCore } from '../../electron/core/app-core';
import { testMasterKey } from '../fixtures/core';

const [dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: locker.ts DATA_DIR');
const core = await startCore({ dataDir, transport: 'browser', version: 'faults', demo: true, masterKey: testMasterKey(dataDir) });
const must = async (method: string, input: unknown, ok: boolean) => {
  const res = await core.dispatch(method, input);
  if (res.ok !== ok) throw new Error(`${method}: ${JSON.stringify(res)}`);
};
await must('lock.setPin', { pin: '4821' }, true);
await must('lock.lock', { reason: 'manual' }, true);
await must('lock.unlock', { pin: '0000' }, false);
await must('lock.unlock', { pin: '1111' }, false);
writeSync(1, 'LOCKED\n');
setInterval(() => {}, 1000);
