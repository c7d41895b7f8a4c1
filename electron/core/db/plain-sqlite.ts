// Its own module: the browser-mode server reads it before it listens, without loading the database code.
import { closeSync, openSync, readSync } from 'node:fs';

const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** A plain (unencrypted) SQLite file starts with this header; an encrypted one looks like noise. */
export function isPlainSqlite(file: string): boolean {
  let fd: number | null = null;
  try {
    fd = openSync(file, 'r');
    const head = Buffer.alloc(16);
    return readSync(fd, head, 0, 16, 0) === 16 && head.equals(PLAIN_HEADER);
  } catch {
    return false;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
