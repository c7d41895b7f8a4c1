import { describe, expect, it } from 'vitest';
import { auditActionLabel } from '../../shared/domain/audit-log';
import { osloDayEndUtc, osloDayStartUtc } from '../../shared/domain/time';
import { entryHash, GENESIS_HASH } from '../../electron/core/audit';

describe('audit log helpers', () => {
  it('finds the UTC start of an Oslo day in winter and summer time, and across the DST switches', () => {
    expect(osloDayStartUtc('2026-11-23')).toBe('2026-11-22T23:00:00.000Z');
    expect(osloDayStartUtc('2026-07-01')).toBe('2026-06-30T22:00:00.000Z');
    expect(osloDayStartUtc('2026-03-29')).toBe('2026-03-28T23:00:00.000Z'); // the day summer time starts
    expect(osloDayEndUtc('2026-03-29')).toBe('2026-03-29T22:00:00.000Z');
    expect(osloDayEndUtc('2026-10-25')).toBe('2026-10-25T23:00:00.000Z'); // the day summer time ends
    expect(osloDayEndUtc('2026-12-31')).toBe('2026-12-31T23:00:00.000Z');
  });

  it('labels known actions in Norwegian and falls back to a verb for new ones', () => {
    expect(auditActionLabel('patient.open', 'patient')).toBe('Åpnet pasientsiden');
    expect(auditActionLabel('meetings.create', 'meeting')).toBe('Registrerte samarbeidsmøte');
    expect(auditActionLabel('noShow.recordAttempt', 'noShow')).toBe('Registrerte ikke møtt');
    expect(auditActionLabel('plans.save', 'plan')).toBe('Endret individuell plan');
  });

  it('the hash covers every field and the previous hash', () => {
    const e = { at: '2026-11-23T09:00:00.000Z', actor: 'A', os_user: 'u', action: 'patient.open', entity: 'patient', entity_id: 1, patient_id: 1 };
    const h = entryHash(GENESIS_HASH, e);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    for (const [k, v] of Object.entries({
      at: '2026-11-23T09:00:00.001Z',
      actor: 'B',
      os_user: 'v',
      action: 'patient.delete',
      entity: 'pathway',
      entity_id: 2,
      patient_id: null,
    })) {
      expect(entryHash(GENESIS_HASH, { ...e, [k]: v }), k).not.toBe(h);
    }
    expect(entryHash('1'.repeat(64), e)).not.toBe(h);
  });
});
