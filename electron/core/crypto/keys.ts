import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { secureDir, writeSecureFile } from '../secure-fs';

/**
 * Keys for encryption at rest. One random 256-bit master key per data folder; every use gets its own
 * subkey (HKDF-SHA256), so the database key and the audit-chain HMAC key never coincide.
 * The master key is never stored in the clear: a key store wraps it (Electron safeStorage on the
 * desktop, a passphrase-derived key elsewhere) or the user keeps it in a key file they name.
 */
export type KeyPurpose = 'database' | 'audit-chain';

export const MASTER_KEY_BYTES = 32;

export function deriveSubkey(master: Buffer, purpose: KeyPurpose): Buffer {
  if (master.length !== MASTER_KEY_BYTES) throw new Error('master key must be 256 bits');
  return Buffer.from(hkdfSync('sha256', master, Buffer.from('forlopsbenk-v1'), Buffer.from(purpose), 32));
}

/** Where a master key comes from. `load` creates one on a fresh folder and refuses a wrong secret. */
export interface KeyStore {
  readonly kind: 'safe-storage' | 'passphrase' | 'key-file';
  load(dataDir: string): Buffer;
}

/** A refused key or passphrase: nothing was changed. Norwegian, never echoes the secret. */
export class KeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyError';
  }
}

export const PASSPHRASE_FILE = 'forlopsbenk-nokkel.json';
export const MIN_PASSPHRASE_LENGTH = 8;

interface WrappedKeyFile {
  version: 1;
  kdf: 'scrypt';
  n: number;
  r: number;
  p: number;
  salt: string;
  iv: string;
  tag: string;
  wrapped: string;
}

const SCRYPT = { n: 1 << 15, r: 8, p: 1 };

function kekFrom(passphrase: string, f: Pick<WrappedKeyFile, 'n' | 'r' | 'p' | 'salt'>): Buffer {
  return scryptSync(passphrase.normalize('NFC'), Buffer.from(f.salt, 'base64'), 32, { N: f.n, r: f.r, p: f.p, maxmem: 256 * f.n * f.r });
}

/** AES-256-GCM: the tag authenticates the wrap, so a wrong passphrase is told apart from a right one. */
export function wrapMasterKey(master: Buffer, passphrase: string): WrappedKeyFile {
  const salt = randomBytes(16).toString('base64');
  const kek = kekFrom(passphrase, { ...SCRYPT, salt });
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from('forlopsbenk-master-key'));
  const wrapped = Buffer.concat([cipher.update(master), cipher.final()]);
  return {
    version: 1,
    kdf: 'scrypt',
    ...SCRYPT,
    salt,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    wrapped: wrapped.toString('base64'),
  };
}

export function unwrapMasterKey(f: WrappedKeyFile, passphrase: string): Buffer {
  const kek = kekFrom(passphrase, f);
  const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(f.iv, 'base64'));
  decipher.setAAD(Buffer.from('forlopsbenk-master-key'));
  decipher.setAuthTag(Buffer.from(f.tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(f.wrapped, 'base64')), decipher.final()]);
  } catch {
    throw new KeyError('Feil passordfrase. Ingenting ble endret. Prøv igjen, eller bruk nøkkelfilen.');
  }
}

function readWrapped(file: string): WrappedKeyFile {
  try {
    const f = JSON.parse(readFileSync(file, 'utf8')) as WrappedKeyFile;
    if (f.version !== 1 || f.kdf !== 'scrypt' || typeof f.wrapped !== 'string') throw new Error('shape');
    return f;
  } catch {
    throw new KeyError(`Nøkkelfilen ${PASSPHRASE_FILE} i datamappen er skadet. Ingenting ble endret.`);
  }
}

/** Passphrase → scrypt (random salt, stored in a small plain JSON file) → key that wraps the random master key. */
export function passphraseKeyStore(passphrase: string): KeyStore {
  return {
    kind: 'passphrase',
    load(dataDir) {
      const file = join(dataDir, PASSPHRASE_FILE);
      if (existsSync(file)) return unwrapMasterKey(readWrapped(file), passphrase);
      secureDir(dataDir);
      if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
        throw new KeyError(`Passordfrasen må ha minst ${MIN_PASSPHRASE_LENGTH} tegn.`);
      }
      const master = randomBytes(MASTER_KEY_BYTES);
      writeSecureFile(file, `${JSON.stringify(wrapMasterKey(master, passphrase), null, 2)}\n`);
      return master;
    },
  };
}

/** Changes the passphrase: the master key (and so the data) stays the same. */
export function changePassphrase(dataDir: string, oldPassphrase: string, newPassphrase: string): void {
  const file = join(dataDir, PASSPHRASE_FILE);
  const master = unwrapMasterKey(readWrapped(file), oldPassphrase);
  if (newPassphrase.length < MIN_PASSPHRASE_LENGTH) throw new KeyError(`Passordfrasen må ha minst ${MIN_PASSPHRASE_LENGTH} tegn.`);
  writeSecureFile(file, `${JSON.stringify(wrapMasterKey(master, newPassphrase), null, 2)}\n`);
}

/** Key check stored beside the data: tells a wrong key file apart from a damaged database. */
export const KEY_CHECK_FILE = 'forlopsbenk-nokkelsjekk.txt';

export function keyCheckValue(master: Buffer): string {
  return Buffer.from(hkdfSync('sha256', master, Buffer.from('forlopsbenk-v1'), Buffer.from('key-check'), 16)).toString('hex');
}

/** The master key itself, 64 hex characters, in a file only its owner can read. */
export function keyFileKeyStore(path: string): KeyStore {
  return {
    kind: 'key-file',
    load(dataDir) {
      let text: string;
      try {
        const st = statSync(path);
        if (process.platform !== 'win32' && (st.mode & 0o077) !== 0) {
          throw new KeyError('Nøkkelfilen kan leses av andre enn deg. Gjør den privat (chmod 600) og prøv igjen.');
        }
        text = readFileSync(path, 'utf8').trim();
      } catch (e) {
        if (e instanceof KeyError) throw e;
        throw new KeyError('Fant ikke nøkkelfilen, eller den kunne ikke leses.');
      }
      if (!/^[0-9a-fA-F]{64}$/.test(text)) throw new KeyError('Nøkkelfilen skal inneholde nøyaktig 64 heksadesimale tegn (256 bit).');
      const master = Buffer.from(text, 'hex');
      const check = join(dataDir, KEY_CHECK_FILE);
      const expected = keyCheckValue(master);
      if (existsSync(check)) {
        const stored = Buffer.from(readFileSync(check, 'utf8').trim());
        if (stored.length !== expected.length || !timingSafeEqual(stored, Buffer.from(expected))) {
          throw new KeyError('Nøkkelfilen passer ikke til denne datamappen. Ingenting ble endret.');
        }
      } else {
        secureDir(dataDir);
        writeSecureFile(check, `${expected}\n`);
      }
      return master;
    },
  };
}

/** A new key for a key file (`npm run seed -- --new-key-file PATH` and tests). */
export function newKeyFileText(): string {
  return `${randomBytes(MASTER_KEY_BYTES).toString('hex')}\n`;
}
