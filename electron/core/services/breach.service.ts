import { AppError } from '../../../shared/contract/envelope';
import type { BreachStatus } from '../../../shared/contract/breach';
import { addWorkingDays, type CalendarOptions } from '../../../shared/domain/calendar';
import { BREACH_WARN_WORKING_DAYS, breachLetterParagraphs, breachRisk, HELFO_CONTACT, type BreachRisk } from '../../../shared/domain/care-deadline-breach';
import { formatDate, osloDateOf, todayInOslo } from '../../../shared/domain/time';
import { esc } from '../../../shared/print/escape';
import { printDocument } from '../../../shared/print/document';
import type { Kysely, Transaction } from 'kysely';
import { appendAudit } from '../audit';
import type { Database } from '../db/schema';
import type { ServiceContext } from './context';
import { pathwayOrThrow, patientOrThrow, profileFacts } from './coordination-store';
import { calendarOptions } from './pathway-clock';
import { patientAddressees } from './letter-address';
import { judgedAddress } from '../../../shared/domain/letter-addressees';
import { fixed } from '../db/replan';

type PostponementReason = 'declined_offer' | 'asked_later' | 'cancelled' | 'did_not_attend';

const workingDaysLeft = (r: BreachRisk) => ('workingDaysLeft' in r ? r.workingDaysLeft : null);

type Db = Kysely<Database> | Transaction<Database>;

/** What the breach risk reads of a pathway: columns of its own row (migration 0490). */
export interface CareCover {
  care_deadline: string | null;
  first_attendance_on: string | null;
  care_first_booked_at: string | null;
  care_first_offer_date: string | null;
}

/**
 * A pathway's breach risk from its row alone: the earliest booking and the earliest postponed offer decide
 * (shared/domain/care-deadline-breach.ts), and the pathway keeps both (migration 0490), so neither the status,
 * the list nor a worklist page reads the appointment and postponement tables for it.
 */
function riskOfRow(row: CareCover, today: string, calendar: CalendarOptions): BreachRisk {
  return breachRisk({
    careDeadline: row.care_deadline,
    careStartedOn: row.first_attendance_on,
    bookedDates: row.care_first_booked_at ? [osloDateOf(row.care_first_booked_at)] : [],
    postponedOffers: row.care_first_offer_date ? [row.care_first_offer_date] : [],
    today,
    calendar,
  });
}

/** The worklist flag: 'at_risk' or 'breached' for a pathway whose legal deadline is likely to pass or has passed. */
export async function careDeadlineFlagger(db: Db, today: string): Promise<(row: CareCover) => 'at_risk' | 'breached' | null> {
  const calendar = await calendarOptions(db);
  const bound = addWorkingDays(today, BREACH_WARN_WORKING_DAYS + 1, calendar).date;
  return (row) => {
    // Only pathways with a legal deadline near or past and no first attendance yet can be at risk.
    if (row.care_deadline === null || row.care_deadline >= bound || row.first_attendance_on !== null) return null;
    const risk = riskOfRow(row, today, calendar);
    return risk.state === 'at_risk' || risk.state === 'breached' ? risk.state : null;
  };
}

/** Deadline breach (fristbrudd) of the legal deadline: the warning, Helfo notified, patient postponements, the letter. */
export function createBreachService(ctx: ServiceContext) {
  async function status(pathwayId: number): Promise<BreachStatus> {
    const pathway = await pathwayOrThrow(ctx.db, pathwayId);
    const today = todayInOslo(ctx.clock());
    const [helfo, postponements, letters, calendar] = await Promise.all([
      ctx.db.selectFrom('care_deadline_breach').selectAll().where('pathway_id', '=', pathwayId).executeTakeFirst(),
      ctx.db.selectFrom('care_deadline_postponement').selectAll().where('pathway_id', '=', pathwayId).orderBy('offered_date').orderBy('id').execute(),
      ctx.db.selectFrom('breach_letter').select(['id', 'created_at']).where('pathway_id', '=', pathwayId).orderBy('id').execute(),
      calendarOptions(ctx.db),
    ]);
    const risk = riskOfRow(pathway, today, calendar);
    return {
      pathwayId,
      careDeadline: pathway.care_deadline,
      risk: { state: risk.state, label: risk.label, workingDaysLeft: workingDaysLeft(risk) },
      helfoNotifiedOn: helfo?.helfo_notified_on ?? null,
      helfoNote: helfo?.note ?? '',
      postponements: postponements.map((p) => ({
        id: p.id,
        offeredDate: p.offered_date,
        requestedDate: p.requested_date,
        reason: p.reason,
        note: p.note,
        createdAt: p.created_at,
      })),
      letters: letters.map((l) => ({ id: l.id, createdAt: l.created_at })),
      helfo: {
        phone: HELFO_CONTACT.phone,
        hours: HELFO_CONTACT.hours,
        source: HELFO_CONTACT.source,
        confidence: HELFO_CONTACT.confidence,
        note: HELFO_CONTACT.note,
      },
    };
  }

  async function notFuture(date: string, path: string, label: string) {
    if (date > todayInOslo(ctx.clock()))
      throw new AppError('invalid_input', `${label} kan ikke være fram i tid`, [{ path, message: `${label} kan ikke være fram i tid` }]);
  }

  return {
    get: status,

    /**
     * The worklist flag: open pathways with a legal deadline whose care has not started and whose deadline is within
     * the warning window or passed. The SQL bound is exact: at risk ⇔ deadline before the (warn + 1)-th working day.
     */
    async list() {
      const today = todayInOslo(ctx.clock());
      const calendar = await calendarOptions(ctx.db);
      const bound = addWorkingDays(today, BREACH_WARN_WORKING_DAYS + 1, calendar).date;
      const rows = await ctx.db
        .selectFrom('pathway')
        .innerJoin('patient', 'patient.id', 'pathway.patient_id')
        .leftJoin('care_deadline_breach', 'care_deadline_breach.pathway_id', 'pathway.id')
        .select([
          'pathway.id',
          'pathway.patient_id',
          'patient.name',
          'pathway.care_deadline',
          'pathway.first_attendance_on',
          'pathway.care_first_booked_at',
          'pathway.care_first_offer_date',
          'care_deadline_breach.helfo_notified_on',
        ])
        .where('pathway.status', '=', fixed('open'))
        .where('pathway.care_deadline', 'is not', null)
        .where('pathway.care_deadline', '<', bound)
        .where('pathway.first_attendance_on', 'is', null)
        .orderBy('pathway.care_deadline')
        .orderBy('pathway.id')
        .execute();
      const out = [];
      for (const r of rows) {
        const risk = riskOfRow(r, today, calendar);
        if (risk.state !== 'at_risk' && risk.state !== 'breached') continue;
        out.push({
          pathwayId: r.id,
          patientId: r.patient_id,
          name: r.name,
          careDeadline: r.care_deadline!,
          state: risk.state,
          label: risk.label,
          helfoNotifiedOn: r.helfo_notified_on ?? null,
        });
      }
      // Not yet notified first: that is the coordinator's next step.
      out.sort((a, b) => Number(a.helfoNotifiedOn !== null) - Number(b.helfoNotifiedOn !== null));
      return { rows: out, today };
    },

    async recordHelfo(input: { pathwayId: number; helfoNotifiedOn: string; note: string }) {
      await notFuture(input.helfoNotifiedOn, 'helfoNotifiedOn', 'Dato Helfo ble varslet');
      const now = ctx.clock();
      return ctx.db.transaction().execute(async (trx) => {
        const pathway = await pathwayOrThrow(trx, input.pathwayId);
        if (!pathway.care_deadline) throw new AppError('conflict', 'Forløpet har ingen juridisk frist');
        const values = { helfo_notified_on: input.helfoNotifiedOn, note: input.note, updated_at: now.toISOString() };
        await trx
          .insertInto('care_deadline_breach')
          .values({ pathway_id: input.pathwayId, ...values })
          .onConflict((oc) => oc.column('pathway_id').doUpdateSet(values))
          .execute();
        await appendAudit(
          trx,
          ctx.actor(),
          { action: 'breach.helfoNotified', entity: 'pathway', entityId: input.pathwayId, patientId: pathway.patient_id },
          now,
        );
        return { pathwayId: input.pathwayId };
      });
    },

    async addPostponement(input: { pathwayId: number; offeredDate: string; requestedDate: string | null; reason: PostponementReason; note: string }) {
      if (input.requestedDate !== null && input.requestedDate <= input.offeredDate) {
        throw new AppError('invalid_input', 'Ønsket dato må være etter tilbudt dato', [
          { path: 'requestedDate', message: 'Ønsket dato må være etter tilbudt dato' },
        ]);
      }
      const now = ctx.clock();
      return ctx.db.transaction().execute(async (trx) => {
        const pathway = await pathwayOrThrow(trx, input.pathwayId);
        if (!pathway.care_deadline) throw new AppError('conflict', 'Forløpet har ingen juridisk frist');
        const row = await trx
          .insertInto('care_deadline_postponement')
          .values({
            pathway_id: input.pathwayId,
            offered_date: input.offeredDate,
            requested_date: input.requestedDate,
            reason: input.reason,
            note: input.note,
            created_at: now.toISOString(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await appendAudit(
          trx,
          ctx.actor(),
          { action: 'breach.postponement', entity: 'care_deadline_postponement', entityId: row.id, patientId: pathway.patient_id },
          now,
        );
        return { id: row.id };
      });
    },

    /** The patient letter about the breach, stored exactly as printed. Refused while no breach is warned. */
    async createLetter(pathwayId: number) {
      const current = await status(pathwayId);
      if (current.risk.state !== 'at_risk' && current.risk.state !== 'breached') {
        throw new AppError('conflict', 'Brev om fristbrudd kan bare lages når fristen er passert eller truet');
      }
      const now = ctx.clock();
      return ctx.db.transaction().execute(async (trx) => {
        const pathway = await pathwayOrThrow(trx, pathwayId);
        const patient = await patientOrThrow(trx, pathway.patient_id);
        const profile = await profileFacts(trx);
        const paragraphs = breachLetterParagraphs({
          deadline: formatDate(pathway.care_deadline),
          unitName: profile.unitName,
          unitPhone: profile.unitPhone,
          helfoNotifiedOn: current.helfoNotifiedOn ? formatDate(current.helfoNotifiedOn) : null,
        });
        // The patient, and guardians as the rules for under-18s say (issue #13 §2): one sheet each.
        const family = await patientAddressees(trx, patient.id, todayInOslo(now));
        const address = judgedAddress(family.addressees);
        const subject = 'Frist for helsehjelp er passert eller vil passere';
        const body = `<h1>${esc(subject)}</h1>\n${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}\n<p>Vennlig hilsen<br>${esc(profile.coordinatorName)}<br>${esc(profile.unitName)}</p>`;
        const html =
          family.addressees.length === 1 && family.addressees[0]!.preface === null
            ? printDocument({ title: 'Brev', letterhead: profile, printedAt: now, body, recipientAddress: family.addressees[0]!.lines })
            : printDocument({
                title: 'Brev',
                letterhead: profile,
                printedAt: now,
                body,
                pageNumbers: false,
                sheets: family.addressees.map((a) => ({
                  recipientAddress: a.lines,
                  body: a.preface ? `<p><strong>${esc(a.preface)}</strong></p>\n${body}` : body,
                })),
              });
        const text = [subject, ...paragraphs, 'Vennlig hilsen', profile.coordinatorName, profile.unitName].join('\n');
        const row = await trx
          .insertInto('breach_letter')
          .values({ pathway_id: pathwayId, patient_id: patient.id, address_lines: JSON.stringify(address), html, text, created_at: now.toISOString() })
          .returning('id')
          .executeTakeFirstOrThrow();
        await appendAudit(trx, ctx.actor(), { action: 'breach.letter', entity: 'breach_letter', entityId: row.id, patientId: patient.id }, now);
        const warnings = [...new Set(family.addressees.map((a) => a.problem).filter((p): p is string => p !== null)), ...family.warnings];
        return { id: row.id, html, text, warnings };
      });
    },
  };
}
