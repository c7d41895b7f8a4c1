// `npm run start:browser -- --data-dir DIR [--port N] [--demo]`: build what is missing, then run the bundled
// browser-mode server (electron/server/cli.ts, built by electron-vite as out/main/server.js).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, process.env.FORLOPSBENK_OUT_DIR ?? 'out');
const server = join(out, 'main', 'server.js');

if (!existsSync(server) || !existsSync(join(out, 'renderer', 'index.html'))) {
  console.error('Bygger Forløpsbenk (første gang)…');
  const built = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (built.status !== 0) {
    console.error('Byggingen feilet.');
    process.exit(1);
  }
}
await import(pathToFileURL(server).href);
