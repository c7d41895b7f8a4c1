import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodFacts, methodNames, type MethodName } from '../../shared/contract';
import { makeCore, referral, type TestCore, saveProfile } from '../fixtures/core';
import { missedAppointment } from '../fixtures/no-show';

type AuditRow = { action: string; entity: string; entity_id: number | null; patient_id: number | null };

/**
 * Every query runs once through the dispatcher on a small real data set; what it leaves in the audit log must
 * be exactly what its facts declare: nothing for 'none', one entry with the declared action and entity for a
 * read audit. A new query without a sample here fails the coverage check.
 */
describe('queries audit exactly what the contract declares', () => {
  let core: TestCore;
  const ids = { patientId: 0, pathwayId: 0, caseId: 0, letterId: 0, meetingId: 0, contactId: 0 };
  const lastId = () => (core.handle.sqlite.prepare('select coalesce(max(id), 0) as n from audit_log').get() as { n: number }).n;
  const rowsAfter = (id: number) =>
    core.handle.sqlite.prepare('select action, entity, entity_id, patient_id from audit_log where id > ? order by id').all(id) as AuditRow[];

  const samples = (): Partial<Record<MethodName, unknown>> => ({
    'app.info': {},
    'profile.get': {},
    'patients.get': { id: ids.patientId },
    'patients.revealNationalId': { id: ids.patientId },
    'patients.search': { query: 'Testesen', includeClosed: true },
    'referrals.compare': { patient: referral().patient },
    'worklist.list': { search: 'Testesen' },
    'worklist.logSearch': {},
    'worklist.searchKeys': {},
    'worklist.people': {},
    'pathways.getForPatient': { patientId: ids.patientId },
    'pathways.getExplanation': { pathwayId: ids.pathwayId },
    'pathways.getSummary': { patientId: ids.patientId },
    'rules.list': {},
    'rules.getCalendarSettings': {},
    'overview.get': { from: '2026-11-01', to: '2026-11-30' },
    'registration.list': {},
    'registration.exportCsv': {},
    'overview.listPatients': { from: '2026-11-01', to: '2026-11-30', indicator: 'assessed_in_time' },
    'appointments.list': { patientId: ids.patientId },
    'noShow.getPolicy': {},
    'noShow.list': { search: 'Testesen' },
    'noShow.listForPatient': { patientId: ids.patientId },
    'noShow.get': { id: ids.caseId },
    'noShow.getLetter': { id: ids.letterId },
    'noShow.listDueLetters': {},
    'noShow.getBatchDocument': { letterIds: [ids.letterId] },
    'noShow.listTemplates': {},
    'noShow.listEscalated': {},
    'plans.get': { patientId: ids.patientId },
    'plans.list': {},
    'plans.getVersion': { patientId: ids.patientId, versionNo: 1 },
    'plans.getPrint': { patientId: ids.patientId },
    'municipalities.list': {},
    'contacts.list': {},
    'contacts.get': { id: ids.contactId },
    'contacts.getCsv': {},
    'contacts.listForPatient': { patientId: ids.patientId },
    'meetings.listWeek': { from: '2026-11-23' },
    'meetings.listForPatient': { patientId: ids.patientId },
    'meetings.get': { id: ids.meetingId },
    'meetings.listConflicts': { patientId: ids.patientId, date: '2026-11-25', time: '10:00', durationMinutes: 30, participants: [] },
    'meetings.listAgendaSuggestions': { id: ids.meetingId },
    'meetings.getAgendaDocument': { id: ids.meetingId },
    'meetings.getIcs': { id: ids.meetingId },
    'meetings.getMinutesDocument': { id: ids.meetingId },
    'meetings.getSettings': {},
    'audit.verify': {},
    'audit.list': { patientId: ids.patientId },
    'audit.listImported': {},
    'audit.verifyImported': {},
    'audit.exportCsv': { patientId: ids.patientId },
    'audit.printPatient': { patientId: ids.patientId },
    'backups.status': {},
    'store.status': {},
    'backups.restoreProgress': {},
    'backups.dailyProgress': {},
    'lock.status': {},
    'lock.activity': {},
    'retention.preview': { months: 12 },
    'security.getSettings': {},
    'referrer.get': { pathwayId: ids.pathwayId },
    'guardians.list': { patientId: ids.patientId },
    'patientContacts.list': { patientId: ids.patientId },
    'breach.get': { pathwayId: ids.pathwayId },
    'breach.list': {},
    'readmissions.forPatient': { patientId: ids.patientId },
    'readmissions.count': { from: '2026-11-01', to: '2026-11-30' },
    'pathwayCare.get': { pathwayId: ids.pathwayId },
    'evaluations.proposals': { patientId: ids.patientId },
    'meetings.getInvitationLetters': { id: ids.meetingId },
    'report.tertial': { year: 2026, tertial: 3 },
    'report.print': { year: 2026, tertial: 3 },
    'report.exportCsv': { year: 2026, tertial: 3 },
    'rules.previewPack': { fileName: 'rule-pack-2027.json', content: readFileSync(new URL('../fixtures/rule-pack-2027.json', import.meta.url), 'utf8') },
    'rules.listPackImports': {},
  });

  beforeAll(async () => {
    core = await makeCore();
    await saveProfile(core);
    const created = await core.ok('referrals.create', referral());
    ids.patientId = created.patientId;
    ids.pathwayId = created.pathwayId;
    ids.caseId = await missedAppointment(core, ids);
    ids.letterId = (await core.ok('noShow.createLetter', { caseId: ids.caseId, recipient: 'patient' })).letter.id;
    ids.contactId = (await core.ok('contacts.save', { name: 'Ola Hansen', role: 'gp', organisation: 'Legesenteret' })).id;
    ids.meetingId = (
      await core.ok('meetings.create', {
        patientId: ids.patientId,
        kind: 'evaluation',
        date: '2026-11-25',
        time: '10:00',
        durationMinutes: 60,
        place: 'Møterom 1',
        participants: [],
      })
    ).id;
    await core.ok('meetings.saveMinutes', { id: ids.meetingId, notes: [] });
    const patientId = ids.patientId;
    await core.ok('plans.save', {
      patientId,
      period: { from: '2026-11-01', to: '2027-10-31' },
      revisionDates: ['2027-02-01'],
      coordinator: { name: 'Mona Kommune', organisation: 'Oslo kommune' },
      cooperation: '',
      contributions: { patient: '', services: '', relatives: '' },
    });
    const nav = await core.ok('plans.saveParticipant', { patientId, participant: { name: 'Per NAV', role: 'NAV-veileder', organisation: 'NAV' } });
    await core.ok('plans.saveConsent', { patientId, givenAt: '2026-11-20', givenBy: 'Kari Testesen', coversParticipantIds: [nav.id], withdrawnAt: null });
    await core.ok('plans.finishRevision', { patientId, heldOn: '2026-11-23', evaluations: [], nextRevisionDate: null });
  });
  afterAll(() => core.dispose());

  it('has a sample for every query', () => {
    const queries = methodNames.filter((m) => methodFacts(m).kind === 'query');
    const covered = new Set(Object.keys(samples()));
    expect(queries.filter((m) => !covered.has(m))).toEqual([]);
  });

  it.each(Object.keys(samples()) as MethodName[])('%s', async (name) => {
    const before = lastId();
    const res = await core.dispatch(name, samples()[name]);
    expect(res.ok, JSON.stringify(res)).toBe(true);
    const rows = rowsAfter(before);
    const audit = methodFacts(name).audit;
    if (audit === 'none') {
      expect(rows).toEqual([]);
    } else if (audit !== 'write') {
      expect(rows.length).toBeGreaterThanOrEqual(1);
      for (const r of rows) expect({ action: r.action, entity: r.entity }).toEqual({ action: audit.action, entity: audit.entity });
      // Caseload-wide exports: registration.exportCsv logs one entry per exported event, or one without a patient when empty.
      // The tertial report holds counts only: its print and export name no patient.
      const patientScoped = audit.read !== 'search' && name !== 'contacts.getCsv' && name !== 'registration.exportCsv' && !name.startsWith('report.');
      if (patientScoped) for (const r of rows) expect(r.patient_id).toBe(ids.patientId);
    }
  });
});
