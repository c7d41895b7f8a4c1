/**
 * Semicolon-separated CSV as Norwegian Excel reads and writes it ("CSV UTF-8"): UTF-8 with a BOM,
 * `;` between fields, CRLF between records, fields quoted with `"` when they contain `;`, `"` or a line
 * break (a `"` inside a quoted field is doubled). Parsing and quoting are done by papaparse; this module
 * fixes the dialect, handles the BOM and line endings, and turns quote errors into a typed error.
 */
import Papa from 'papaparse';

const BOM = '\uFEFF';
const DELIMITER = ';';

/** A quoted field that is never closed or is followed by stray characters. `line` is the 1-based record. */
export class CsvSyntaxError extends Error {
  constructor(readonly line: number) {
    super(`CSV-filen har feil bruk av anførselstegn i rad ${line}.`);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * Parses CSV text into records of fields. A leading BOM is removed; CRLF, LF and CR are all accepted as
 * line breaks, and line breaks inside quoted fields come back as `\n`. A final line break does not add an
 * empty record, but blank lines elsewhere are kept (as `['']`) so record numbers match spreadsheet rows.
 * Throws {@link CsvSyntaxError} on malformed quoting.
 */
export function parseCsv(text: string): string[][] {
  const normalised = stripBom(text).replace(/\r\n?/g, '\n');
  if (normalised === '') return [];
  const result = Papa.parse<string[]>(normalised, {
    delimiter: DELIMITER,
    newline: '\n',
    quoteChar: '"',
    escapeChar: '"',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
  });
  const firstError = result.errors[0];
  if (firstError) throw new CsvSyntaxError((firstError.row ?? 0) + 1);
  const rows = result.data;
  const last = rows[rows.length - 1];
  if (normalised.endsWith('\n') && last && last.length === 1 && last[0] === '') rows.pop();
  return rows;
}

/** Writes records as CSV with a BOM and CRLF after every record (including the last). */
export function toCsv(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return BOM;
  const body = Papa.unparse(
    rows.map((r) => [...r]),
    { delimiter: DELIMITER, newline: '\r\n', quoteChar: '"', escapeChar: '"', quotes: false, header: false },
  );
  return `${BOM}${body}\r\n`;
}

export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}
