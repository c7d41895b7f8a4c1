import type { MethodName } from '../../../shared/contract';
import type { Handlers } from '../dispatch';
import type { TrustRuntime } from '../trust-runtime';
import type { ServiceContext } from './context';
import type { StoreRuntime } from '../store-settings';

export interface HandlerDeps {
  ctx: ServiceContext;
  transport: 'electron' | 'browser';
  version: string;
  /** The running core's backups, restore and lock (absent where handlers are built without a core). */
  trust?: TrustRuntime;
  /** Storage notices for this session (encrypted on upgrade, opened read-only), shown by the app. */
  notices?: string[];
  /** Which store is in use and the desktop app's saved choice (absent: the local file, nothing to choose). */
  store?: StoreRuntime;
}

/**
 * Exactly the handlers of one area ('noShow' → every 'noShow.*' method): an area object that misses a
 * method of its area, or adds one that is not in the contract, does not compile.
 */
export type AreaHandlers<A extends string> = Pick<Handlers, Extract<MethodName, `${A}.${string}`>>;
