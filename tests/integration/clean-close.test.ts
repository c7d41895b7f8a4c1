// oxlint-disable-next-line import/default -- the package's index.d.ts says `export =`, imported as default (esModuleInterop)
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { closeSync, existsSync, mkdtempSync, openSync, readSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { databaseFile } from '../../electron/core/data-dir';
import { CLEAN_CLOSE_FILE, closedCleanly } from '../../electron/core/db/clean-close';
import { READ_ONLY_NOTICE } from '../../electron/core/db/safe-start';
import { makeCore, openTestFile, referral, type TestCore } from '../fixtures/core';
import { syntheticId } from '../fixtures/trust';

const dirs: string[] = [];
const cores: TestCore[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const c of cores.splice(0)) await c.dispose().catch(() => {});
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function start(dataDir: string): Promise<TestCore> {
  const c = await makeCore({ dataDir });
  cores.push(c);
  return c;
}

/** A folder with one patient, closed by the app. */
async function closedFolder(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'forlopsbenk-clean-'));
  dirs.push(dir);
  const c = await makeCore({ dataDir: dir });
  await c.ok('referrals.create', referral({ nationalId: syntheticId(1) }));
  await c.close();
  return dir;
}

/** Counts whole-file quick_checks run from here on (the pragma on any better-sqlite3 connection). */
function countQuickChecks(): () => number {
  const spy = vi.spyOn(BetterSqlite3.prototype, 'pragma');
  return () => spy.mock.calls.filter(([p]) => String(p).startsWith('quick_check')).length;
}

/** Rewrites one byte with its own value: the content stays, the file was written. */
function touchInPlace(file: string): void {
  const fd = openSync(file, 'r+');
  const b = Buffer.alloc(1);
  readSync(fd, b, 0, 1, 100);
  writeSync(fd, b, 0, 1, 100);
  closeSync(fd);
}

describe('a start after a clean close', () => {
  it('skips the whole-file check when the file is exactly as the app left it, and runs it after any write to the file', async () => {
    const dir = await closedFolder();
    const live = databaseFile(dir);
    expect(existsSync(join(dir, CLEAN_CLOSE_FILE))).toBe(true);
    expect(closedCleanly(dir, live)).toBe(true);

    const checks = countQuickChecks();
    const first = await start(dir);
    expect(checks()).toBe(0);
    expect((await first.ok('worklist.list', {})).total).toBe(1);
    await first.ok('referrals.create', referral({ nationalId: syntheticId(2) }));
    await first.close();
    cores.splice(0);

    // Written outside the app after the close (same content, same size): the mark no longer holds.
    touchInPlace(live);
    expect(closedCleanly(dir, live)).toBe(false);
    const second = await start(dir);
    expect(checks()).toBe(1);
    expect(second.handle.readonly).toBe(false);
  });

  it('a crash (content left in the WAL) is not a clean close', async () => {
    const dir = await closedFolder();
    const live = databaseFile(dir);
    expect(closedCleanly(dir, live)).toBe(true);
    writeFileSync(`${live}-wal`, Buffer.alloc(32, 1));
    expect(closedCleanly(dir, live)).toBe(false);
  });

  it('damage after a clean close is still found at start: opened read-only, and again at the next start', async () => {
    const dir = await closedFolder();
    const live = databaseFile(dir);
    const db = openTestFile(dir, live, { readonly: true });
    const { rootpage } = db.prepare("select rootpage from sqlite_master where name = 'patient'").get() as { rootpage: number };
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    const fd = openSync(live, 'r+');
    writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, (rootpage - 1) * pageSize + 2048);
    closeSync(fd);

    const c = await start(dir);
    expect(c.handle.readonly).toBe(true);
    expect((await c.ok('app.info', {})).notices).toContain(READ_ONLY_NOTICE);
    await c.close();
    cores.splice(0);
    expect(existsSync(join(dir, CLEAN_CLOSE_FILE))).toBe(false); // a read-only (damaged) file is never marked
    const again = await start(dir);
    expect(again.handle.readonly).toBe(true);
  });
});
