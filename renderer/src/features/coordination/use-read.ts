import type { Input, MethodName, Output } from '../../../../shared/contract';
import { useContractQuery } from '../../api/query';

/** One read for these sections: the cached query (api/query.ts) as value + Norwegian error message. */
export function useRead<M extends MethodName>(method: M, input: Input<M>): { value: Output<M> | null; error: string | null } {
  const q = useContractQuery(method, input);
  return { value: q.data ?? null, error: q.error?.message ?? null };
}
