import type { Area, MethodName } from '../../../shared/contract';
import { isQueryMethod } from '../../../shared/contract/method-facts';

// The facts come from the generated table, not the contract's zod schemas: the start never loads zod for them.
export { isQueryMethod };

/** The area of a method ('noShow.recordAttempt' → 'noShow'); loaded views of that area refresh after a write. */
export function methodArea(name: MethodName): Area {
  return name.slice(0, name.indexOf('.')) as Area;
}

export type { Area };
