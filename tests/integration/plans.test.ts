import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planAgendaSuggestions } from '../../electron/core/services/plans-agenda';
import { planListPageQuery } from '../../electron/core/services/plans.service';
import { syntheticNationalId } from '../../shared/domain/national-id';
import { makeCore, referral, type TestCore, saveProfile } from '../fixtures/core';

// FIXED_NOW is 2026-11-23 (Europe/Oslo).
const PLAN_TABLES = [
  'individual_plan',
  'plan_participant',
  'plan_goal',
  'plan_resource',
  'plan_need',
  'plan_measure',
  'plan_progress_note',
  'plan_revision_date',
  'plan_version',
  'audit_log',
];

function counts(core: TestCore): Record<string, number> {
  return Object.fromEntries(PLAN_TABLES.map((t) => [t, (core.handle.sqlite.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n]));
}

function attention(core: TestCore, patientId: number): string | null {
  return (core.handle.sqlite.prepare('select plan_attention_date as d from patient where id = ?').get(patientId) as { d: string | null }).d;
}

function issues(res: { ok: boolean; error?: { issues?: { path: string; message: string }[] } }): Record<string, string> {
  return Object.fromEntries((res.error?.issues ?? []).map((i) => [i.path, i.message]));
}

const overview = (patientId: number, over: Partial<{ revisionDates: string[]; period: { from: string; to: string } }> = {}) => ({
  patientId,
  period: over.period ?? { from: '2026-11-01', to: '2027-10-31' },
  revisionDates: over.revisionDates ?? ['2027-02-01'],
  coordinator: { name: 'Mona Kommune', organisation: 'Oslo kommune, koordinerende enhet' },
  cooperation: 'Samarbeid med NAV om arbeidsrettet oppfølging.',
  contributions: { patient: 'Møter til avtaler', services: 'DPS gir samtaler', relatives: 'Mor hjelper med innkjøp' },
});

describe('individual plans through the dispatcher', () => {
  let core: TestCore;
  let patientId: number;
  beforeEach(async () => {
    core = await makeCore();
    await saveProfile(core, { unitAddress: 'Sykehusveien 1\n0001 Oslo' });
    patientId = (await core.ok('referrals.create', referral())).patientId;
  });
  afterEach(() => core.dispose());

  it('runs the whole life cycle: draft, consent gating, measures, revision with evaluations, versions and print', async () => {
    expect((await core.ok('plans.get', { patientId })).view).toBeNull();
    expect(attention(core, patientId)).toBeNull();

    await core.ok('plans.save', overview(patientId));
    expect(attention(core, patientId)).toBe('2027-02-01');

    const patientP = await core.ok('plans.saveParticipant', { patientId, participant: { name: 'Kari Testesen', role: 'Pasient', organisation: '' } });
    const nav = await core.ok('plans.saveParticipant', { patientId, participant: { name: 'Per NAV', role: 'NAV-veileder', organisation: 'NAV Grünerløkka' } });
    const g1 = await core.ok('plans.saveGoal', { patientId, goal: { text: 'Jeg vil klare å handle selv', targetDate: '2027-03-01' } });
    const g2 = await core.ok('plans.saveGoal', { patientId, goal: { text: 'Jeg vil sove bedre', targetDate: null } });
    await core.ok('plans.saveItem', { patientId, kind: 'resource', item: { text: 'God kontakt med mor' } });
    await core.ok('plans.saveItem', { patientId, kind: 'need', item: { text: 'Hjelp til å komme i gang om morgenen' } });
    const m1 = await core.ok('plans.saveMeasure', {
      patientId,
      measure: {
        what: 'Samtaler med behandler',
        scope: '1 time per uke',
        howCarriedOut: 'På DPS',
        responsible: 'DPS Testby',
        startDate: '2026-11-10',
        dueDate: '2027-01-15',
        goalId: g2.id,
      },
    });
    const m2 = await core.ok('plans.saveMeasure', {
      patientId,
      measure: {
        what: 'Følge til butikken',
        scope: 'To ganger per uke',
        howCarriedOut: 'Hjemmetjenesten følger',
        responsible: 'Hjemmetjenesten',
        startDate: null,
        dueDate: '2026-12-10',
        goalId: g1.id,
      },
    });
    await core.ok('plans.saveMeasure', {
      patientId,
      measure: { what: 'Søke arbeidsavklaring', scope: '', howCarriedOut: '', responsible: 'NAV', startDate: null, dueDate: null, goalId: null },
    });
    // The earliest open measure due date now comes before the revision.
    expect(attention(core, patientId)).toBe('2026-12-10');

    await core.ok('plans.changeMeasureStatus', { patientId, measureId: m1.id, status: 'ongoing' });
    await core.ok('plans.addProgressNote', { patientId, measureId: m1.id, date: '2026-11-20', text: 'Første samtale holdt' });

    // Without consent: drafted, but not printable for others, and the refusal changes nothing.
    let view = (await core.ok('plans.get', { patientId })).view!;
    expect(view.consentState).toBe('none');
    expect(view.print).toEqual({ ok: false, reason: 'Samtykke er ikke registrert – planen kan utarbeides, men ikke deles eller skrives ut for andre' });
    const beforePrint = counts(core);
    const refused = await core.dispatch('plans.getPrint', { patientId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: view.print.reason } });
    expect(counts(core)).toEqual(beforePrint);

    await core.ok('plans.saveConsent', { patientId, givenAt: '2026-11-20', givenBy: 'Kari Testesen', coversParticipantIds: [nav.id], withdrawnAt: null });
    view = (await core.ok('plans.get', { patientId })).view!;
    expect(view.consentState).toBe('given');
    expect(view.print.ok).toBe(true);
    expect(view.plan.consent).toEqual({ givenAt: '2026-11-20', givenBy: 'Kari Testesen', coversParticipantIds: [nav.id] });
    expect(view.plan.participants.map((p) => p.id)).toEqual([patientP.id, nav.id]);
    expect(view.plan.measures.find((m) => m.id === m1.id)).toMatchObject({
      status: 'ongoing',
      progressNotes: [{ date: '2026-11-20', text: 'Første samtale holdt' }],
      goalId: g2.id,
    });
    expect(view.revision).toEqual({ next: '2027-02-01', overdue: [], lastRevisionOn: null });

    const { html } = await core.ok('plans.getPrint', { patientId });
    const headings = [...html.matchAll(/<h2>(.*?)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual([
      '1. Mål, ressurser og behov',
      '2. Hvem som deltar i planarbeidet',
      '3. Koordinator',
      '4. Bidrag fra pasient, tjenester og pårørende',
      '5. Tiltak og ansvar',
      '6. Hvordan tiltakene gjennomføres',
      '7. Planperiode og revisjon',
      '8. Samtykke',
      '9. Samarbeid med andre tjenester',
    ]);
    expect(html).toContain('Jeg, Kari Testesen, samtykker til at det utarbeides en individuell plan for meg.');
    expect(html).toContain('Per NAV (NAV-veileder, NAV Grünerløkka)');
    expect(html).toContain('Underskrift');
    expect(html).toContain('<title>Individuell plan</title>'); // never the patient's name in the title

    // A revision: every goal evaluated, next revision added, a version kept.
    const incomplete = await core.dispatch('plans.finishRevision', {
      patientId,
      heldOn: '2026-11-23',
      evaluations: [{ goalId: g1.id, result: 'partly', note: '' }],
      nextRevisionDate: null,
    });
    expect(issues(incomplete)).toEqual({ [`goals.${g2.id}`]: 'Målet «Jeg vil sove bedre» er ikke evaluert' });
    expect((await core.ok('plans.get', { patientId })).view!.versions).toEqual([]);

    const rev = await core.ok('plans.finishRevision', {
      patientId,
      heldOn: '2026-11-23',
      evaluations: [
        { goalId: g1.id, result: 'partly', note: 'Handler med følge' },
        { goalId: g2.id, result: 'achieved', note: '' },
      ],
      nextRevisionDate: '2027-05-01',
    });
    expect(rev.versionNo).toBe(1);

    // Change the plan after the revision, then compare the kept version with it.
    await core.ok('plans.saveGoal', { patientId, goal: { id: g1.id, text: 'Jeg vil handle helt på egen hånd', targetDate: '2027-03-01' } });
    await core.ok('plans.changeMeasureStatus', { patientId, measureId: m2.id, status: 'done' });
    const v1 = await core.ok('plans.getVersion', { patientId, versionNo: 1 });
    expect(v1.heldOn).toBe('2026-11-23');
    expect(v1.plan.goals.find((g) => g.id === g1.id)?.text).toBe('Jeg vil klare å handle selv');
    expect(v1.plan.revisionDates).toEqual(['2027-02-01', '2027-05-01']);
    expect(v1.evaluations).toEqual([
      { goalId: g1.id, result: 'partly', note: 'Handler med følge' },
      { goalId: g2.id, result: 'achieved', note: '' },
    ]);
    expect(v1.changes.map((c) => c.label)).toEqual([
      'Mål endret fra «Jeg vil klare å handle selv» til «Jeg vil handle helt på egen hånd»',
      'Tiltaket «Følge til butikken» endret status fra Planlagt til Fullført',
    ]);
    const printed = await core.ok('plans.getPrint', { patientId, versionNo: 1 });
    expect(printed.html).toContain('Versjon 1, fastsatt ved revisjon 23.11.2026');
    expect(printed.html).toContain('Evaluering av målene ved revisjonen 23.11.2026');
    expect(printed.html).toContain('Jeg vil klare å handle selv');
    expect(() => core.handle.sqlite.exec("update plan_version set snapshot = '{}'")).toThrow(/immutable/);

    view = (await core.ok('plans.get', { patientId })).view!;
    expect(view.versions).toMatchObject([{ versionNo: 1, heldOn: '2026-11-23' }]);
    expect(view.revision.lastRevisionOn).toBe('2026-11-23');
    // m2 done: the earliest open due date is m1's, before the next revision.
    expect(attention(core, patientId)).toBe('2027-01-15');

    // Every write and opening is audited with ids only.
    const audit = core.handle.sqlite.prepare("select action, entity, patient_id from audit_log where action like 'plan.%' order by id").all() as {
      action: string;
      patient_id: number;
    }[];
    expect(audit.map((a) => a.action)).toContain('plan.revision');
    expect(audit.map((a) => a.action)).toContain('plan.print');
    expect(audit.every((a) => a.patient_id === patientId)).toBe(true);
    expect(JSON.stringify(core.handle.sqlite.prepare('select * from audit_log').all())).not.toMatch(/handle|sove|NAV/);

    // Withdrawn consent stops printing again.
    await core.ok('plans.saveConsent', {
      patientId,
      givenAt: '2026-11-20',
      givenBy: 'Kari Testesen',
      coversParticipantIds: [nav.id],
      withdrawnAt: '2026-11-23',
    });
    expect(await core.dispatch('plans.getPrint', { patientId, versionNo: 1 })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'Samtykket er trukket tilbake – planen kan ikke deles eller skrives ut for andre' },
    });
  });

  it('refuses a status change the rules do not allow, and changes nothing', async () => {
    await core.ok('plans.save', overview(patientId));
    const m = await core.ok('plans.saveMeasure', {
      patientId,
      measure: { what: 'Tiltak', scope: '', howCarriedOut: '', responsible: 'DPS', startDate: null, dueDate: '2026-12-01', goalId: null },
    });
    await core.ok('plans.changeMeasureStatus', { patientId, measureId: m.id, status: 'done' });
    const before = counts(core);
    const attentionBefore = attention(core, patientId);
    const res = await core.dispatch('plans.changeMeasureStatus', { patientId, measureId: m.id, status: 'stopped' });
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'conflict', issues: [{ path: 'status', message: 'Et tiltak med status «Fullført» kan ikke endres til «Avbrutt»' }] },
    });
    expect(counts(core)).toEqual(before);
    expect(attention(core, patientId)).toBe(attentionBefore);
    expect((core.handle.sqlite.prepare('select status from plan_measure where id = ?').get(m.id) as { status: string }).status).toBe('done');
  });

  it('gives field-level errors from the plan rules and saves nothing', async () => {
    expect(await core.dispatch('plans.saveGoal', { patientId, goal: { text: 'x', targetDate: null } })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const bad = await core.dispatch('plans.save', overview(patientId, { period: { from: '2027-01-01', to: '2026-12-01' }, revisionDates: ['2028-01-01'] }));
    expect(issues(bad)).toEqual({ 'period.to': 'Planperioden kan ikke slutte før den starter' });
    expect(counts(core).individual_plan).toBe(0);
    const outside = await core.dispatch('plans.save', overview(patientId, { revisionDates: ['2028-01-01'] }));
    expect(issues(outside)).toEqual({ 'revisionDates.0': 'Revisjonsdatoen 01.01.2028 ligger utenfor planperioden' });

    await core.ok('plans.save', overview(patientId));
    const before = counts(core);
    const measure = await core.dispatch('plans.saveMeasure', {
      patientId,
      measure: { what: 'Tiltak', scope: '', howCarriedOut: '', responsible: '  ', startDate: '2026-12-01', dueDate: '2026-11-30', goalId: 999 },
    });
    expect(issues(measure)).toEqual({ 'measure.responsible': 'Ansvarlig må fylles ut' });
    const dates = await core.dispatch('plans.saveMeasure', {
      patientId,
      measure: { what: 'Tiltak', scope: '', howCarriedOut: '', responsible: 'DPS', startDate: '2026-12-01', dueDate: '2026-11-30', goalId: 999 },
    });
    expect(issues(dates)).toEqual({
      'measure.dueDate': 'Fristen kan ikke være før startdatoen',
      'measure.goalId': 'Tiltaket viser til et mål som ikke finnes i planen',
    });
    const consent = await core.dispatch('plans.saveConsent', {
      patientId,
      givenAt: '2026-11-20',
      givenBy: 'Kari',
      coversParticipantIds: [12345],
      withdrawnAt: '2026-11-19',
    });
    expect(issues(consent)).toEqual({
      withdrawnAt: 'Samtykket kan ikke være trukket tilbake før det ble gitt',
      coversParticipantIds: 'Samtykket omfatter en deltaker som ikke er med i planarbeidet',
    });
    const future = await core.dispatch('plans.saveConsent', { patientId, givenAt: '2026-12-01', givenBy: '', coversParticipantIds: [], withdrawnAt: null });
    expect(issues(future)).toEqual({ givenAt: 'Datoen kan ikke være fram i tid', givenBy: 'Skriv hvem som ga samtykket' });
    const note = await core.dispatch('plans.addProgressNote', { patientId, measureId: 4711, date: '2026-11-20', text: 'x' });
    expect(note).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(counts(core)).toEqual(before);
  });

  it('lists plans needing attention on the Planer screen on its index, with revision and overdue measure details', async () => {
    const other = (await core.ok('referrals.create', referral({ nationalId: '01868510028', name: 'Ola Hansen', pathwayType: 'tsb' }))).patientId;
    const third = (await core.ok('referrals.create', referral({ nationalId: syntheticNationalId('1990-03-15', 123)!, name: 'Siri Dahl' }))).patientId;
    await core.ok('plans.save', overview(patientId, { revisionDates: ['2026-12-01'] }));
    await core.ok('plans.save', overview(other, { revisionDates: ['2027-06-01'] }));
    await core.ok('plans.save', overview(third, { revisionDates: [] }));
    for (const [what, due] of [
      ['Tiltak A', '2026-11-01'],
      ['Tiltak B', '2026-11-15'],
      ['Tiltak C', '2027-01-01'],
    ] as const) {
      await core.ok('plans.saveMeasure', {
        patientId: other,
        measure: { what, scope: '', howCarriedOut: '', responsible: 'NAV', startDate: null, dueDate: due, goalId: null },
      });
    }

    const list = await core.ok('plans.list', {});
    expect(list.total).toBe(2); // the third plan has no dates and needs no attention
    expect(list.rows).toEqual([
      {
        patientId: other,
        name: 'Ola Hansen',
        nationalIdMasked: '018685 *****',
        synthetic: true,
        attentionDate: '2026-11-01',
        revisionDate: '2027-06-01',
        overdueMeasures: 2,
        firstOverdueDue: '2026-11-01',
        nextMeasureDue: '2026-11-01',
      },
      {
        patientId,
        name: 'Kari Testesen',
        nationalIdMasked: '018685 *****',
        synthetic: true,
        attentionDate: '2026-12-01',
        revisionDate: '2026-12-01',
        overdueMeasures: 0,
        firstOverdueDue: null,
        nextMeasureDue: null,
      },
    ]);
    expect((await core.ok('plans.list', { horizonDays: 0 })).rows.map((r) => r.patientId)).toEqual([other]);

    const { sql, parameters } = planListPageQuery(core.ctx.db, '2026-12-23', 200, 0).compile();
    const plan = core.handle.sqlite.prepare(`explain query plan ${sql}`).all(...(parameters as unknown[])) as { detail: string }[];
    const detail = plan.map((p) => p.detail).join('\n');
    expect(detail).toMatch(/USING (COVERING )?INDEX patient_plan_attention/);
    expect(detail).not.toMatch(/SCAN patient(?! USING)/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
    const measures = core.handle.sqlite
      .prepare(
        "explain query plan select plan_id, min(due_date) from plan_measure where plan_id in (1, 2) and status in ('planned','ongoing') and due_date is not null group by plan_id",
      )
      .all() as { detail: string }[];
    expect(measures.map((p) => p.detail).join('\n')).toMatch(/INDEX plan_measure_plan/);
  });

  it('makes a measure of a meeting action item in one transaction, linked both ways, and refuses a second time', async () => {
    const db = core.handle.sqlite;
    const meetingId = Number(
      db
        .prepare(
          "insert into meeting (patient_id, kind, start_at, duration_minutes, ics_uid, created_at, updated_at) values (?, 'evaluation', '2026-11-20T09:00:00.000Z', 60, 'uid-1@test', 'x', 'x')",
        )
        .run(patientId).lastInsertRowid,
    );
    const addItem = (text: string, owner: string, due: string | null) =>
      Number(
        db
          .prepare("insert into meeting_action_item (meeting_id, text, owner, due_date, created_at, updated_at) values (?, ?, ?, ?, 'x', 'x')")
          .run(meetingId, text, owner, due).lastInsertRowid,
      );
    const item = addItem('Søke om bolig', 'Ola Hansen, NAV', '2026-12-15');
    const noOwner = addItem('Ringe fastlegen', '', null);

    // No plan yet: refused, nothing changes.
    let before = counts(core);
    expect(await core.dispatch('plans.measureFromAction', { actionItemId: item })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(counts(core)).toEqual(before);

    await core.ok('plans.save', overview(patientId, { revisionDates: ['2027-02-01'] }));
    const made = await core.ok('plans.measureFromAction', { actionItemId: item });
    expect(made.patientId).toBe(patientId);
    const view = (await core.ok('plans.get', { patientId })).view!;
    expect(view.plan.measures).toEqual([
      {
        id: made.id,
        what: 'Søke om bolig',
        scope: '',
        howCarriedOut: '',
        responsible: 'Ola Hansen, NAV',
        dueDate: '2026-12-15',
        status: 'planned',
        origin: { kind: 'meeting_action', meetingId, actionId: item },
        progressNotes: [],
      },
    ]);
    expect(view.measureOrigins).toEqual([{ measureId: made.id, meetingId, meetingStartAt: '2026-11-20T09:00:00.000Z' }]);
    expect((db.prepare('select plan_measure_id as m from meeting_action_item where id = ?').get(item) as { m: number }).m).toBe(made.id);
    expect(attention(core, patientId)).toBe('2026-12-15');

    before = counts(core);
    expect(await core.dispatch('plans.measureFromAction', { actionItemId: item })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'Oppfølgingspunktet er allerede gjort til et tiltak i den individuelle planen' },
    });
    expect(await core.dispatch('plans.measureFromAction', { actionItemId: noOwner })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await core.dispatch('plans.measureFromAction', { actionItemId: 99999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(counts(core)).toEqual(before);

    // A failure in the second write rolls back the first: no measure without its link.
    db.exec("create trigger fail_link before update of plan_measure_id on meeting_action_item begin select raise(abort, 'simulated failure'); end");
    const other = addItem('Kontakte skolen', 'Rådgiver', null);
    expect(await core.dispatch('plans.measureFromAction', { actionItemId: other })).toMatchObject({ ok: false, error: { code: 'storage' } });
    expect(counts(core)).toEqual(before);
    db.exec('drop trigger fail_link');

    // Removing the measure unlinks the action item.
    await core.ok('plans.removeMeasure', { patientId, id: made.id });
    expect((db.prepare('select plan_measure_id as m from meeting_action_item where id = ?').get(item) as { m: number | null }).m).toBeNull();
  });

  it('suggests goals and open measures for a meeting agenda', async () => {
    expect(await planAgendaSuggestions(core.ctx.db, patientId, '2027-02-01')).toEqual({ goalsDue: [], openMeasures: [] });
    await core.ok('plans.save', overview(patientId, { revisionDates: ['2027-02-01'] }));
    const g1 = await core.ok('plans.saveGoal', { patientId, goal: { text: 'Mål en', targetDate: '2026-12-15' } });
    const g2 = await core.ok('plans.saveGoal', { patientId, goal: { text: 'Mål to', targetDate: null } });
    const late = await core.ok('plans.saveMeasure', {
      patientId,
      measure: { what: 'Sent', scope: '', howCarriedOut: '', responsible: 'A', startDate: null, dueDate: '2027-01-10', goalId: null },
    });
    const none = await core.ok('plans.saveMeasure', {
      patientId,
      measure: { what: 'Uten frist', scope: '', howCarriedOut: '', responsible: 'B', startDate: null, dueDate: null, goalId: null },
    });
    const early = await core.ok('plans.saveMeasure', {
      patientId,
      measure: { what: 'Tidlig', scope: '', howCarriedOut: '', responsible: 'C', startDate: null, dueDate: '2026-12-01', goalId: null },
    });
    const doneM = await core.ok('plans.saveMeasure', {
      patientId,
      measure: { what: 'Ferdig', scope: '', howCarriedOut: '', responsible: 'D', startDate: null, dueDate: '2026-11-30', goalId: null },
    });
    await core.ok('plans.changeMeasureStatus', { patientId, measureId: doneM.id, status: 'done' });

    const before = await planAgendaSuggestions(core.ctx.db, patientId, '2027-01-05');
    expect(before.goalsDue).toEqual([{ id: g1.id, text: 'Mål en' }]);
    expect(before.openMeasures).toEqual([
      { id: early.id, what: 'Tidlig', responsible: 'C', dueDate: '2026-12-01' },
      { id: late.id, what: 'Sent', responsible: 'A', dueDate: '2027-01-10' },
      { id: none.id, what: 'Uten frist', responsible: 'B', dueDate: null },
    ]);
    // At the revision every goal is up for evaluation.
    expect((await planAgendaSuggestions(core.ctx.db, patientId, '2027-02-01')).goalsDue.map((g) => g.id)).toEqual([g1.id, g2.id]);
  });
});
