import type { Kysely, Transaction } from 'kysely';
import { AppError, type FieldIssue } from '../../../shared/contract/envelope';
import { validateEvent } from '../../../shared/domain/event-rules';
import { todayInOslo } from '../../../shared/domain/time';
import type { Issue, PathwayEvent } from '../../../shared/domain/pathway-facts';
import type { PathwayTypeId } from '../../../shared/domain/pathway-types';
import type { DecisionOutcome, EventType } from '../../../shared/domain/rule-pack';
import { appendAudit } from '../audit';
import type { Database } from '../db/schema';
import { compiledQueries } from '../db/compiled-queries';
import { fixed } from '../db/replan';
import type { ServiceContext } from './context';
import { type EventRow, recomputePathwayClocks, toPathwayEvent } from './pathway-clock';

type Db = Transaction<Database> | Kysely<Database>;

/** The fixed statements of every event write, built and compiled once per store (compiled-queries.ts). */
const queries = compiledQueries();

export interface NewPathwayEvent {
  pathwayId: number;
  type: EventType;
  date: string;
  outcome?: DecisionOutcome | null;
  until?: string | null;
  note?: string;
  /** End of pathway: the help need (a code from the help_need table). */
  helpNeed?: string | null;
  /** End of pathway: why it ended (a code from the end_reason table). */
  endReason?: string | null;
  /** Where the fact came from: typed in, or a by-product of other work (an attended appointment, a no-show, a meeting). */
  source: 'manual' | 'appointment' | 'no_show' | 'assessment' | 'transfer' | 'meeting';
}

/** Events that take the patient off the worklist, and the pathway status each gives. */
const CLOSING: Partial<Record<EventType, 'ended' | 'own_clinician'>> = { end: 'ended', own_clinician: 'own_clinician' };

function issuePath(code: string): string {
  if (code === 'outcome_required' || code === 'outcome_not_allowed') return 'outcome';
  if (code === 'postponed_until_before_start') return 'until';
  return 'date';
}

/** Throws the first error of `issues` as a field error (messages never quote submitted values). */
export function throwIfErrors(issues: readonly Issue[], pathOf: (code: string) => string = issuePath): void {
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length === 0) return;
  const fieldIssues: FieldIssue[] = errors.map((i) => ({ path: pathOf(i.code), message: i.message }));
  throw new AppError('invalid_input', errors[0]!.message, fieldIssues);
}

async function activeEvents(trx: Db, pathwayId: number, exceptId?: number): Promise<PathwayEvent[]> {
  const values = exceptId === undefined ? { pathwayId } : { pathwayId, exceptId };
  const rows = await queries.rows(trx, exceptId === undefined ? 'activeEvents' : 'activeEvents.except', values, (v) => {
    let q = trx
      .selectFrom('pathway_event')
      .select(['id', 'type', 'date', 'outcome', 'until'])
      .where('pathway_id', '=', v.pathwayId as number)
      // A literal: bound, it is matched against the partial indexes on active events and re-prepared per run (replan.ts).
      .where('status', '=', fixed('active'));
    if ('exceptId' in v) q = q.where('id', '!=', v.exceptId as number);
    return q.orderBy('date').orderBy('id');
  });
  return rows.map(toPathwayEvent);
}

/** Validates one event against the pathway's other active events; returns the pathway row and those events (date, then id). */
export async function checkEvent(trx: Db, ctx: ServiceContext, pathwayId: number, event: PathwayEvent, exceptId?: number) {
  const [pathway] = await queries.rows(trx, 'checkEvent.pathway', { pathwayId }, (v) =>
    trx
      .selectFrom('pathway')
      .select(['id', 'patient_id', 'pathway_type', 'referral_received', 'status', 'rights_decision'])
      .where('id', '=', v.pathwayId as number),
  );
  if (!pathway) throw new AppError('not_found', 'Fant ikke forløpet');
  // No right / not a pathway case (issue #13): no pathway, so no pathway events.
  if (pathway.rights_decision === 'no_right' || pathway.rights_decision === 'not_pathway') {
    throw new AppError('conflict', 'Henvisningen er vurdert uten rett til forløp. Endre rettighetsvurderingen først.');
  }
  const events = await activeEvents(trx, pathwayId, exceptId);
  const issues = validateEvent(events, event, {
    pathwayType: pathway.pathway_type as PathwayTypeId,
    referralReceived: pathway.referral_received,
    today: todayInOslo(ctx.clock()),
  });
  if (event.type === 'end' || event.type === 'own_clinician') {
    // A pathway with its own clinician can still end (a transfer at 18, a discharge); only an ended one cannot.
    if ((event.type === 'end' ? pathway.status === 'ended' : pathway.status !== 'open') && exceptId === undefined) {
      issues.push({ code: 'not_open', severity: 'error', message: 'Forløpet er ikke åpent lenger.' });
    }
  }
  throwIfErrors(issues);
  return { ...pathway, events };
}

/**
 * After any change to a pathway's events: the status follows the closing events (end → ended, own clinician
 * → own_clinician, neither → open), and the stored clock is recomputed in the same transaction.
 */
export async function pathwayEventsChanged(
  trx: Db,
  pathwayId: number,
  now: Date,
  opts: { closingChanged: boolean; activeEvents?: readonly EventRow[] },
): Promise<void> {
  if (opts.closingChanged) {
    const closing = await trx
      .selectFrom('pathway_event')
      .select(['type'])
      .where('pathway_id', '=', pathwayId)
      .where('status', '=', fixed('active'))
      .where('type', 'in', [fixed('end'), fixed('own_clinician')])
      .orderBy('date')
      .execute();
    const status = closing.some((e) => e.type === 'end') ? 'ended' : closing.some((e) => e.type === 'own_clinician') ? 'own_clinician' : 'open';
    const current = await trx.selectFrom('pathway').select(['status', 'patient_id', 'pathway_type']).where('id', '=', pathwayId).executeTakeFirstOrThrow();
    if (status === 'open' && current.status !== 'open') {
      const other = await trx
        .selectFrom('pathway')
        .select('id')
        .where('patient_id', '=', current.patient_id)
        .where('pathway_type', '=', current.pathway_type)
        .where('status', '=', fixed('open'))
        .where('id', '!=', pathwayId)
        .executeTakeFirst();
      if (other) throw new AppError('conflict', 'Pasienten har et annet åpent forløp av samme type, så dette forløpet kan ikke åpnes igjen.');
    }
    if (status !== current.status) {
      await trx.updateTable('pathway').set({ status, updated_at: now.toISOString() }).where('id', '=', pathwayId).execute();
    }
  }
  const known = opts.activeEvents ? { activeEvents: { pathwayId, events: opts.activeEvents } } : {};
  await recomputePathwayClocks(trx, { pathwayIds: [pathwayId], ...known }, now);
}

/**
 * The active events after `added` was inserted into `events` (ordered by date, then id): the new row has the
 * highest id, so it goes after every event on or before its date.
 */
function withAdded(events: readonly PathwayEvent[], added: PathwayEvent): EventRow[] {
  const rows = events.map((e): EventRow => ({ type: e.type, date: e.date, outcome: e.outcome ?? null, until: e.until ?? null }));
  const at = rows.findIndex((e) => e.date > added.date);
  rows.splice(at === -1 ? rows.length : at, 0, { type: added.type, date: added.date, outcome: added.outcome ?? null, until: added.until ?? null });
  return rows;
}

/** The new event's id, and its pathway's type (already read for the checks: a caller naming the event's code needs it). */
export interface RecordedEvent {
  id: number;
  pathwayType: PathwayTypeId;
}

/**
 * Records one pathway event inside the caller's transaction: validates it against the events already
 * there (order, dates, at most two decisions…), writes it and its audit entry, moves the pathway's status
 * for closing events (end, own clinician) and recomputes its deadlines. Every feature that produces an
 * event (worklist keys, appointments, no-shows) goes through here.
 */
export async function recordPathwayEvent(trx: Db, ctx: ServiceContext, input: NewPathwayEvent): Promise<RecordedEvent> {
  const event: PathwayEvent = { type: input.type, date: input.date, outcome: input.outcome ?? null, until: input.until ?? null };
  const pathway = await checkEvent(trx, ctx, input.pathwayId, event);
  if (input.type !== 'end' && input.helpNeed)
    throw new AppError('invalid_input', 'Hjelpebehov registreres bare ved avslutning.', [
      { path: 'helpNeed', message: 'Hjelpebehov registreres bare ved avslutning.' },
    ]);
  await checkEndReason(trx, input.type, input.endReason ?? null);
  if (input.helpNeed) {
    const known = await trx.selectFrom('help_need').select('code').where('code', '=', input.helpNeed).executeTakeFirst();
    if (!known) throw new AppError('invalid_input', 'Velg hjelpebehov fra listen.', [{ path: 'helpNeed', message: 'Velg hjelpebehov fra listen.' }]);
  }
  const now = ctx.clock();
  const values = {
    pathway_id: input.pathwayId,
    type: input.type,
    date: input.date,
    outcome: input.outcome ?? null,
    until: input.until ?? null,
    note: input.note ?? '',
    source: input.source,
    replaced_by: null,
    correction_reason: null,
    help_need: input.helpNeed ?? null,
    end_reason: input.endReason ?? null,
    created_at: now.toISOString(),
  };
  const [row] = await queries.rows(trx, 'event.insert', values, (v) =>
    trx
      .insertInto('pathway_event')
      .values(v as typeof values)
      .returning('id'),
  );
  if (!row) throw new Error('The event insert returned no id');
  await appendAudit(trx, ctx.actor(), { action: 'pathwayEvent.record', entity: 'pathway_event', entityId: row.id, patientId: pathway.patient_id }, now);
  await pathwayEventsChanged(trx, input.pathwayId, now, {
    closingChanged: CLOSING[input.type] !== undefined,
    activeEvents: withAdded(pathway.events, event),
  });
  return { id: row.id, pathwayType: pathway.pathway_type as PathwayTypeId };
}

export interface EventCorrection {
  eventId: number;
  action: 'replace' | 'withdraw';
  date: string | null;
  outcome: DecisionOutcome | null;
  until: string | null;
  helpNeed: string | null;
  endReason?: string | null;
  reason: string;
}

/** The end reason belongs to the end event only and must be one of the listed codes. */
async function checkEndReason(trx: Db, type: string, endReason: string | null): Promise<void> {
  if (!endReason) return;
  const message = type === 'end' ? 'Velg årsak fra listen.' : 'Årsak til avslutning registreres bare ved avslutning.';
  const known = type === 'end' && (await trx.selectFrom('end_reason').select('code').where('code', '=', endReason).executeTakeFirst());
  if (!known) throw new AppError('invalid_input', message, [{ path: 'endReason', message }]);
}

/**
 * Corrects a recorded event without losing it: the old row is kept with status 'corrected' (pointing to its
 * replacement) or 'withdrawn', with the reason. The replacement is validated like a new event.
 */
export async function correctPathwayEvent(trx: Db, ctx: ServiceContext, input: EventCorrection): Promise<number | null> {
  const old = await trx.selectFrom('pathway_event').selectAll().where('id', '=', input.eventId).executeTakeFirst();
  if (!old) throw new AppError('not_found', 'Fant ikke hendelsen');
  if (old.status !== 'active') throw new AppError('conflict', 'Hendelsen er allerede korrigert.');
  if (old.type === 'end' && old.source === 'transfer' && input.action === 'withdraw') {
    // The linked pathway has opened: withdrawing the end would leave two pathways for one transfer.
    throw new AppError('conflict', 'Avslutningen kommer fra en overføring og kan ikke trekkes tilbake. Korriger datoen i stedet.');
  }
  await checkEndReason(trx, old.type, input.endReason ?? null);
  const now = ctx.clock();
  const type = old.type as EventType;
  let newId: number | null = null;
  let patientId: number;
  if (input.action === 'replace') {
    if (!input.date) throw new AppError('invalid_input', 'Dato mangler', [{ path: 'date', message: 'Dato mangler' }]);
    const event: PathwayEvent = {
      type,
      date: input.date,
      outcome: type === 'clinical_decision' ? input.outcome : null,
      until: type === 'patient_postponed' ? input.until : null,
    };
    const pathway = await checkEvent(trx, ctx, old.pathway_id, event, old.id);
    patientId = pathway.patient_id;
    const row = await trx
      .insertInto('pathway_event')
      .values({
        pathway_id: old.pathway_id,
        type,
        date: event.date,
        outcome: event.outcome ?? null,
        until: event.until ?? null,
        note: old.note,
        source: old.source,
        replaced_by: null,
        correction_reason: null,
        help_need: type === 'end' ? (input.helpNeed ?? old.help_need) : null,
        end_reason: type === 'end' ? (input.endReason ?? old.end_reason ?? null) : null,
        created_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    newId = row.id;
    await trx.updateTable('pathway_event').set({ status: 'corrected', replaced_by: newId, correction_reason: input.reason }).where('id', '=', old.id).execute();
  } else {
    const pathway = await trx.selectFrom('pathway').select('patient_id').where('id', '=', old.pathway_id).executeTakeFirstOrThrow();
    patientId = pathway.patient_id;
    await trx.updateTable('pathway_event').set({ status: 'withdrawn', correction_reason: input.reason }).where('id', '=', old.id).execute();
  }
  await appendAudit(
    trx,
    ctx.actor(),
    { action: input.action === 'replace' ? 'pathwayEvent.correct' : 'pathwayEvent.withdraw', entity: 'pathway_event', entityId: old.id, patientId },
    now,
  );
  await pathwayEventsChanged(trx, old.pathway_id, now, { closingChanged: CLOSING[type] !== undefined });
  return newId;
}
