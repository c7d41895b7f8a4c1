import type { Handlers } from './dispatch';
import type { ServiceContext } from './services/context';
import type { TrustRuntime } from './trust-runtime';
import { createAuditService } from './services/audit.service';
import { createBackupsService } from './services/backups.service';
import { createLockService } from './services/lock.service';
import { createRetentionService } from './services/retention.service';
import { createSecurityService } from './services/security.service';
import { createAppointmentsService } from './services/appointments.service';
import { createContactsService, createMunicipalitiesService } from './services/contacts.service';
import { createMeetingsService } from './services/meetings.service';
import { createNoShowService } from './services/no-show.service';
import { createPatientsService } from './services/patients.service';
import { createPlansService } from './services/plans.service';
import { createProfileService } from './services/profile.service';
import { createReferralsService } from './services/referrals.service';
import { createWorklistService } from './services/worklist.service';
import { createPathwaysService } from './services/pathways.service';
import { createRulesService } from './services/rules.service';
import { createOverviewService } from './services/overview.service';

export interface HandlerDeps {
  ctx: ServiceContext;
  transport: 'electron' | 'browser';
  version: string;
  /** The running core's backups, restore and lock (absent where handlers are built without a core). */
  trust?: TrustRuntime;
}

/** The handler map: each contract method bound to its service. Areas add their lines here. */
export function createHandlers({ ctx, transport, version, trust }: HandlerDeps): Handlers {
  const profile = createProfileService(ctx);
  const referrals = createReferralsService(ctx);
  const patients = createPatientsService(ctx);
  const worklist = createWorklistService(ctx);
  const pathways = createPathwaysService(ctx);
  const rules = createRulesService(ctx);
  const overview = createOverviewService(ctx);
  const appointments = createAppointmentsService(ctx);
  const noShow = createNoShowService(ctx);
  const plans = createPlansService(ctx);
  const municipalities = createMunicipalitiesService(ctx);
  const contacts = createContactsService(ctx);
  const meetings = createMeetingsService(ctx);
  const audit = createAuditService(ctx);
  const backups = createBackupsService(ctx, trust);
  const lock = createLockService(ctx, trust);
  const retention = createRetentionService(ctx);
  const security = createSecurityService(ctx);
  return {
    'app.info': async () => ({ version, transport, demo: ctx.demo, needsProfile: (await profile.get()) === null }),
    'profile.get': () => profile.get(),
    'profile.save': (p) => profile.save(p),
    'referrals.create': (input) => referrals.create(input),
    'patients.get': ({ id }) => patients.get(id),
    'patients.revealNationalId': ({ id }) => patients.revealNationalId(id),
    'worklist.list': (q) => worklist.list(q),
    'pathways.getForPatient': ({ patientId }) => pathways.getForPatient(patientId),
    'pathways.getExplanation': ({ pathwayId }) => pathways.getExplanation(pathwayId),
    'pathways.assess': (input) => pathways.assess(input),
    'pathways.recordEvent': (input) => pathways.recordEvent(input),
    'pathways.correctEvent': (input) => pathways.correctEvent(input),
    'pathways.recordBreachReason': (input) => pathways.recordBreachReason(input),
    'pathways.moveRuleVersion': (input) => pathways.moveRuleVersion(input),
    'pathways.getSummary': ({ patientId }) => pathways.getSummary(patientId),
    'rules.list': () => rules.list(),
    'rules.addLocalVersion': (input) => rules.addLocalVersion(input),
    'rules.withdrawLocalVersion': (input) => rules.withdrawLocalVersion(input),
    'rules.moveOpenPathways': (input) => rules.moveOpenPathways(input),
    'rules.getCalendarSettings': () => rules.getCalendarSettings(),
    'rules.saveCalendarSettings': (input) => rules.saveCalendarSettings(input),
    'overview.get': (input) => overview.get(input),
    'overview.listPatients': (input) => overview.listPatients(input),
    'appointments.list': ({ patientId }) => appointments.list(patientId),
    'appointments.book': (input) => appointments.book(input),
    'appointments.setStatus': ({ id, status }) => appointments.setStatus(id, status),
    'appointments.undoNoShow': ({ id, reason }) => appointments.undoNoShow(id, reason),
    'noShow.getPolicy': () => noShow.getPolicy(),
    'noShow.savePolicy': (p) => noShow.savePolicy(p),
    'noShow.list': (q) => noShow.list(q),
    'noShow.listForPatient': ({ patientId }) => noShow.listForPatient(patientId),
    'noShow.get': ({ id }) => noShow.get(id),
    'noShow.recordAttempt': (input) => noShow.recordAttempt(input),
    'noShow.close': (input) => noShow.close(input),
    'noShow.escalate': (input) => noShow.escalate(input),
    'noShow.recordPostponed': ({ caseId }) => noShow.recordPostponed(caseId),
    'noShow.createLetter': (input) => noShow.createLetter(input),
    'noShow.getLetter': ({ id }) => noShow.getLetter(id),
    'noShow.markPrinted': ({ letterIds }) => noShow.markPrinted(letterIds),
    'noShow.listDueLetters': () => noShow.listDueLetters(),
    'noShow.getBatchDocument': ({ letterIds }) => noShow.getBatchDocument(letterIds),
    'noShow.listTemplates': () => noShow.listTemplates(),
    'noShow.saveTemplate': (input) => noShow.saveTemplate(input),
    'noShow.resetTemplate': ({ id }) => noShow.resetTemplate(id),
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
    'plans.measureFromAction': (input) => plans.measureFromAction(input),
    'municipalities.list': () => municipalities.list(),
    'municipalities.load': ({ json }) => municipalities.load(json),
    'contacts.list': (q) => contacts.list(q),
    'contacts.save': (input) => contacts.save(input),
    'contacts.delete': ({ id }) => contacts.delete(id),
    'contacts.importCsv': ({ text }) => contacts.importCsv(text),
    'contacts.getCsv': () => contacts.getCsv(),
    'contacts.listForPatient': ({ patientId }) => contacts.listForPatient(patientId),
    'meetings.listWeek': ({ from, days }) => meetings.listWeek(from, days),
    'meetings.listForPatient': ({ patientId }) => meetings.listForPatient(patientId),
    'meetings.get': ({ id }) => meetings.get(id),
    'meetings.listConflicts': (q) => meetings.listConflicts(q),
    'meetings.create': (input) => meetings.create(input),
    'meetings.update': (input) => meetings.update(input),
    'meetings.cancel': ({ id, reason }) => meetings.cancel(id, reason),
    'meetings.saveAgenda': ({ id, items }) => meetings.saveAgenda(id, items),
    'meetings.listAgendaSuggestions': ({ id }) => meetings.listAgendaSuggestions(id),
    'meetings.getAgendaDocument': ({ id }) => meetings.getAgendaDocument(id),
    'meetings.getMinutesDocument': ({ id, version }) => meetings.getMinutesDocument(id, version),
    'meetings.saveMinutes': (input) => meetings.saveMinutes(input),
    'meetings.finalizeMinutes': ({ id }) => meetings.finalizeMinutes(id),
    'meetings.setActionItemDone': ({ actionItemId, done }) => meetings.setActionItemDone(actionItemId, done),
    'meetings.getIcs': ({ id }) => meetings.getIcs(id),
    'meetings.getSettings': () => meetings.getSettings(),
    'meetings.saveTemplate': ({ kind, items }) => meetings.saveTemplate(kind, items),
    'meetings.resetTemplate': ({ kind }) => meetings.resetTemplate(kind),
    'meetings.savePrintPrivacy': ({ printPrivacy }) => meetings.savePrintPrivacy(printPrivacy),
    'audit.verify': () => audit.verify(),
    'audit.list': (q) => audit.list(q),
    'audit.exportCsv': (q) => audit.exportCsv(q),
    'audit.printPatient': (q) => audit.printPatient(q),
    'backups.status': () => backups.status(),
    'backups.create': () => backups.create(),
    'backups.restore': ({ fileName }) => backups.restore(fileName),
    'backups.restoreProgress': () => backups.progress(),
    'lock.status': () => lock.status(),
    'lock.setPin': (input) => lock.setPin(input),
    'lock.unlock': (input) => lock.unlock(input),
    'lock.lock': (input) => lock.lock(input),
    'retention.preview': (input) => retention.preview(input),
    'retention.delete': (input) => retention.delete(input),
    'security.getSettings': () => security.get(),
    'security.saveSettings': (s) => security.save(s),
  };
}
