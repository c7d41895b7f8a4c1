import type { Kysely } from 'kysely';
import { MUNICIPALITY_ROWS } from './data/20261123_0002_municipalities.data';

/** Loads SSB's classification 131 as valid from 2024-01-01 (rows frozen in ./data; provenance in data/municipalities-2024.json). */
export async function up(db: Kysely<any>): Promise<void> {
  for (let i = 0; i < MUNICIPALITY_ROWS.length; i += 100) {
    await db.insertInto('municipality').values(MUNICIPALITY_ROWS.slice(i, i + 100)).execute();
  }
}
