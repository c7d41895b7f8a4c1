/**
 * Letter templates with merge fields written as {{field}}, and the renderer that fills them in.
 *
 * The output is PLAIN TEXT: nothing here produces or escapes HTML — that is the print
 * renderer's job. Values are inserted as given (formatting dates as dd.MM.yyyy and times as
 * HH:mm is the caller's job; a value in another shape gives a warning).
 *
 * Rendering rules:
 * - An unknown field is an error: the letter is not rendered (see validateTemplate).
 * - A missing value (absent, null or blank) renders as an empty string and gives a warning.
 * - A line holding nothing but merge fields keeps the lines of a multi-line value (an address
 *   block) and disappears when it renders empty, so an address has no holes; a paragraph that
 *   renders empty disappears too.
 * - A multi-line value inside running text is joined with ", ".
 */
import type { LetterRecipient } from './no-show-policy';

export const LETTER_FIELDS = [
  'patient.name',
  'patient.address',
  'patient.postalAddress',
  'appointment.date',
  'appointment.time',
  'appointment.place',
  'unit.name',
  'unit.address',
  'unit.phone',
  'coordinator.name',
  'coordinator.phone',
  'today',
  'referrer.name',
  'attempts.summary',
  'sharing.basis',
] as const;
export type LetterField = (typeof LETTER_FIELDS)[number];

/** Norwegian names of the fields, for warnings and the template editor. */
export const LETTER_FIELD_LABELS: Record<LetterField, string> = {
  'patient.name': 'Pasientens navn',
  'patient.address': 'Pasientens adresse',
  'patient.postalAddress': 'Pasientens postnummer og sted',
  'appointment.date': 'Dato for timen',
  'appointment.time': 'Klokkeslett for timen',
  'appointment.place': 'Sted for timen',
  'unit.name': 'Enhetens navn',
  'unit.address': 'Enhetens adresse',
  'unit.phone': 'Enhetens telefonnummer',
  'coordinator.name': 'Koordinatorens navn',
  'coordinator.phone': 'Koordinatorens telefonnummer',
  today: 'Dagens dato',
  'referrer.name': 'Henviserens navn',
  'attempts.summary': 'Oppsummering av kontaktforsøk',
  'sharing.basis': 'Grunnlag for å dele opplysninger (samtykke eller annet grunnlag)',
};

export interface LetterTemplate {
  id: string;
  /** Norwegian name shown when choosing a template. */
  label: string;
  recipient: LetterRecipient;
  /** Recipient block for a window envelope, one line per line. */
  address: string;
  subject: string;
  paragraphs: readonly string[];
}

export type LetterFieldValues = Partial<Record<LetterField, string | null>>;

export interface RenderedLetter {
  addressLines: string[];
  subject: string;
  paragraphs: string[];
}

export type RenderResult = { ok: true; letter: RenderedLetter; warnings: string[] } | { ok: false; errors: string[] };

const TOKEN_RE = /\{\{\s*([^{}]*?)\s*\}\}/g;
const DATE_FIELDS: readonly LetterField[] = ['appointment.date', 'today'];
const TIME_FIELDS: readonly LetterField[] = ['appointment.time'];

export function isLetterField(name: string): name is LetterField {
  return (LETTER_FIELDS as readonly string[]).includes(name);
}

/** The parts of a template with a Norwegian name for where they are. */
function parts(template: LetterTemplate): { where: string; text: string }[] {
  return [
    { where: 'adressefeltet', text: template.address },
    { where: 'emnefeltet', text: template.subject },
    ...template.paragraphs.map((text, i) => ({ where: `avsnitt ${i + 1}`, text })),
  ];
}

/** Every field name a template refers to, known or not, in order of first use. */
export function fieldsUsed(template: LetterTemplate): string[] {
  const names = new Set<string>();
  for (const { text } of parts(template)) {
    for (const m of text.matchAll(TOKEN_RE)) names.add(m[1] ?? '');
  }
  return [...names];
}

/** Problems that stop a template from rendering, as Norwegian messages; empty when valid. */
export function validateTemplate(template: LetterTemplate): string[] {
  const errors: string[] = [];
  // Says where, never what: the template text may hold anything (patient data pasted in by mistake).
  for (const { where, text } of parts(template)) {
    const unknown = [...text.matchAll(TOKEN_RE)].filter((m) => !isLetterField(m[1] ?? '')).length;
    if (unknown > 0) errors.push(`Ukjent flettefelt i ${where}${unknown > 1 ? ` (${unknown} felt)` : ''}. Velg feltene fra listen.`);
  }
  for (const { where, text } of parts(template)) {
    const rest = text.replace(TOKEN_RE, '');
    if (rest.includes('{{') || rest.includes('}}')) {
      errors.push(`Ufullstendig flettefelt i ${where}. Skriv feltene som {{felt}}.`);
    }
  }
  return errors;
}

/** Fills in a template. Unknown fields stop rendering; missing values render empty with a warning. */
export function renderLetter(template: LetterTemplate, fields: LetterFieldValues): RenderResult {
  const errors = validateTemplate(template);
  if (errors.length > 0) return { ok: false, errors };

  const missing = new Set<LetterField>();
  const fill = (text: string): string => renderText(text, fields, missing);
  const address = fill(template.address);
  const letter: RenderedLetter = {
    addressLines: address === '' ? [] : address.split('\n'),
    subject: fill(template.subject),
    paragraphs: template.paragraphs.map(fill).filter((p) => p !== ''),
  };

  const warnings = [...missing].map((f) => `Mangler verdi for «${LETTER_FIELD_LABELS[f]}» ({{${f}}}). Feltet blir tomt i brevet.`);
  const used = new Set(fieldsUsed(template));
  for (const f of DATE_FIELDS) {
    const v = valueOf(fields, f);
    if (used.has(f) && v !== null && !/^\d{2}\.\d{2}\.\d{4}$/.test(v)) {
      warnings.push(`«${LETTER_FIELD_LABELS[f]}» er ikke skrevet som dd.mm.åååå.`);
    }
  }
  for (const f of TIME_FIELDS) {
    const v = valueOf(fields, f);
    if (used.has(f) && v !== null && !/^\d{2}:\d{2}$/.test(v)) {
      warnings.push(`«${LETTER_FIELD_LABELS[f]}» er ikke skrevet som tt:mm.`);
    }
  }
  return { ok: true, letter, warnings };
}

/** The value's lines, trimmed and without blank ones; null when there is no value. */
function valueLines(fields: LetterFieldValues, field: LetterField): string[] | null {
  const raw = fields[field];
  if (raw === undefined || raw === null) return null;
  const lines = raw
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return lines.length === 0 ? null : lines;
}

function valueOf(fields: LetterFieldValues, field: LetterField): string | null {
  return valueLines(fields, field)?.join(' ') ?? null;
}

function renderText(text: string, fields: LetterFieldValues, missing: Set<LetterField>): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const onlyFields = line.replace(TOKEN_RE, '').trim() === '' && line.trim() !== '';
    const rendered = line.replace(TOKEN_RE, (_match, name: string) => {
      // validateTemplate has already refused unknown names.
      const field = name as LetterField;
      const lines = valueLines(fields, field);
      if (lines === null) {
        missing.add(field);
        return '';
      }
      return lines.join(onlyFields ? '\n' : ', ');
    });
    const tidy = rendered.replace(/[ \t]{2,}/g, ' ').trimEnd();
    if (onlyFields && tidy.trim() === '') continue;
    out.push(tidy);
  }
  return out.join('\n').trim();
}

// ---------------------------------------------------------------------------
// Right to complain
// ---------------------------------------------------------------------------

/** Letters to the patient must tell them of the right to complain (DOMAIN.md §6). */
export function requiresComplaintRight(template: LetterTemplate): boolean {
  return template.recipient === 'patient';
}

/** True when some paragraph names both the county governor and chapter 7 of the patient rights act. */
export function mentionsComplaintRight(template: LetterTemplate): boolean {
  return template.paragraphs.some((p) => /Statsforvalteren/.test(p) && /pasient- og brukerrettighetsloven kapittel 7/.test(p) && /klage/i.test(p));
}

/** A Norwegian message when a template lacks a complaint paragraph it needs; null when fine. */
export function complaintRightProblem(template: LetterTemplate): string | null {
  if (!requiresComplaintRight(template) || mentionsComplaintRight(template)) return null;
  return (
    'Brev til pasienten må opplyse om retten til å klage: først til tjenesten, deretter til ' +
    'Statsforvalteren etter pasient- og brukerrettighetsloven kapittel 7.'
  );
}
