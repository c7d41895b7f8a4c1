import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queuePageQuery } from '../../electron/core/services/no-show.service';
import { makeCore, referral, type TestCore, saveProfile } from '../fixtures/core';
import { saveGpOffice } from '../fixtures/no-show';

// FIXED_NOW is Monday 2026-11-23 09:00 UTC (10:00 in Oslo).
const count = (core: TestCore, table: string) => (core.handle.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
const openFlag = (core: TestCore, patientId: number) =>
  (core.handle.sqlite.prepare('select open_no_shows as n from patient where id = ?').get(patientId) as { n: number }).n;
const snapshot = (core: TestCore) =>
  Object.fromEntries(
    ['appointment', 'appointment_status_change', 'no_show_case', 'contact_attempt', 'letter', 'pathway_event', 'audit_log'].map((t) => [t, count(core, t)]),
  );
const caseRow = (core: TestCore, id: number) => core.handle.sqlite.prepare('select * from no_show_case where id = ?').get(id);

describe('no-show follow-up', () => {
  let core: TestCore;
  let patientId: number;
  let pathwayId: number;

  async function noShow(date = '2026-11-16', time = '10:00', kind: 'first_attendance' | 'assessment' = 'first_attendance') {
    const appt = await core.ok('appointments.book', {
      patientId,
      pathwayId,
      kind,
      date,
      time,
      durationMinutes: 60,
      place: 'Poliklinikken, rom 2',
      clinician: 'Psykolog Berg',
    });
    const res = await core.ok('appointments.setStatus', { id: appt.id, status: 'no_show' });
    return { appointmentId: appt.id, caseId: res.noShowCaseId! };
  }
  async function attempt(caseId: number, date: string, outcome: 'no_answer' | 'reached' | 'message_left' = 'no_answer') {
    return core.ok('noShow.recordAttempt', { caseId, date, time: '09:15', channel: 'phone', outcome, byName: 'Mona Merkantil', note: '' });
  }
  async function printLetter(caseId: number, recipient: 'patient' | 'referrer') {
    const created = await core.ok('noShow.createLetter', { caseId, recipient });
    await core.ok('noShow.markPrinted', { letterIds: [created.letter.id] });
    return created;
  }

  beforeEach(async () => {
    core = await makeCore();
    await saveProfile(core);
    await saveGpOffice(core);
    const created = await core.ok('referrals.create', referral());
    patientId = created.patientId;
    pathwayId = created.pathwayId;
  });
  afterEach(() => core.dispose());

  it('books appointments in Oslo time and records first attendance when one is attended', async () => {
    const appt = await core.ok('appointments.book', {
      patientId,
      pathwayId,
      kind: 'first_attendance',
      date: '2026-11-20',
      time: '13:30',
      durationMinutes: 45,
      place: '',
      clinician: 'Lege Lie',
    });
    expect(appt).toMatchObject({ startAt: '2026-11-20T12:30:00.000Z', date: '2026-11-20', time: '13:30', status: 'booked' });
    const res = await core.ok('appointments.setStatus', { id: appt.id, status: 'attended' });
    expect(res.firstAttendanceRecorded).toBe(true);
    const events = core.handle.sqlite.prepare('select type, date, source from pathway_event').all();
    expect(events).toEqual([{ type: 'first_attendance', date: '2026-11-20', source: 'appointment' }]);
    // A second attended first-attendance time does not record the event twice.
    const again = await core.ok('appointments.book', {
      patientId,
      pathwayId,
      kind: 'first_attendance',
      date: '2026-11-21',
      time: '09:00',
      durationMinutes: 45,
      place: 'Rom 1',
      clinician: '',
    });
    expect((await core.ok('appointments.setStatus', { id: again.id, status: 'attended' })).firstAttendanceRecorded).toBe(false);
    expect(count(core, 'pathway_event')).toBe(1);
  });

  it('refuses an appointment without clinician or place, and no-show/attended before the start', async () => {
    const res = await core.dispatch('appointments.book', {
      patientId,
      pathwayId: null,
      kind: 'other',
      date: '2026-12-01',
      time: '10:00',
      durationMinutes: 30,
      place: '',
      clinician: '',
    });
    expect(res).toMatchObject({ ok: false, error: { issues: [{ path: 'clinician' }, { path: 'place' }] } });
    const future = await core.ok('appointments.book', {
      patientId,
      pathwayId: null,
      kind: 'other',
      date: '2026-12-01',
      time: '10:00',
      durationMinutes: 30,
      place: 'Rom 1',
      clinician: '',
    });
    const before = snapshot(core);
    expect(await core.dispatch('appointments.setStatus', { id: future.id, status: 'no_show' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(snapshot(core)).toEqual(before);
    expect(
      await core.dispatch('appointments.book', {
        patientId,
        pathwayId: null,
        kind: 'other',
        date: '2026-12-01',
        time: '25:00',
        durationMinutes: 30,
        place: 'x',
        clinician: '',
      }),
    ).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'time', message: 'Klokkeslett må skrives tt:mm, for eksempel 09:30' }] },
    });
  });

  it('runs a case from no-show to "avsluttet – ikke nådd" through the policy, keeping the worklist flag', async () => {
    const { caseId } = await noShow();
    expect(openFlag(core, patientId)).toBe(1);
    let c = await core.ok('noShow.get', { id: caseId });
    expect(c.status).toBe('open');
    expect(c.next).toMatchObject({ kind: 'attempt', label: 'Kontaktforsøk 1', due: '2026-11-23', state: 'soon', daysUntilDue: 0 });
    expect(c.steps.map((s) => s.label)).toEqual(['Kontaktforsøk 1', 'Kontaktforsøk 2', 'Brev til pasienten', 'Brev til henviser/fastlege', 'Venter på svar']);

    // Attempts: not in the future, not before the no-show.
    for (const date of ['2026-11-24', '2026-11-15']) {
      const bad = await core.dispatch('noShow.recordAttempt', {
        caseId,
        date,
        time: '09:00',
        channel: 'phone',
        outcome: 'no_answer',
        byName: 'Mona',
        note: '',
      });
      expect(bad).toMatchObject({ ok: false, error: { issues: [{ path: 'date' }] } });
    }
    c = await attempt(caseId, '2026-11-17');
    expect(c.next).toMatchObject({ label: 'Kontaktforsøk 2', due: '2026-11-19', state: 'overdue' });
    c = await attempt(caseId, '2026-11-19', 'message_left');
    expect(c.next).toMatchObject({ kind: 'letter', label: 'Brev til pasienten', due: '2026-11-21' });
    expect(c.closeNotReachedMissing).toEqual(['Brev til pasienten er ikke sendt', 'Brev til henviser/fastlege er ikke sendt']);

    // A refused closure changes nothing: no row, no audit entry.
    const before = snapshot(core);
    const caseBefore = caseRow(core, caseId);
    const refused = await core.dispatch('noShow.close', { caseId, outcome: 'closed_not_reached', note: '' });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: 'Saken kan ikke avsluttes ennå. Dette mangler: Brev til pasienten er ikke sendt; Brev til henviser/fastlege er ikke sendt.',
        issues: [
          { path: 'outcome', message: 'Brev til pasienten er ikke sendt' },
          { path: 'outcome', message: 'Brev til henviser/fastlege er ikke sendt' },
        ],
      },
    });
    expect(snapshot(core)).toEqual(before);
    expect(caseRow(core, caseId)).toEqual(caseBefore);

    // The patient letter: a draft until printed; the stored text is what was printed.
    const draft = await core.ok('noShow.createLetter', { caseId, recipient: 'patient' });
    expect(draft.warnings).toEqual([]);
    expect(draft.letter.printedAt).toBeNull();
    expect(draft.html).toContain('Kari Testesen');
    expect(draft.html).toContain('16.11.2026');
    expect(draft.html).toContain('Statsforvalteren');
    expect((await core.ok('noShow.get', { id: caseId })).lettersMissing).toEqual(['patient', 'referrer']);
    // A new preview replaces the draft rather than piling up drafts.
    const redraft = await core.ok('noShow.createLetter', { caseId, recipient: 'patient' });
    expect(redraft.letter.id).toBe(draft.letter.id);
    await core.ok('noShow.markPrinted', { letterIds: [draft.letter.id] });
    const stored = await core.ok('noShow.getLetter', { id: draft.letter.id });
    expect(stored.html).toBe(redraft.html);
    expect(stored.text).toContain('Hei, Kari Testesen');
    expect(stored.text.split('\n').slice(0, 3)).toEqual(['Kari Testesen', 'Storgata 1', '0155 Oslo']);

    const referrer = await printLetter(caseId, 'referrer');
    expect(referrer.html).toContain('Legesenteret');
    expect(referrer.html).toContain('17.11.2026 kl. 09:15: Telefon, ikke svar');

    // The letters promise 14 days to answer: closing before that needs a reason (see no-show-loop.test.ts).
    c = await core.ok('noShow.close', { caseId, outcome: 'closed_not_reached', note: 'Henviser informert', overrideReason: 'Pasienten har flyttet' });
    expect(c).toMatchObject({
      status: 'closed',
      outcome: 'closed_not_reached',
      next: null,
      closedBy: 'Kari Koordinator',
      closeOverrideReason: 'Pasienten har flyttet',
    });
    expect(openFlag(core, patientId)).toBe(0);
    expect((await core.ok('noShow.list', {})).total).toBe(0);
    // A letter after closure uses the "case closed" template; it is not required, so nothing is missing.
    const closedLetter = await core.ok('noShow.createLetter', { caseId, recipient: 'patient' });
    expect(closedLetter.html).toContain('Henvisningen din er avsluttet');
    // Escalation is still possible on a closed case (a risk signal is never blocked).
    expect((await core.ok('noShow.escalate', { caseId, clinician: 'Overlege Dahl', note: '' })).status).toBe('escalated');

    const actions = core.handle.sqlite
      .prepare(
        "select action from audit_log where action like 'noShow%' or action like 'letter%' or action like 'contactAttempt%' or action like 'appointment%' order by id",
      )
      .all();
    expect(actions.map((a) => (a as { action: string }).action)).toEqual([
      'appointment.create',
      'appointment.no_show',
      'noShowCase.open',
      'noShowCase.view',
      'contactAttempt.create',
      'contactAttempt.create',
      'letter.create',
      'noShowCase.view',
      'letter.create',
      'letter.print',
      'letter.view',
      'letter.create',
      'letter.print',
      'noShowCase.close',
      'letter.create',
      'noShowCase.escalate',
    ]);
  });

  it('closes as declined only after reaching the patient, and as new appointment by booking it', async () => {
    const first = await noShow('2026-11-16');
    expect(await core.dispatch('noShow.close', { caseId: first.caseId, outcome: 'declined', note: '' })).toMatchObject({
      ok: false,
      error: { message: 'Saken kan ikke avsluttes ennå. Dette mangler: Det mangler et kontaktforsøk der vi fikk kontakt med pasienten.' },
    });
    await attempt(first.caseId, '2026-11-18', 'reached');
    expect((await core.ok('noShow.close', { caseId: first.caseId, outcome: 'declined', note: '' })).outcome).toBe('declined');

    const second = await noShow('2026-11-18', '12:00', 'assessment');
    expect(openFlag(core, patientId)).toBe(1);
    const booked = await core.ok('appointments.book', {
      patientId,
      pathwayId,
      kind: 'assessment',
      date: '2026-12-02',
      time: '08:30',
      durationMinutes: 60,
      place: 'Rom 3',
      clinician: '',
      noShowCaseId: second.caseId,
    });
    const c = await core.ok('noShow.get', { id: second.caseId });
    expect(c).toMatchObject({ status: 'closed', outcome: 'new_appointment', newAppointmentId: booked.id });
    expect(openFlag(core, patientId)).toBe(0);
  });

  it('escalates an open case at any step', async () => {
    const { caseId } = await noShow();
    const c = await core.ok('noShow.escalate', { caseId, clinician: 'Overlege Dahl', note: 'Bekymring fra pårørende' });
    expect(c).toMatchObject({ status: 'escalated', outcome: 'escalated', closeNote: 'Meldt til Overlege Dahl. Bekymring fra pårørende' });
    expect(openFlag(core, patientId)).toBe(0);
    expect(await core.dispatch('noShow.escalate', { caseId, clinician: 'X', note: '' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('undoes a mistaken no-show with a reason kept in the history', async () => {
    const { appointmentId, caseId } = await noShow();
    await attempt(caseId, '2026-11-17');
    const undone = await core.ok('appointments.undoNoShow', { id: appointmentId, reason: 'Pasienten kom, registrert på feil time' });
    expect(undone.status).toBe('booked');
    expect(undone.history.map((h) => [h.fromStatus, h.toStatus, h.reason])).toEqual([
      ['booked', 'no_show', ''],
      ['no_show', 'booked', 'Pasienten kom, registrert på feil time'],
    ]);
    const c = await core.ok('noShow.get', { id: caseId });
    expect(c).toMatchObject({ status: 'withdrawn', withdrawnReason: 'Pasienten kom, registrert på feil time', next: null });
    expect(c.attempts).toHaveLength(1); // history is kept
    expect(openFlag(core, patientId)).toBe(0);
    expect((await core.ok('noShow.list', {})).total).toBe(0);
    expect(core.handle.sqlite.prepare("select count(*) as n from audit_log where action in ('appointment.undoNoShow','noShowCase.withdraw')").get()).toEqual({
      n: 2,
    });
    // The appointment can now be marked attended.
    expect((await core.ok('appointments.setStatus', { id: appointmentId, status: 'attended' })).firstAttendanceRecorded).toBe(true);
    // An undo needs a reason.
    expect(await core.dispatch('appointments.undoNoShow', { id: appointmentId, reason: ' ' })).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'reason' }] },
    });
  });

  it('suggests pasientutsatt after more than 7 working days and records it on the pathway', async () => {
    const { caseId } = await noShow('2026-11-03', '10:00', 'assessment');
    const c = await core.ok('noShow.get', { id: caseId });
    expect(c.suggestPostponed).toBe(true);
    const after = await core.ok('noShow.recordPostponed', { caseId });
    expect(after).toMatchObject({ suggestPostponed: false, postponedRecorded: true });
    expect(core.handle.sqlite.prepare('select type, date, source from pathway_event').all()).toEqual([
      { type: 'patient_postponed', date: '2026-11-03', source: 'no_show' },
    ]);
    // A recent no-show does not suggest it.
    const recent = await noShow('2026-11-20', '10:00', 'assessment');
    expect((await core.ok('noShow.get', { id: recent.caseId })).suggestPostponed).toBe(false);
  });

  it('orders the queue by what is due first, filters by step, and uses its index', async () => {
    const other = await core.ok('referrals.create', referral({ nationalId: '01868510028', name: 'Ola Hansen', pathwayType: 'tsb' }));
    const a = await noShow('2026-11-19'); // attempt 1 due 26.11
    patientId = other.patientId;
    pathwayId = other.pathwayId;
    const b = await noShow('2026-11-10'); // attempt 1 due 17.11 (overdue)
    await attempt(b.caseId, '2026-11-12');
    await attempt(b.caseId, '2026-11-13'); // letters due 15.11
    const queue = await core.ok('noShow.list', {});
    expect(queue.rows.map((r) => [r.name, r.next.label, r.next.due, r.next.state])).toEqual([
      ['Ola Hansen', 'Brev til pasienten', '2026-11-15', 'overdue'],
      ['Kari Testesen', 'Kontaktforsøk 1', '2026-11-26', 'on_time'],
    ]);
    expect((await core.ok('noShow.list', { step: 'attempt' })).rows.map((r) => r.caseId)).toEqual([a.caseId]);
    expect((await core.ok('noShow.list', { search: 'hans' })).rows.map((r) => r.caseId)).toEqual([b.caseId]);

    // The day's letters: both letters of Ola's case, in one document with a page per letter.
    const due = await core.ok('noShow.listDueLetters', {});
    expect(due.items.map((i) => [i.caseId, i.recipient])).toEqual([
      [b.caseId, 'patient'],
      [b.caseId, 'referrer'],
    ]);
    const ids = [];
    for (const item of due.items) ids.push((await core.ok('noShow.createLetter', { caseId: item.caseId, recipient: item.recipient })).letter.id);
    const batch = await core.ok('noShow.getBatchDocument', { letterIds: ids });
    expect(batch.count).toBe(2);
    expect(batch.html.match(/<section class="sheet">/g)).toHaveLength(2);
    expect(batch.html).not.toContain('counter(pages)');
    await core.ok('noShow.markPrinted', { letterIds: ids });
    expect((await core.ok('noShow.listDueLetters', {})).items).toEqual([]);
    expect((await core.ok('noShow.get', { id: b.caseId })).next).toMatchObject({ kind: 'await_answer', due: '2026-12-07' });

    for (const step of [undefined, 'letter'] as const) {
      const { sql, parameters } = queuePageQuery(core.ctx.db, step ? { step } : {}).compile();
      const plan = core.handle.sqlite.prepare(`explain query plan ${sql}`).all(...(parameters as unknown[])) as { detail: string }[];
      const detail = plan.map((p) => p.detail).join('\n');
      expect(detail).toMatch(step ? /USING INDEX no_show_case_open_step_due/ : /USING INDEX no_show_case_open_due/);
      expect(detail).not.toMatch(/TEMP B-TREE/);
      expect(detail).toMatch(/SEARCH patient USING INTEGER PRIMARY KEY/);
    }
  });

  it('recomputes due dates when the policy changes, and validates it', async () => {
    const { caseId } = await noShow('2026-11-16');
    await core.ok('noShow.savePolicy', {
      attemptsRequired: 1,
      channels: ['phone', 'sms'],
      daysToFirstContact: 3,
      letterToPatient: true,
      letterToReferrer: false,
      letterToMunicipalCoordinator: true,
    });
    expect(await core.ok('noShow.getPolicy', {})).toMatchObject({ attemptsRequired: 1, daysToFirstContact: 3, channels: ['phone', 'sms'] });
    expect(core.handle.sqlite.prepare('select next_due from no_show_case where id = ?').get(caseId)).toEqual({ next_due: '2026-11-19' });
    const bad = await core.dispatch('noShow.recordAttempt', {
      caseId,
      date: '2026-11-17',
      time: '09:00',
      channel: 'letter',
      outcome: 'other',
      byName: 'Mona',
      note: '',
    });
    expect(bad).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'channel', message: 'Et brev er ikke et kontaktforsøk. Skriv ut brevet under «Brev»; det er et eget krav.' }] },
    });
    // Issue #13: no letter to the municipality without consent or another basis; the letter names the basis.
    const noBasis = await core.dispatch('noShow.createLetter', { caseId, recipient: 'municipal_coordinator' });
    expect(noBasis).toMatchObject({ ok: false, error: { issues: [{ path: 'sharingBasis' }] } });
    const otherEmpty = await core.dispatch('noShow.createLetter', { caseId, recipient: 'municipal_coordinator', sharingBasis: 'other_basis' });
    expect(otherEmpty).toMatchObject({ ok: false, error: { issues: [{ path: 'sharingBasisNote' }] } });
    const muni = await core.ok('noShow.createLetter', { caseId, recipient: 'municipal_coordinator', sharingBasis: 'consent' });
    expect(muni.html).toContain('Oslo kommune');
    expect(muni.html).toContain('Grunnlaget for at vi deler denne opplysningen med kommunen: pasientens samtykke.');
    expect(muni.html).toContain('Samarbeid om oppfølging av');
    expect(muni.html).not.toContain('Vi viser til henvisningen');
    expect(core.handle.sqlite.prepare('select template_id, sharing_basis from letter where id = ?').get(muni.letter.id)).toEqual({
      template_id: 'municipal_not_reached',
      sharing_basis: 'consent',
    });
    expect(
      await core.dispatch('noShow.savePolicy', {
        attemptsRequired: 9,
        channels: [],
        daysToFirstContact: 3,
        letterToPatient: true,
        letterToReferrer: false,
        letterToMunicipalCoordinator: false,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('edits a letter template with checks, and resets it to the shipped text', async () => {
    const { templates } = await core.ok('noShow.listTemplates', {});
    expect(templates.map((t) => [t.id, t.modified])).toEqual([
      ['case_closed_patient', false],
      ['missed_appointment_patient', false],
      ['municipal_not_reached', false],
      ['referrer_not_reached', false],
    ]);
    const t = templates.find((x) => x.id === 'missed_appointment_patient')!;
    const broken = await core.dispatch('noShow.saveTemplate', { ...t, paragraphs: ['Hei {{pasient.navn}}', 'Ingen klageadgang her'] });
    expect(broken).toMatchObject({ ok: false });
    if (!broken.ok) {
      expect(broken.error.issues).toEqual([
        { path: 'paragraphs.0', message: 'Ukjent flettefelt i avsnitt 1. Velg feltene fra listen.' },
        { path: 'paragraphs', message: expect.stringContaining('Statsforvalteren') },
      ]);
    }
    const saved = await core.ok('noShow.saveTemplate', { ...t, subject: 'Du kom ikke til timen {{appointment.date}}' });
    expect(saved.modified).toBe(true);
    const { caseId } = await noShow();
    expect((await core.ok('noShow.createLetter', { caseId, recipient: 'patient' })).html).toContain('Du kom ikke til timen 16.11.2026');
    expect((await core.ok('noShow.resetTemplate', { id: t.id })).modified).toBe(false);
  });
});
