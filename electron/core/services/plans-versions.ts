import type { Transaction } from 'kysely';
import type { Actor } from '../audit';
import type { Database } from '../db/schema';
import { claimRowVersion, type VersionedRecord } from './row-version';

/** A measure's edited columns by their names on screen (for a conflict's message). */
export const MEASURE_RECORD: VersionedRecord = {
  what: 'Tiltaket',
  fields: {
    what: 'Tiltak',
    scope: 'Omfang',
    how: 'Hvordan tiltaket gjennomføres',
    responsible: 'Ansvarlig',
    start_date: 'Start',
    due_date: 'Frist',
    goal_id: 'Knyttet til mål',
  },
};

/**
 * No lost update on the individual plan's in-place edits (row-version.ts): the plan's own row (overview, consent,
 * revision held) and each participant, goal, resource and need. The revision dates and who the consent covers
 * live in rows of their own and are compared as text (fields `revision_dates`, `consent_covers`).
 */
export const PLAN_RECORD: VersionedRecord = {
  what: 'Planen',
  fields: {
    period_from: 'Planperiode fra',
    period_to: 'Planperiode til',
    revision_dates: 'Revisjonsdatoer',
    coordinator_name: 'Koordinator',
    coordinator_organisation: 'Koordinators virksomhet',
    coordinator_contact_id: 'Koordinator fra kontaktlisten',
    cooperation: 'Samarbeid',
    contribution_patient: 'Pasientens bidrag',
    contribution_services: 'Tjenestenes bidrag',
    contribution_relatives: 'Pårørendes bidrag',
    consent_given_at: 'Samtykke gitt',
    consent_given_by: 'Samtykke gitt av',
    consent_withdrawn_at: 'Samtykke trukket tilbake',
    consent_covers: 'Samtykket omfatter',
    last_revision_on: 'Revisjon',
  },
};

export const PLAN_PARTICIPANT_RECORD: VersionedRecord = {
  what: 'Deltakeren',
  fields: { name: 'Navn', role: 'Rolle', organisation: 'Virksomhet' },
};

export const PLAN_GOAL_RECORD: VersionedRecord = {
  what: 'Målet',
  fields: { text: 'Målet', target_date: 'Måldato' },
};

export const PLAN_ITEM_RECORD = (kind: 'resource' | 'need'): VersionedRecord => ({
  what: kind === 'resource' ? 'Ressursen' : 'Behovet',
  fields: { text: 'Teksten' },
});

/** A sorted list as one comparable text. */
export const listText = (xs: readonly (string | number)[]): string => JSON.stringify(xs.map(String).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

/** Takes the plan row's next version for a save of its own fields, or refuses it (row-version.ts). */
export function claimPlan(
  trx: Transaction<Database>,
  planId: number,
  loaded: number | undefined,
  actor: Actor,
  sent: Readonly<Record<string, unknown>>,
  stored: Readonly<Record<string, unknown>>,
): Promise<void> {
  return claimRowVersion(trx, 'individual_plan', planId, loaded, actor, PLAN_RECORD, sent, stored);
}
