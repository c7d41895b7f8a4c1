import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../../shared/domain/iso-date';

/** The former definition: what Date itself accepts and prints back unchanged. */
function viaDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

describe('isIsoDate', () => {
  it('agrees with Date on every day, month and day number of four centuries (incl. 1900, 2000, 2100) and on odd years', () => {
    const years = [0, 4, 100, 400, 1582, 1899, 1900, 1999, 2000, 2024, 2026, 2100, 2400, 9999];
    for (let y = 1890; y <= 2110; y++) years.push(y);
    let disagreements = 0;
    for (const y of years) {
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 32; d++) {
          const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          if (isIsoDate(s) !== viaDate(s)) disagreements++;
        }
      }
    }
    expect(disagreements).toBe(0);
  });

  it('rejects what is not a date', () => {
    for (const s of [
      '2026-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '2026-1-01',
      ' 2026-01-01',
      '2026-01-01 ',
      '2026-01-01T00:00',
      '',
      '२०२६-०१-०१',
    ])
      expect(isIsoDate(s)).toBe(false);
    for (const s of ['2024-02-29', '2000-02-29', '2026-12-31', '2026-01-01']) expect(isIsoDate(s)).toBe(true);
  });
});
