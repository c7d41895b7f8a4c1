import { describe, expect, it } from 'vitest';
import raw from '../../data/municipalities-2024.json';
import { countiesOf, municipalityNumbers, parseMunicipalityDataset } from '../../shared/domain/municipalities';

const clone = (): Record<string, unknown> => structuredClone(raw) as Record<string, unknown>;

describe('data/municipalities-2024.json', () => {
  const dataset = parseMunicipalityDataset(raw);

  it('is dated SSB classification 131 data valid from 2024-01-01', () => {
    expect(dataset.classification).toBe('SSB klassifikasjon 131');
    expect(dataset.validFrom).toBe('2024-01-01');
    expect(dataset.source).not.toBe('');
    expect(dataset.provenance.length).toBeGreaterThan(0);
  });

  it('holds exactly 357 municipalities with unique four-digit numbers', () => {
    expect(dataset.municipalities).toHaveLength(357);
    const numbers = municipalityNumbers(dataset);
    expect(numbers.size).toBe(357);
    for (const n of numbers) expect(n).toMatch(/^\d{4}$/);
  });

  it('has 0301 Oslo in county 03 Oslo', () => {
    expect(dataset.municipalities.find((m) => m.number === '0301')).toEqual({
      number: '0301',
      name: 'Oslo',
      officialName: 'Oslo',
      county: { number: '03', name: 'Oslo' },
    });
  });

  it('has 15 counties, each with one name', () => {
    const counties = countiesOf(dataset);
    expect(counties).toHaveLength(15);
    for (const c of counties) {
      const names = new Set(dataset.municipalities.filter((m) => m.county.number === c.number).map((m) => m.county.name));
      expect(names.size).toBe(1);
    }
  });

  it('keeps Sami/Kven official names and disambiguated everyday names', () => {
    expect(dataset.municipalities.find((m) => m.number === '5636')?.officialName).toBe('Unjárga - Nesseby');
    const everyday = dataset.municipalities.map((m) => m.name);
    expect(new Set(everyday).size).toBe(everyday.length);
  });
});

describe('parseMunicipalityDataset', () => {
  it('rejects non-objects', () => {
    expect(() => parseMunicipalityDataset(null)).toThrow(/dataset: expected an object/);
    expect(() => parseMunicipalityDataset([])).toThrow(/dataset: expected an object/);
  });

  it('names the first problem', () => {
    const noValidFrom = clone();
    noValidFrom['validFrom'] = '2024-13-01';
    expect(() => parseMunicipalityDataset(noValidFrom)).toThrow(/dataset\.validFrom/);

    const badNumber = clone();
    (badNumber['municipalities'] as Record<string, unknown>[])[3] = { number: '301', name: 'X', officialName: 'X', county: { number: '03', name: 'Oslo' } };
    expect(() => parseMunicipalityDataset(badNumber)).toThrow(/municipalities\[3\]\.number: expected four digits/);

    const dup = clone();
    const list = dup['municipalities'] as unknown[];
    list.push(list[0]);
    expect(() => parseMunicipalityDataset(dup)).toThrow(/duplicate municipality number 0301/);

    const wrongCounty = clone();
    (wrongCounty['municipalities'] as Record<string, Record<string, unknown>>[])[0]!['county']!['number'] = '11';
    expect(() => parseMunicipalityDataset(wrongCounty)).toThrow(/county\.number: must equal/);

    const noName = clone();
    (noName['municipalities'] as Record<string, unknown>[])[0]!['name'] = '';
    expect(() => parseMunicipalityDataset(noName)).toThrow(/municipalities\[0\]\.name: expected a non-empty string/);

    const empty = clone();
    empty['municipalities'] = [];
    expect(() => parseMunicipalityDataset(empty)).toThrow(/non-empty array/);
  });
});
