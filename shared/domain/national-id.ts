import { idnr } from '@navikt/fnrvalidator';

/**
 * Norwegian person identifiers (DOMAIN.md §9), validated with NAV's validator (incl. the 2032 rule).
 * Synthetic (Tenor) numbers are accepted only where the data directory is a demo/test one.
 */
export type NationalIdKind = 'fnr' | 'dnr' | 'hnr';

export type NationalIdCheck = { ok: true; kind: NationalIdKind; synthetic: boolean } | { ok: false; message: string };

export function checkNationalId(raw: string, opts: { allowSynthetic: boolean }): NationalIdCheck {
  const digits = raw.replace(/\s/g, '');
  if (!/^\d{11}$/.test(digits)) {
    return { ok: false, message: 'Fødselsnummeret må ha 11 sifre' };
  }
  const result = idnr(digits);
  if (result.status === 'invalid') {
    if (result.reasons.includes("checksums don't match")) {
      return { ok: false, message: 'Fødselsnummeret har feil kontrollsiffer' };
    }
    return { ok: false, message: 'Fødselsnummeret inneholder ikke en gyldig dato' };
  }
  const synthetic = result.type === 'tnr' || result.type === 'dnr-and-tnr';
  if (synthetic && !opts.allowSynthetic) {
    return { ok: false, message: 'Syntetiske testnumre kan bare brukes i demomodus' };
  }
  if (!synthetic && opts.allowSynthetic) {
    // A demo data directory must never hold a real person's number.
    return { ok: false, message: 'I demomodus kan bare syntetiske testnumre brukes' };
  }
  const kind: NationalIdKind =
    result.type === 'dnr' || result.type === 'dnr-and-hnr' || result.type === 'dnr-and-tnr' ? 'dnr' : result.type === 'hnr' ? 'hnr' : 'fnr';
  return { ok: true, kind, synthetic };
}

export function normalizeNationalId(raw: string): string {
  return raw.replace(/\s/g, '');
}

/** Lists show only the first six digits (UI.md): `010190 *****`. */
export function maskNationalId(id: string): string {
  return `${id.slice(0, 6)} *****`;
}

export function nationalIdKindLabel(kind: NationalIdKind): string {
  return kind === 'dnr' ? 'D-nummer' : kind === 'hnr' ? 'H-nummer' : 'Fødselsnummer';
}

/** Builds a valid synthetic (Tenor: month + 80) number for a birth date and individual number. Demo data only. */
export function syntheticNationalId(birthDate: string, individual: number): string | null {
  const [y, m, d] = birthDate.split('-');
  if (!y || !m || !d) return null;
  const base = `${d}${String(Number(m) + 80)}${y.slice(2)}${String(individual).padStart(3, '0')}`;
  const n = base.split('').map(Number);
  const w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
  const w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  const mod = (sum: number) => (11 - (sum % 11)) % 11;
  const k1 = mod(w1.reduce((s, w, i) => s + w * (n[i] ?? 0), 0));
  if (k1 === 10) return null;
  const withK1 = [...n, k1];
  const k2 = mod(w2.reduce((s, w, i) => s + w * (withK1[i] ?? 0), 0));
  if (k2 === 10) return null;
  return `${base}${k1}${k2}`;
}

/**
 * The birth date a national id (fødselsnummer, D-, H- or synthetic number) encodes, as yyyy-MM-dd, or null
 * when it encodes none. Day +40 = D-number, month +40 = H-number, month +80 = synthetic (Tenor); the
 * century follows from the individual number (DOMAIN.md §9).
 */
export function birthDateFromNationalId(raw: string): string | null {
  const id = raw.replace(/\s/g, '');
  if (!/^\d{11}$/.test(id)) return null;
  let day = Number(id.slice(0, 2));
  let month = Number(id.slice(2, 4));
  const yy = Number(id.slice(4, 6));
  const individual = Number(id.slice(6, 9));
  if (day > 40) day -= 40;
  if (month > 80) month -= 80;
  else if (month > 40) month -= 40;
  let century: number | null = null;
  if (individual <= 499) century = 1900;
  else if (individual <= 749 && yy >= 54) century = 1800;
  else if (yy <= 39) century = 2000;
  else if (individual >= 900) century = 1900;
  if (century === null || day < 1 || month < 1 || month > 12) return null;
  const date = `${century + yy}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date ? date : null;
}
