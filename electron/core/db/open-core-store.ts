import type { CoreStore, StoreStartOptions } from './core-store';
import { openLocalStore } from './local-store';
import type { StoreConfig } from './store';
import { openTeamStore } from './team-store';

/** Opens the store the core runs on: the local SQLite file (default) or the unit's team store. */
export function openCoreStore(config: StoreConfig, opts: StoreStartOptions): Promise<CoreStore> {
  return config.kind === 'postgres' ? openTeamStore(config.url, opts) : openLocalStore(opts);
}
