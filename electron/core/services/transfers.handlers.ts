import type { AreaHandlers, HandlerDeps } from './area-handlers';
import { createEvaluationsService } from './evaluations.service';
import { createTransfersService } from './transfers.service';

/** Issue #13 §2: transfers between pathways and units; evaluations proposed by meetings and appointments. */
export function transfersHandlers({ ctx }: HandlerDeps): AreaHandlers<'transfers'> {
  const s = createTransfersService(ctx);
  return { 'transfers.create': (input) => s.create(input) };
}

export function evaluationsHandlers({ ctx }: HandlerDeps): AreaHandlers<'evaluations'> {
  const s = createEvaluationsService(ctx);
  return {
    'evaluations.proposals': ({ patientId }) => s.proposals(patientId),
    'evaluations.confirm': (input) => s.confirm(input),
    'evaluations.dismiss': (input) => s.dismiss(input),
    'evaluations.recordTreatmentPlan': (input) => s.recordTreatmentPlan(input),
  };
}
