/**
 * Norwegian municipalities as dated data (SSB classification 131), shipped as data/municipalities-<year>.json
 * and regenerated with scripts/build-municipalities.mjs. This module only checks and types such a file.
 */
import { isIsoDate, type IsoDate } from './iso-date';

export interface County {
  /** Two digits, e.g. '03'. */
  number: string;
  name: string;
}

export interface Municipality {
  /** Four digits, e.g. '0301'; the first two are the county number. */
  number: string;
  /** Everyday name, disambiguated where two share it, e.g. 'Herøy (Nordland)'. */
  name: string;
  /** Official name including Sami/Kven forms, e.g. 'Unjárga - Nesseby'. */
  officialName: string;
  county: County;
}

export interface MunicipalityDataset {
  source: string;
  classification: string;
  classificationVersion: string;
  validFrom: IsoDate;
  /** Date the list was retrieved, when the source states it; null otherwise. */
  retrieved: IsoDate | null;
  /** The source file's provenance notes, verbatim. */
  provenance: string[];
  generatedFrom: string;
  municipalities: Municipality[];
}

/** Checks the shape of a municipality dataset and returns it typed. Throws an Error naming the first problem. */
export function parseMunicipalityDataset(json: unknown): MunicipalityDataset {
  const root = record(json, 'dataset');
  const validFrom = str(root, 'validFrom', 'dataset');
  if (!isIsoDate(validFrom)) fail('dataset.validFrom: expected a yyyy-MM-dd date');
  const retrieved = root['retrieved'] ?? null;
  if (retrieved !== null && (typeof retrieved !== 'string' || !isIsoDate(retrieved))) {
    fail('dataset.retrieved: expected a yyyy-MM-dd date or null');
  }
  const provenance = root['provenance'] ?? [];
  if (!Array.isArray(provenance) || !provenance.every((p) => typeof p === 'string')) {
    fail('dataset.provenance: expected an array of strings');
  }
  const list = root['municipalities'];
  if (!Array.isArray(list) || list.length === 0) fail('dataset.municipalities: expected a non-empty array');

  const seen = new Set<string>();
  const municipalities = list.map((item: unknown, i): Municipality => {
    const path = `dataset.municipalities[${i}]`;
    const m = record(item, path);
    const number = str(m, 'number', path);
    if (!/^\d{4}$/.test(number)) fail(`${path}.number: expected four digits`);
    if (seen.has(number)) fail(`${path}.number: duplicate municipality number ${number}`);
    seen.add(number);
    const county = record(m['county'], `${path}.county`);
    const countyNumber = str(county, 'number', `${path}.county`);
    if (!/^\d{2}$/.test(countyNumber)) fail(`${path}.county.number: expected two digits`);
    if (countyNumber !== number.slice(0, 2)) fail(`${path}.county.number: must equal the first two digits of ${number}`);
    return {
      number,
      name: str(m, 'name', path),
      officialName: str(m, 'officialName', path),
      county: { number: countyNumber, name: str(county, 'name', `${path}.county`) },
    };
  });

  return {
    source: str(root, 'source', 'dataset'),
    classification: str(root, 'classification', 'dataset'),
    classificationVersion: str(root, 'classificationVersion', 'dataset'),
    validFrom,
    retrieved,
    provenance: provenance as string[],
    generatedFrom: str(root, 'generatedFrom', 'dataset'),
    municipalities,
  };
}

/** The set of valid municipality numbers, e.g. for contact import. */
export function municipalityNumbers(dataset: MunicipalityDataset): Set<string> {
  return new Set(dataset.municipalities.map((m) => m.number));
}

/** Distinct counties, ordered by number. */
export function countiesOf(dataset: MunicipalityDataset): County[] {
  const byNumber = new Map<string, County>();
  for (const m of dataset.municipalities) byNumber.set(m.county.number, m.county);
  return [...byNumber.values()].sort((a, b) => a.number.localeCompare(b.number));
}

function record(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`${path}: expected an object`);
  return value as Record<string, unknown>;
}

function str(obj: Record<string, unknown>, key: string, path: string): string {
  const value = obj[key];
  if (typeof value !== 'string' || value.trim() === '') fail(`${path}.${key}: expected a non-empty string`);
  return value;
}

function fail(message: string): never {
  throw new Error(`Invalid municipality dataset: ${message}`);
}
