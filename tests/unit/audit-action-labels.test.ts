import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLAN_ITEM_KINDS } from '../../shared/contract/plans';
import { SETTABLE_STATUSES } from '../../shared/contract/appointments';
import { isKnownAuditAction } from '../../shared/domain/audit-log';
import { methodFacts, methodNames } from '../../shared/contract';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
}

describe('audit action texts', () => {
  it('every action the core logs has its own Norwegian text (the patient reads them in their access log)', () => {
    const codes = new Set<string>();
    for (const file of sources('electron/core')) {
      const text = readFileSync(file, 'utf8');
      if (!text.includes('appendAudit') && !text.includes('mutate(')) continue;
      // action: 'x.y', ternaries of literals, and the plan service's mutate(patientId, 'x.y', …)
      for (const m of text.matchAll(/action: ([^,}]+)/g)) for (const lit of m[1]!.matchAll(/'([a-zA-Z]+\.[a-zA-Z.]+)'/g)) codes.add(lit[1]!);
      for (const m of text.matchAll(/mutate(?:<[^>]*>)?\(\s*\w+,\s*'([a-zA-Z.]+)'/g)) codes.add(m[1]!);
    }
    for (const kind of PLAN_ITEM_KINDS) for (const verb of ['save', 'remove']) codes.add(`plan.${kind}.${verb}`);
    for (const status of SETTABLE_STATUSES) codes.add(`appointment.${status}`);
    // Audited reads declare their action in the contract's method facts.
    for (const m of methodNames) {
      const audit = methodFacts(m).audit;
      if (typeof audit === 'object') codes.add(audit.action);
    }
    expect(codes.size).toBeGreaterThan(60);
    expect([...codes].filter((c) => !isKnownAuditAction(c))).toEqual([]);
  });
});
