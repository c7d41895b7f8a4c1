import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../fixtures/core';
import { newPathway } from '../fixtures/pathways';

// Issue #13 §1 on a real SQLite file. FIXED_NOW is Monday 2026-11-23 (Oslo).
let core: TestCore;
beforeEach(async () => {
  core = await makeCore();
});
afterEach(async () => {
  await core.dispose();
});

const row = (id: number) => core.handle.sqlite.prepare('select * from pathway where id = ?').get(id) as Record<string, unknown>;
const events = (id: number) =>
  core.handle.sqlite.prepare('select type, date, source, status from pathway_event where pathway_id = ? order by id').all(id) as Record<string, unknown>[];

describe('rights assessment', () => {
  it('no right: no start event, no clock, off the worklist with the outcome recorded; re-assessed as right it returns', async () => {
    const { pathwayId } = await newPathway(core, { referralReceived: '2026-11-09' });
    expect((await core.ok('worklist.list', {})).total).toBe(1);
    await core.ok('pathways.assess', { pathwayId, assessedOn: '2026-11-20', rightsDecision: 'no_right', patientInformedOn: '2026-11-23', careDeadline: null });
    expect(events(pathwayId)).toEqual([]);
    expect(row(pathwayId)).toMatchObject({
      status: 'ended',
      rights_decision: 'no_right',
      patient_informed_on: '2026-11-23',
      closed_on: '2026-11-20',
      next_action_key: 'none',
    });
    expect((await core.ok('worklist.list', {})).total).toBe(0);
    const { pathways } = await core.ok('pathways.getForPatient', { patientId: row(pathwayId).patient_id as number });
    expect(pathways[0]).toMatchObject({
      rights: { decision: 'no_right', careKind: null },
      clockStart: { date: null, basis: 'no_pathway' },
      deadlines: [expect.objectContaining({ key: 'legal/referral-assessment', met: '2026-11-20' })],
    });

    // No pathway events on a no-right referral.
    const blocked = await core.dispatch('pathways.recordEvent', { pathwayId, type: 'first_attendance', date: '2026-11-23' });
    expect(blocked.ok).toBe(false);

    await core.ok('pathways.assess', {
      pathwayId,
      assessedOn: '2026-11-20',
      rightsDecision: 'right',
      careKind: 'assessment',
      priorityGroup: '2',
      careDeadline: '2027-01-15',
    });
    expect(row(pathwayId)).toMatchObject({ status: 'open', rights_decision: 'right', rights_care_kind: 'assessment', priority_group: '2', closed_on: null });
    expect(events(pathwayId)).toEqual([{ type: 'start', date: '2026-11-20', source: 'assessment', status: 'active' }]);
    expect((await core.ok('worklist.list', {})).total).toBe(1);
  });

  it('changing a right to no right withdraws the start the assessment gave; refused once care is recorded', async () => {
    const { pathwayId } = await newPathway(core, { referralReceived: '2026-11-09' });
    await core.ok('pathways.assess', { pathwayId, assessedOn: '2026-11-16', rightsDecision: 'right', careKind: 'treatment', careDeadline: '2027-01-15' });
    await core.ok('pathways.assess', { pathwayId, assessedOn: '2026-11-16', rightsDecision: 'not_pathway', careDeadline: null });
    expect(events(pathwayId).map((e) => e.status)).toEqual(['withdrawn']);
    expect(row(pathwayId).status).toBe('ended');

    const other = await newPathway(core, { referralReceived: '2026-11-09', pathwayType: 'tsb' });
    await core.ok('pathways.assess', {
      pathwayId: other.pathwayId,
      assessedOn: '2026-11-16',
      rightsDecision: 'right',
      careKind: 'treatment',
      careDeadline: '2027-01-15',
    });
    await core.ok('pathways.recordEvent', { pathwayId: other.pathwayId, type: 'first_attendance', date: '2026-11-20' });
    const res = await core.dispatch('pathways.assess', {
      pathwayId: other.pathwayId,
      assessedOn: '2026-11-16',
      rightsDecision: 'no_right',
      careDeadline: null,
    });
    expect(res.ok).toBe(false);
  });

  it('validates the rights fields in Norwegian without echoing input', async () => {
    const { pathwayId } = await newPathway(core, { referralReceived: '2026-11-09' });
    const noKind = await core.dispatch('pathways.assess', { pathwayId, assessedOn: '2026-11-16', rightsDecision: 'right', careDeadline: '2027-01-15' });
    expect(noKind.ok ? null : noKind.error.issues?.map((i) => i.path)).toEqual(['careKind']);
    const fristWithoutRight = await core.dispatch('pathways.assess', {
      pathwayId,
      assessedOn: '2026-11-16',
      rightsDecision: 'no_right',
      careDeadline: '2027-01-15',
    });
    expect(fristWithoutRight.ok ? null : fristWithoutRight.error.issues?.map((i) => i.path)).toEqual(['careDeadline']);
    const informedEarly = await core.dispatch('pathways.assess', {
      pathwayId,
      assessedOn: '2026-11-16',
      rightsDecision: 'no_right',
      patientInformedOn: '2026-11-13',
      careDeadline: null,
    });
    expect(informedEarly.ok ? null : informedEarly.error.issues?.map((i) => i.path)).toEqual(['patientInformedOn']);
    const missing = await core.dispatch('pathways.assess', { pathwayId, assessedOn: '2026-11-16', careDeadline: null } as never);
    expect(missing.ok ? null : missing.error.message).not.toContain('2026');
  });

  it('under 23: the detail proposes the latest care deadline, 65 working days from receipt (Christmas and New Year skipped)', async () => {
    // Received Mon 2 Nov 2026. 65 working days, skipping 25 Dec (Fri) and 1 Jan (Fri), counted by hand: Wed 3 Feb 2027.
    const { pathwayId, patientId } = await newPathway(core, { referralReceived: '2026-11-02', birthDate: '2008-01-01' });
    const { pathways } = await core.ok('pathways.getForPatient', { patientId });
    expect(pathways[0]?.careDeadlineLimit).toMatchObject({ latest: '2027-02-03', from: '2026-11-02' });
    expect(pathways[0]?.careDeadlineLimit?.note).toContain('strengeste lesningen');
    const late = await core.dispatch('pathways.assess', {
      pathwayId,
      assessedOn: '2026-11-16',
      rightsDecision: 'right',
      careKind: 'treatment',
      careDeadline: '2027-02-04',
    });
    expect(late.ok ? null : late.error.message).toContain('Foreslått frist: 03.02.2027');
    await core.ok('pathways.assess', { pathwayId, assessedOn: '2026-11-16', rightsDecision: 'right', careKind: 'treatment', careDeadline: '2027-02-03' });
  });
});

describe('internal transfer', () => {
  it('is recorded as a transfer with a start on the new team’s receipt and no legal assessment deadline', async () => {
    const { pathwayId, patientId } = await newPathway(core, { pathwayType: 'ocd', referralReceived: '2026-11-16', intake: 'internal_transfer' });
    expect(row(pathwayId)).toMatchObject({ intake: 'internal_transfer', rights_decision: 'right', assessment_due: null });
    expect(events(pathwayId)).toEqual([{ type: 'start', date: '2026-11-16', source: 'transfer', status: 'active' }]);
    const { pathways } = await core.ok('pathways.getForPatient', { patientId });
    expect(pathways[0]?.deadlines.map((d) => d.key)).not.toContain('legal/referral-assessment');
    // OCD: 42 days from the OCD team's receipt.
    expect(pathways[0]?.nextAction).toMatchObject({ label: 'Første fremmøte', due: '2026-12-28' });
  });
});

describe('the start-rule switch date as data', () => {
  it('is shown as unconfirmed and can be changed with a source (marked local, logged); a confirmed date cannot', async () => {
    const before = await core.ok('rules.list', {});
    const d11 = before.pathways.find((p) => p.pathwayType === 'adult_mental')!;
    const v2024 = d11.versions.find((v) => v.id === 'national-2024-adult_mental')!;
    expect(v2024).toMatchObject({ validFrom: '2024-01-01', validFromConfidence: 'unconfirmed' });
    expect(v2024.validFromNote).toContain('ingen kilde');
    const tsbEval = before.pathways
      .find((p) => p.pathwayType === 'tsb')!
      .versions[0]!.times.find((t) => t.fromEvent === 'evaluation' && t.toEvent === 'evaluation');
    expect(tsbEval?.repeatWithinDays).toBe(365);

    const tooEarly = await core.dispatch('rules.setSwitchDate', { versionId: 'national-2024-adult_mental', validFrom: '2018-12-31', source: 'Kodeveileder' });
    expect(tooEarly.ok ? null : tooEarly.error.issues?.[0]?.path).toBe('validFrom');
    await core.ok('rules.setSwitchDate', { versionId: 'national-2024-adult_mental', validFrom: '2024-02-01', source: 'Kodeveileder versjon 2024' });
    const after = (await core.ok('rules.list', {})).pathways
      .find((p) => p.pathwayType === 'adult_mental')!
      .versions.find((v) => v.id === 'national-2024-adult_mental')!;
    expect(after).toMatchObject({ validFrom: '2024-02-01', validFromConfidence: 'local', validFromNote: 'Startdato endret lokalt: Kodeveileder versjon 2024' });
    const log = core.handle.sqlite.prepare("select count(*) as n from audit_log where action = 'rules.setSwitchDate'").get() as { n: number };
    expect(log.n).toBe(1);

    const confirmed = await core.dispatch('rules.setSwitchDate', { versionId: 'national-2019-adult_mental', validFrom: '2019-02-01', source: 'x' });
    expect(confirmed.ok).toBe(false);
  });
});
