import type { Migration } from 'kysely/migration';
import * as initial from './20261123_0001_initial';
import * as municipalities from './20261123_0002_municipalities';
import * as pathwayEvents from './20261123_0003_pathway_events_and_flags';
import * as individualPlans from './20261123_0040_individual_plans';

/**
 * The explicit, ordered list of migrations. Append only: never rename, reorder or edit a shipped one.
 * (A file-system provider would break after bundling, so the list lives in code.)
 */
export const migrations: Record<string, Migration> = {
  '20261123_0001_initial': initial,
  '20261123_0002_municipalities': municipalities,
  '20261123_0003_pathway_events_and_flags': pathwayEvents,
  '20261123_0040_individual_plans': individualPlans,
};
