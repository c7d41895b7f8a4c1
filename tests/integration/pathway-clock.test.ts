import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureStatements } from '../fixtures/capture-sql';
import { FIXED_NOW, makeCore, type TestCore, saveProfile } from '../fixtures/core';
import { seedCaseload } from '../../electron/core/seed/seed';
import { recomputePathwayClocks } from '../../electron/core/services/pathway-clock';
import { assessRight, newPathway } from '../fixtures/pathways';

// FIXED_NOW is Monday 2026-11-23 (Oslo).
let core: TestCore;
beforeEach(async () => {
  core = await makeCore();
});
afterEach(async () => {
  await core.dispose();
});

const count = (table: string) => (core.handle.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
const pathwayRow = (id: number) => core.handle.sqlite.prepare('select * from pathway where id = ?').get(id) as Record<string, unknown>;

describe('rules as data', () => {
  it('loads the national rule pack into SQLite with source and confidence per time', async () => {
    const rules = await core.ok('rules.list', {});
    const d11 = rules.pathways.find((p) => p.pathwayType === 'adult_mental')!;
    expect(d11.code).toBe('D11');
    const inForce = d11.versions.find((v) => v.inForceToday)!;
    expect(inForce).toMatchObject({ id: 'national-2024-adult_mental', origin: 'national', clockStart: 'referral_assessed' });
    expect(inForce.times.find((t) => t.setting === 'outpatient')).toMatchObject({
      fromEvent: 'first_attendance',
      toEvent: 'clinical_decision',
      days: 42,
      confidence: 'unconfirmed',
    });
    const tsb = rules.pathways.find((p) => p.pathwayType === 'tsb')!;
    // Issue #13: TSB's 2019 times are sourced; the version in force today (2024) is unverified.
    expect(tsb.versions.find((v) => v.inForceToday)!.times.every((t) => t.confidence === 'unconfirmed')).toBe(true);
    expect(tsb.versions.find((v) => v.id === 'national-2019-tsb')!.times.every((t) => t.confidence === 'confirmed')).toBe(true);
    expect(rules.outcomes.map((o) => o.code)).toEqual(['CU', 'CP', 'CT', 'CS', 'CK', 'CA', 'CI']);
  });

  it('a new pathway stores the version in force and its derived next action', async () => {
    const { pathwayId } = await newPathway(core, { referralReceived: '2026-11-02' });
    expect(pathwayRow(pathwayId)).toMatchObject({
      rule_version_id: 'national-2024-adult_mental',
      next_action_key: 'legal/referral-assessment',
      next_action_label: 'Vurder henvisningen',
      next_due_date: '2026-11-16',
      due_sort: '2026-11-16',
      assessment_due: '2026-11-16',
    });
  });

  it('a local version takes precedence from its date; running pathways keep theirs unless moved (logged); withdrawal reverts', async () => {
    const before = await newPathway(core, { referralReceived: '2026-11-02' });
    const local = await core.ok('rules.addLocalVersion', {
      pathwayType: 'adult_mental',
      validFrom: '2026-11-10',
      clockStart: 'referral_assessed',
      source: 'Vedtak i klinikkledelsen 01.11.2026',
      times: [{ setting: 'outpatient', fromEvent: 'first_attendance', toEvent: 'clinical_decision', days: 30, unit: 'calendar' }],
    });
    const after = await newPathway(core, { referralReceived: '2026-11-12' });
    expect(pathwayRow(before.pathwayId).rule_version_id).toBe('national-2024-adult_mental');
    expect(pathwayRow(after.pathwayId).rule_version_id).toBe(local.id);

    // The deadline of the later pathway follows the local time (30 days), explained as local.
    await core.ok('pathways.assess', {
      pathwayId: after.pathwayId,
      rightsDecision: 'right',
      careKind: 'treatment',
      assessedOn: '2026-11-13',
      careDeadline: '2026-12-15',
    });
    await core.ok('pathways.recordEvent', { pathwayId: after.pathwayId, type: 'first_attendance', date: '2026-11-20' });
    const explained = await core.ok('pathways.getExplanation', { pathwayId: after.pathwayId });
    expect(explained.pathway.nextAction).toMatchObject({ label: 'Klinisk beslutning', due: '2026-12-20' });
    expect(explained.pathway.nextAction.explanation).toMatchObject({ confidence: 'local', ruleVersionId: local.id, offset: 30 });
    expect(explained.pathway.nextAction.explanation!.text).toContain('Lokal versjon fra 10.11.2026');

    const rules = await core.ok('rules.list', {});
    expect(rules.pathways.find((p) => p.pathwayType === 'adult_mental')!.versions.find((v) => v.id === local.id)).toMatchObject({
      inForceToday: true,
      openPathways: 1,
    });

    const auditBefore = count('audit_log');
    const moved = await core.ok('rules.moveOpenPathways', { versionId: local.id });
    expect(moved.moved).toBe(1);
    expect(pathwayRow(before.pathwayId).rule_version_id).toBe(local.id);
    const moveEntries = core.handle.sqlite.prepare("select entity_id from audit_log where action = 'pathway.moveRuleVersion' and id > ?").all(auditBefore) as {
      entity_id: number;
    }[];
    expect(moveEntries.map((e) => e.entity_id)).toEqual([before.pathwayId]);

    const withdrawn = await core.ok('rules.withdrawLocalVersion', { versionId: local.id, reason: 'Ny nasjonal veileder' });
    expect(withdrawn.moved).toBe(2);
    expect(pathwayRow(before.pathwayId).rule_version_id).toBe('national-2024-adult_mental');
    expect(pathwayRow(after.pathwayId).rule_version_id).toBe('national-2024-adult_mental');
    expect(pathwayRow(after.pathwayId).next_due_date).toBe('2027-01-01'); // 20.11 + 42 days
  });

  it('refuses a national version to be withdrawn and an invalid local version, changing nothing', async () => {
    const versions = count('rule_version');
    const res = await core.dispatch('rules.withdrawLocalVersion', { versionId: 'national-2024-adult_mental', reason: 'x' });
    expect(res.ok).toBe(false);
    const bad = await core.dispatch('rules.addLocalVersion', {
      pathwayType: 'adult_mental',
      validFrom: '2026-11-10',
      clockStart: 'referral_assessed',
      source: 'Lokal',
      times: [{ setting: 'outpatient', fromEvent: 'evaluation', toEvent: 'first_attendance', days: 30, unit: 'calendar' }],
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.issues?.[0]?.path).toBe('times.0.toEvent');
    expect(count('rule_version')).toBe(versions);
  });

  it('counting Saturdays as working days moves the legal deadline and is kept as a setting', async () => {
    const { pathwayId } = await newPathway(core, { referralReceived: '2026-11-02' });
    expect(pathwayRow(pathwayId).next_due_date).toBe('2026-11-16');
    expect((await core.ok('rules.saveCalendarSettings', { countSaturdays: true })).recomputed).toBeGreaterThan(0);
    expect(await core.ok('rules.getCalendarSettings', {})).toEqual({ countSaturdays: true });
    expect(pathwayRow(pathwayId).next_due_date).toBe('2026-11-13'); // Sat 7.11 counts
  });
});

describe('assessment and the care deadline', () => {
  it('records henvisning vurdert with frist; next action becomes the care deadline; the start event falls out of it', async () => {
    const { pathwayId } = await newPathway(core, { referralReceived: '2026-11-02' });
    await core.ok('pathways.assess', { pathwayId, rightsDecision: 'right', careKind: 'treatment', assessedOn: '2026-11-05', careDeadline: '2026-12-10' });
    expect(pathwayRow(pathwayId)).toMatchObject({
      referral_assessed: '2026-11-05',
      care_deadline: '2026-12-10',
      next_action_label: 'Start helsehjelp innen frist',
      next_due_date: '2026-12-10',
      dq_flags: 0,
    });
    const starts = () =>
      core.handle.sqlite.prepare("select date, status, source from pathway_event where pathway_id = ? and type = 'start' order by id").all(pathwayId);
    expect(starts()).toEqual([{ date: '2026-11-05', status: 'active', source: 'assessment' }]);
    // A corrected assessment date moves the start with it, keeping the history.
    await core.ok('pathways.assess', { pathwayId, rightsDecision: 'right', careKind: 'treatment', assessedOn: '2026-11-06', careDeadline: '2026-12-10' });
    expect(starts()).toEqual([
      { date: '2026-11-05', status: 'corrected', source: 'assessment' },
      { date: '2026-11-06', status: 'active', source: 'assessment' },
    ]);
  });

  it('refuses a frist beyond 65 working days for a patient under 23, by the field, changing nothing', async () => {
    const { pathwayId } = await newPathway(core, { referralReceived: '2026-11-02', birthDate: '2010-01-15' });
    const before = JSON.stringify(pathwayRow(pathwayId));
    const res = await core.dispatch('pathways.assess', {
      pathwayId,
      rightsDecision: 'right',
      careKind: 'treatment',
      assessedOn: '2026-11-05',
      careDeadline: '2027-03-01',
    });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.issues?.[0]?.path).toBe('careDeadline');
      expect(res.error.message).toContain('65 virkedager');
    }
    expect(JSON.stringify(pathwayRow(pathwayId))).toBe(before);
    // The same frist is fine for an adult.
    const adult = await newPathway(core, { referralReceived: '2026-11-02' });
    await core.ok('pathways.assess', {
      pathwayId: adult.pathwayId,
      rightsDecision: 'right',
      careKind: 'treatment',
      assessedOn: '2026-11-05',
      careDeadline: '2027-03-01',
    });
  });
});

describe('event life cycle', () => {
  it('records events with codes, refuses out-of-order ones, corrects with a reason and keeps the history', async () => {
    const { pathwayId, patientId } = await newPathway(core, { referralReceived: '2026-11-02' });
    await core.ok('pathways.assess', { pathwayId, rightsDecision: 'right', careKind: 'treatment', assessedOn: '2026-11-04', careDeadline: '2026-12-01' });

    // Before the referral: refused, nothing written.
    const events = count('pathway_event');
    const early = await core.dispatch('pathways.recordEvent', { pathwayId, type: 'first_attendance', date: '2026-10-30' });
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.error.issues?.[0]).toMatchObject({ path: 'date' });
    expect(count('pathway_event')).toBe(events);

    const fa = await core.ok('pathways.recordEvent', { pathwayId, type: 'first_attendance', date: '2026-11-10' });
    expect(fa.code).toBe('D11F');
    expect(pathwayRow(pathwayId)).toMatchObject({ next_action_label: 'Klinisk beslutning', next_due_date: '2026-12-22', first_attendance_on: '2026-11-10' });

    const c1 = await core.ok('pathways.recordEvent', { pathwayId, type: 'clinical_decision', date: '2026-11-16', outcome: 'CU' });
    expect(c1.code).toBe('D11CU');
    const c2 = await core.ok('pathways.recordEvent', { pathwayId, type: 'clinical_decision', date: '2026-11-18', outcome: 'CP' });
    expect(c2.code).toBe('D11CP');
    const third = await core.dispatch('pathways.recordEvent', { pathwayId, type: 'clinical_decision', date: '2026-11-19', outcome: 'CP' });
    expect(third.ok).toBe(false);
    if (!third.ok) expect(third.error.message).toContain('høyst to ganger');
    const noOutcome = await core.dispatch('pathways.recordEvent', { pathwayId, type: 'clinical_decision', date: '2026-11-19' });
    expect(!noOutcome.ok && noOutcome.error.issues?.[0]?.path).toBe('outcome');

    // Correct the first attendance's date with a reason: old row kept as 'corrected' → replacement.
    const corrected = await core.ok('pathways.correctEvent', { eventId: fa.eventId, action: 'replace', date: '2026-11-09', reason: 'Feil dato registrert' });
    const old = core.handle.sqlite.prepare('select status, replaced_by, correction_reason from pathway_event where id = ?').get(fa.eventId);
    expect(old).toEqual({ status: 'corrected', replaced_by: corrected.eventId, correction_reason: 'Feil dato registrert' });
    expect(pathwayRow(pathwayId).first_attendance_on).toBe('2026-11-09');
    const again = await core.dispatch('pathways.correctEvent', { eventId: fa.eventId, action: 'withdraw', reason: 'x' });
    expect(!again.ok && again.error.code).toBe('conflict');

    const { pathways } = await core.ok('pathways.getForPatient', { patientId });
    const p = pathways[0]!;
    expect(p.events.map((e) => [e.type, e.status, e.code])).toEqual([
      ['start', 'active', 'D11A'], // falls out of the assessment (clock start: referral assessed)
      ['first_attendance', 'active', 'D11F'],
      ['first_attendance', 'corrected', 'D11F'],
      ['clinical_decision', 'active', 'D11CU'],
      ['clinical_decision', 'active', 'D11CP'],
    ]);
    expect(p.events.find((e) => e.status === 'corrected')!.correctionReason).toBe('Feil dato registrert');
    // D11 has no confirmed time after the decision: no deadline (its own group, never "on time").
    expect(p.nextAction).toMatchObject({ label: 'Ingen frist', state: 'none' });

    // Pasientutsatt: the delay is attributed to the patient, the pathway continues.
    await core.ok('pathways.recordEvent', { pathwayId, type: 'patient_postponed', date: '2026-11-20' });
    expect(pathwayRow(pathwayId)).toMatchObject({ open_postponed: 1, status: 'open' });
  });

  it('a recompute writes only the clock columns that changed, and nothing when none did (no worklist index rewritten)', async () => {
    const { pathwayId } = await newPathway(core, { referralReceived: '2026-11-02' });
    const updates = async (input: object) =>
      (await captureStatements(core, 'pathways.recordEvent', { pathwayId, ...input })).filter((s) => s.sql.startsWith('update "pathway"')).map((s) => s.sql);
    const before = pathwayRow(pathwayId);
    // Patient postponed, open: the next action and its date stay; the open-postponement flag and a data-quality flag move.
    expect(await updates({ type: 'patient_postponed', date: '2026-11-20' })).toEqual([
      'update "pathway" set "dq_flags" = ?, "open_postponed" = ? where "id" = ?',
    ]);
    const postponed = pathwayRow(pathwayId);
    expect(postponed).toEqual({ ...before, open_postponed: 1, dq_flags: postponed.dq_flags });
    expect(postponed.dq_flags).not.toBe(before.dq_flags);
    // The same again: the clock is as it was, so the pathway row (and the five indexes on due_sort) is not written.
    expect(await updates({ type: 'patient_postponed', date: '2026-11-20' })).toEqual([]);
    expect(pathwayRow(pathwayId)).toEqual(postponed);
    // The assessment moves the next deadline: due_sort is written with the rest that changed.
    await assessRight(core, pathwayId, '2026-11-10', 'treatment');
    expect(pathwayRow(pathwayId)).toMatchObject({ due_sort: '2026-12-15', next_due_date: '2026-12-15' });
  });

  // Each new event lands before, between and after the others (by date, then id).
  const eventsInEveryPlace = [
    { type: 'first_attendance', date: '2026-11-10' },
    { type: 'patient_postponed', date: '2026-11-06', until: '2026-11-09' },
    { type: 'patient_postponed', date: '2026-11-10' },
    { type: 'clinical_decision', date: '2026-11-12', outcome: 'CU' },
  ] as const;

  it('an event write reads the events and the rule version once, its own only', async () => {
    const { pathwayId } = await newPathway(core, { referralReceived: '2026-11-02' });
    await assessRight(core, pathwayId, '2026-11-04', 'treatment');
    for (const event of eventsInEveryPlace) {
      const reads = (await captureStatements(core, 'pathways.recordEvent', { pathwayId, ...event }))
        .map((st) => st.sql)
        .filter((q) => /^select .* from "(pathway_event|rule_version|rule_time)"/.test(q));
      expect(reads).toEqual([
        'select "id", "type", "date", "outcome", "until" from "pathway_event" where "pathway_id" = ? and "status" = \'active\' order by "date", "id"',
        'select * from "rule_version" where "id" in (?)',
        'select * from "rule_time" where "rule_version_id" in (?) order by "id"',
      ]);
    }
  });

  it('an event write stores the clock a recompute from the stored events stores (the write hands the recompute the events it read)', async () => {
    const { pathwayId } = await newPathway(core, { referralReceived: '2026-11-02' });
    await assessRight(core, pathwayId, '2026-11-04', 'treatment');
    for (const event of eventsInEveryPlace) {
      await core.ok('pathways.recordEvent', { pathwayId, ...event });
      const stored = pathwayRow(pathwayId);
      await core.ctx.db
        .updateTable('pathway')
        .set({ next_action_key: 'stale', due_sort: '0000-00-00', open_postponed: 9 })
        .where('id', '=', pathwayId)
        .execute();
      await recomputePathwayClocks(core.ctx.db, { pathwayIds: [pathwayId] }, FIXED_NOW);
      expect(pathwayRow(pathwayId)).toEqual(stored);
    }
  });

  it('a pathway without a rule version is given the one in force when an event is recorded', async () => {
    const { pathwayId } = await newPathway(core, { referralReceived: '2026-11-02' });
    core.handle.sqlite.prepare('update pathway set rule_version_id = null where id = ?').run(pathwayId);
    await core.ok('pathways.recordEvent', { pathwayId, type: 'patient_postponed', date: '2026-11-20' });
    expect(pathwayRow(pathwayId)).toMatchObject({ rule_version_id: 'national-2024-adult_mental', open_postponed: 1 });
  });

  it('recomputes every pathway page by page (500 at a time), none left out between pages', async () => {
    await seedCaseload(core.ctx.db, { patients: 1200, seed: 3, now: FIXED_NOW });
    const total = Number(
      (
        await core.ctx.db
          .selectFrom('pathway')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(total).toBeGreaterThan(1000);
    await core.ctx.db.updateTable('pathway').set({ next_action_key: 'stale' }).execute();
    expect(await recomputePathwayClocks(core.ctx.db, { all: true }, FIXED_NOW)).toBe(total);
    const stale = await core.ctx.db.selectFrom('pathway').select('id').where('next_action_key', '=', 'stale').execute();
    expect(stale).toEqual([]);
  });

  it('own clinician takes the patient off the worklist; the pathway stays on the patient page; withdrawing it reopens', async () => {
    const { pathwayId, patientId } = await newPathway(core, { referralReceived: '2026-11-02' });
    const own = await core.ok('pathways.recordEvent', { pathwayId, type: 'own_clinician', date: '2026-11-20', note: 'Psykolog Hansen' });
    expect(pathwayRow(pathwayId).status).toBe('own_clinician');
    expect((await core.ok('worklist.list', {})).total).toBe(0);
    const patient = await core.ok('patients.get', { id: patientId });
    expect(patient.pathways[0]!.status).toBe('own_clinician');
    await core.ok('pathways.correctEvent', { eventId: own.eventId, action: 'withdraw', reason: 'Registrert på feil pasient' });
    expect(pathwayRow(pathwayId).status).toBe('open');
    expect((await core.ok('worklist.list', {})).total).toBe(1);
  });

  it('ends a pathway with a help need', async () => {
    const { pathwayId, patientId } = await newPathway(core, { referralReceived: '2026-11-02' });
    await core.ok('pathways.recordEvent', { pathwayId, type: 'end', date: '2026-11-20', helpNeed: 'gp_municipal' });
    expect(pathwayRow(pathwayId).status).toBe('ended');
    const { pathways } = await core.ok('pathways.getForPatient', { patientId });
    expect(pathways[0]!.events[0]).toMatchObject({ code: 'D11X', helpNeedLabel: 'Oppfølging hos fastlege eller i kommunen' });
    expect(pathways[0]!.nextAction.label).toBe('Forløpet er avsluttet');
  });
});

describe('breach reasons', () => {
  it('an overdue deadline asks for a reason; the reason is kept per pathway and deadline', async () => {
    const { pathwayId } = await newPathway(core, { referralReceived: '2026-10-01' });
    let row = (await core.ok('worklist.list', {})).rows[0]!;
    expect(row).toMatchObject({ state: 'overdue', nextActionKey: 'legal/referral-assessment' });
    expect(row.flags.breachReasonMissing).toBe(true);
    await core.ok('pathways.recordBreachReason', { pathwayId, deadlineKey: 'legal/referral-assessment', reasonCode: 'capacity', note: 'Sykdom i teamet' });
    row = (await core.ok('worklist.list', {})).rows[0]!;
    expect(row.flags.breachReasonMissing).toBe(false);
    const explained = await core.ok('pathways.getExplanation', { pathwayId });
    expect(explained.pathway.nextAction.breachReason).toEqual({ code: 'capacity', label: 'Manglende kapasitet', note: 'Sykdom i teamet' });
    // A deadline that has not passed needs no reason.
    const fresh = await newPathway(core, { referralReceived: '2026-11-20' });
    const res = await core.dispatch('pathways.recordBreachReason', {
      pathwayId: fresh.pathwayId,
      deadlineKey: 'legal/referral-assessment',
      reasonCode: 'capacity',
    });
    expect(res.ok).toBe(false);
    const overview = await core.ok('overview.get', { from: '2026-09-01', to: '2026-12-31' });
    expect(overview.breaches).toEqual([{ reasonCode: 'capacity', label: 'Manglende kapasitet', count: 1 }]);
  });
});

describe('patient summary', () => {
  it('is one printDocument page in plain Norwegian with next step, responsible and phone', async () => {
    await saveProfile(core, { unitPhone: '22 33 44 55', unitAddress: 'Testveien 1\n0150 Oslo' });
    const { patientId, pathwayId } = await newPathway(core, { referralReceived: '2026-11-16' });
    await core.ok('pathways.assess', { pathwayId, rightsDecision: 'right', careKind: 'treatment', assessedOn: '2026-11-18', careDeadline: '2026-12-15' });
    const { html } = await core.ok('pathways.getSummary', { patientId });
    expect(html).toContain('<title>Pasientoppsummering</title>');
    expect(html).toContain('Behandlingen skal starte senest 15.12.2026');
    expect(html).toContain('Kari Koordinator');
    expect(html).toContain('22 33 44 55');
    expect(html).not.toContain('D11');
    expect(core.handle.sqlite.prepare("select count(*) as n from audit_log where action = 'patient.printSummary'").get()).toEqual({ n: 1 });
  });
});
