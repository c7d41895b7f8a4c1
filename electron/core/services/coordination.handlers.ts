import type { AreaHandlers, HandlerDeps } from './area-handlers';
import { createBreachService } from './breach.service';
import { createGuardiansService, createPatientContactsService } from './family.service';
import { createPathwayCareService, createReadmissionsService } from './pathway-care.service';
import { createReferrerService } from './referrer.service';

/** Issue #13 §2 areas: each contract method bound to the service function of the same name. */
export function referrerHandlers({ ctx }: HandlerDeps): AreaHandlers<'referrer'> {
  const s = createReferrerService(ctx);
  return {
    'referrer.get': ({ pathwayId }) => s.get(pathwayId),
    'referrer.save': (input) => s.save(input),
  };
}

export function guardiansHandlers({ ctx }: HandlerDeps): AreaHandlers<'guardians'> {
  const s = createGuardiansService(ctx);
  return {
    'guardians.list': ({ patientId }) => s.list(patientId),
    'guardians.save': (input) => s.save(input),
    'guardians.delete': ({ id }) => s.delete(id),
  };
}

export function patientContactsHandlers({ ctx }: HandlerDeps): AreaHandlers<'patientContacts'> {
  const s = createPatientContactsService(ctx);
  return {
    'patientContacts.list': ({ patientId }) => s.list(patientId),
    'patientContacts.save': (input) => s.save(input),
    'patientContacts.delete': ({ id }) => s.delete(id),
  };
}

export function breachHandlers({ ctx }: HandlerDeps): AreaHandlers<'breach'> {
  const s = createBreachService(ctx);
  return {
    'breach.get': ({ pathwayId }) => s.get(pathwayId),
    'breach.list': () => s.list(),
    'breach.recordHelfo': (input) => s.recordHelfo(input),
    'breach.addPostponement': (input) => s.addPostponement(input),
    'breach.createLetter': ({ pathwayId }) => s.createLetter(pathwayId),
  };
}

export function readmissionsHandlers({ ctx }: HandlerDeps): AreaHandlers<'readmissions'> {
  const s = createReadmissionsService(ctx);
  return {
    'readmissions.forPatient': ({ patientId }) => s.forPatient(patientId),
    'readmissions.count': ({ from, to }) => s.count(from, to),
  };
}

export function pathwayCareHandlers({ ctx }: HandlerDeps): AreaHandlers<'pathwayCare'> {
  const s = createPathwayCareService(ctx);
  return {
    'pathwayCare.get': ({ pathwayId }) => s.get(pathwayId),
    'pathwayCare.save': (input) => s.save(input),
  };
}
