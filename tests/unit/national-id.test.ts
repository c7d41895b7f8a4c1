import { describe, expect, it } from 'vitest';
import { checkNationalId, maskNationalId, syntheticNationalId } from '../../shared/domain/national-id';

describe('national ids', () => {
  it('accepts Skatteetaten’s 2032-rule example as a real fødselsnummer outside demo mode', () => {
    expect(checkNationalId('30108299939', { allowSynthetic: false })).toEqual({ ok: true, kind: 'fnr', synthetic: false });
  });
  it('names a wrong check digit in Norwegian', () => {
    expect(checkNationalId('30108299938', { allowSynthetic: false })).toEqual({ ok: false, message: 'Fødselsnummeret har feil kontrollsiffer' });
  });
  it('requires 11 digits', () => {
    expect(checkNationalId('1234', { allowSynthetic: false })).toMatchObject({ ok: false, message: 'Fødselsnummeret må ha 11 sifre' });
  });
  it('accepts synthetic numbers only in demo mode, and only synthetic ones there', () => {
    const synthetic = syntheticNationalId('1985-06-01', 123);
    expect(synthetic).not.toBeNull();
    expect(checkNationalId(synthetic!, { allowSynthetic: true })).toEqual({ ok: true, kind: 'fnr', synthetic: true });
    expect(checkNationalId(synthetic!, { allowSynthetic: false })).toMatchObject({ ok: false });
    expect(checkNationalId('30108299939', { allowSynthetic: true })).toMatchObject({ ok: false });
  });
  it('masks all but the birth-date digits', () => {
    expect(maskNationalId('01868512381')).toBe('018685 *****');
  });
});
