import type { Kysely } from 'kysely';
import dataset from '../data/municipalities-2024.json';
import { parseMunicipalityDataset } from '../shared/domain/municipalities';

/** Loads SSB's classification 131 as valid from 2024-01-01 (see data/municipalities-2024.json for provenance). */
export async function up(db: Kysely<any>): Promise<void> {
  const { municipalities } = parseMunicipalityDataset(dataset);
  for (let i = 0; i < municipalities.length; i += 100) {
    await db
      .insertInto('municipality')
      .values(municipalities.slice(i, i + 100).map((m) => ({ number: m.number, name: m.name, county: m.county.name })))
      .execute();
  }
}
