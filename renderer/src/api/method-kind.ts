import { contract, isMethodName, methodArea as areaOf, type Area, type MethodName } from '../../../shared/contract';

/**
 * What the renderer needs to know about a method, read from the contract's declared facts (never guessed
 * from its name): whether it only reads, and which area's views a successful write makes stale.
 */
export function isQueryMethod(name: string): boolean {
  return isMethodName(name) && contract[name].facts.kind === 'query';
}

/** The area of a method ('noShow.recordAttempt' → 'noShow'); loaded views of that area refresh after a write. */
export function methodArea(name: MethodName): Area {
  return areaOf(name);
}

export type { Area };
