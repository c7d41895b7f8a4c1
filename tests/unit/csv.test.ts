import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CsvSyntaxError, parseCsv, toCsv } from '../../shared/domain/csv';
import { contactsToCsv, parseContactsCsv, type ContactCsvRow } from '../../shared/domain/contacts-csv';
import { contactRoleFromText } from '../../shared/domain/contact-roles';

const BOM = '\uFEFF';
const KNOWN = new Set(['0301', '4601', '5001', '1108']);
const HEADER = 'Navn;Rolle;Organisasjon;Kommunenummer;Telefon;E-post';

describe('parseCsv', () => {
  it('strips the BOM and splits on semicolons and CRLF', () => {
    expect(parseCsv(`${BOM}a;b;c\r\nd;e;f\r\n`)).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ]);
  });

  it('reads æøå, quoted semicolons, doubled quotes and line breaks inside quotes', () => {
    const text = `${BOM}Navn;Notat\r\n"Ærlig, Øystein";"Sa ""hei""; gikk"\r\n"Blåbær";"linje 1\r\nlinje 2"\r\n`;
    expect(parseCsv(text)).toEqual([
      ['Navn', 'Notat'],
      ['Ærlig, Øystein', 'Sa "hei"; gikk'],
      ['Blåbær', 'linje 1\nlinje 2'],
    ]);
  });

  it('accepts LF and CR line endings and a missing final line break', () => {
    expect(parseCsv('a;b\nc;d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseCsv('a;b\rc;d\r')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('keeps empty fields and inner blank lines, drops only the final line break', () => {
    expect(parseCsv(';;\r\n\r\nx;;\r\n')).toEqual([['', '', ''], [''], ['x', '', '']]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv(BOM)).toEqual([]);
  });

  it('treats a quote inside an unquoted field literally', () => {
    expect(parseCsv('12" skjerm;b\r\n')).toEqual([['12" skjerm', 'b']]);
  });

  it('throws CsvSyntaxError with the record number on an unterminated quote', () => {
    try {
      parseCsv('a;b\r\nc;"d\r\ne;f\r\n');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(CsvSyntaxError);
      expect((err as CsvSyntaxError).line).toBe(2);
    }
  });
});

describe('toCsv', () => {
  it('writes BOM, CRLF and quotes only where needed', () => {
    expect(
      toCsv([
        ['Navn', 'Notat'],
        ['Åse', 'a;b'],
        ['Ørjan "Ø"', 'linje\nto'],
        ['', ' mellomrom'],
      ]),
    ).toBe(`${BOM}Navn;Notat\r\nÅse;"a;b"\r\n"Ørjan ""Ø""";"linje\nto"\r\n;" mellomrom"\r\n`);
    expect(toCsv([])).toBe(BOM);
  });

  it('round-trips arbitrary fields (property)', () => {
    const field = fc.string({ unit: 'grapheme', maxLength: 20 }).map((s) => s.replace(/\r\n?/g, '\n'));
    const row = fc.array(field, { minLength: 2, maxLength: 5 });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), (rows) => {
        expect(parseCsv(toCsv(rows))).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });
});

describe('contact roles', () => {
  it('accepts the id or the Norwegian label, case-insensitive', () => {
    expect(contactRoleFromText('Fastlege')).toBe('gp');
    expect(contactRoleFromText('  koordinator i  KOMMUNEN ')).toBe('municipal_coordinator');
    expect(contactRoleFromText('CHILD_WELFARE')).toBe('child_welfare');
    expect(contactRoleFromText('nav')).toBe('nav');
    expect(contactRoleFromText('Psykolog')).toBeNull();
    expect(contactRoleFromText('')).toBeNull();
  });
});

describe('parseContactsCsv', () => {
  it('reads valid rows with æøå, quoted semicolons and role labels or ids', () => {
    const text =
      `${BOM}${HEADER}\r\n` +
      `Åse Øvrebø;Fastlege;"Legesenteret; Sentrum";0301;+47 22 33 44 55;ase@legesenter.no\r\n` +
      `"Per ""Pelle"" Ås";coordinating_unit;Bergen kommune;4601;;\r\n` +
      `Kari Nordmann;BARNEVERN;;;;\r\n`;
    const result = parseContactsCsv(text, KNOWN);
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual<ContactCsvRow[]>([
      {
        name: 'Åse Øvrebø',
        role: 'gp',
        organisation: 'Legesenteret; Sentrum',
        municipalityNumber: '0301',
        phone: '+47 22 33 44 55',
        email: 'ase@legesenter.no',
      },
      { name: 'Per "Pelle" Ås', role: 'coordinating_unit', organisation: 'Bergen kommune', municipalityNumber: '4601', phone: '', email: '' },
      { name: 'Kari Nordmann', role: 'child_welfare', organisation: '', municipalityNumber: '', phone: '', email: '' },
    ]);
  });

  it('accepts columns in any order, header case-insensitive, and ignores extra columns', () => {
    const text = 'e-post;NAVN;Merknad;rolle;Telefon;Kommunenummer;Organisasjon\r\nx@y.no;Ola;ignoreres;NAV;12345678;5001;NAV Trondheim\r\n';
    const result = parseContactsCsv(text, KNOWN);
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([{ name: 'Ola', role: 'nav', organisation: 'NAV Trondheim', municipalityNumber: '5001', phone: '12345678', email: 'x@y.no' }]);
  });

  it('restores the leading zero Excel drops from municipality numbers', () => {
    const result = parseContactsCsv(`${HEADER}\r\nOla;Annet;;301;;\r\n`, KNOWN);
    expect(result.rows[0]?.municipalityNumber).toBe('0301');
  });

  it('reports bad rows by line in Norwegian without echoing cell values, and keeps the good ones', () => {
    const secretName = 'Hemmelig Hansen';
    const text =
      `${HEADER}\r\n` +
      `;Fastlege;;;;\r\n` + // 2: no name
      `${secretName};Psykolog;;;;\r\n` + // 3: unknown role
      `${secretName};;;;;\r\n` + // 4: no role
      `${secretName};Annet;;03X1;;\r\n` + // 5: municipality not digits
      `${secretName};Annet;;9999;;\r\n` + // 6: unknown municipality
      `${secretName};Annet;;;22-33-44;\r\n` + // 7: phone with dashes
      `${secretName};Annet;;;12;\r\n` + // 8: too few digits
      `${secretName};Annet;;;;hemmelig.hansen@\r\n` + // 9: bad e-mail
      `${secretName};Annet;;;;;ekstra\r\n` + // 10: too many fields
      `;;;;;\r\n` + // 11: empty row, skipped silently
      `"Linje\r\nskift";Annet;;;;\r\n` + // 12: line break in name
      `Gyldig Person;Behandler;BUP;1108;;\r\n`; // 13: ok
    const result = parseContactsCsv(text, KNOWN);
    expect(result.rows.map((r) => r.name)).toEqual(['Gyldig Person']);
    expect(result.errors).toEqual([
      { line: 2, message: 'Navn mangler.' },
      { line: 3, message: expect.stringMatching(/^Ukjent rolle\. Bruk en av: Koordinator i kommunen, .*Annet\.$/) },
      { line: 4, message: 'Rolle mangler.' },
      { line: 5, message: 'Kommunenummer må være fire sifre.' },
      { line: 6, message: 'Kommunenummeret finnes ikke i kommunelisten.' },
      { line: 7, message: 'Telefonnummer kan bare inneholde sifre, mellomrom og + først.' },
      { line: 8, message: 'Telefonnummer må ha mellom 3 og 15 sifre.' },
      { line: 9, message: 'E-postadressen har ugyldig format.' },
      { line: 10, message: 'Raden har flere felt enn overskriften. Kontroller semikolon i feltene.' },
      { line: 12, message: 'Feltet «Navn» inneholder linjeskift eller kontrolltegn.' },
    ]);
    const allMessages = result.errors.map((e) => e.message).join('\n');
    for (const secret of ['Hemmelig', 'hansen', 'Psykolog', '9999', '03X1', '22-33-44', 'ekstra', 'Linje']) {
      expect(allMessages).not.toContain(secret);
    }
  });

  it('reports several problems in one row', () => {
    const result = parseContactsCsv(`${HEADER}\r\n;Ukjent;;12;abc;nei\r\n`, KNOWN);
    expect(result.errors.map((e) => e.line)).toEqual([2, 2, 2, 2, 2]);
    expect(result.rows).toEqual([]);
  });

  it('reports missing and duplicate header columns', () => {
    const result = parseContactsCsv('Navn;Rolle;Navn;Telefon\r\nOla;NAV;Ola;123\r\n', KNOWN);
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([
      { line: 1, message: 'Kolonnen «Navn» finnes flere ganger.' },
      { line: 1, message: 'Mangler kolonnen «Organisasjon».' },
      { line: 1, message: 'Mangler kolonnen «Kommunenummer».' },
      { line: 1, message: 'Mangler kolonnen «E-post».' },
    ]);
  });

  it('reports an empty file, broken quoting and text that was not UTF-8', () => {
    expect(parseContactsCsv(BOM, KNOWN).errors).toEqual([{ line: 1, message: 'Filen er tom eller mangler overskriftsraden.' }]);
    expect(parseContactsCsv(`${HEADER}\r\nOla;NAV;"NAV Oslo;0301;;\r\n`, KNOWN).errors).toEqual([
      { line: 2, message: 'Feil bruk av anførselstegn. Kontroller at alle felt med " er avsluttet.' },
    ]);
    // Windows-1252 bytes for "Ås" decoded as UTF-8 become U+FFFD.
    expect(parseContactsCsv(`${HEADER}\r\n\uFFFDs;NAV;;;;\r\n`, KNOWN).errors).toEqual([
      { line: 2, message: 'Raden inneholder tegn som ikke kan leses. Lagre filen som «CSV UTF-8» og prøv igjen.' },
    ]);
  });
});

describe('contactsToCsv', () => {
  const contacts: ContactCsvRow[] = [
    { name: 'Åse Øvrebø', role: 'gp', organisation: 'Legesenteret; Sentrum', municipalityNumber: '0301', phone: '+47 22 33 44 55', email: 'ase@legesenter.no' },
    { name: 'Per "Pelle" Ås', role: 'municipal_coordinator', organisation: '', municipalityNumber: '', phone: '', email: '' },
    { name: '=HYPERLINK("http://x")', role: 'other', organisation: '@Firma', municipalityNumber: '4601', phone: '', email: '' },
  ];

  it('writes the Norwegian header, role labels, BOM and CRLF', () => {
    const text = contactsToCsv(contacts);
    expect(text.startsWith(`${BOM}${HEADER}\r\n`)).toBe(true);
    expect(text).toContain('\r\nÅse Øvrebø;Fastlege;"Legesenteret; Sentrum";0301;+47 22 33 44 55;ase@legesenter.no\r\n');
    expect(text).toContain('\r\n"Per ""Pelle"" Ås";Koordinator i kommunen;;;;\r\n');
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('neutralises cells Excel would run as formulas', () => {
    const text = contactsToCsv(contacts);
    expect(text).toContain(`\r\n"'=HYPERLINK(""http://x"")";Annet;'@Firma;4601;;\r\n`);
  });

  it('round-trips through parseContactsCsv', () => {
    const result = parseContactsCsv(contactsToCsv(contacts), KNOWN);
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual(contacts);
  });
});
