import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { idleCheckpoint } from '../../electron/core/db/idle-checkpoint';

function fakeFile() {
  return { open: true, readonly: false, inTransaction: false, pragma: vi.fn<(source: string) => unknown>() };
}

describe('idle checkpoint', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('copies the WAL once the calls pause, not after each call', () => {
    const file = fakeFile();
    const cp = idleCheckpoint(() => file, 1000);
    cp.afterCall();
    vi.advanceTimersByTime(600);
    cp.afterCall(); // a second call within the pause starts it again
    vi.advanceTimersByTime(600);
    expect(file.pragma).not.toHaveBeenCalled();
    vi.advanceTimersByTime(400);
    expect(file.pragma).toHaveBeenCalledTimes(1);
    expect(file.pragma).toHaveBeenCalledWith('wal_checkpoint(PASSIVE)');
  });

  it('waits for an open transaction to end, and never touches a read-only, closed or stopped file', () => {
    const file = fakeFile();
    const cp = idleCheckpoint(() => file, 1000);
    file.inTransaction = true;
    cp.afterCall();
    vi.advanceTimersByTime(1000);
    expect(file.pragma).not.toHaveBeenCalled();
    file.inTransaction = false;
    vi.advanceTimersByTime(1000);
    expect(file.pragma).toHaveBeenCalledTimes(1);

    for (const other of [
      { ...fakeFile(), readonly: true },
      { ...fakeFile(), open: false },
    ]) {
      const c = idleCheckpoint(() => other, 1000);
      c.afterCall();
      vi.advanceTimersByTime(2000);
      expect(other.pragma).not.toHaveBeenCalled();
    }
    const stopped = fakeFile();
    const s = idleCheckpoint(() => stopped, 1000);
    s.afterCall();
    s.stop();
    vi.advanceTimersByTime(2000);
    expect(stopped.pragma).not.toHaveBeenCalled();
  });

  it('a failing checkpoint (a busy file) is left to the next pause, never thrown into the app', () => {
    const file = {
      ...fakeFile(),
      pragma: vi.fn<(source: string) => unknown>(() => {
        throw new Error('SQLITE_BUSY');
      }),
    };
    const cp = idleCheckpoint(() => file, 1000);
    cp.afterCall();
    expect(() => vi.advanceTimersByTime(1000)).not.toThrow();
    expect(file.pragma).toHaveBeenCalledTimes(1);
  });
});
