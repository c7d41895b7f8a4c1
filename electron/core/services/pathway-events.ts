import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../../shared/contract/envelope';
import { validateEvent } from '../../../shared/domain/event-rules';
import { osloDate } from '../../../shared/domain/oslo-date';
import type { PathwayEvent } from '../../../shared/domain/pathway-facts';
import type { PathwayTypeId } from '../../../shared/domain/pathway-types';
import type { DecisionOutcome, EventType } from '../../../shared/domain/rule-pack';
import { appendAudit } from '../audit';
import type { Database } from '../db/schema';
import type { ServiceContext } from './context';

export interface NewPathwayEvent {
  pathwayId: number;
  type: EventType;
  date: string;
  outcome?: DecisionOutcome | null;
  until?: string | null;
  note?: string;
  /** Where the fact came from: typed in, or a by-product of other work (an attended appointment, a no-show). */
  source: 'manual' | 'appointment' | 'no_show';
}

/**
 * Records one pathway event inside the caller's transaction: validates it against the events already
 * there (order, dates, at most two decisions…), writes it and its audit entry. Every feature that
 * produces an event (worklist keys, appointments, no-shows) goes through here.
 */
export async function recordPathwayEvent(
  trx: Transaction<Database> | Kysely<Database>,
  ctx: ServiceContext,
  input: NewPathwayEvent,
): Promise<number> {
  const pathway = await trx.selectFrom('pathway').select(['id', 'patient_id', 'pathway_type', 'referral_received', 'status']).where('id', '=', input.pathwayId).executeTakeFirst();
  if (!pathway) throw new AppError('not_found', 'Fant ikke forløpet');
  const existing = await trx.selectFrom('pathway_event').select(['type', 'date', 'outcome', 'until']).where('pathway_id', '=', input.pathwayId).where('status', '=', 'active').execute();
  const event: PathwayEvent = { type: input.type, date: input.date, outcome: input.outcome ?? null, until: input.until ?? null };
  const issues = validateEvent(existing as PathwayEvent[], event, {
    pathwayType: pathway.pathway_type as PathwayTypeId,
    referralReceived: pathway.referral_received,
    today: osloDate(ctx.clock()),
  }).filter((i) => i.severity === 'error');
  if (issues.length > 0) {
    throw new AppError('invalid_input', issues[0]!.message, issues.map((i) => ({ path: i.code === 'outcome_required' ? 'outcome' : 'date', message: i.message })));
  }
  const now = ctx.clock();
  const row = await trx
    .insertInto('pathway_event')
    .values({
      pathway_id: input.pathwayId,
      type: input.type,
      date: input.date,
      outcome: input.outcome ?? null,
      until: input.until ?? null,
      note: input.note ?? '',
      source: input.source,
      replaced_by: null,
      correction_reason: null,
      created_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(trx, ctx.actor(), { action: 'pathwayEvent.record', entity: 'pathway_event', entityId: row.id, patientId: pathway.patient_id }, now);
  return row.id;
}
