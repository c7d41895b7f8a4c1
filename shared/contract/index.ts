import type { z } from 'zod';
import type { ReadAudit } from './method';
import { appContract } from './app';
import { auditContract } from './audit';
import { backupsContract } from './backups';
import { lockContract } from './lock';
import { retentionContract } from './retention';
import { securityContract } from './security';
import { appointmentsContract } from './appointments';
import { contactsContract } from './contacts';
import { meetingsContract } from './meetings';
import { municipalitiesContract } from './municipalities';
import { noShowContract } from './no-show';
import { patientsContract } from './patients';
import { plansContract } from './plans';
import { profileContract } from './profile';
import { referralsContract } from './referrals';
import { worklistContract } from './worklist';
import { pathwaysContract } from './pathways';
import { rulesContract } from './rules';
import { overviewContract } from './overview';
import { registrationContract } from './registration';
import { referrerContract } from './referrer';
import { guardiansContract, patientContactsContract } from './family';
import { breachContract } from './breach';
import { pathwayCareContract, readmissionsContract } from './pathway-care';
import { evaluationsContract, transfersContract } from './transfers';
import { reportContract } from './report';
import { storeContract } from './store';

/** Every method the renderer can call, one place. Each area adds its own object here. */
export const contract = {
  ...appContract,
  ...profileContract,
  ...referralsContract,
  ...patientsContract,
  ...worklistContract,
  ...pathwaysContract,
  ...rulesContract,
  ...overviewContract,
  ...registrationContract,
  ...appointmentsContract,
  ...noShowContract,
  ...plansContract,
  ...municipalitiesContract,
  ...contactsContract,
  ...meetingsContract,
  ...auditContract,
  ...backupsContract,
  ...lockContract,
  ...retentionContract,
  ...securityContract,
  ...referrerContract,
  ...guardiansContract,
  ...patientContactsContract,
  ...breachContract,
  ...readmissionsContract,
  ...pathwayCareContract,
  ...transfersContract,
  ...evaluationsContract,
  ...reportContract,
  ...storeContract,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What the caller sends (before parsing: defaults optional). */
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
/** What the handler receives (after parsing). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** The declared facts of one method (query or mutation, allowed while locked, what it audits). */
export type Facts<M extends MethodName> = Contract[M]['facts'];
export function methodFacts<M extends MethodName>(name: M): Facts<M> {
  return contract[name].facts;
}

/** The area a method belongs to: the part of its name before the dot ('noShow.recordAttempt' → 'noShow'). */
export type Area = MethodName extends `${infer A}.${string}` ? A : never;
export function methodArea(name: MethodName): Area {
  return name.slice(0, name.indexOf('.')) as Area;
}

/** Methods whose read leaves a declared audit entry (the action and entity come from the contract). */
export type AuditedReadMethod = { [M in MethodName]: Facts<M>['audit'] extends ReadAudit ? M : never }[MethodName];

export const methodNames = Object.keys(contract) as MethodName[];

// What a write makes stale: from the generated facts table (zod-free, so the renderer's start can read it).
export { affectingAreas, writeAffects } from './method-facts';

export * from './envelope';
export type { AuditFact, Invalidates, MethodFacts, ReadAudit } from './method';
