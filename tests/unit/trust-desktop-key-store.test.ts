import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { PASSPHRASE_FILE, passphraseKeyStore } from '../../electron/core/crypto/keys';

// A stand-in safeStorage: "encrypts" by XOR with a per-run secret, like an OS key store only this user can undo.
const os = vi.hoisted(() => ({ available: true, secret: 0x5a }));
vi.mock('electron', () => ({
  safeStorage: {
    isEncryptionAvailable: () => os.available,
    encryptString: (s: string) => Buffer.from([...Buffer.from(s, 'utf8')].map((b) => b ^ os.secret)),
    decryptString: (b: Buffer) => {
      const out = Buffer.from([...b].map((x) => x ^ os.secret)).toString('utf8');
      if (!/^[0-9a-f]*$/.test(out)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return out;
    },
  },
}));

const { chooseDesktopKeyStore, safeStorageKeyStore, SAFE_STORAGE_FILE } = await import('../../electron/main/key-store');

describe('desktop key store', () => {
  it('safeStorage wraps a random 256-bit key kept in the data folder (0600), never in the clear', () => {
    const dir = mkdtempSync(join(tmpdir(), 'forlopsbenk-ss-'));
    const key = safeStorageKeyStore().load(dir);
    expect(key).toHaveLength(32);
    const stored = readFileSync(join(dir, SAFE_STORAGE_FILE), 'utf8');
    expect(stored).not.toContain(key.toString('hex'));
    if (process.platform !== 'win32') expect(statSync(join(dir, SAFE_STORAGE_FILE)).mode & 0o777).toBe(0o600);
    expect(safeStorageKeyStore().load(dir).equals(key)).toBe(true);
    // Another user (another OS secret) cannot unwrap it: a Norwegian refusal, nothing changed.
    os.secret = 0x33;
    expect(() => safeStorageKeyStore().load(dir)).toThrow(/operativsystemets nøkkellager/);
    os.secret = 0x5a;
    expect(readFileSync(join(dir, SAFE_STORAGE_FILE), 'utf8')).toBe(stored);
  });

  it('chooses safeStorage when available, a passphrase where it is not or where the folder already has one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'forlopsbenk-choose-'));
    os.available = true;
    expect(chooseDesktopKeyStore(dir, [], {})).toMatchObject({ kind: 'safe-storage' });
    os.available = false;
    expect(chooseDesktopKeyStore(dir, [], {})).toBe('ask-passphrase');
    expect(chooseDesktopKeyStore(dir, [], { FORLOPSBENK_PASSPHRASE: 'en-lang-frase' })).toMatchObject({ kind: 'passphrase' });
    const withPass = mkdtempSync(join(tmpdir(), 'forlopsbenk-choose-p-'));
    passphraseKeyStore('en-lang-frase').load(withPass);
    os.available = true;
    expect(chooseDesktopKeyStore(withPass, [], {})).toBe('ask-passphrase');
    const keyFile = join(dir, 'k');
    writeFileSync(keyFile, 'ab'.repeat(32), { mode: 0o600 });
    expect(chooseDesktopKeyStore(dir, ['--key-file', keyFile], {})).toMatchObject({ kind: 'key-file' });
    expect(JSON.parse(readFileSync(join(withPass, PASSPHRASE_FILE), 'utf8'))).toMatchObject({ kdf: 'scrypt', version: 1 });
  });
});
