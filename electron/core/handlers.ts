import type { Handlers } from './dispatch';
import type { ServiceContext } from './services/context';
import { createPatientsService } from './services/patients.service';
import { createProfileService } from './services/profile.service';
import { createReferralsService } from './services/referrals.service';
import { createWorklistService } from './services/worklist.service';
import { createPlansService } from './services/plans.service';

export interface HandlerDeps {
  ctx: ServiceContext;
  transport: 'electron' | 'browser';
  version: string;
}

/** The handler map: each contract method bound to its service. Areas add their lines here. */
export function createHandlers({ ctx, transport, version }: HandlerDeps): Handlers {
  const profile = createProfileService(ctx);
  const referrals = createReferralsService(ctx);
  const patients = createPatientsService(ctx);
  const worklist = createWorklistService(ctx);
  const plans = createPlansService(ctx);
  return {
    'app.info': async () => ({ version, transport, demo: ctx.demo, needsProfile: (await profile.get()) === null }),
    'profile.get': () => profile.get(),
    'profile.save': (p) => profile.save(p),
    'referrals.create': (input) => referrals.create(input),
    'patients.get': ({ id }) => patients.get(id),
    'patients.revealNationalId': ({ id }) => patients.revealNationalId(id),
    'worklist.list': (q) => worklist.list(q),
    'plans.get': ({ patientId }) => plans.get(patientId),
    'plans.save': (input) => plans.save(input),
    'plans.saveParticipant': (input) => plans.saveParticipant(input),
    'plans.removeParticipant': (input) => plans.removeParticipant(input),
    'plans.saveConsent': (input) => plans.saveConsent(input),
    'plans.saveGoal': (input) => plans.saveGoal(input),
    'plans.removeGoal': (input) => plans.removeGoal(input),
    'plans.saveItem': (input) => plans.saveItem(input),
    'plans.removeItem': (input) => plans.removeItem(input),
    'plans.saveMeasure': (input) => plans.saveMeasure(input),
    'plans.removeMeasure': (input) => plans.removeMeasure(input),
    'plans.changeMeasureStatus': (input) => plans.changeMeasureStatus(input),
    'plans.addProgressNote': (input) => plans.addProgressNote(input),
    'plans.finishRevision': (input) => plans.finishRevision(input),
    'plans.getVersion': (input) => plans.getVersion(input),
    'plans.getPrint': (input) => plans.getPrint(input),
    'plans.list': (q) => plans.list(q),
  };
}
