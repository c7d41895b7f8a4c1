import { describe, expect, it } from 'vitest';
import type { IndividualPlan, PlanMeasure } from '../../shared/domain/individual-plan';
import { diffPlans, snapshot, validateRevision, type GoalEvaluation, type PlanRevision } from '../../shared/domain/plan-revision';

function measure(overrides: Partial<PlanMeasure> = {}): PlanMeasure {
  return {
    id: 1,
    what: 'Samtaler med psykolog',
    scope: '1 time per uke',
    howCarriedOut: 'Poliklinisk',
    responsible: 'Kari Nordmann',
    status: 'planned',
    goalId: 1,
    progressNotes: [{ date: '2026-02-01', text: 'Første samtale' }],
    ...overrides,
  };
}

function plan(): IndividualPlan {
  return {
    period: { from: '2026-01-01', to: '2026-12-31' },
    revisionDates: ['2026-06-01'],
    coordinator: { name: 'Ola Koordinator', organisation: 'Oslo kommune' },
    participants: [
      { id: 10, name: 'Pia Pasient', role: 'Pasient', organisation: '' },
      { id: 11, name: 'Dr. Fast', role: 'Fastlege', organisation: 'Legesenteret' },
    ],
    consent: { coversParticipantIds: [] },
    cooperation: '',
    goals: [
      { id: 1, text: 'Bo i egen leilighet' },
      { id: 2, text: 'Komme i jobb' },
    ],
    resources: [],
    needs: [],
    contributions: { patient: '', services: '', relatives: '' },
    measures: [measure()],
  };
}

const evaluations: GoalEvaluation[] = [
  { goalId: 1, result: 'partly', note: 'Har fått leilighet, trenger hjelp' },
  { goalId: 2, result: 'not_achieved', note: '' },
];

const revision = (evs: GoalEvaluation[] = evaluations): PlanRevision => ({
  versionNo: 1,
  takenAt: '2026-06-01T10:00:00.000Z',
  evaluations: evs,
});

describe('validateRevision', () => {
  it('accepts every goal evaluated exactly once', () => {
    expect(validateRevision(plan(), evaluations)).toEqual({});
  });

  it('reports a goal that is not evaluated', () => {
    expect(validateRevision(plan(), [evaluations[0]!])).toEqual({ 'goals.2': 'Målet «Komme i jobb» er ikke evaluert' });
  });

  it('reports a goal evaluated twice', () => {
    const e = validateRevision(plan(), [...evaluations, { goalId: 1, result: 'achieved', note: '' }]);
    expect(e).toEqual({ 'evaluations.2.goalId': 'Målet er evaluert mer enn én gang' });
  });

  it('reports an unknown goal id', () => {
    const e = validateRevision(plan(), [...evaluations, { goalId: 9, result: 'achieved', note: '' }]);
    expect(e).toEqual({ 'evaluations.2.goalId': 'Evalueringen gjelder et mål som ikke finnes i planen' });
  });

  it('reports an unknown result', () => {
    const bad = { goalId: 2, result: 'maybe', note: '' } as unknown as GoalEvaluation;
    expect(validateRevision(plan(), [evaluations[0]!, bad])).toEqual({
      'evaluations.1.result': 'Velg resultat for målet',
    });
  });

  it('accepts an empty list for a plan without goals', () => {
    expect(validateRevision({ ...plan(), goals: [] }, [])).toEqual({});
  });
});

describe('snapshot', () => {
  it('produces a version with a deep copy of the plan and evaluations', () => {
    const p = plan();
    const v = snapshot(p, revision());
    expect(v.versionNo).toBe(1);
    expect(v.takenAt).toBe('2026-06-01T10:00:00.000Z');
    expect(v.plan).toEqual(p);
    expect(v.plan).not.toBe(p);
    expect(v.evaluations).toEqual(evaluations);
  });

  it('is not affected by later changes to the plan or evaluations', () => {
    const p = plan();
    const evs = structuredClone(evaluations);
    const v = snapshot(p, revision(evs));
    p.goals[0]!.text = 'Endret';
    p.goals.push({ id: 3, text: 'Nytt' });
    p.measures[0]!.status = 'done';
    p.measures[0]!.progressNotes.push({ date: '2026-06-02', text: 'Ny' });
    p.consent.coversParticipantIds.push(11);
    p.period.to = '2027-06-30';
    evs[0]!.note = 'Endret';
    expect(v.plan.goals.map((g) => g.text)).toEqual(['Bo i egen leilighet', 'Komme i jobb']);
    expect(v.plan.measures[0]?.status).toBe('planned');
    expect(v.plan.measures[0]?.progressNotes).toHaveLength(1);
    expect(v.plan.consent.coversParticipantIds).toEqual([]);
    expect(v.plan.period.to).toBe('2026-12-31');
    expect(v.evaluations[0]?.note).toBe('Har fått leilighet, trenger hjelp');
  });

  it('is frozen all the way down', () => {
    const v = snapshot(plan(), revision());
    expect(Object.isFrozen(v)).toBe(true);
    expect(Object.isFrozen(v.plan.goals)).toBe(true);
    expect(Object.isFrozen(v.plan.measures[0]?.progressNotes[0])).toBe(true);
    expect(() => {
      (v.plan.goals as unknown as { text: string }[])[0]!.text = 'x';
    }).toThrow(TypeError);
  });

  it('refuses an invalid revision', () => {
    expect(() => snapshot(plan(), revision([evaluations[0]!]))).toThrow('Målet «Komme i jobb» er ikke evaluert');
    expect(() => snapshot(plan(), { ...revision(), versionNo: 0 })).toThrow(RangeError);
  });

  it('can be compared with the current plan', () => {
    const p = plan();
    const v = snapshot(p, revision());
    p.measures[0]!.status = 'ongoing';
    expect(diffPlans(v.plan, p).map((c) => c.kind)).toEqual(['measure_status_changed']);
  });
});

describe('diffPlans', () => {
  it('is empty for equal plans', () => {
    expect(diffPlans(plan(), plan())).toEqual([]);
  });

  it('reports goals added, removed and changed', () => {
    const newer = plan();
    newer.goals = [
      { id: 1, text: 'Bo i egen leilighet med litt hjelp' },
      { id: 3, text: 'Trene to ganger i uka' },
    ];
    expect(diffPlans(plan(), newer)).toEqual([
      {
        kind: 'goal_text_changed',
        section: 1,
        label: 'Mål endret fra «Bo i egen leilighet» til «Bo i egen leilighet med litt hjelp»',
        before: 'Bo i egen leilighet',
        after: 'Bo i egen leilighet med litt hjelp',
      },
      { kind: 'goal_added', section: 1, label: 'Nytt mål: «Trene to ganger i uka»', after: 'Trene to ganger i uka' },
      { kind: 'goal_removed', section: 1, label: 'Mål fjernet: «Komme i jobb»', before: 'Komme i jobb' },
    ]);
  });

  it('reports measures added, removed and status changed', () => {
    const older = plan();
    older.measures.push(measure({ id: 2, what: 'Gruppebehandling' }));
    const newer = plan();
    newer.measures = [measure({ status: 'done' }), measure({ id: 3, what: 'Oppfølging fra NAV', responsible: 'Nina NAV', goalId: 2 })];
    expect(diffPlans(older, newer).map((c) => c.label)).toEqual([
      'Tiltaket «Samtaler med psykolog» endret status fra Planlagt til Fullført',
      'Nytt tiltak: «Oppfølging fra NAV» (ansvarlig: Nina NAV)',
      'Tiltak fjernet: «Gruppebehandling»',
    ]);
  });

  it('reports consent given, withdrawn and coverage changes', () => {
    const older = plan();
    const given = plan();
    given.consent = { givenAt: '2026-01-05', givenBy: 'Pia Pasient', coversParticipantIds: [11] };
    expect(diffPlans(older, given)).toEqual([
      {
        kind: 'consent_changed',
        section: 8,
        label: 'Samtykke endret fra «Ikke registrert» til «Gitt 05.01.2026 av Pia Pasient»',
        before: 'Ikke registrert',
        after: 'Gitt 05.01.2026 av Pia Pasient',
      },
      { kind: 'consent_changed', section: 8, label: 'Samtykket omfatter nå også Dr. Fast' },
    ]);
    const withdrawn = structuredClone(given);
    withdrawn.consent.withdrawnAt = '2026-04-01';
    withdrawn.consent.coversParticipantIds = [];
    expect(diffPlans(given, withdrawn).map((c) => c.label)).toEqual([
      'Samtykke endret fra «Gitt 05.01.2026 av Pia Pasient» til «Trukket tilbake 01.04.2026»',
      'Samtykket omfatter ikke lenger Dr. Fast',
    ]);
  });

  it('reports period, revision dates and coordinator changes, ordered by section', () => {
    const newer = plan();
    newer.period = { from: '2026-01-01', to: '2027-06-30' };
    newer.revisionDates = ['2026-06-01', '2026-12-01'];
    newer.coordinator = { name: 'Siri Ny', organisation: 'Oslo kommune' };
    newer.goals.push({ id: 3, text: 'Nytt mål' });
    const changes = diffPlans(plan(), newer);
    expect(changes.map((c) => [c.section, c.kind])).toEqual([
      [1, 'goal_added'],
      [3, 'coordinator_changed'],
      [7, 'period_changed'],
      [7, 'revision_dates_changed'],
    ]);
    expect(changes.map((c) => c.label).slice(1)).toEqual([
      'Koordinator endret fra «Ola Koordinator, Oslo kommune» til «Siri Ny, Oslo kommune»',
      'Planperiode endret fra 01.01.2026–31.12.2026 til 01.01.2026–30.06.2027',
      'Revisjonsdatoer endret fra 01.06.2026 til 01.06.2026, 01.12.2026',
    ]);
  });

  it('ignores the order of revision dates', () => {
    const a = plan();
    a.revisionDates = ['2026-03-01', '2026-06-01'];
    const b = plan();
    b.revisionDates = ['2026-06-01', '2026-03-01'];
    expect(diffPlans(a, b)).toEqual([]);
  });
});
