import { describe, expect, it } from 'vitest';
import { contract, methodArea, methodFacts, methodNames, type MethodName } from '../../shared/contract';
import { ALLOWED_WHILE_LOCKED, UNGATED_METHODS } from '../../electron/core/trust-runtime';
import { isQueryMethod, methodArea as rendererArea } from '../../renderer/src/api/method-kind';

describe('method facts in the contract', () => {
  it('every method declares kind, lock and audit, and the pairs make sense', () => {
    expect(methodNames.length).toBeGreaterThan(100);
    for (const name of methodNames) {
      const f = methodFacts(name);
      expect(['query', 'mutation'], name).toContain(f.kind);
      expect(typeof f.whileLocked, name).toBe('boolean');
      expect(typeof f.whileRestoring, name).toBe('boolean');
      // A query never writes; a mutation records inside its own transaction (or not at all), never as a read.
      if (f.kind === 'query') expect(f.audit, name).not.toBe('write');
      else expect(['write', 'none'], name).toContain(f.audit);
      if (typeof f.audit === 'object') {
        expect(['open', 'search', 'print', 'export', 'reveal'], name).toContain(f.audit.read);
        expect(f.audit.action, name).toMatch(/^[a-zA-Z]+(\.[a-zA-Z]+)+$/);
      }
    }
  });

  it('files exports, prints and the retention preview as queries (the old name regex called them writes)', () => {
    const oldGuess = (m: string) => /\.(get|list|info|reveal|status|verify|restoreProgress)/.test(m);
    for (const m of ['audit.exportCsv', 'audit.printPatient', 'retention.preview'] as const) {
      expect(oldGuess(m), m).toBe(false);
      expect(methodFacts(m).kind, m).toBe('query');
      expect(isQueryMethod(m), m).toBe(true);
    }
    expect(methodFacts('audit.exportCsv').audit).toEqual({ read: 'export', action: 'audit.exportCsv', entity: 'audit' });
    expect(methodFacts('retention.preview').audit).toBe('none');
  });

  it('the renderer helper agrees with the contract for every method, and knows no other name', () => {
    for (const name of methodNames) {
      expect(isQueryMethod(name), name).toBe(contract[name].facts.kind === 'query');
      expect(rendererArea(name)).toBe(name.split('.')[0]);
    }
    expect(isQueryMethod('toString')).toBe(false);
    expect(isQueryMethod('noShow.nope')).toBe(false);
    expect(methodArea('noShow.recordAttempt')).toBe('noShow');
  });

  it('derives the lock and restore gates from the facts (same sets as before #12, plus the daily backup progress of #14 and the store status of #15)', () => {
    expect([...ALLOWED_WHILE_LOCKED].sort()).toEqual([
      'app.info',
      'backups.dailyProgress',
      'backups.restoreProgress',
      'lock.status',
      'lock.unlock',
      'store.status',
    ]);
    expect([...UNGATED_METHODS]).toEqual(['backups.restoreProgress']);
    // Nothing that shows patient data is allowed while locked.
    for (const m of ALLOWED_WHILE_LOCKED) expect(typeof methodFacts(m as MethodName).audit, m).not.toBe('object');
  });
});
