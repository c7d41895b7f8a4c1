import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, referral, type TestCore } from '../fixtures/core';
import { assessRight, newPathway, type NewPathway } from '../fixtures/pathways';

// Issue #13 §2 on a real SQLite file. Today is Thursday 20 May 2027 (after 17 May, a public holiday).
const NOW = new Date('2027-05-20T09:00:00Z');
let core: TestCore;
beforeEach(async () => {
  core = await makeCore({ now: NOW });
});
afterEach(async () => {
  await core.dispose();
});

const row = (id: number) => core.handle.sqlite.prepare('select * from pathway where id = ?').get(id) as Record<string, unknown>;
const events = (id: number) =>
  core.handle.sqlite.prepare('select type, date, source, status, end_reason from pathway_event where pathway_id = ? order by id').all(id) as Record<
    string,
    unknown
  >[];
const audits = (action: string) => core.handle.sqlite.prepare('select entity_id from audit_log where action = ?').all(action) as { entity_id: number }[];

async function treated(over: NewPathway = {}) {
  const created = await newPathway(core, { referralReceived: '2026-09-01', ...over });
  await assessRight(core, created.pathwayId, '2026-09-08', 'treatment', '2026-10-30');
  await core.ok('pathways.recordEvent', { pathwayId: created.pathwayId, type: 'first_attendance', date: '2026-09-22' });
  await core.ok('pathways.recordEvent', { pathwayId: created.pathwayId, type: 'clinical_decision', date: '2026-10-20', outcome: 'CP' });
  return created;
}

describe('transfers between pathways and units', () => {
  it('D12 → D11 at 18: the old pathway ends as transferred, the linked one opens with no legal assessment deadline; both show the link; the worklist shows only the new one; logged', async () => {
    const { pathwayId, patientId } = await treated({ pathwayType: 'child_mental', birthDate: '2009-05-17' });
    const res = await core.ok('transfers.create', {
      pathwayId,
      kind: 'd12_to_d11',
      transferredOn: '2027-05-17',
      receivedOn: '2027-05-18',
      newPathwayType: 'adult_mental',
    });
    const newId = res.newPathwayId!;
    expect(row(pathwayId)).toMatchObject({ status: 'ended', closed_on: '2027-05-17', transfer_kind: 'd12_to_d11', transferred_on: '2027-05-17' });
    expect(events(pathwayId).at(-1)).toEqual({ type: 'end', date: '2027-05-17', source: 'transfer', status: 'active', end_reason: 'transferred_internal' });
    expect(row(newId)).toMatchObject({
      status: 'open',
      intake: 'internal_transfer',
      rights_decision: 'right',
      transferred_from_id: pathwayId,
      referral_received: '2027-05-18',
      care_deadline: null,
      assessment_due: null,
    });
    expect(events(newId)).toEqual([{ type: 'start', date: '2027-05-18', source: 'transfer', status: 'active', end_reason: null }]);

    const { pathways } = await core.ok('pathways.getForPatient', { patientId });
    const [neu, old] = pathways;
    expect(neu!.transfer.from).toMatchObject({ pathwayId, pathwayType: 'child_mental', transferredOn: '2027-05-17' });
    expect(neu!.deadlines.map((d) => d.key)).not.toContain('legal/referral-assessment');
    expect(old!.transfer.to).toMatchObject({ pathwayId: newId, pathwayType: 'adult_mental', confidence: 'unconfirmed' });
    expect(old!.events.at(-1)).toMatchObject({ endReasonLabel: 'Overført til annet forløp eller annen enhet i helseforetaket' });

    const list = await core.ok('worklist.list', {});
    expect(list.rows.map((r: { pathwayId: number }) => r.pathwayId)).toEqual([newId]);
    expect(audits('pathway.transfer')).toEqual([{ entity_id: pathwayId }]);
    expect((await core.ok('readmissions.forPatient', { patientId })).reReferralsWithin12Months).toBe(0);

    // The end of a transfer cannot be withdrawn (the linked pathway is open); its date can be corrected.
    const endId = old!.events.at(-1)!.id;
    expect((await core.dispatch('pathways.correctEvent', { eventId: endId, action: 'withdraw', reason: 'feil' })).ok).toBe(false);
  });

  it('to an OCD team keeps the sending team’s care deadline while care has not started', async () => {
    const { pathwayId } = await newPathway(core, { referralReceived: '2027-04-01' });
    await core.ok('pathways.assess', { pathwayId, assessedOn: '2027-04-08', rightsDecision: 'right', careKind: 'assessment', careDeadline: '2027-06-17' });
    const { newPathwayId } = await core.ok('transfers.create', {
      pathwayId,
      kind: 'ocd_team',
      transferredOn: '2027-05-14',
      receivedOn: '2027-05-18',
      newPathwayType: 'ocd',
    });
    expect(row(newPathwayId!)).toMatchObject({ care_deadline: '2027-06-17', setting: 'outpatient' });
  });

  it('to another health trust: only ended here, with the receiving trust named; no new pathway; off the worklist', async () => {
    const { pathwayId, patientId } = await treated({ pathwayType: 'tsb' });
    const missing = await core.dispatch('transfers.create', { pathwayId, kind: 'other_trust', transferredOn: '2027-05-17' });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.issues?.map((i) => i.path)).toEqual(['receivingTrust']);
    const res = await core.ok('transfers.create', { pathwayId, kind: 'other_trust', transferredOn: '2027-05-17', receivingTrust: 'Helse Bergen HF' });
    expect(res.newPathwayId).toBeNull();
    expect(row(pathwayId)).toMatchObject({ status: 'ended', receiving_trust: 'Helse Bergen HF', transfer_kind: 'other_trust' });
    expect(events(pathwayId).at(-1)).toMatchObject({ end_reason: 'transferred_other_trust' });
    const { pathways } = await core.ok('pathways.getForPatient', { patientId });
    expect(pathways).toHaveLength(1);
    expect(pathways[0]!.transfer.to).toMatchObject({ pathwayId: null, receivingTrust: 'Helse Bergen HF', confidence: 'confirmed' });
    expect((await core.ok('worklist.list', {})).total).toBe(0);
  });

  it('refuses a transfer into a pathway type the patient already has open, and a second transfer of an ended pathway', async () => {
    const { pathwayId } = await treated({ pathwayType: 'adult_mental' });
    const nationalId = core.handle.sqlite
      .prepare('select national_id from patient where id = (select patient_id from pathway where id = ?)')
      .get(pathwayId) as { national_id: string };
    const tsb = referral({ nationalId: nationalId.national_id, name: 'Pasient', pathwayType: 'tsb', referralReceived: '2027-05-03' });
    tsb.patient = {
      ...tsb.patient,
      ...(core.handle.sqlite.prepare('select name, birth_date as birthDate from patient where national_id = ?').get(nationalId.national_id) as object),
    };
    await core.ok('referrals.create', { ...tsb, keep: 'stored' });
    const clash = await core.dispatch('transfers.create', {
      pathwayId,
      kind: 'phv_to_tsb',
      transferredOn: '2027-05-17',
      receivedOn: '2027-05-18',
      newPathwayType: 'tsb',
    });
    expect(clash.ok).toBe(false);
    await core.ok('transfers.create', { pathwayId, kind: 'other_trust', transferredOn: '2027-05-17', receivingTrust: 'Sykehuset Innlandet HF' });
    expect((await core.dispatch('transfers.create', { pathwayId, kind: 'other_trust', transferredOn: '2027-05-17', receivingTrust: 'X' })).ok).toBe(false);
  });
});

describe('evaluations from what happens anyway, treatment plan, end reason', () => {
  it('an attended evaluation appointment proposes the evaluation; one click records it dated by the appointment; nothing silent', async () => {
    const { pathwayId, patientId } = await treated();
    const appt = await core.ok('appointments.book', {
      patientId,
      pathwayId,
      kind: 'evaluation',
      date: '2027-05-17',
      time: '10:00',
      durationMinutes: 45,
      place: 'Poliklinikken',
      clinician: '',
    });
    expect((await core.ok('evaluations.proposals', { patientId })).proposals).toEqual([]);
    await core.ok('appointments.setStatus', { id: appt.id, status: 'attended' });
    expect(events(pathwayId).map((e) => e.type)).not.toContain('evaluation');
    const { proposals } = await core.ok('evaluations.proposals', { patientId });
    expect(proposals).toEqual([{ pathwayId, sourceKind: 'appointment', sourceId: appt.id, date: '2027-05-17', label: 'Evalueringstime, pasienten møtte' }]);
    await core.ok('evaluations.confirm', { pathwayId, sourceKind: 'appointment', sourceId: appt.id });
    expect(events(pathwayId).at(-1)).toMatchObject({ type: 'evaluation', date: '2027-05-17', source: 'appointment' });
    expect((await core.ok('evaluations.proposals', { patientId })).proposals).toEqual([]);
    expect((await core.dispatch('evaluations.confirm', { pathwayId, sourceKind: 'appointment', sourceId: appt.id })).ok).toBe(false);
  });

  it('a held evaluation meeting proposes the evaluation; dismissing it is logged and it is not proposed again', async () => {
    const { pathwayId, patientId } = await treated();
    const { id } = await core.ok('meetings.create', {
      patientId,
      kind: 'evaluation',
      date: '2027-05-18',
      time: '12:00',
      durationMinutes: 60,
      place: 'Møterom 2',
    });
    await core.ok('meetings.saveMinutes', { id, notes: [], decisions: 'Fortsetter behandlingen' });
    await core.ok('meetings.finalizeMinutes', { id });
    const { proposals } = await core.ok('evaluations.proposals', { patientId });
    expect(proposals).toEqual([{ pathwayId, sourceKind: 'meeting', sourceId: id, date: '2027-05-18', label: 'Evalueringsmøte holdt' }]);
    await core.ok('evaluations.dismiss', { pathwayId, sourceKind: 'meeting', sourceId: id });
    expect((await core.ok('evaluations.proposals', { patientId })).proposals).toEqual([]);
    expect(audits('evaluation.dismiss')).toEqual([{ entity_id: pathwayId }]);
  });

  it('"behandlingsplan utarbeidet med pasient" has a date and who recorded it; a future date is refused', async () => {
    const { pathwayId, patientId } = await treated();
    expect((await core.dispatch('evaluations.recordTreatmentPlan', { pathwayId, date: '2027-05-21' })).ok).toBe(false);
    await core.ok('evaluations.recordTreatmentPlan', { pathwayId, date: '2027-05-17' });
    const { pathways } = await core.ok('pathways.getForPatient', { patientId });
    expect(pathways[0]!.treatmentPlan).toMatchObject({ date: '2027-05-17' });
    expect(pathways[0]!.treatmentPlan!.by.length).toBeGreaterThan(0);
    expect(audits('pathway.treatmentPlan')).toHaveLength(1);
  });

  it('the end records its reason from the list; a reason on another event or an unknown code is refused', async () => {
    const { pathwayId, patientId } = await treated();
    expect((await core.dispatch('pathways.recordEvent', { pathwayId, type: 'evaluation', date: '2027-05-18', endReason: 'completed' })).ok).toBe(false);
    expect((await core.dispatch('pathways.recordEvent', { pathwayId, type: 'end', date: '2027-05-18', endReason: 'nope' })).ok).toBe(false);
    await core.ok('pathways.recordEvent', { pathwayId, type: 'end', date: '2027-05-18', endReason: 'completed', helpNeed: 'gp_municipal' });
    const { pathways, endReasons } = await core.ok('pathways.getForPatient', { patientId });
    expect(pathways[0]!.events.at(-1)).toMatchObject({ endReason: 'completed', endReasonLabel: 'Forløpet er fullført' });
    expect(endReasons.find((r: { code: string }) => r.code === 'contract_specialist')).toMatchObject({ confidence: 'confirmed' });
    expect(endReasons.filter((r: { confidence: string }) => r.confidence === 'unconfirmed').length).toBe(6);
  });

  it('the interpreter need recorded at first attendance is on the meeting invitation and follows a transfer', async () => {
    const { pathwayId, patientId } = await treated({ pathwayType: 'child_mental', birthDate: '2009-05-17' });
    const { id } = await core.ok('meetings.create', {
      patientId,
      kind: 'evaluation',
      date: '2027-05-27',
      time: '12:00',
      durationMinutes: 60,
      place: 'Møterom 2',
    });
    expect((await core.ok('meetings.getAgendaDocument', { id })).html).not.toContain('Tolk');
    await core.ok('pathwayCare.save', { pathwayId, interpreter: 'needed', interpreterLanguage: 'arabisk' });
    expect((await core.ok('meetings.getAgendaDocument', { id })).html).toContain('Pasienten trenger tolk (arabisk). Tolk må bestilles til møtet.');
    const { newPathwayId } = await core.ok('transfers.create', {
      pathwayId,
      kind: 'd12_to_d11',
      transferredOn: '2027-05-17',
      receivedOn: '2027-05-18',
      newPathwayType: 'adult_mental',
    });
    expect(await core.ok('pathwayCare.get', { pathwayId: newPathwayId! })).toMatchObject({
      interpreter: 'needed',
      interpreterLanguage: 'arabisk',
      pregnant: false,
    });
  });
});
