import { useEffect, useState } from 'react';
import type { Input, MethodName, Output } from '../../../shared/contract';
import { call, onChanged } from './client';

export interface QueryState<T> {
  value: T | null;
  error: string | null;
}

/**
 * Loads one read method and loads it again after every write (onChanged). A response that arrives after a
 * newer request was made is dropped, so quick navigation never shows another patient's data.
 */
export function useQuery<M extends MethodName>(method: M, input: Input<M>): QueryState<Output<M>> {
  const [state, setState] = useState<QueryState<Output<M>>>({ value: null, error: null });
  const key = JSON.stringify(input);
  useEffect(() => {
    let latest = 0;
    const load = async () => {
      const mine = ++latest;
      const res = await call(method, JSON.parse(key) as Input<M>);
      if (mine !== latest) return;
      setState(res.ok ? { value: res.value, error: null } : { value: null, error: res.error.message });
    };
    void load();
    const unsubscribe = onChanged(() => void load());
    return () => {
      latest = -1; // unmounted or input changed: ignore whatever is still on its way
      unsubscribe();
    };
  }, [method, key]);
  return state;
}
