import { existsSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { writeSecureFile } from '../secure-fs';

/** Beside the database: how the last clean close left the file (its size and marked modification time). */
export const CLEAN_CLOSE_FILE = 'forlopsbenk-lukket.json';

interface Mark {
  size: string;
  mtimeNs: string;
}

function walEmpty(file: string): boolean {
  return !existsSync(`${file}-wal`) || statSync(`${file}-wal`).size === 0;
}

/**
 * After a clean close (the WAL checkpointed into the file and gone): gives the file a modification time with a
 * random sub-second part and records it. Any later write to the file — by this app after a crash, by a tool, by
 * damage — sets a new time from the clock, which never equals the marked one, so the start can tell
 * "exactly as we left it" from "changed since" without reading the file.
 */
export function markCleanClose(dataDir: string, file: string): void {
  try {
    if (!existsSync(file) || !walEmpty(file)) return;
    const st = statSync(file);
    utimesSync(file, st.atime, Math.floor(st.mtimeMs / 1000) + Math.random());
    const marked = statSync(file, { bigint: true });
    const mark: Mark = { size: String(marked.size), mtimeNs: String(marked.mtimeNs) };
    writeSecureFile(join(dataDir, CLEAN_CLOSE_FILE), JSON.stringify(mark));
  } catch {
    rmSync(join(dataDir, CLEAN_CLOSE_FILE), { force: true }); // no mark: the next start checks the whole file
  }
}

/**
 * Whether the file is exactly as the last clean close left it: same size, the marked modification time, no WAL
 * content. The mark invalidates itself: a session's first checkpoint writes the file (a new time), and a crash
 * before that leaves WAL content — either way the next start checks the file (quick_check). Nothing is written
 * here (a refused start leaves the folder as it was).
 */
export function closedCleanly(dataDir: string, file: string): boolean {
  const markFile = join(dataDir, CLEAN_CLOSE_FILE);
  if (!existsSync(markFile)) return false;
  try {
    const mark = JSON.parse(readFileSync(markFile, 'utf8')) as Mark;
    const st = statSync(file, { bigint: true });
    return walEmpty(file) && String(st.size) === mark.size && String(st.mtimeNs) === mark.mtimeNs;
  } catch {
    return false;
  }
}

/** Forgets the mark (a check after start found a problem): the next start runs the full check. */
export function forgetCleanClose(dataDir: string): void {
  rmSync(join(dataDir, CLEAN_CLOSE_FILE), { force: true });
}
