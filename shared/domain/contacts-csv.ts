/**
 * Import and export of external contacts as Norwegian Excel CSV (see ./csv).
 * Columns: Navn;Rolle;Organisasjon;Kommunenummer;Telefon;E-post (any order on import, case-insensitive;
 * unknown extra columns are ignored). Error messages are Norwegian and never repeat a cell's content,
 * since cells may hold personal data.
 */
import { CsvSyntaxError, parseCsv, toCsv } from './csv';
import { CONTACT_ROLE_LABELS, CONTACT_ROLES, contactRoleFromText, type ContactRole } from './contact-roles';

/** One contact as exchanged in CSV. Optional text fields are '' when not given. */
export interface ContactCsvRow {
  name: string;
  role: ContactRole;
  organisation: string;
  /** Four digits, e.g. '0301', or '' when not given. */
  municipalityNumber: string;
  phone: string;
  email: string;
}

export interface ContactCsvError {
  /** 1-based record number as a spreadsheet shows it; the header is line 1. */
  line: number;
  message: string;
}

export interface ContactCsvResult {
  rows: ContactCsvRow[];
  errors: ContactCsvError[];
}

type Field = keyof ContactCsvRow;

export const CONTACT_CSV_COLUMNS: readonly { field: Field; header: string }[] = [
  { field: 'name', header: 'Navn' },
  { field: 'role', header: 'Rolle' },
  { field: 'organisation', header: 'Organisasjon' },
  { field: 'municipalityNumber', header: 'Kommunenummer' },
  { field: 'phone', header: 'Telefon' },
  { field: 'email', header: 'E-post' },
];

const MAX_TEXT_LENGTH = 200;
const EMAIL_RE = /^[^\s@"<>()[\]\\,;:]+@[^\s@"<>()[\]\\,;:]+\.[^\s@"<>()[\]\\,;:.]{2,}$/;
const PHONE_RE = /^\+?[0-9 ]+$/;
/** First characters that make Excel treat a cell as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function parseContactsCsv(text: string, knownMunicipalityNumbers: ReadonlySet<string>): ContactCsvResult {
  let records: string[][];
  try {
    records = parseCsv(text);
  } catch (err) {
    if (err instanceof CsvSyntaxError) {
      return { rows: [], errors: [{ line: err.line, message: 'Feil bruk av anførselstegn. Kontroller at alle felt med " er avsluttet.' }] };
    }
    throw err;
  }
  const header = records[0];
  if (!header || header.every((c) => c.trim() === '')) {
    return { rows: [], errors: [{ line: 1, message: 'Filen er tom eller mangler overskriftsraden.' }] };
  }
  const columns = mapHeader(header);
  if ('errors' in columns) return { rows: [], errors: columns.errors };

  const rows: ContactCsvRow[] = [];
  const errors: ContactCsvError[] = [];
  records.slice(1).forEach((record, idx) => {
    const line = idx + 2;
    const cells = record.map((c) => c.trim());
    if (cells.every((c) => c === '')) return;
    const rowErrors = validateRow(cells, columns.index, header.length, knownMunicipalityNumbers);
    if (Array.isArray(rowErrors)) errors.push(...rowErrors.map((message) => ({ line, message })));
    else rows.push(rowErrors);
  });
  return { rows, errors };
}

/** CSV with BOM, CRLF, the Norwegian header and role labels; text that Excel would run as a formula is prefixed with '. */
export function contactsToCsv(contacts: readonly ContactCsvRow[]): string {
  const cell = (c: ContactCsvRow, field: Field): string => {
    switch (field) {
      case 'role':
        return CONTACT_ROLE_LABELS[c.role];
      case 'name':
      case 'organisation':
      case 'email':
        return FORMULA_START.test(c[field]) ? `'${c[field]}` : c[field];
      default:
        return c[field];
    }
  };
  return toCsv([CONTACT_CSV_COLUMNS.map((col) => col.header), ...contacts.map((c) => CONTACT_CSV_COLUMNS.map((col) => cell(c, col.field)))]);
}

function mapHeader(header: readonly string[]): { index: Record<Field, number> } | { errors: ContactCsvError[] } {
  const index: Partial<Record<Field, number>> = {};
  const errors: ContactCsvError[] = [];
  header.forEach((raw, i) => {
    const name = raw.trim().toLocaleLowerCase('nb');
    const col = CONTACT_CSV_COLUMNS.find((c) => c.header.toLocaleLowerCase('nb') === name);
    if (!col) return;
    if (index[col.field] !== undefined) errors.push({ line: 1, message: `Kolonnen «${col.header}» finnes flere ganger.` });
    else index[col.field] = i;
  });
  for (const col of CONTACT_CSV_COLUMNS) {
    if (index[col.field] === undefined) errors.push({ line: 1, message: `Mangler kolonnen «${col.header}».` });
  }
  return errors.length > 0 ? { errors } : { index: index as Record<Field, number> };
}

function validateRow(
  cells: readonly string[],
  index: Record<Field, number>,
  headerLength: number,
  knownMunicipalityNumbers: ReadonlySet<string>,
): ContactCsvRow | string[] {
  if (cells.some((c) => c.includes('\uFFFD'))) {
    return ['Raden inneholder tegn som ikke kan leses. Lagre filen som «CSV UTF-8» og prøv igjen.'];
  }
  const errors: string[] = [];
  if (cells.slice(headerLength).some((c) => c !== '')) {
    errors.push('Raden har flere felt enn overskriften. Kontroller semikolon i feltene.');
  }
  const get = (field: Field): string => unescapeFormula(cells[index[field]] ?? '');

  for (const col of CONTACT_CSV_COLUMNS) {
    const value = get(col.field);
    // oxlint-disable-next-line no-control-regex -- intentional: strips or rejects control characters
    if (/[\u0000-\u001F\u007F]/.test(value)) errors.push(`Feltet «${col.header}» inneholder linjeskift eller kontrolltegn.`);
    else if (value.length > MAX_TEXT_LENGTH) errors.push(`Feltet «${col.header}» er for langt (maks ${MAX_TEXT_LENGTH} tegn).`);
  }

  const name = get('name');
  if (name === '') errors.push('Navn mangler.');

  const roleText = get('role');
  const role = contactRoleFromText(roleText);
  if (roleText === '') errors.push('Rolle mangler.');
  else if (!role) errors.push(`Ukjent rolle. Bruk en av: ${CONTACT_ROLES.map((r) => CONTACT_ROLE_LABELS[r]).join(', ')}.`);

  let municipalityNumber = get('municipalityNumber');
  // Excel drops the leading zero of 0301 etc. when it opens and re-saves a CSV; put it back.
  if (/^\d{3}$/.test(municipalityNumber)) municipalityNumber = `0${municipalityNumber}`;
  if (municipalityNumber !== '') {
    if (!/^\d{4}$/.test(municipalityNumber)) errors.push('Kommunenummer må være fire sifre.');
    else if (!knownMunicipalityNumbers.has(municipalityNumber)) errors.push('Kommunenummeret finnes ikke i kommunelisten.');
  }

  const phone = get('phone').replace(/ {2,}/g, ' ');
  if (phone !== '') {
    const digits = phone.replace(/\D/g, '').length;
    if (!PHONE_RE.test(phone)) errors.push('Telefonnummer kan bare inneholde sifre, mellomrom og + først.');
    else if (digits < 3 || digits > 15) errors.push('Telefonnummer må ha mellom 3 og 15 sifre.');
  }

  const email = get('email');
  if (email !== '' && !EMAIL_RE.test(email)) errors.push('E-postadressen har ugyldig format.');

  if (errors.length > 0 || !role) return errors;
  return { name, role, organisation: get('organisation'), municipalityNumber, phone, email };
}

/** Reverses the ' prefix that {@link contactsToCsv} adds before formula characters. */
function unescapeFormula(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}
