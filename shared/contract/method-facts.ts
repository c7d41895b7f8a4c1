import { ALWAYS_INVALIDATED, type MethodFacts } from './method';
import { METHOD_KINDS, INVALIDATED_BY } from './method-facts.generated';

/**
 * The contract's method facts the renderer's start needs (is a method a read; what a write makes stale), as
 * plain data: the contract itself is zod schemas, and loading zod and every schema only to read these facts
 * cost the worklist's start about a third of its script (issue #14). The table is generated from the contract
 * (`npx tsx scripts/gen-method-facts.ts`); tests/unit/method-facts-table.test.ts fails when it is stale.
 */
export interface MethodFactsTable {
  /** Every method's kind. */
  kinds: Record<string, MethodFacts['kind']>;
  /** Per write area, the read areas its changes make stale: the union of its methods' `invalidates`, its own area and the audit log's. */
  invalidatedBy: Record<string, readonly string[] | '*'>;
}

/** The table from the contract's declared facts (what the generator writes and the test compares). */
export function methodFactsTable(methods: Record<string, { facts: MethodFacts }>): MethodFactsTable {
  const kinds: MethodFactsTable['kinds'] = {};
  const invalidatedBy = new Map<string, Set<string> | '*'>();
  for (const [name, { facts }] of Object.entries(methods)) {
    kinds[name] = facts.kind;
    if (facts.kind !== 'mutation') continue;
    const area = name.slice(0, name.indexOf('.'));
    const known = invalidatedBy.get(area) ?? new Set<string>([area, ...ALWAYS_INVALIDATED]);
    invalidatedBy.set(area, known === '*' || facts.invalidates === '*' ? '*' : new Set([...known, ...facts.invalidates]));
  }
  return { kinds, invalidatedBy: Object.fromEntries([...invalidatedBy].map(([area, v]) => [area, v === '*' ? v : [...v].sort()])) };
}

/** True for a method the contract declares a read; false for a write and for an unknown name. */
export function isQueryMethod(name: string): boolean {
  return Object.hasOwn(METHOD_KINDS, name) && METHOD_KINDS[name] === 'query';
}

/**
 * True when a successful write in `writeArea` can change what a read in `readArea` answers (from the
 * contract's `invalidates` facts; a write always changes its own area and the audit log). An unknown
 * change (pushed without an area) changes everything.
 */
export function writeAffects(writeArea: string | undefined, readArea: string): boolean {
  if (writeArea === undefined) return true;
  const affected = Object.hasOwn(INVALIDATED_BY, writeArea) ? INVALIDATED_BY[writeArea] : undefined;
  if (affected === undefined) return writeArea === readArea || ALWAYS_INVALIDATED.includes(readArea);
  return affected === '*' || affected.includes(readArea);
}

/** Every area named by an `invalidates` fact (for the test that they exist in the contract). */
export function affectingAreas(): string[] {
  return [...new Set(Object.values(INVALIDATED_BY).flatMap((v) => (v === '*' ? [] : v)))];
}
