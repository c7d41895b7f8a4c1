// `npm run start:browser -- --data-dir DIR [--port N] [--demo]`: build what is missing, then run the bundled
// browser-mode server (electron/server/cli.ts, built by electron-vite as out/main/server.js).
import { existsSync } from 'node:fs';
import { enableCompileCache } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, process.env.FORLOPSBENK_OUT_DIR ?? 'out');
const server = join(out, 'main', 'server.js');

if (!existsSync(server) || !existsSync(join(out, 'renderer', 'index.html'))) {
  console.error('Bygger Forløpsbenk (første gang)…');
  // Loaded only to build: node:child_process is not free to load on every start.
  const { spawnSync } = await import('node:child_process');
  const built = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (built.status !== 0) {
    console.error('Byggingen feilet.');
    process.exit(1);
  }
}
// V8's compiled code for the bundle, kept on disk between starts (in the system's temp folder, keyed by the
// files' contents): a start after the first skips compiling about 1.7 MB of JavaScript.
enableCompileCache();
await import(pathToFileURL(server).href);
