import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { databaseFile } from '../data-dir';
import { isPlainSqlite } from '../db/plain-sqlite';
import { KeyError, PASSPHRASE_FILE, keyFileKeyStore, passphraseKeyStore, type KeyStore } from './keys';

/**
 * Browser mode and scripts: `--key-file PATH` wins, then FORLOPSBENK_PASSPHRASE (for automation, like
 * PGPASSWORD), then the passphrase is asked on the terminal without echo.
 */
export async function masterKeyFromEnvironment(
  dataDir: string,
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<{ key: Buffer; store: KeyStore['kind'] }> {
  const store = await keyStoreFromEnvironment(dataDir, argv, env);
  return { key: store.load(dataDir), store: store.kind };
}

export async function keyStoreFromEnvironment(dataDir: string, argv: readonly string[], env: NodeJS.ProcessEnv): Promise<KeyStore> {
  const i = argv.indexOf('--key-file');
  const keyFile = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--key-file='))?.slice('--key-file='.length);
  if (keyFile) return keyFileKeyStore(keyFile);
  if (env.FORLOPSBENK_PASSPHRASE) return passphraseKeyStore(env.FORLOPSBENK_PASSPHRASE);
  // No wrapped key yet and no encrypted database: the passphrase is being chosen (a new folder, or a plain one from before).
  const fresh = !existsSync(join(dataDir, PASSPHRASE_FILE)) && (!existsSync(databaseFile(dataDir)) || isPlainSqlite(databaseFile(dataDir)));
  const first = await askHidden(fresh ? 'Velg en passordfrase for den nye datamappen: ' : 'Passordfrase for Forløpsbenk: ');
  if (fresh) {
    const again = await askHidden('Gjenta passordfrasen: ');
    if (again !== first) throw new KeyError('Passordfrasene var ikke like. Ingenting ble opprettet.');
  }
  return passphraseKeyStore(first);
}

/** Reads one line from the terminal without showing it. */
export function askHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    return Promise.reject(new KeyError('Oppgi passordfrasen i miljøvariabelen FORLOPSBENK_PASSPHRASE, eller en nøkkelfil med --key-file FIL.'));
  }
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let text = '';
    const done = () => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const c of chunk) {
        if (c === '\r' || c === '\n' || c === '\u0004') {
          done();
          resolve(text);
          return;
        }
        if (c === '\u0003') {
          done();
          reject(new KeyError('Avbrutt.'));
          return;
        }
        if (c === '\u007f' || c === '\b') text = text.slice(0, -1);
        else text += c;
      }
    };
    stdin.on('data', onData);
  });
}
