import { createRequire } from 'node:module';
import type pgTypes from 'pg';

type Pg = typeof pgTypes;
let loaded: Pg | undefined;

/**
 * The `pg` driver, loaded the first time the team store is used: a start on the local file never pays for
 * loading it (it is CommonJS, so a synchronous require works where the callers are synchronous).
 */
export function pg(): Pg {
  if (!loaded) {
    const load = createRequire(import.meta.url);
    loaded = load('pg') as Pg;
  }
  return loaded;
}
