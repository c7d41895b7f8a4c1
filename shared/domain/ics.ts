/**
 * RFC 5545 / RFC 5546 (iTIP) calendar file for one collaboration meeting (samarbeidsmøte).
 *
 * Why not the `ics` package (v3, a dependency): its foldLine() folds at 75 *characters* (runes), not
 * 75 octets, so a SUMMARY of Norwegian letters or emoji yields physical lines of well over 100 octets
 * (checked against node_modules/ics/dist/utils/fold-line.js: `runes(line).length > 75`). It also pulls in
 * yup/nanoid/runes2 at runtime. The format we need is small, so we serialize it ourselves and fold by
 * UTF-8 octets at code point boundaries.
 *
 * Privacy: title, description and location are written as given. The caller decides what goes in them;
 * use {@link meetingIcsTitle} for a title without patient data.
 */
import { requireUtcTimestamp } from './time';

export interface IcsPerson {
  name: string;
  /** Without an e-mail address the person cannot be a calendar user and is left out of the file. */
  email?: string;
}

export interface MeetingIcsInput {
  /** Stable per meeting across updates and cancellation, e.g. `samarbeidsmote-42@<installation-id>`. */
  uid: string;
  /** Starts at 0, raised on every change (including cancellation). */
  sequence: number;
  /** ISO-8601 UTC timestamp ending in Z. */
  start: string;
  durationMinutes: number;
  title: string;
  description: string;
  location: string;
  url?: string;
  organizer?: IcsPerson;
  attendees?: IcsPerson[];
  cancelled: boolean;
}

export interface MeetingIcsOptions {
  /** DTSTAMP; defaults to now. Inject for deterministic output. */
  now?: Date;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;
const PRODID = '-//Forlopsbenk//Samarbeidsmote//NB';

/** Calendar title for a meeting kind, e.g. `meetingIcsTitle('evaluering')` → "Samarbeidsmøte – evaluering". */
export function meetingIcsTitle(kindLabel: string): string {
  const label = kindLabel.replace(/\s+/g, ' ').trim();
  if (label === '') return 'Samarbeidsmøte';
  // Lower-case a leading capital ("Evaluering" → "evaluering") but keep acronyms ("NAV-møte").
  const first = label.charAt(0);
  const second = label.charAt(1);
  const keep = second !== '' && second === second.toUpperCase() && second !== second.toLowerCase();
  return `Samarbeidsmøte – ${keep ? label : first.toLowerCase() + label.slice(1)}`;
}

/** Builds the .ics text (CRLF line endings, folded at 75 octets). Throws RangeError on invalid input. */
export function buildMeetingIcs(input: MeetingIcsInput, options: MeetingIcsOptions = {}): string {
  const startMs = requireUtcTimestamp(input.start, 'start');
  if (!Number.isInteger(input.durationMinutes) || input.durationMinutes <= 0) {
    throw new RangeError('durationMinutes: expected a positive whole number of minutes');
  }
  if (!Number.isInteger(input.sequence) || input.sequence < 0) {
    throw new RangeError('sequence: expected a non-negative integer');
  }
  const uid = sanitizeText(input.uid).trim();
  if (uid === '') throw new RangeError('uid: must not be empty');
  const now = options.now ?? new Date();
  if (Number.isNaN(now.getTime())) throw new RangeError('now: invalid date');

  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    `METHOD:${input.cancelled ? 'CANCEL' : 'REQUEST'}`,
    'BEGIN:VEVENT',
    `UID:${escapeIcsText(uid)}`,
    `DTSTAMP:${formatUtc(now.getTime())}`,
    `SEQUENCE:${input.sequence}`,
    `DTSTART:${formatUtc(startMs)}`,
    `DTEND:${formatUtc(startMs + input.durationMinutes * 60_000)}`,
    `SUMMARY:${escapeIcsText(input.title)}`,
  ];
  if (input.description !== '') lines.push(`DESCRIPTION:${escapeIcsText(input.description)}`);
  if (input.location !== '') lines.push(`LOCATION:${escapeIcsText(input.location)}`);
  if (input.url !== undefined && input.url !== '') lines.push(`URL:${requireUri(input.url)}`);
  if (input.organizer?.email) lines.push(`ORGANIZER;CN=${paramValue(input.organizer.name)}:${mailto(input.organizer.email)}`);
  for (const attendee of input.attendees ?? []) {
    if (!attendee.email) continue;
    const partstat = input.cancelled ? '' : ';PARTSTAT=NEEDS-ACTION;RSVP=TRUE';
    lines.push(`ATTENDEE;CN=${paramValue(attendee.name)};ROLE=REQ-PARTICIPANT${partstat}:${mailto(attendee.email)}`);
  }
  lines.push(`STATUS:${input.cancelled ? 'CANCELLED' : 'CONFIRMED'}`, 'TRANSP:OPAQUE', 'END:VEVENT', 'END:VCALENDAR');
  return lines.map(foldIcsLine).join(CRLF) + CRLF;
}

/** `20260302T090000Z` (seconds precision; milliseconds are dropped). */
export function formatUtc(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** TEXT value escaping (RFC 5545 §3.3.11); all line break styles become `\n`. */
export function escapeIcsText(value: string): string {
  return sanitizeText(value).replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');
}

/**
 * Folds one content line so that no physical line exceeds 75 octets of UTF-8 (RFC 5545 §3.1), CRLF
 * excluded. Continuation lines start with one space, which counts towards their 75 octets. Breaks only
 * between code points, so a multi-byte character is never split across lines.
 */
export function foldIcsLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const ch of line) {
    const size = utf8Length(ch.codePointAt(0) ?? 0);
    if (octets + size > limit) {
      out.push(current);
      current = ' ';
      octets = 1;
      limit = MAX_OCTETS;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF);
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3; // includes lone surrogates, which are written as U+FFFD (3 octets)
  return 4;
}

/**
 * Normalises line breaks to \n, drops control characters that TEXT does not allow (keeps tab), and
 * replaces lone surrogates with U+FFFD so the output is always well-formed UTF-8.
 */
function sanitizeText(value: string): string {
  return (
    value
      .replace(/\r\n?/g, '\n')
      // oxlint-disable-next-line no-control-regex -- intentional: strips or rejects control characters
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
  );
}

/** Always-quoted parameter value. DQUOTE is not allowed inside (RFC 5545 §3.1), so it becomes an apostrophe. */
function paramValue(value: string): string {
  return `"${sanitizeText(value).replace(/\n/g, ' ').replace(/"/g, "'")}"`;
}

const EMAIL_RE = /^[^\s@"<>()[\]\\,;:]+@[^\s@"<>()[\]\\,;:]+\.[^\s@"<>()[\]\\,;:]+$/;

function mailto(email: string): string {
  const trimmed = email.trim();
  if (!EMAIL_RE.test(trimmed)) throw new RangeError('email: not a valid e-mail address');
  return `mailto:${trimmed}`;
}

function requireUri(url: string): string {
  const trimmed = url.trim();
  // oxlint-disable-next-line no-control-regex -- intentional: strips or rejects control characters
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:[^\s"<>\\^`{|}\u0000-\u001F\u007F]+$/.test(trimmed)) {
    throw new RangeError('url: not a valid absolute URI');
  }
  return trimmed;
}
