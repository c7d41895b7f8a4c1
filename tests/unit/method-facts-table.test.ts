import { describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../shared/contract';
import { isQueryMethod, methodFactsTable, writeAffects } from '../../shared/contract/method-facts';
import { INVALIDATED_BY, METHOD_KINDS } from '../../shared/contract/method-facts.generated';

// The renderer reads method facts from a generated table (so its start loads no zod). The table must say what
// the contract declares: after changing a method's kind or `invalidates`, run `npx tsx scripts/gen-method-facts.ts`.
describe('the generated method facts', () => {
  it('are the contract’s declared facts', () => {
    const table = methodFactsTable(contract);
    expect(METHOD_KINDS).toEqual(table.kinds);
    expect(INVALIDATED_BY).toEqual(table.invalidatedBy);
  });

  it('answer per method as the contract does', () => {
    for (const name of Object.keys(contract) as MethodName[]) expect(isQueryMethod(name), name).toBe(contract[name].facts.kind === 'query');
    expect(isQueryMethod('no.such')).toBe(false);
    expect(isQueryMethod('toString')).toBe(false);
  });

  it('an area with no writes refreshes only itself and the audit log', () => {
    expect(writeAffects('app', 'app')).toBe(true);
    expect(writeAffects('app', 'audit')).toBe(true);
    expect(writeAffects('app', 'worklist')).toBe(false);
    expect(writeAffects('constructor', 'worklist')).toBe(false);
  });
});
