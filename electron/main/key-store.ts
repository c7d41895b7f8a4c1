import { safeStorage } from 'electron';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KeyError, MASTER_KEY_BYTES, PASSPHRASE_FILE, keyFileKeyStore, passphraseKeyStore, type KeyStore } from '../core/crypto/keys';
import { secureDir, writeSecureFile } from '../core/secure-fs';

export const SAFE_STORAGE_FILE = 'forlopsbenk-nokkel.safestorage';

/**
 * Desktop: the random master key, encrypted by the operating system's key store through Electron's
 * safeStorage (Windows DPAPI, macOS Keychain, libsecret on Linux), kept in the data folder.
 */
export function safeStorageKeyStore(): KeyStore {
  return {
    kind: 'safe-storage',
    load(dataDir) {
      const file = join(dataDir, SAFE_STORAGE_FILE);
      if (existsSync(file)) {
        let hex: string;
        try {
          hex = safeStorage.decryptString(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'));
        } catch {
          throw new KeyError(
            'Nøkkelen til databasen kunne ikke låses opp av operativsystemets nøkkellager (annen bruker eller maskin?). Ingenting ble endret.',
          );
        }
        if (!/^[0-9a-f]{64}$/.test(hex)) throw new KeyError('Nøkkelfilen i datamappen er skadet. Ingenting ble endret.');
        return Buffer.from(hex, 'hex');
      }
      const master = randomBytes(MASTER_KEY_BYTES);
      secureDir(dataDir);
      writeSecureFile(file, safeStorage.encryptString(master.toString('hex')).toString('base64'));
      return master;
    },
  };
}

/**
 * Which store the desktop app uses: a key file named with --key-file; else a folder that already has a
 * passphrase file keeps it; else safeStorage when the OS offers it; else a passphrase (asked in a small window).
 */
export function chooseDesktopKeyStore(dataDir: string, argv: readonly string[], env: NodeJS.ProcessEnv): KeyStore | 'ask-passphrase' {
  const i = argv.indexOf('--key-file');
  if (i >= 0 && argv[i + 1]) return keyFileKeyStore(argv[i + 1]!);
  if (env.FORLOPSBENK_PASSPHRASE) return passphraseKeyStore(env.FORLOPSBENK_PASSPHRASE);
  if (existsSync(join(dataDir, PASSPHRASE_FILE))) return 'ask-passphrase';
  if (existsSync(join(dataDir, SAFE_STORAGE_FILE)) || safeStorage.isEncryptionAvailable()) return safeStorageKeyStore();
  return 'ask-passphrase';
}
