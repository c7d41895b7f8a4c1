import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Actor } from '../audit';

/** What every service factory receives. `clock` makes time a dependency, so tests can pin it. */
export interface ServiceContext {
  db: Kysely<Database>;
  clock: () => Date;
  actor: () => Actor;
  demo: boolean;
}
