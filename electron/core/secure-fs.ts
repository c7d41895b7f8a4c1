import { chmodSync, mkdirSync, writeFileSync, renameSync } from 'node:fs';

/** Folders holding health data: owner only (0700). No-op on Windows, where ACLs of the profile apply. */
export function secureDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodQuiet(dir, 0o700);
}

/** Files holding health data or keys: owner read/write only (0600). */
export function secureFile(file: string): void {
  chmodQuiet(file, 0o600);
}

/** Writes a small file atomically with 0600 from its first byte. */
export function writeSecureFile(file: string, text: string): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  chmodQuiet(tmp, 0o600);
  renameSync(tmp, file);
}

function chmodQuiet(path: string, mode: number): void {
  if (process.platform === 'win32') return;
  try {
    chmodSync(path, mode);
  } catch {
    // Missing (a -wal that was checkpointed away) or not ours: nothing to tighten.
  }
}
