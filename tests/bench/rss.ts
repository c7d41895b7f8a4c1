// Memory of a process shaped like the app's main process: core opened, worklist loaded. Prints RSS in bytes.
import { openBenchCore } from './seeded-db';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: rss.ts DATA_DIR');
const core = await openBenchCore(dataDir);
for (let offset = 0; offset < 1000; offset += 200) await core.dispatch('worklist.list', { offset, limit: 200 });
globalThis.gc?.();
process.stdout.write(`${process.memoryUsage().rss}\n`);
await core.close();
