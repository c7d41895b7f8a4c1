import { describe, expect, it } from 'vitest';
import type { IndividualPlan, PlanMeasure } from '../../shared/domain/individual-plan';
import { firstOpenMeasureDue, firstUnheldRevision, planAttentionDate } from '../../shared/domain/plan-attention';

const measure = (id: number, status: PlanMeasure['status'], dueDate?: string): PlanMeasure => ({
  id,
  what: `Tiltak ${id}`,
  scope: '',
  howCarriedOut: '',
  responsible: 'DPS',
  status,
  progressNotes: [],
  ...(dueDate ? { dueDate } : {}),
});

const plan = (revisionDates: string[], measures: PlanMeasure[]): IndividualPlan => ({
  period: { from: '2026-01-01', to: '2026-12-31' },
  revisionDates,
  coordinator: { name: '', organisation: '' },
  participants: [],
  consent: { coversParticipantIds: [] },
  cooperation: '',
  goals: [],
  resources: [],
  needs: [],
  contributions: { patient: '', services: '', relatives: '' },
  measures,
});

describe('when a plan needs attention', () => {
  it('is null for a plan without revision dates or open measures with a due date', () => {
    expect(planAttentionDate(plan([], [measure(1, 'planned'), measure(2, 'done', '2026-02-01'), measure(3, 'stopped', '2026-01-15')]))).toBeNull();
  });

  it('takes the earliest revision not yet held', () => {
    const p = plan(['2026-09-01', '2026-03-01', '2026-06-01'], []);
    expect(firstUnheldRevision(p)).toBe('2026-03-01');
    expect(firstUnheldRevision(p, '2026-03-01')).toBe('2026-06-01');
    expect(firstUnheldRevision(p, '2026-04-10')).toBe('2026-06-01');
    expect(firstUnheldRevision(p, '2026-09-01')).toBeNull();
    expect(planAttentionDate(p, '2026-04-10')).toBe('2026-06-01');
  });

  it('counts only planned and ongoing measures, whether their due date has passed or not', () => {
    const p = plan(['2026-06-01'], [measure(1, 'done', '2026-02-01'), measure(2, 'ongoing', '2026-05-01'), measure(3, 'planned', '2026-04-01')]);
    expect(firstOpenMeasureDue(p)).toBe('2026-04-01');
    expect(planAttentionDate(p)).toBe('2026-04-01');
    expect(planAttentionDate(plan(['2026-03-01'], p.measures))).toBe('2026-03-01');
  });
});
