// npm run key -- --data-dir DIR --export-key FIL        writes the folder's key to FIL (0600; refuses an existing file)
// npm run key -- --data-dir DIR --change-passphrase     new passphrase (FORLOPSBENK_NEW_PASSPHRASE, else asked twice)
// The current secret comes as for browser mode: --key-file, FORLOPSBENK_PASSPHRASE, or asked on the terminal.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { askHidden, masterKeyFromEnvironment } from '../electron/core/crypto/key-source';
import { changePassphrase, KeyError } from '../electron/core/crypto/keys';
import { resolveDataDir } from '../electron/core/data-dir';
import { startupErrorMessage } from '../electron/core/storage-errors';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const dir = resolveDataDir(process.argv, process.env);
  const exportTo = arg('--export-key');
  const change = process.argv.includes('--change-passphrase');
  if (!dir || (!exportTo && !change)) {
    console.error('Bruk: npm run key -- --data-dir MAPPE (--export-key FIL | --change-passphrase)');
    process.exit(2);
  }
  const dataDir = resolve(dir);
  if (exportTo) {
    const { key } = await masterKeyFromEnvironment(dataDir, process.argv, process.env);
    try {
      writeFileSync(exportTo, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    } catch {
      throw new KeyError('Kunne ikke skrive nøkkelfilen (finnes den fra før?). Ingenting ble skrevet.');
    }
    console.log(`Nøkkelen er skrevet til ${exportTo}. Oppbevar den trygt: den åpner alle data i mappen. Bruk den med --key-file.`);
  }
  if (change) {
    const old = process.env.FORLOPSBENK_PASSPHRASE ?? (await askHidden('Nåværende passordfrase: '));
    let next = process.env.FORLOPSBENK_NEW_PASSPHRASE;
    if (!next) {
      next = await askHidden('Ny passordfrase: ');
      if ((await askHidden('Gjenta ny passordfrase: ')) !== next) throw new KeyError('Passordfrasene var ikke like. Ingenting ble endret.');
    }
    changePassphrase(dataDir, old, next);
    console.log('Passordfrasen er endret. Dataene er de samme; den gamle passordfrasen virker ikke lenger.');
  }
}

main().catch((e: unknown) => {
  console.error(startupErrorMessage(e));
  process.exit(1);
});
