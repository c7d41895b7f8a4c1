import { describe, expect, it } from 'vitest';
import {
  addProgressNote,
  allowedTransitions,
  canPrintForOthers,
  canShareWith,
  canTransition,
  CONSENT_MISSING_REASON,
  CONSENT_WITHDRAWN_REASON,
  consentState,
  isPlanValid,
  MEASURE_STATUSES,
  nextRevision,
  overdueMeasures,
  transitionMeasure,
  validatePlan,
  type IndividualPlan,
  type MeasureStatus,
  type PlanMeasure,
} from '../../shared/domain/individual-plan';
import { PLAN_SECTIONS, planSections } from '../../shared/domain/plan-sections';

function measure(overrides: Partial<PlanMeasure> = {}): PlanMeasure {
  return {
    id: 1,
    what: 'Samtaler med psykolog',
    scope: '1 time per uke',
    howCarriedOut: 'Poliklinisk, tirsdager',
    responsible: 'Kari Nordmann, DPS',
    startDate: '2026-01-15',
    dueDate: '2026-04-01',
    status: 'ongoing',
    goalId: 1,
    progressNotes: [],
    ...overrides,
  };
}

function plan(overrides: Partial<IndividualPlan> = {}): IndividualPlan {
  return {
    period: { from: '2026-01-01', to: '2026-12-31' },
    revisionDates: ['2026-06-01', '2026-03-01', '2026-09-01'],
    coordinator: { name: 'Ola Koordinator', organisation: 'Oslo kommune' },
    participants: [
      { id: 10, name: 'Pia Pasient', role: 'Pasient', organisation: '' },
      { id: 11, name: 'Dr. Fast', role: 'Fastlege', organisation: 'Legesenteret' },
      { id: 12, name: 'Nina NAV', role: 'NAV-veileder', organisation: 'NAV Grünerløkka' },
    ],
    consent: { givenAt: '2026-01-05', givenBy: 'Pia Pasient', coversParticipantIds: [10, 11] },
    cooperation: 'Månedlige møter i ansvarsgruppen',
    goals: [
      { id: 1, text: 'Jeg vil klare meg i egen leilighet', targetDate: '2026-10-01' },
      { id: 2, text: 'Komme i jobb' },
    ],
    resources: [{ id: 1, text: 'God støtte fra søster' }],
    needs: [{ id: 1, text: 'Hjelp med økonomi' }],
    contributions: { patient: 'Møte opp', services: 'Samtaler', relatives: 'Støtte i hverdagen' },
    measures: [measure()],
    ...overrides,
  };
}

describe('consent', () => {
  it('is none when not registered, and planning is still allowed but not sharing/printing', () => {
    const p = plan({ consent: { coversParticipantIds: [10, 11] } });
    expect(consentState(p, '2026-02-01')).toBe('none');
    expect(canShareWith(p, 11, '2026-02-01')).toBe(false);
    expect(canPrintForOthers(p, '2026-02-01')).toEqual({ ok: false, reason: CONSENT_MISSING_REASON });
    expect(CONSENT_MISSING_REASON).toBe('Samtykke er ikke registrert – planen kan utarbeides, men ikke deles eller skrives ut for andre');
  });

  it('is given from the consent date and covers only listed participants', () => {
    const p = plan();
    expect(consentState(p, '2026-01-04')).toBe('none');
    expect(consentState(p, '2026-01-05')).toBe('given');
    expect(canShareWith(p, 11, '2026-02-01')).toBe(true);
    expect(canShareWith(p, 12, '2026-02-01')).toBe(false);
    expect(canShareWith(p, 99, '2026-02-01')).toBe(false);
    expect(canShareWith(p, 11, '2026-01-04')).toBe(false);
    expect(canPrintForOthers(p, '2026-02-01')).toEqual({ ok: true });
  });

  it('refuses sharing a covered id that is not a participant', () => {
    const p = plan({ consent: { givenAt: '2026-01-05', coversParticipantIds: [99] } });
    expect(canShareWith(p, 99)).toBe(false);
  });

  it('is withdrawn from the withdrawal date on', () => {
    const p = plan({ consent: { givenAt: '2026-01-05', coversParticipantIds: [11], withdrawnAt: '2026-03-01' } });
    expect(consentState(p, '2026-02-28')).toBe('given');
    expect(canShareWith(p, 11, '2026-02-28')).toBe(true);
    expect(consentState(p, '2026-03-01')).toBe('withdrawn');
    expect(canShareWith(p, 11, '2026-03-01')).toBe(false);
    expect(canPrintForOthers(p, '2026-03-01')).toEqual({ ok: false, reason: CONSENT_WITHDRAWN_REASON });
  });

  it('without today uses the registered dates as they are', () => {
    const withdrawn = plan({ consent: { givenAt: '2026-01-05', coversParticipantIds: [11], withdrawnAt: '2099-01-01' } });
    expect(canShareWith(withdrawn, 11)).toBe(false);
    expect(canPrintForOthers(withdrawn).ok).toBe(false);
    expect(canShareWith(plan(), 11)).toBe(true);
    expect(canPrintForOthers(plan())).toEqual({ ok: true });
  });
});

describe('measure status transitions', () => {
  const allowed: [MeasureStatus, MeasureStatus][] = [
    ['planned', 'ongoing'],
    ['planned', 'stopped'],
    ['planned', 'done'],
    ['ongoing', 'done'],
    ['ongoing', 'stopped'],
    ['done', 'ongoing'],
    ['stopped', 'planned'],
    ['stopped', 'ongoing'],
  ];
  const key = (a: string, b: string): string => `${a}->${b}`;
  const allowedKeys = new Set(allowed.map(([a, b]) => key(a, b)));

  it.each(allowed)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toEqual({ ok: true });
    expect(allowedTransitions(from)).toContain(to);
  });

  const refused = MEASURE_STATUSES.flatMap((from) =>
    MEASURE_STATUSES.filter((to) => !allowedKeys.has(key(from, to))).map((to) => [from, to] as [MeasureStatus, MeasureStatus]),
  );

  it('covers all 16 pairs', () => {
    expect(allowed.length + refused.length).toBe(16);
    expect(refused).toHaveLength(8);
  });

  it.each(refused)('refuses %s → %s with a Norwegian message', (from, to) => {
    const r = canTransition(from, to);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/Tiltaket har allerede status|kan ikke endres til/);
  });

  it('names the statuses in the message', () => {
    expect(canTransition('done', 'stopped')).toEqual({
      ok: false,
      reason: 'Et tiltak med status «Fullført» kan ikke endres til «Avbrutt»',
    });
    expect(canTransition('ongoing', 'ongoing')).toEqual({ ok: false, reason: 'Tiltaket har allerede status «Pågår»' });
  });

  it('transitionMeasure returns a copy and leaves the original alone', () => {
    const m = measure({ status: 'planned' });
    const r = transitionMeasure(m, 'ongoing');
    expect(r.ok && r.value.status).toBe('ongoing');
    expect(m.status).toBe('planned');
    expect(transitionMeasure(m, 'planned').ok).toBe(false);
  });
});

describe('progress notes', () => {
  it('accepts today and earlier, kept in date order', () => {
    const m = measure({ progressNotes: [{ date: '2026-02-10', text: 'Startet' }] });
    const r = addProgressNote(m, { date: '2026-02-01', text: '  Første samtale ' }, '2026-02-15');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.progressNotes.map((n) => n.text)).toEqual(['Første samtale', 'Startet']);
    expect(m.progressNotes).toHaveLength(1);
    expect(addProgressNote(m, { date: '2026-02-15', text: 'I dag' }, '2026-02-15').ok).toBe(true);
  });

  it('refuses future dates, invalid dates and empty text', () => {
    const m = measure();
    expect(addProgressNote(m, { date: '2026-02-16', text: 'x' }, '2026-02-15')).toEqual({
      ok: false,
      reason: 'Datoen for et fremdriftsnotat kan ikke være fram i tid',
    });
    expect(addProgressNote(m, { date: '2026-02-30', text: 'x' }, '2026-03-15').ok).toBe(false);
    expect(addProgressNote(m, { date: '2026-02-01', text: '  ' }, '2026-02-15').ok).toBe(false);
  });
});

describe('overdueMeasures', () => {
  it('lists open measures with due date before today, earliest first', () => {
    const p = plan({
      measures: [
        measure({ id: 1, dueDate: '2026-03-01', status: 'ongoing' }),
        measure({ id: 2, dueDate: '2026-02-01', status: 'planned' }),
        measure({ id: 3, dueDate: '2026-02-01', status: 'done' }),
        measure({ id: 4, dueDate: '2026-02-01', status: 'stopped' }),
        measure({ id: 5, dueDate: '2026-03-10', status: 'ongoing' }),
        measure({ id: 6, dueDate: undefined, status: 'ongoing' }),
      ],
    });
    expect(overdueMeasures(p, '2026-03-10').map((m) => m.id)).toEqual([2, 1]);
    expect(overdueMeasures(p, '2026-01-01')).toEqual([]);
  });
});

describe('nextRevision', () => {
  it('gives the first revision date on or after today and overdue ones', () => {
    const p = plan();
    expect(nextRevision(p, '2026-02-01')).toEqual({ next: '2026-03-01', overdue: [] });
    expect(nextRevision(p, '2026-03-01')).toEqual({ next: '2026-03-01', overdue: [] });
    expect(nextRevision(p, '2026-06-15')).toEqual({ next: '2026-09-01', overdue: ['2026-03-01', '2026-06-01'] });
    expect(nextRevision(p, '2026-10-01')).toEqual({ next: null, overdue: ['2026-03-01', '2026-06-01', '2026-09-01'] });
  });

  it('counts dates up to the last held revision as handled', () => {
    expect(nextRevision(plan(), '2026-06-15', '2026-03-04')).toEqual({ next: '2026-09-01', overdue: ['2026-06-01'] });
  });
});

describe('validatePlan', () => {
  it('accepts a complete plan', () => {
    expect(validatePlan(plan(), '2026-02-01')).toEqual({});
    expect(isPlanValid(plan())).toBe(true);
  });

  it('refuses a period ending before it starts', () => {
    const e = validatePlan(plan({ period: { from: '2026-06-01', to: '2026-05-31' }, revisionDates: [] }));
    expect(e).toEqual({ 'period.to': 'Planperioden kan ikke slutte før den starter' });
  });

  it('refuses missing and invalid period dates', () => {
    const e = validatePlan(plan({ period: { from: '', to: '2026-13-01' }, revisionDates: [] }));
    expect(e['period.from']).toBe('Fyll inn dato');
    expect(e['period.to']).toBe('Ugyldig dato');
  });

  it('refuses revision dates outside the period', () => {
    const e = validatePlan(plan({ revisionDates: ['2025-12-31', '2026-06-01', '2027-01-01'] }));
    expect(e).toEqual({
      'revisionDates.0': 'Revisjonsdatoen 31.12.2025 ligger utenfor planperioden',
      'revisionDates.2': 'Revisjonsdatoen 01.01.2027 ligger utenfor planperioden',
    });
  });

  it('refuses an empty goal text', () => {
    const e = validatePlan(
      plan({
        goals: [
          { id: 1, text: 'Mål' },
          { id: 2, text: '   ' },
        ],
      }),
    );
    expect(e).toEqual({ 'goals.1.text': 'Skriv målet med pasientens egne ord' });
  });

  it('refuses a measure without responsible', () => {
    expect(validatePlan(plan({ measures: [measure({ responsible: ' ' })] }))).toEqual({
      'measures.0.responsible': 'Tiltaket må ha en ansvarlig',
    });
  });

  it('refuses a measure due before it starts', () => {
    expect(validatePlan(plan({ measures: [measure({ startDate: '2026-03-01', dueDate: '2026-02-28' })] }))).toEqual({
      'measures.0.dueDate': 'Fristen kan ikke være før startdatoen',
    });
  });

  it('refuses a goalId referring to a missing goal', () => {
    expect(validatePlan(plan({ measures: [measure({ goalId: 7 })] }))).toEqual({
      'measures.0.goalId': 'Tiltaket viser til et mål som ikke finnes i planen',
    });
  });

  it('refuses consent withdrawn before given, or without being given', () => {
    expect(validatePlan(plan({ consent: { givenAt: '2026-02-01', withdrawnAt: '2026-01-31', coversParticipantIds: [] } }))).toEqual({
      'consent.withdrawnAt': 'Samtykket kan ikke være trukket tilbake før det ble gitt',
    });
    expect(validatePlan(plan({ consent: { withdrawnAt: '2026-01-31', coversParticipantIds: [] } }))).toEqual({
      'consent.withdrawnAt': 'Samtykket kan ikke trekkes tilbake før det er gitt',
    });
    expect(validatePlan(plan({ consent: { givenAt: '2026-02-01', withdrawnAt: '2026-02-01', coversParticipantIds: [] } }))).toEqual({});
  });

  it('refuses consent covering someone who is not a participant', () => {
    expect(validatePlan(plan({ consent: { givenAt: '2026-01-05', coversParticipantIds: [10, 99] } }))).toEqual({
      'consent.coversParticipantIds': 'Samtykket omfatter en deltaker som ikke er med i planarbeidet',
    });
  });

  it('refuses future progress notes when today is given', () => {
    const p = plan({ measures: [measure({ progressNotes: [{ date: '2026-03-02', text: 'Ok' }] })] });
    expect(validatePlan(p)).toEqual({});
    expect(validatePlan(p, '2026-03-01')).toEqual({
      'measures.0.progressNotes.0.date': 'Datoen kan ikke være fram i tid',
    });
  });

  it('reports several errors at once, keyed by field', () => {
    const e = validatePlan(
      plan({
        goals: [{ id: 1, text: '' }],
        measures: [measure({ responsible: '', goalId: 3, startDate: '2026-05-01', dueDate: '2026-04-01' })],
      }),
    );
    expect(Object.keys(e).sort()).toEqual(['goals.0.text', 'measures.0.dueDate', 'measures.0.goalId', 'measures.0.responsible']);
  });
});

describe('planSections', () => {
  it('returns the nine § 19 sections in order with Norwegian headings', () => {
    const sections = planSections(plan(), { patientName: 'Pia Pasient' });
    expect(sections.map((s) => s.heading)).toEqual([
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
    expect(PLAN_SECTIONS).toHaveLength(9);
  });

  it('gives structured content and a consent statement with signature lines', () => {
    const sections = planSections(plan(), { patientName: 'Pia Pasient' });
    const measures = sections[4]?.blocks[0];
    expect(measures?.kind).toBe('table');
    if (measures?.kind === 'table') {
      expect(measures.rows[0]).toEqual([
        'Samtaler med psykolog',
        '1 time per uke',
        'Kari Nordmann, DPS',
        '15.01.2026',
        '01.04.2026',
        'Pågår',
        'Jeg vil klare meg i egen leilighet',
      ]);
    }
    const signature = sections[7]?.blocks.find((b) => b.kind === 'signature');
    expect(signature?.kind).toBe('signature');
    if (signature?.kind === 'signature') {
      expect(signature.statement).toContain('Jeg, Pia Pasient, samtykker');
      expect(signature.statement).toContain('Dr. Fast (Fastlege, Legesenteret)');
      expect(signature.statement).not.toContain('Nina NAV');
      expect(signature.lines.map((l) => l.label)).toEqual(['Sted og dato', 'Underskrift']);
    }
    expect(JSON.stringify(sections)).not.toMatch(/<[a-z]/i);
  });

  it('marks empty content as not filled in', () => {
    const sections = planSections(plan({ goals: [], measures: [], cooperation: '' }));
    expect(sections[0]?.blocks[0]).toEqual({ kind: 'list', label: 'Mål', items: ['Ikke utfylt'] });
    expect(sections[8]?.blocks[0]).toEqual({ kind: 'text', text: 'Ikke utfylt' });
  });
});
