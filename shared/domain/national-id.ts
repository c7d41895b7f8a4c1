import { idnr } from '@navikt/fnrvalidator';

/**
 * Norwegian person identifiers (DOMAIN.md §9), validated with NAV's validator (incl. the 2032 rule).
 * Synthetic (Tenor) numbers are accepted only where the data directory is a demo/test one.
 */
export type NationalIdKind = 'fnr' | 'dnr' | 'hnr';

export type NationalIdCheck =
  | { ok: true; kind: NationalIdKind; synthetic: boolean }
  | { ok: false; message: string };

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
    result.type === 'dnr' || result.type === 'dnr-and-hnr' || result.type === 'dnr-and-tnr'
      ? 'dnr'
      : result.type === 'hnr'
        ? 'hnr'
        : 'fnr';
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
