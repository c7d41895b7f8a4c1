import { describe, expect, it } from 'vitest';
import { computeDeadlines } from '../../shared/domain/deadlines';
import { validateDeadlineFacts } from '../../shared/domain/event-rules';
import { proposeEvaluations } from '../../shared/domain/evaluation-proposals';
import type { PathwayFacts } from '../../shared/domain/pathway-facts';
import { countReReferrals, linkPathways } from '../../shared/domain/readmissions';
import { NATIONAL_RULE_PACK, ruleVersionFor } from '../../shared/domain/rule-pack';
import { adultOn, endReasonOf, transferIssues, transferKindsFor, TRANSFER_RULES, type TransferFacts } from '../../shared/domain/transfers';

// Issue #13 §2: transfers between pathways and units, evaluations proposed by what happens anyway.
const base: TransferFacts = {
  kind: 'd12_to_d11',
  pathwayType: 'child_mental',
  status: 'open',
  referralReceived: '2026-09-01',
  lastEventDate: '2027-03-01',
  birthDate: '2009-05-17',
  transferredOn: '2027-05-17',
  receivedOn: '2027-05-18',
  newPathwayType: 'adult_mental',
  receivingTrust: '',
  today: '2027-05-20',
};
const errors = (f: Partial<TransferFacts>) =>
  transferIssues({ ...base, ...f })
    .filter((i) => i.severity === 'error')
    .map((i) => i.path);
const warnings = (f: Partial<TransferFacts>) =>
  transferIssues({ ...base, ...f })
    .filter((i) => i.severity === 'warning')
    .map((i) => i.path);

describe('transfer rules', () => {
  it('D12 → D11 on 17 May (a public holiday) the day the patient turns 18: no error, no warning', () => {
    expect(transferIssues(base)).toEqual([]);
  });

  it('D12 → D11 the day before the 18th birthday is allowed with a warning', () => {
    expect(errors({ transferredOn: '2027-05-16' })).toEqual([]);
    expect(warnings({ transferredOn: '2027-05-16' })).toEqual(['transferredOn']);
  });

  it('a 29 February birthday makes the patient 18 on 1 March in a common year', () => {
    expect(adultOn('2008-02-29')).toBe('2026-03-01');
    expect(adultOn('2012-02-29')).toBe('2030-03-01');
    expect(adultOn('2009-12-25')).toBe('2027-12-25');
    expect(warnings({ birthDate: '2009-02-28', transferredOn: '2027-02-28' })).toEqual([]);
  });

  it('inside the trust: the new pathway, its type and the receiving team’s receipt are required and ordered', () => {
    expect(errors({ newPathwayType: null })).toEqual(['newPathwayType']);
    expect(errors({ newPathwayType: 'tsb' })).toEqual(['newPathwayType']);
    expect(errors({ receivedOn: null })).toEqual(['receivedOn']);
    expect(errors({ receivedOn: '2027-05-16' })).toEqual(['receivedOn']);
    expect(errors({ receivedOn: '2027-05-21' })).toEqual(['receivedOn']);
  });

  it('the end is not in the future, not before the referral, not before the last recorded event', () => {
    expect(errors({ transferredOn: '2027-05-21', receivedOn: '2027-05-21' })).toContain('transferredOn');
    expect(errors({ transferredOn: '2026-08-31', receivedOn: '2026-09-01' })).toEqual(['transferredOn']);
    expect(errors({ transferredOn: '2027-02-28', receivedOn: '2027-03-01' })).toEqual(['transferredOn']);
    expect(errors({ status: 'ended' })).toEqual(['kind']);
    expect(errors({ status: 'own_clinician' })).toEqual([]);
  });

  it('to another trust: only ended here, with the receiving trust named; no pathway or receipt here', () => {
    const other = { kind: 'other_trust' as const, newPathwayType: null, receivedOn: null };
    expect(errors({ ...other, receivingTrust: '  ' })).toEqual(['receivingTrust']);
    expect(errors({ ...other, receivingTrust: 'Helse Bergen HF' })).toEqual([]);
    expect(errors({ ...other, receivingTrust: 'Helse Bergen HF', newPathwayType: 'adult_mental', receivedOn: '2027-05-18' })).toEqual([
      'newPathwayType',
      'receivedOn',
    ]);
    expect(endReasonOf('other_trust')).toBe('transferred_other_trust');
    expect(endReasonOf('ocd_team')).toBe('transferred_internal');
  });

  it('offers the kinds by pathway type and marks each rule with a confidence and a source', () => {
    expect(transferKindsFor('child_mental').map((r) => r.kind)).toEqual(['d12_to_d11', 'phv_to_tsb', 'ocd_team', 'psychosis_team', 'other_trust']);
    expect(transferKindsFor('tsb').map((r) => r.kind)).toEqual(['tsb_to_phv', 'psychosis_team', 'other_trust']);
    expect(errors({ kind: 'ocd_team', pathwayType: 'tsb', newPathwayType: 'ocd' })).toEqual(['kind']);
    for (const r of TRANSFER_RULES) {
      expect(r.source.length).toBeGreaterThan(20);
      expect(r.newAssessment).toBe(r.kind === 'other_trust');
    }
    expect(TRANSFER_RULES.filter((r) => r.confidence === 'confirmed').map((r) => r.kind)).toEqual(['ocd_team', 'other_trust']);
  });
});

describe('the pathway opened by a transfer', () => {
  const facts = (over: Partial<PathwayFacts>): PathwayFacts => {
    const pathwayType = over.pathwayType ?? 'adult_mental';
    const referralReceived = over.referralReceived ?? '2027-03-25';
    return {
      pathwayType,
      setting: 'outpatient',
      referralReceived,
      events: [],
      today: '2027-04-06',
      intake: 'internal_transfer',
      rightsDecision: 'right',
      ruleVersion: ruleVersionFor(NATIONAL_RULE_PACK.versions, pathwayType, referralReceived),
      ...over,
    };
  };

  it('to an OCD team on Maundy Thursday 2027: no legal assessment deadline; 42 calendar days from receipt run through Easter to Thu 6 May', () => {
    const r = computeDeadlines(facts({ pathwayType: 'ocd', events: [{ type: 'start', date: '2027-03-25' }] }));
    expect(r.deadlines.map((d) => d.key)).not.toContain('legal/referral-assessment');
    expect(r.clockStart).toEqual({ date: '2027-03-25', basis: 'start_event' });
    expect(r.deadlines.find((d) => d.label === 'Første fremmøte')).toMatchObject({ due: '2027-05-06', kind: 'pathway' });
  });

  it('D12 → D11 received on Christmas Eve: the clock starts that day, no legal assessment deadline', () => {
    const r = computeDeadlines(facts({ referralReceived: '2026-12-24', today: '2027-01-04', events: [{ type: 'start', date: '2026-12-24' }] }));
    expect(r.clockStart.date).toBe('2026-12-24');
    expect(r.deadlines.filter((d) => d.kind === 'legal')).toEqual([]);
  });

  it('carries the sending team’s care deadline (care not yet started) without asking for an assessment here', () => {
    const f = facts({ careDeadline: '2027-05-18' });
    expect(computeDeadlines(f).deadlines.find((d) => d.key === 'legal/care-deadline')?.due).toBe('2027-05-18');
    expect(validateDeadlineFacts(f).map((i) => i.code)).not.toContain('care_deadline_without_assessment');
    expect(validateDeadlineFacts({ ...f, intake: 'referral' }).map((i) => i.code)).toContain('care_deadline_without_assessment');
  });
});

describe('readmissions and transfers', () => {
  it('a pathway opened by an internal transfer is a continuation, not a re-referral, and not counted as received', () => {
    const pathways = [
      { id: 1, referralReceived: '2026-09-01', closedOn: null },
      { id: 2, referralReceived: '2027-05-18', closedOn: null, transferredFromId: 1 },
    ];
    expect(linkPathways(pathways)[1]).toMatchObject({ previousId: 1, reReferralAfterId: null });
    expect(countReReferrals([pathways], '2027-01-01', '2027-12-31')).toEqual({ reReferrals: 0, received: 0 });
  });

  it('a new referral after the continued pathway ended (26 Dec, a holiday) counts from that end', () => {
    const pathways = [
      { id: 1, referralReceived: '2026-09-01', closedOn: null },
      { id: 2, referralReceived: '2027-05-18', closedOn: '2027-12-26', transferredFromId: 1 },
      { id: 3, referralReceived: '2028-12-26', closedOn: null },
    ];
    expect(linkPathways(pathways)[2]).toMatchObject({ reReferralAfterId: 2, daysSinceEnd: 366 });
    expect(countReReferrals([pathways], '2028-01-01', '2028-12-31')).toEqual({ reReferrals: 1, received: 1 });
  });
});

describe('evaluations proposed by what happens anyway', () => {
  const decided = new Set<string>();
  const pathway = {
    id: 7,
    events: [
      { type: 'start', date: '2027-03-01' },
      { type: 'clinical_decision', date: '2027-04-01' },
    ],
  };
  const meeting = { kind: 'meeting' as const, id: 3, date: '2027-05-17', pathwayId: null, label: 'Evalueringsmøte holdt' };

  it('a held evaluation meeting on 17 May proposes an evaluation dated 17 May (holidays do not move it)', () => {
    expect(proposeEvaluations([pathway], [meeting], decided, '2027-05-20')).toEqual([
      { pathwayId: 7, sourceKind: 'meeting', sourceId: 3, date: '2027-05-17', label: 'Evalueringsmøte holdt' },
    ]);
  });

  it('no proposal before a clinical decision, after the end, in the future, once recorded or decided', () => {
    const early = { ...meeting, date: '2027-03-25' };
    expect(proposeEvaluations([pathway], [early], decided, '2027-05-20')).toEqual([]);
    expect(proposeEvaluations([{ id: 7, events: [...pathway.events, { type: 'end', date: '2027-05-14' }] }], [meeting], decided, '2027-05-20')).toEqual([]);
    expect(proposeEvaluations([pathway], [meeting], decided, '2027-05-16')).toEqual([]);
    expect(proposeEvaluations([{ id: 7, events: [...pathway.events, { type: 'evaluation', date: '2027-05-17' }] }], [meeting], decided, '2027-05-20')).toEqual(
      [],
    );
    expect(proposeEvaluations([pathway], [meeting], new Set(['7:meeting:3']), '2027-05-20')).toEqual([]);
  });

  it('an attended evaluation appointment proposes only for its own pathway; a meeting for every pathway with a decision', () => {
    const other = { id: 8, events: [{ type: 'clinical_decision', date: '2027-04-06' }] };
    const appt = { kind: 'appointment' as const, id: 11, date: '2027-12-24', pathwayId: 8, label: 'Evalueringstime, pasienten møtte' };
    expect(proposeEvaluations([pathway, other], [appt], decided, '2028-01-02').map((p) => p.pathwayId)).toEqual([8]);
    expect(proposeEvaluations([pathway, other], [meeting], decided, '2027-05-20').map((p) => p.pathwayId)).toEqual([7, 8]);
  });
});
