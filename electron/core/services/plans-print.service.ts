import { AppError } from '../../../shared/contract/envelope';
import { canPrintForOthers } from '../../../shared/domain/individual-plan';
import { auditRead } from '../audit-read';
import type { ServiceContext } from './context';
import { buildPlanDocument } from './plans-print';
import { createPlanCore } from './plans-core';
import { letterheadOf } from '../people';

/** The printed plan (current or a kept version), exactly as it will be printed. */
export function createPlanPrintService(ctx: ServiceContext) {
  const { today, readVersion, requirePlanForRead } = createPlanCore(ctx);
  return {
    /** The document exactly as it will be printed. Printing for others needs consent in force today. */
    async getPrint({ patientId, versionNo }: { patientId: number; versionNo?: number | undefined }) {
      const loaded = await requirePlanForRead(patientId);
      const allowed = canPrintForOthers(loaded.plan, today());
      if (!allowed.ok) throw new AppError('conflict', allowed.reason);
      const version = versionNo !== undefined ? await readVersion(loaded.row.id, versionNo) : null;
      const [patient, profile] = await Promise.all([
        ctx.db.selectFrom('patient').select(['name', 'birth_date']).where('id', '=', patientId).executeTakeFirstOrThrow(),
        letterheadOf(ctx.db),
      ]);
      const printedAt = ctx.clock();
      const html = buildPlanDocument({
        plan: version ? version.version.plan : loaded.plan,
        patient: { name: patient.name, birthDate: patient.birth_date },
        letterhead: profile,
        printedAt,
        ...(version ? { version: { versionNo: version.version.versionNo, heldOn: version.heldOn, evaluations: version.version.evaluations } } : {}),
      });
      await auditRead(ctx.db, ctx.actor(), 'plans.getPrint', { entityId: loaded.row.id, patientId }, printedAt);
      return { html };
    },
  };
}
