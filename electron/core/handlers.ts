import type { Handlers } from './dispatch';
import type { HandlerDeps } from './services/area-handlers';
import { appHandlers } from './services/app.handlers';
import { appointmentsHandlers } from './services/appointments.handlers';
import { auditHandlers } from './services/audit.handlers';
import { backupsHandlers } from './services/backups.handlers';
import { contactsHandlers, municipalitiesHandlers } from './services/contacts.handlers';
import { lockHandlers } from './services/lock.handlers';
import { meetingsHandlers } from './services/meetings.handlers';
import { noShowHandlers } from './services/no-show.handlers';
import { overviewHandlers } from './services/overview.handlers';
import { pathwaysHandlers } from './services/pathways.handlers';
import { patientsHandlers } from './services/patients.handlers';
import { plansHandlers } from './services/plans.handlers';
import { profileHandlers } from './services/profile.handlers';
import { referralsHandlers } from './services/referrals.handlers';
import { retentionHandlers } from './services/retention.handlers';
import { rulesHandlers } from './services/rules.handlers';
import { securityHandlers } from './services/security.handlers';
import { worklistHandlers } from './services/worklist.handlers';
import { storeHandlers } from './services/store.handlers';
import { registrationHandlers } from './services/registration.handlers';
import { evaluationsHandlers, transfersHandlers } from './services/transfers.handlers';
import { reportHandlers } from './services/report.handlers';
import {
  breachHandlers,
  guardiansHandlers,
  pathwayCareHandlers,
  patientContactsHandlers,
  readmissionsHandlers,
  referrerHandlers,
} from './services/coordination.handlers';

export type { HandlerDeps } from './services/area-handlers';

/**
 * The handler map: one object per area, each exported beside its service. The return type makes a missing
 * method a compile error; each area's own type (AreaHandlers) makes a misplaced or unknown one an error.
 */
export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    ...appHandlers(deps),
    ...profileHandlers(deps),
    ...referralsHandlers(deps),
    ...patientsHandlers(deps),
    ...worklistHandlers(deps),
    ...pathwaysHandlers(deps),
    ...rulesHandlers(deps),
    ...overviewHandlers(deps),
    ...registrationHandlers(deps),
    ...appointmentsHandlers(deps),
    ...noShowHandlers(deps),
    ...plansHandlers(deps),
    ...municipalitiesHandlers(deps),
    ...contactsHandlers(deps),
    ...meetingsHandlers(deps),
    ...auditHandlers(deps),
    ...backupsHandlers(deps),
    ...lockHandlers(deps),
    ...retentionHandlers(deps),
    ...securityHandlers(deps),
    ...referrerHandlers(deps),
    ...guardiansHandlers(deps),
    ...patientContactsHandlers(deps),
    ...breachHandlers(deps),
    ...readmissionsHandlers(deps),
    ...pathwayCareHandlers(deps),
    ...transfersHandlers(deps),
    ...evaluationsHandlers(deps),
    ...reportHandlers(deps),
    ...storeHandlers(deps),
  };
}
