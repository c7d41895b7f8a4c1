import { seededDataDir } from './seeded-db';
for (const n of process.argv.slice(2).map(Number)) {
  const t = Date.now();
  const r = await seededDataDir(n);
  console.log(n, r.dataDir, r.seededMs, (Date.now() - t) / 1000);
}
