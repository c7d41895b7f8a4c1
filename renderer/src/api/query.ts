import { QueryClient, useMutation, useQuery, type UseQueryOptions } from '@tanstack/react-query';
import type { Input, MethodName, Output, RpcError } from '../../../shared/contract';
import { writeAffects } from '../../../shared/contract/method-facts';
import { call, onChanged } from './client';
import { methodArea } from './method-kind';

/** A failed contract call as a thrown value (TanStack Query wants a rejection); carries the envelope's error. */
export class ContractError extends Error implements RpcError {
  readonly code: RpcError['code'];
  readonly issues: RpcError['issues'];
  constructor(error: RpcError) {
    super(error.message);
    this.name = 'ContractError';
    this.code = error.code;
    this.issues = error.issues;
  }
}

export const queryClient = new QueryClient({
  defaultOptions: {
    // A call never throws over the wire; a failure is an answer (locked, not found), not a flaky network.
    queries: { retry: false, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});

/** The cache key of one read: the method and its input, nothing else. */
export function contractKey<M extends MethodName>(method: M, input: Input<M>): readonly [M, Input<M>] {
  return [method, input] as const;
}

/** Calls a method and unwraps its envelope: the value, or a thrown ContractError. */
export async function callOrThrow<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
  const res = await call(method, input);
  if (!res.ok) throw new ContractError(res.error);
  return res.value;
}

type QueryOpts<M extends MethodName> = Omit<UseQueryOptions<Output<M>, ContractError, Output<M>, readonly [M, Input<M>]>, 'queryKey' | 'queryFn'>;

/** One read method as a cached query; refreshed when a write that invalidates its area succeeds (the contract's `invalidates` facts). */
export function useContractQuery<M extends MethodName>(method: M, input: Input<M>, opts?: QueryOpts<M>) {
  return useQuery({ queryKey: contractKey(method, input), queryFn: () => callOrThrow(method, input), ...opts });
}

/**
 * One write method. `mutateAsync` resolves with the value or rejects with a ContractError (its `issues` go to
 * the form through field-errors.ts). On success the affected areas refresh (via the change notice in client.ts).
 */
export function useContractMutation<M extends MethodName>(method: M) {
  return useMutation<Output<M>, ContractError, Input<M>>({ mutationFn: (input) => callOrThrow(method, input) });
}

/** Refreshes the reads a write in `area` can change; `undefined` refreshes all. Inactive ones refetch when next shown. */
export function invalidateArea(area: string | undefined): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (q) => typeof q.queryKey[0] === 'string' && writeAffects(area, methodArea(q.queryKey[0] as MethodName)),
  });
}

// Every successful write, here or pushed from elsewhere, goes through one door.
onChanged((area) => void invalidateArea(area));
