import type { z } from 'zod';
import type { referrerInputSchema, Referrer } from '../../../shared/contract/referrer';
import { referrerAddressLines, referrerMessages } from '../../../shared/domain/referrer-messages';
import { formatTime, osloDateOf } from '../../../shared/domain/time';
import { appendAudit } from '../audit';
import type { Selectable } from 'kysely';
import type { ReferrerTable } from '../db/schema';
import type { ServiceContext } from './context';
import { claimRowVersion } from './row-version';
import { REFERRER_RECORD } from './follow-up-versions';
import { pathwayOrThrow, patientOrThrow, profileFacts } from './coordination-store';

type ReferrerInput = z.output<typeof referrerInputSchema>;

function toReferrer(r: Selectable<ReferrerTable>): Referrer {
  const base = { organisation: r.organisation, person: r.person, address: r.address, postalCode: r.postal_code, postalPlace: r.postal_place };
  return {
    pathwayId: r.pathway_id,
    ...base,
    herId: r.her_id,
    referralDate: r.referral_date,
    isGp: r.is_gp === 1,
    addressLines: referrerAddressLines(base),
    version: r.row_version,
  };
}

/** The referrer as its own record, one per pathway, and the prepared texts for messages to the referrer/GP. */
export function createReferrerService(ctx: ServiceContext) {
  return {
    async get(pathwayId: number) {
      const pathway = await pathwayOrThrow(ctx.db, pathwayId);
      const [row, patient, profile, noShow] = await Promise.all([
        ctx.db.selectFrom('referrer').selectAll().where('pathway_id', '=', pathwayId).executeTakeFirst(),
        patientOrThrow(ctx.db, pathway.patient_id),
        profileFacts(ctx.db),
        ctx.db
          .selectFrom('no_show_case')
          .select(['no_show_at', 'attempt_count'])
          .where('patient_id', '=', pathway.patient_id)
          .where((eb) => eb.or([eb('pathway_id', '=', pathwayId), eb('pathway_id', 'is', null)]))
          .where('status', '!=', 'withdrawn')
          .orderBy('no_show_at', 'desc')
          .limit(1)
          .executeTakeFirst(),
      ]);
      const referrer = row ? toReferrer(row) : null;
      const messages = referrerMessages({
        patientName: patient.name,
        birthDate: patient.birth_date,
        referrerPerson: referrer?.person ?? '',
        referralDate: referrer?.referralDate ?? null,
        referralReceived: pathway.referral_received,
        referralAssessed: pathway.referral_assessed,
        careDeadline: pathway.care_deadline,
        rightsDecision: pathway.rights_decision,
        careKind: pathway.rights_care_kind,
        ...profile,
        lastNoShow: noShow ? { date: osloDateOf(noShow.no_show_at), time: formatTime(noShow.no_show_at), attempts: noShow.attempt_count } : null,
        closedOn: pathway.status === 'ended' ? pathway.closed_on : null,
      });
      return { referrer, messages };
    },

    async save(input: ReferrerInput): Promise<Referrer> {
      const now = ctx.clock();
      const stamp = now.toISOString();
      return ctx.db.transaction().execute(async (trx) => {
        const pathway = await pathwayOrThrow(trx, input.pathwayId);
        const values = {
          organisation: input.organisation,
          person: input.person,
          address: input.address,
          postal_code: input.postalCode,
          postal_place: input.postalPlace,
          her_id: input.herId,
          referral_date: input.referralDate,
          is_gp: input.isGp ? 1 : 0,
          updated_at: stamp,
        };
        const existing = await trx.selectFrom('referrer').select('pathway_id').where('pathway_id', '=', input.pathwayId).executeTakeFirst();
        if (existing) await claimRowVersion(trx, 'referrer', input.pathwayId, input.version, ctx.actor(), REFERRER_RECORD, values);
        if (existing) await trx.updateTable('referrer').set(values).where('pathway_id', '=', input.pathwayId).execute();
        else
          await trx
            .insertInto('referrer')
            .values({ ...values, pathway_id: input.pathwayId, patient_id: pathway.patient_id, created_at: stamp })
            .execute();
        await appendAudit(
          trx,
          ctx.actor(),
          { action: existing ? 'referrer.update' : 'referrer.create', entity: 'referrer', entityId: input.pathwayId, patientId: pathway.patient_id },
          now,
        );
        const row = await trx.selectFrom('referrer').selectAll().where('pathway_id', '=', input.pathwayId).executeTakeFirstOrThrow();
        return toReferrer(row);
      });
    },
  };
}
