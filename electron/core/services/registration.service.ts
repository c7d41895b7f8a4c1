import type { RegistrationItem } from '../../../shared/contract/registration';
import { maskNationalId } from '../../../shared/domain/national-id';
import { osloDayEndUtc, osloDayStartUtc, todayInOslo as osloDate } from '../../../shared/domain/time';
import { PATHWAY_TYPES, type PathwayTypeId } from '../../../shared/domain/pathway-types';
import { RECORD_SYSTEM_NOTICE, registrationCsv } from '../../../shared/domain/record-registration';
import { eventCodeDetails, eventLabel, type DecisionOutcome, type EventType } from '../../../shared/domain/rule-pack';
import { appendAudit } from '../audit';
import { auditRead } from '../audit-read';
import type { ServiceContext } from './context';
import { fixed } from '../db/replan';

const LIMIT = 1000;
const CODED_TYPES = PATHWAY_TYPES.filter((t) => t.code !== null).map((t) => t.id);

/** The daily list of pathway events to register in the patient record system (issue #13 §1). */
export function createRegistrationService(ctx: ServiceContext) {
  async function rows(which: 'due' | 'doneToday', today: string): Promise<{ items: RegistrationItem[]; truncated: boolean }> {
    let q = ctx.db
      .selectFrom('pathway_event as e')
      .innerJoin('pathway as p', 'p.id', 'e.pathway_id')
      .innerJoin('patient as pt', 'pt.id', 'p.patient_id')
      .leftJoin('record_registration as r', 'r.event_id', 'e.id')
      .select([
        'e.id',
        'e.type',
        'e.outcome',
        'e.date',
        'p.id as pathway_id',
        'p.pathway_type',
        'pt.id as patient_id',
        'pt.name',
        'pt.birth_date',
        'pt.national_id',
        'r.registered_at',
      ])
      .where('e.status', '=', fixed('active'))
      .where('p.pathway_type', 'in', CODED_TYPES)
      .where('e.date', '<=', today);
    q =
      which === 'due'
        ? q.where('r.event_id', 'is', null)
        : // Today in Oslo, as UTC instants: from 23:00 or 22:00 UTC the day before (a UTC date was an hour off).
          q.where('r.registered_at', '>=', osloDayStartUtc(today)).where('r.registered_at', '<', osloDayEndUtc(today));
    const found = await q
      .orderBy('e.date')
      .orderBy('e.id')
      .limit(fixed(LIMIT + 1))
      .execute();
    const items: RegistrationItem[] = [];
    for (const r of found.slice(0, LIMIT)) {
      const code = eventCodeDetails(r.pathway_type as PathwayTypeId, r.type as EventType, r.outcome as DecisionOutcome | null);
      if (!code) continue; // events without a code (own clinician, detox) are not reported this way
      items.push({
        eventId: r.id,
        patientId: r.patient_id,
        pathwayId: r.pathway_id,
        patientName: r.name,
        birthDate: r.birth_date,
        nationalIdMasked: maskNationalId(r.national_id),
        code: code.code,
        codeConfidence: code.confidence,
        eventLabel: eventLabel(r.type as EventType),
        date: r.date,
        registeredAt: r.registered_at ?? null,
      });
    }
    return { items, truncated: found.length > LIMIT };
  }

  return {
    async list() {
      const today = osloDate(ctx.clock());
      const [due, done] = await Promise.all([rows('due', today), rows('doneToday', today)]);
      return { notice: RECORD_SYSTEM_NOTICE, due: due.items, doneToday: done.items, truncated: due.truncated };
    },

    async markDone(input: { eventIds: number[] }) {
      const now = ctx.clock();
      return ctx.db.transaction().execute(async (trx) => {
        const events = await trx
          .selectFrom('pathway_event as e')
          .innerJoin('pathway as p', 'p.id', 'e.pathway_id')
          .leftJoin('record_registration as r', 'r.event_id', 'e.id')
          .select(['e.id', 'p.patient_id', 'r.event_id as done'])
          .where('e.id', 'in', input.eventIds)
          .where('e.status', '=', fixed('active'))
          .execute();
        let count = 0;
        for (const e of events) {
          if (e.done !== null) continue;
          await trx
            .insertInto('record_registration')
            .values({ event_id: e.id, registered_at: now.toISOString(), registered_by: ctx.actor().profile })
            .execute();
          await appendAudit(trx, ctx.actor(), { action: 'registration.markDone', entity: 'pathway_event', entityId: e.id, patientId: e.patient_id }, now);
          count++;
        }
        return { count };
      });
    },

    async undo(input: { eventId: number }) {
      const now = ctx.clock();
      return ctx.db.transaction().execute(async (trx) => {
        const e = await trx
          .selectFrom('pathway_event as e')
          .innerJoin('pathway as p', 'p.id', 'e.pathway_id')
          .select(['p.patient_id'])
          .where('e.id', '=', input.eventId)
          .executeTakeFirst();
        const res = await trx.deleteFrom('record_registration').where('event_id', '=', input.eventId).executeTakeFirst();
        const count = Number(res.numDeletedRows);
        if (count > 0)
          await appendAudit(
            trx,
            ctx.actor(),
            { action: 'registration.undo', entity: 'pathway_event', entityId: input.eventId, patientId: e?.patient_id ?? null },
            now,
          );
        return { count };
      });
    },

    async exportCsv() {
      const now = ctx.clock();
      const today = osloDate(now);
      const { items } = await rows('due', today);
      // One entry per exported event, so each patient's log shows the file their data left in.
      await ctx.db.transaction().execute(async (trx) => {
        for (const i of items) await auditRead(trx, ctx.actor(), 'registration.exportCsv', { entityId: i.eventId, patientId: i.patientId }, now);
        if (items.length === 0) await auditRead(trx, ctx.actor(), 'registration.exportCsv', { entityId: null, patientId: null }, now);
      });
      return { csv: registrationCsv(items), fileName: `til-registrering-${today}.csv`, count: items.length };
    },
  };
}
export type RegistrationService = ReturnType<typeof createRegistrationService>;
