import { describe, expect, it } from 'vitest';
import { cleanText, isoDate, optionalText, requiredText } from '../../shared/contract/fields';
import { referralInputSchema } from '../../shared/contract/referrals';
import { birthDateFromNationalId } from '../../shared/domain/national-id';

describe('plausible data', () => {
  it('every date field refuses years like 0000 and 9999', () => {
    const date = isoDate('Dato');
    for (const bad of ['0000-01-01', '9999-12-31', '1899-12-31', '2100-01-01']) {
      const res = date.safeParse(bad);
      expect(res.success, bad).toBe(false);
      expect(res.error?.issues[0]?.message).toMatch(/^Dato kan ikke være (før 01\.01\.1900|etter 31\.12\.2099)$/);
    }
    expect(date.safeParse('2026-11-23').success).toBe(true);
  });

  it('a referral cannot predate the pathways (2019)', () => {
    const input = {
      patient: {
        name: 'Kari',
        nationalId: '01868512381',
        birthDate: '1985-06-01',
        phone: '',
        address: '',
        postalCode: '',
        postalPlace: '',
        municipalityNumber: '',
        gpName: '',
      },
      pathway: { pathwayType: 'adult_mental', setting: 'outpatient', referralReceived: '2018-12-31', referralAssessed: null },
    };
    const res = referralInputSchema.safeParse(input);
    expect(res.error?.issues).toEqual([
      expect.objectContaining({ path: ['pathway', 'referralReceived'], message: 'Henvisning mottatt kan ikke være før 01.01.2019' }),
    ]);
    expect(referralInputSchema.safeParse({ ...input, pathway: { ...input.pathway, referralReceived: '2019-01-01' } }).success).toBe(true);
  });

  it('strips NUL, ESC, C1 controls and bidi overrides; single-line fields lose line breaks, notes keep them', () => {
    const name = requiredText('Navn', 120).parse('Kari\u0000 \u001b[31mNord\u202Emann\u2066\u0085');
    expect(name).toBe('Kari [31mNordmann');
    expect(optionalText(120).parse('Storgata 1\r\nOslo\t')).toBe('Storgata 1 Oslo');
    expect(optionalText(2000).parse('Linje 1\nLinje 2\u0007\u202E')).toBe('Linje 1\nLinje 2');
    expect(cleanText('\u202E\u0000', 120)).toBe('');
    expect(requiredText('Navn', 120).safeParse('\u202E\u0000').success).toBe(false); // nothing left: "må fylles ut"
  });

  it('reads the birth date a national id encodes (fnr, D-, H- and synthetic numbers, all centuries)', () => {
    expect(birthDateFromNationalId('01868512381')).toBe('1985-06-01'); // synthetic: month + 80
    expect(birthDateFromNationalId('01819900198')).toBe('1999-01-01');
    expect(birthDateFromNationalId('41068512345')).toBe('1985-06-01'); // D-number: day + 40
    expect(birthDateFromNationalId('01461050012')).toBe('2010-06-01'); // H-number, individual 500: 2000s
    expect(birthDateFromNationalId('0106856')).toBeNull();
  });
});
