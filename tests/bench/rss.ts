// Memory of a process shaped like the app's main process after a scripted session of real use — the whole
// worklist paged through, the search's caseload loaded as the renderer loads it, searches typed a letter at a
// time, patients opened — with no forced GC.
// Prints RSS in bytes.
import { openBenchCore } from './seeded-db';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: rss.ts DATA_DIR');
const core = await openBenchCore(dataDir);
const call = async (m: string, input: unknown) => {
  const res = await core.dispatch(m, input);
  if (!res.ok) throw new Error(`${m}: ${res.error.code}`);
  return res.value as { rows: { patientId: number }[]; after?: unknown };
};
const patients: number[] = [];
for (let after: unknown = null; ; ) {
  const page = await call('worklist.list', { limit: 200, ...(after ? { after } : {}) });
  patients.push(...page.rows.map((r) => r.patientId));
  if (!page.after) break;
  after = page.after;
}
// The renderer's search: the open caseload's keys, then its rows by id in batches of 500 (local-search.ts).
const keys = (await call('worklist.searchKeys', {})) as unknown as { keys: [number][] };
const ids = keys.keys.map((k) => k[0]);
for (let at = 0; at < ids.length; at += 500) await call('worklist.list', { pathwayIds: ids.slice(at, at + 500), limit: 500 });
for (const word of ['hansen', 'olsen', 'kari', 'nilsen', 'berg', '0101']) {
  for (let i = 1; i <= word.length; i++) await call('worklist.list', { search: word.slice(0, i), limit: 100 });
  await call('worklist.logSearch', {});
}
for (const id of patients.slice(0, 50)) {
  await call('patients.get', { id });
  await call('pathways.getForPatient', { patientId: id });
}
process.stdout.write(`${process.memoryUsage().rss}\n`);
await core.close();
