import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/domain/csv';
import { ATTEMPT_OUTCOME_LABELS } from '../../shared/domain/no-show-policy';
import { INDIVIDUAL_PLAN_REGULATION, planItemRef } from '../../shared/domain/plan-sections';
import { RECORD_SYSTEM_NOTICE, registrationCsv } from '../../shared/domain/record-registration';

describe('issue #13 wording and citations', () => {
  it('individual plan: the 2022 regulation, and "punkt N" instead of "§ 19 pkt. N"', () => {
    expect(INDIVIDUAL_PLAN_REGULATION).toBe('Forskrift om individuell plan ved ytelse av velferdstjenester (fra 1. august 2022)');
    expect(planItemRef(5)).toBe('punkt 5');
    expect(planItemRef(5)).not.toContain('§');
  });

  it('the pathway screen says registering here is not NPR reporting', () => {
    expect(RECORD_SYSTEM_NOTICE).toContain('ikke rapportering til Norsk pasientregister');
    expect(RECORD_SYSTEM_NOTICE).toContain('journalsystemet');
  });

  it('"Nådd" no longer names a contact attempt outcome', () => {
    expect(ATTEMPT_OUTCOME_LABELS.reached).toBe('Fikk kontakt');
  });

  it('the registration CSV guards patient names against formula injection', () => {
    const csv = registrationCsv([
      {
        patientName: '=HYPERLINK("x")',
        birthDate: '1985-06-01',
        nationalIdMasked: '010685*****',
        code: 'D11CP',
        codeConfidence: 'confirmed',
        eventLabel: 'Klinisk beslutning',
        date: '2026-11-20',
      },
    ]);
    const [, row] = parseCsv(csv);
    expect(row?.[0]?.startsWith('=')).toBe(false);
    expect(row?.slice(3)).toEqual(['D11CP', 'Klinisk beslutning', '20.11.2026', 'Ja']);
  });
});
