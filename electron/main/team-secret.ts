import { safeStorage } from 'electron';
import { AppError } from '../../shared/contract';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { secureDir, writeSecureFile } from '../core/secure-fs';
import type { SecretStore } from '../core/store-settings';

export const TEAM_SECRET_FILE = 'teamlager-passord.safestorage';

/**
 * The team store password, encrypted by the operating system's key store through Electron safeStorage
 * (DPAPI, Keychain, libsecret); only the encrypted form is on disk. Without an OS key store nothing is kept:
 * the person is told to ask IT for a client certificate or to use browser mode with PGPASSWORD.
 */
export function safeStorageSecrets(dataDir: string): SecretStore {
  const file = join(dataDir, TEAM_SECRET_FILE);
  return {
    save(value) {
      if (!safeStorage.isEncryptionAvailable()) {
        throw new AppError(
          'invalid_input',
          'Operativsystemets nøkkellager er ikke tilgjengelig, så passordet kan ikke lagres trygt. Be IT om et klientsertifikat, eller bruk nettlesermodus med PGPASSWORD.',
        );
      }
      secureDir(dataDir);
      writeSecureFile(file, safeStorage.encryptString(value).toString('base64'));
    },
    load() {
      if (!existsSync(file)) return null;
      try {
        return safeStorage.decryptString(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'));
      } catch {
        return null;
      }
    },
    remove() {
      rmSync(file, { force: true });
    },
  };
}
