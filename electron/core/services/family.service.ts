import type { z } from 'zod';
import { AppError } from '../../../shared/contract/envelope';
import type { guardianInputSchema, patientContactInputSchema, PatientContact } from '../../../shared/contract/family';
import { letterRecipients } from '../../../shared/domain/guardian-recipients';
import { todayInOslo } from '../../../shared/domain/time';
import { appendAudit } from '../audit';
import type { ServiceContext } from './context';
import { patientOrThrow } from './coordination-store';

type GuardianInput = z.output<typeof guardianInputSchema>;
type PatientContactInput = z.output<typeof patientContactInputSchema>;

/** Guardians of a patient under 18: who they are, parental responsibility, consent, and whether letters go to them. */
export function createGuardiansService(ctx: ServiceContext) {
  return {
    async list(patientId: number) {
      const patient = await patientOrThrow(ctx.db, patientId);
      const rows = await ctx.db.selectFrom('guardian').selectAll().where('patient_id', '=', patientId).orderBy('id').execute();
      const decided = letterRecipients({
        birthDate: patient.birth_date,
        on: todayInOslo(ctx.clock()),
        guardians: rows.map((g) => ({ id: g.id, parentalResponsibility: g.parental_responsibility === 1, consent: g.consent })),
      });
      const byId = new Map(decided.guardians.map((d) => [d.id, d]));
      return {
        age: decided.age,
        ageBand: decided.ageBand,
        patientReceivesLetters: decided.patient.include,
        patientReason: decided.patient.reason,
        rows: rows.map((g) => ({
          id: g.id,
          name: g.name,
          relation: g.relation,
          parentalResponsibility: g.parental_responsibility === 1,
          address: g.address,
          postalCode: g.postal_code,
          postalPlace: g.postal_place,
          phone: g.phone,
          consent: g.consent,
          consentOn: g.consent_on,
          receivesLetters: byId.get(g.id)!.include,
          reason: byId.get(g.id)!.reason,
        })),
      };
    },

    async save(input: GuardianInput) {
      const now = ctx.clock();
      const stamp = now.toISOString();
      if (input.consentOn && input.consentOn > todayInOslo(now))
        throw new AppError('invalid_input', 'Samtykkedato kan ikke være fram i tid', [{ path: 'consentOn', message: 'Samtykkedato kan ikke være fram i tid' }]);
      return ctx.db.transaction().execute(async (trx) => {
        await patientOrThrow(trx, input.patientId);
        const values = {
          name: input.name,
          relation: input.relation,
          parental_responsibility: input.parentalResponsibility ? 1 : 0,
          address: input.address,
          postal_code: input.postalCode,
          postal_place: input.postalPlace,
          phone: input.phone,
          consent: input.consent,
          consent_on: input.consent === 'unknown' ? null : input.consentOn,
          updated_at: stamp,
        };
        let guardianId: number;
        if (input.id) {
          const row = await trx.selectFrom('guardian').select('patient_id').where('id', '=', input.id).executeTakeFirst();
          if (!row || row.patient_id !== input.patientId) throw new AppError('not_found', 'Fant ikke den foresatte');
          await trx.updateTable('guardian').set(values).where('id', '=', input.id).execute();
          guardianId = input.id;
        } else {
          const row = await trx
            .insertInto('guardian')
            .values({ ...values, patient_id: input.patientId, created_at: stamp })
            .returning('id')
            .executeTakeFirstOrThrow();
          guardianId = row.id;
        }
        await appendAudit(
          trx,
          ctx.actor(),
          { action: input.id ? 'guardian.update' : 'guardian.create', entity: 'guardian', entityId: guardianId, patientId: input.patientId },
          now,
        );
        return { id: guardianId };
      });
    },

    async delete(id: number) {
      const now = ctx.clock();
      return ctx.db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('guardian').select('patient_id').where('id', '=', id).executeTakeFirst();
        if (!row) throw new AppError('not_found', 'Fant ikke den foresatte');
        await trx.deleteFrom('guardian').where('id', '=', id).execute();
        await appendAudit(trx, ctx.actor(), { action: 'guardian.delete', entity: 'guardian', entityId: id, patientId: row.patient_id }, now);
        return { id };
      });
    },
  };
}

/** The patient's own contacts: the municipal contact named in the referral, relatives; consent and contact date per person. */
export function createPatientContactsService(ctx: ServiceContext) {
  return {
    async list(patientId: number) {
      await patientOrThrow(ctx.db, patientId);
      const rows = await ctx.db.selectFrom('patient_contact').selectAll().where('patient_id', '=', patientId).orderBy('kind').orderBy('id').execute();
      const out: PatientContact[] = rows.map((c) => ({
        id: c.id,
        kind: c.kind,
        name: c.name,
        relation: c.relation,
        organisation: c.organisation,
        phone: c.phone,
        namedInReferral: c.named_in_referral === 1,
        contactedOn: c.contacted_on,
        consent: c.consent,
        consentOn: c.consent_on,
      }));
      const municipal = out.filter((c) => c.kind === 'municipal' && c.contactedOn).map((c) => c.contactedOn!);
      return { rows: out, municipalityContactedOn: municipal.sort().at(-1) ?? null };
    },

    async save(input: PatientContactInput) {
      const now = ctx.clock();
      const stamp = now.toISOString();
      const today = todayInOslo(now);
      for (const [path, value, label] of [
        ['contactedOn', input.contactedOn, 'Kontaktet dato'],
        ['consentOn', input.consentOn, 'Samtykkedato'],
      ] as const) {
        if (value && value > today)
          throw new AppError('invalid_input', `${label} kan ikke være fram i tid`, [{ path, message: `${label} kan ikke være fram i tid` }]);
      }
      return ctx.db.transaction().execute(async (trx) => {
        await patientOrThrow(trx, input.patientId);
        const values = {
          kind: input.kind,
          name: input.name,
          relation: input.relation,
          organisation: input.organisation,
          phone: input.phone,
          named_in_referral: input.namedInReferral ? 1 : 0,
          contacted_on: input.contactedOn,
          consent: input.consent,
          consent_on: input.consent === 'unknown' ? null : input.consentOn,
          updated_at: stamp,
        };
        let contactId: number;
        if (input.id) {
          const row = await trx.selectFrom('patient_contact').select('patient_id').where('id', '=', input.id).executeTakeFirst();
          if (!row || row.patient_id !== input.patientId) throw new AppError('not_found', 'Fant ikke kontakten');
          await trx.updateTable('patient_contact').set(values).where('id', '=', input.id).execute();
          contactId = input.id;
        } else {
          const row = await trx
            .insertInto('patient_contact')
            .values({ ...values, patient_id: input.patientId, created_at: stamp })
            .returning('id')
            .executeTakeFirstOrThrow();
          contactId = row.id;
        }
        await appendAudit(
          trx,
          ctx.actor(),
          { action: input.id ? 'patientContact.update' : 'patientContact.create', entity: 'patient_contact', entityId: contactId, patientId: input.patientId },
          now,
        );
        return { id: contactId };
      });
    },

    async delete(id: number) {
      const now = ctx.clock();
      return ctx.db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('patient_contact').select('patient_id').where('id', '=', id).executeTakeFirst();
        if (!row) throw new AppError('not_found', 'Fant ikke kontakten');
        await trx.deleteFrom('patient_contact').where('id', '=', id).execute();
        await appendAudit(trx, ctx.actor(), { action: 'patientContact.delete', entity: 'patient_contact', entityId: id, patientId: row.patient_id }, now);
        return { id };
      });
    },
  };
}
