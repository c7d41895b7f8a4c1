import type { ServiceContext } from './context';
import { createPlanContentService } from './plans-content.service';
import { createPlanPrintService } from './plans-print.service';
import { createPlanRevisionService } from './plans-revision.service';

export { planListDetails, planListPageQuery } from './plans-revision.service';

/** The individual-plan area, split along its seams: content, revision, print (each in its own file). */
export function createPlansService(ctx: ServiceContext) {
  return { ...createPlanContentService(ctx), ...createPlanRevisionService(ctx), ...createPlanPrintService(ctx) };
}
export type PlansService = ReturnType<typeof createPlansService>;
