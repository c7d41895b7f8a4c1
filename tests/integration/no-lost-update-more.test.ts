import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodName } from '../../shared/contract';
import { makeCore, referral, type TestCore } from '../fixtures/core';

/**
 * No lost update on the rest of what people edit in place, on both stores (as tests/integration/no-lost-update.test.ts
 * for patient, measure and minutes): the meeting's details and agenda, a no-show case's close and escalation, an
 * appointment's correction, the plan's overview, consent, participants, goals, resources and needs. Each: a save on
 * the version loaded before someone else's save is refused, names who and which field, and writes nothing; the same
 * save on the version now current goes through.
 */
describe('optimistic concurrency on meetings, no-show cases, appointments and the plan', () => {
  let core: TestCore;
  let patientId: number;
  let pathwayId: number;
  // A pathway's referrer is named by its pathway; every other record by its id.
  const row = (table: string, id: number) =>
    core.handle.sqlite.prepare(`select * from ${table} where ${table === 'referrer' ? 'pathway_id' : 'id'} = ?`).get(id) as Record<string, unknown>;
  const count = (table: string) => (core.handle.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

  /**
   * Sends `input` (carrying a stale version) and checks the refusal: code, the record, who saved last (as the row
   * says), the changed field by its Norwegian name; then that the row and the audit log are as before.
   */
  async function expectRefused(method: MethodName, input: unknown, table: string, id: number, what: string, field: string, typed: string) {
    const before = row(table, id);
    const audits = count('audit_log');
    const res = await core.dispatch(method, input);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('conflict');
    const who = String(before.updated_by);
    expect(who).not.toBe('');
    // The person: their name beside the login when they have given one ("Kari Koordinator (kari)"), else the login.
    expect(res.error.message).toMatch(
      new RegExp(`^${what} ble endret av (?:[^()]+ \\(${who}\\)|${who}) \\d\\d\\.\\d\\d\\.\\d{4} kl\\. \\d\\d:\\d\\d etter at du åpnet det\\.`),
    );
    expect(res.error.message).toContain(field);
    expect(res.error.message).toContain('Det du skrev er ikke lagret, men står fortsatt i skjemaet.');
    // Names only: never what was typed.
    expect(res.error.message).not.toContain(typed);
    expect(row(table, id)).toEqual(before);
    expect(count('audit_log')).toBe(audits);
  }

  beforeEach(async () => {
    core = await makeCore();
    const created = await core.ok('referrals.create', referral());
    patientId = created.patientId;
    pathwayId = created.pathwayId;
  });
  afterEach(() => core.dispose());

  async function meeting() {
    const input = {
      patientId,
      kind: 'evaluation' as const,
      date: '2026-11-25',
      time: '10:00',
      durationMinutes: 60,
      place: 'DPS',
      participants: [{ name: 'Kari Testesen', role: 'patient' }],
    };
    const { id } = await core.ok('meetings.create', input);
    return { id, input };
  }

  it("meeting details: a stale update is refused naming the other person's field; the current version saves", async () => {
    const { id, input } = await meeting();
    const { patientId: _p, ...fields } = input;
    const loaded = (await core.ok('meetings.get', { id })).version;
    expect(loaded).toBe(1);
    const first = await core.ok('meetings.update', { id, ...fields, place: 'Rom 4', version: loaded });
    expect(first.version).toBe(2);
    await expectRefused('meetings.update', { id, ...fields, durationMinutes: 90, version: loaded }, 'meeting', id, 'Møtet', ' Endret: Sted. ', '90');
    const now = await core.ok('meetings.get', { id });
    expect(now).toMatchObject({ place: 'Rom 4', durationMinutes: 60, version: 2 });
    const again = await core.ok('meetings.update', { id, ...fields, place: 'Rom 4', durationMinutes: 90, version: now.version });
    expect(again.version).toBe(3);
    expect((await core.ok('meetings.get', { id })).durationMinutes).toBe(90);
  });

  it('meeting agenda: a stale agenda save is refused (Endret: Agenda) and keeps the other agenda; a cancel moves the version', async () => {
    const { id, input } = await meeting();
    const { patientId: _p, ...fields } = input;
    const opened = await core.ok('meetings.get', { id });
    const items = opened.agenda.map((a) => ({ id: a.id, title: a.title, source: a.source as 'template', sourceId: a.sourceId }));
    const saved = await core.ok('meetings.saveAgenda', { id, items: [...items, { title: 'Kari sitt punkt' }], version: opened.version });
    expect(saved.version).toBe(2);
    await expectRefused(
      'meetings.saveAgenda',
      { id, items: [...items, { title: 'Per sitt punkt' }], version: opened.version },
      'meeting',
      id,
      'Møtet',
      ' Endret: Agenda. ',
      'Per sitt',
    );
    expect((await core.ok('meetings.get', { id })).agenda.map((a) => a.title)).toContain('Kari sitt punkt');
    // The meeting form opened before the agenda change is refused too, and says it was the agenda.
    await expectRefused('meetings.update', { id, ...fields, place: 'Rom 9', version: opened.version }, 'meeting', id, 'Møtet', ' Endret: Agenda. ', 'Rom 9');
    const retry = await core.ok('meetings.saveAgenda', { id, items: [...items, { title: 'Per sitt punkt' }], version: saved.version });
    expect(retry.agenda.map((a) => a.title)).toContain('Per sitt punkt');
    // Cancelling (without a version) still moves it on: the agenda editor opened before it is refused.
    await core.ok('meetings.cancel', { id, reason: '' });
    await expectRefused('meetings.saveAgenda', { id, items, version: retry.version }, 'meeting', id, 'Møtet', 'Status (avlyst)', 'Kari sitt');
  });

  async function noShowCase() {
    const appt = await core.ok('appointments.book', {
      patientId,
      pathwayId,
      kind: 'first_attendance',
      date: '2026-11-16',
      time: '10:00',
      durationMinutes: 60,
      place: 'Poliklinikken',
      clinician: 'Psykolog Berg',
    });
    const res = await core.ok('appointments.setStatus', { id: appt.id, status: 'no_show', version: appt.version });
    return { appointmentId: appt.id, caseId: res.noShowCaseId! };
  }

  it('no-show case: closing or escalating a case someone changed since it was opened is refused; attempts do not conflict', async () => {
    const { caseId } = await noShowCase();
    const opened = await core.ok('noShow.get', { id: caseId });
    expect(opened.version).toBe(1);
    // A contact attempt is an insert of its own: it does not move the case's version.
    await core.ok('noShow.recordAttempt', { caseId, date: '2026-11-17', time: '09:15', channel: 'phone', outcome: 'no_answer', byName: 'Mona', note: '' });
    expect((await core.ok('noShow.get', { id: caseId })).version).toBe(1);
    // Someone records pasientutsatt; an escalation on the version opened before is refused.
    await core.ok('noShow.recordPostponed', { caseId, version: opened.version });
    await expectRefused(
      'noShow.escalate',
      { caseId, clinician: 'Lege Hansen', note: 'Bekymret', version: opened.version },
      'no_show_case',
      caseId,
      'Saken',
      ' Endret: Pasientutsatt. ',
      'Bekymret',
    );
    const escalated = await core.ok('noShow.escalate', { caseId, clinician: 'Lege Hansen', note: '', version: 2 });
    expect(escalated).toMatchObject({ status: 'escalated', version: 3 });
    // Closing on the version loaded before the escalation: refused, naming the escalation's fields.
    await expectRefused(
      'noShow.close',
      { caseId, outcome: 'declined', note: 'Pasienten takket nei', version: 2 },
      'no_show_case',
      caseId,
      'Saken',
      ' Endret: Status, Utfall, Notat. ',
      'takket nei',
    );
    expect((await core.ok('noShow.get', { id: caseId })).status).toBe('escalated');
    const answered = await core.ok('noShow.recordAnswer', { caseId, answer: 'Ringer selv', version: 3 });
    expect(answered.version).toBe(4);
  });

  it('appointment correction: a stale correction is refused; undoing a no-show on a stale version too', async () => {
    const appt = await core.ok('appointments.book', {
      patientId,
      pathwayId,
      kind: 'assessment',
      date: '2026-11-30',
      time: '10:00',
      durationMinutes: 60,
      place: 'Rom 1',
      clinician: 'Psykolog Berg',
    });
    expect(appt.version).toBe(1);
    const fields = { id: appt.id, date: '2026-11-30', time: '10:00', durationMinutes: 60, place: 'Rom 1', clinician: 'Psykolog Berg' };
    const moved = await core.ok('appointments.update', { ...fields, time: '12:00', reason: 'Behandler syk', version: 1 });
    expect(moved.version).toBe(2);
    await expectRefused(
      'appointments.update',
      { ...fields, place: 'Rom 7', reason: 'Større rom', version: 1 },
      'appointment',
      appt.id,
      'Timen',
      ' Endret: Dato og klokkeslett. ',
      'Rom 7',
    );
    const fresh = (await core.ok('appointments.list', { patientId })).appointments.find((a) => a.id === appt.id)!;
    expect(fresh).toMatchObject({ time: '12:00', place: 'Rom 1', version: 2 });
    const again = await core.ok('appointments.update', { ...fields, time: '12:00', place: 'Rom 7', reason: 'Større rom', version: fresh.version });
    expect(again).toMatchObject({ place: 'Rom 7', version: 3 });

    const { appointmentId } = await noShowCase();
    const marked = (await core.ok('appointments.list', { patientId })).appointments.find((a) => a.id === appointmentId)!;
    expect(marked.version).toBe(2);
    await expectRefused(
      'appointments.undoNoShow',
      { id: appointmentId, reason: 'Feil', version: 1 },
      'appointment',
      appointmentId,
      'Timen',
      ' Endret: Status. ',
      'Feil',
    );
    await core.ok('appointments.undoNoShow', { id: appointmentId, reason: 'Feil', version: 2 });
  });

  async function plan() {
    await core.ok('plans.save', {
      patientId,
      period: { from: '2026-11-01', to: '2027-10-31' },
      revisionDates: ['2027-02-01'],
      coordinator: { name: 'Mona Kommune', organisation: 'Oslo kommune' },
      cooperation: '',
      contributions: { patient: '', services: '', relatives: '' },
    });
    return (await core.ok('plans.get', { patientId })).view!;
  }

  it('plan overview and consent: one version on the plan; a stale save of either is refused naming the field', async () => {
    const view = await plan();
    const planId = (core.handle.sqlite.prepare('select id from individual_plan where patient_id = ?').get(patientId) as { id: number }).id;
    expect(view.rowVersions.plan).toBe(1);
    const overview = {
      patientId,
      period: { from: '2026-11-01', to: '2027-10-31' },
      revisionDates: ['2027-02-01'],
      coordinator: { name: 'Mona Kommune', organisation: 'Oslo kommune' },
      cooperation: '',
      contributions: { patient: '', services: '', relatives: '' },
    };
    await core.ok('plans.save', { ...overview, revisionDates: ['2027-02-01', '2027-05-01'], version: 1 });
    await expectRefused(
      'plans.save',
      { ...overview, cooperation: 'Ukentlige samtaler', version: 1 },
      'individual_plan',
      planId,
      'Planen',
      ' Endret: Revisjonsdatoer. ',
      'Ukentlige',
    );
    const consent = { patientId, givenAt: '2026-11-20', givenBy: 'Pasienten', coversParticipantIds: [], withdrawnAt: null };
    await expectRefused('plans.saveConsent', { ...consent, version: 1 }, 'individual_plan', planId, 'Planen', 'Revisjonsdatoer', 'Pasienten');
    const now = (await core.ok('plans.get', { patientId })).view!;
    expect(now.plan.revisionDates).toEqual(['2027-02-01', '2027-05-01']);
    expect(now.plan.consent.givenAt).toBeUndefined();
    await core.ok('plans.saveConsent', { ...consent, version: now.rowVersions.plan });
    await expectRefused(
      'plans.save',
      { ...overview, revisionDates: ['2027-02-01', '2027-05-01'], cooperation: 'Ukentlige samtaler', version: now.rowVersions.plan },
      'individual_plan',
      planId,
      'Planen',
      ' Endret: Samtykke gitt, Samtykke gitt av. ',
      'Ukentlige',
    );
    const latest = (await core.ok('plans.get', { patientId })).view!.rowVersions.plan;
    await core.ok('plans.save', { ...overview, revisionDates: ['2027-02-01', '2027-05-01'], cooperation: 'Ukentlige samtaler', version: latest });
    expect((await core.ok('plans.get', { patientId })).view!.plan.cooperation).toBe('Ukentlige samtaler');
  });

  it('plan goal, resource and participant: each row has its own version', async () => {
    await plan();
    const { id: goalId } = await core.ok('plans.saveGoal', { patientId, goal: { text: 'Komme i jobb', targetDate: null } });
    const { id: resourceId } = await core.ok('plans.saveItem', { patientId, kind: 'resource', item: { text: 'Støttende familie' } });
    const { id: partId } = await core.ok('plans.saveParticipant', { patientId, participant: { name: 'Ola Lege', role: 'Fastlege', organisation: '' } });
    const v = (await core.ok('plans.get', { patientId })).view!.rowVersions;
    const of = (list: { id: number; version: number }[], id: number) => list.find((x) => x.id === id)!.version;
    expect([of(v.goals, goalId), of(v.resources, resourceId), of(v.participants, partId)]).toEqual([1, 1, 1]);

    await core.ok('plans.saveGoal', { patientId, goal: { id: goalId, text: 'Komme i jobb', targetDate: '2027-06-01', version: 1 } });
    await expectRefused(
      'plans.saveGoal',
      { patientId, goal: { id: goalId, text: 'Komme i arbeid', targetDate: null, version: 1 } },
      'plan_goal',
      goalId,
      'Målet',
      ' Endret: Måldato. ',
      'arbeid',
    );
    await core.ok('plans.saveGoal', { patientId, goal: { id: goalId, text: 'Komme i arbeid', targetDate: '2027-06-01', version: 2 } });

    await core.ok('plans.saveItem', { patientId, kind: 'resource', item: { id: resourceId, text: 'Familie og venner', version: 1 } });
    await expectRefused(
      'plans.saveItem',
      { patientId, kind: 'resource', item: { id: resourceId, text: 'Nabo', version: 1 } },
      'plan_resource',
      resourceId,
      'Ressursen',
      ' Endret: Teksten. ',
      'Nabo',
    );
    await core.ok('plans.saveItem', { patientId, kind: 'resource', item: { id: resourceId, text: 'Nabo', version: 2 } });

    await core.ok('plans.saveParticipant', {
      patientId,
      participant: { id: partId, name: 'Ola Lege', role: 'Fastlege', organisation: 'Legesenteret', version: 1 },
    });
    await expectRefused(
      'plans.saveParticipant',
      { patientId, participant: { id: partId, name: 'Ola Lege', role: 'Lege', organisation: '', version: 1 } },
      'plan_participant',
      partId,
      'Deltakeren',
      ' Endret: Virksomhet. ',
      'Lege"',
    );
    const plan2 = (await core.ok('plans.get', { patientId })).view!;
    expect(plan2.plan.goals[0]).toMatchObject({ text: 'Komme i arbeid', targetDate: '2027-06-01' });
    expect(plan2.plan.resources[0]?.text).toBe('Nabo');
    expect(plan2.plan.participants.find((p) => p.id === partId)?.organisation).toBe('Legesenteret');
  });

  it("contact directory: a stale save of a contact is refused naming the other person's field", async () => {
    const contact = { name: 'Ola Hansen', role: 'municipal_coordinator' as const, organisation: 'Oslo kommune', municipalityNumber: '0301' };
    const saved = await core.ok('contacts.save', contact);
    expect(saved.version).toBe(1);
    await core.ok('contacts.save', { ...contact, id: saved.id, phone: '22 33 44 55', version: 1 });
    await expectRefused(
      'contacts.save',
      { ...contact, id: saved.id, email: 'ola.hansen@oslo.kommune.no', version: 1 },
      'contact',
      saved.id,
      'Kontakten',
      ' Endret: Telefon. ',
      'ola.hansen',
    );
    const now = await core.ok('contacts.get', { id: saved.id });
    expect(now).toMatchObject({ phone: '22 33 44 55', email: '', version: 2 });
    await core.ok('contacts.save', { ...contact, id: saved.id, phone: '22 33 44 55', email: 'ola.hansen@oslo.kommune.no', version: now.version });
  });

  it("a pathway's referrer: a stale save is refused naming the field; the current version saves", async () => {
    const referrer = { pathwayId, organisation: 'Storgata legesenter', person: 'Dr. Berg', herId: '' };
    await core.ok('referrer.save', referrer);
    const loaded = (await core.ok('referrer.get', { pathwayId })).referrer!.version;
    await core.ok('referrer.save', { ...referrer, person: 'Dr. Dahl', version: loaded });
    await expectRefused(
      'referrer.save',
      { ...referrer, address: 'Storgata 1', version: loaded },
      'referrer',
      pathwayId,
      'Henviseren',
      ' Endret: Henvisende lege/behandler. ',
      'Storgata 1',
    );
    const now = (await core.ok('referrer.get', { pathwayId })).referrer!;
    expect(now).toMatchObject({ person: 'Dr. Dahl', address: '', version: loaded + 1 });
    await core.ok('referrer.save', { ...referrer, person: 'Dr. Dahl', address: 'Storgata 1', version: now.version });
  });
});
