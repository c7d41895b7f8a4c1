// `npm start`: build what is missing, make sure the Electron runtime is there (it downloads on first use),
// then launch the desktop app. Where the runtime cannot be downloaded, say so and point to browser mode.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

if (!existsSync(join(root, 'out', 'main', 'index.js')) || !existsSync(join(root, 'out', 'renderer', 'index.html'))) {
  const built = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

let electronPath;
try {
  electronPath = require('electron'); // resolves the runtime, downloading it on first use
  if (typeof electronPath !== 'string' || !existsSync(electronPath)) throw new Error('missing');
} catch {
  console.error(
    '\nElectron-kjøretiden mangler og kunne ikke lastes ned på denne maskinen.\n' +
      'Start Forløpsbenk i nettlesermodus i stedet:\n\n' +
      '  npm run start:browser -- --data-dir <mappe>\n\n' +
      '(The Electron runtime is missing and could not be downloaded here. Use browser mode: npm run start:browser -- --data-dir DIR)\n',
  );
  process.exit(1);
}

const child = spawn(electronPath, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
