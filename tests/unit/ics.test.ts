import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { buildMeetingIcs, foldIcsLine, meetingIcsTitle, type MeetingIcsInput } from '../../shared/domain/ics';

const NOW = new Date('2026-03-01T12:34:56.789Z');

function baseInput(overrides: Partial<MeetingIcsInput> = {}): MeetingIcsInput {
  return {
    uid: 'samarbeidsmote-42@forlopsbenk.test',
    sequence: 0,
    start: '2026-03-02T09:00:00.000Z',
    durationMinutes: 90,
    title: 'Samarbeidsmøte – evaluering',
    description: 'Agenda: nytte av behandlingen; tiltak, videre oppfølging.\nTa med individuell plan.',
    location: 'Møterom Ærfugl, 2. etasje',
    cancelled: false,
    ...overrides,
  };
}

const encoder = new TextEncoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/** Splits the UTF-8 bytes of the file at CRLF, checking there are no bare CR or LF. */
function physicalLines(text: string): Uint8Array[] {
  const bytes = encoder.encode(text);
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0d) {
      expect(bytes[i + 1], 'CR must be followed by LF').toBe(0x0a);
      lines.push(bytes.subarray(start, i));
      start = i + 2;
      i++;
    } else if (b === 0x0a) {
      throw new Error(`bare LF at byte ${i}`);
    }
  }
  expect(start, 'file must end with CRLF').toBe(bytes.length);
  return lines;
}

/** Structural checks every generated file must pass; returns the parsed VCALENDAR. */
function checkFile(text: string): ICAL.Component {
  const lines = physicalLines(text);
  for (const line of lines) {
    expect(line.length).toBeLessThanOrEqual(75);
    // Each physical line on its own decodes as UTF-8: a fold never splits a multi-byte character.
    expect(() => strictDecoder.decode(line)).not.toThrow();
  }
  // Unfold at byte level (CRLF + one space) and decode strictly: valid UTF-8 throughout.
  const unfolded: number[] = [];
  lines.forEach((line, idx) => {
    if (idx > 0 && line[0] !== 0x20) unfolded.push(0x0a);
    unfolded.push(...(idx > 0 && line[0] === 0x20 ? line.subarray(1) : line));
  });
  expect(() => strictDecoder.decode(new Uint8Array(unfolded))).not.toThrow();
  expect(strictDecoder.decode(new Uint8Array(unfolded))).toBe(text.replace(/\r\n /g, '').replace(/\r\n/g, '\n').replace(/\n$/, ''));
  return new ICAL.Component(ICAL.parse(text));
}

function eventOf(cal: ICAL.Component): ICAL.Event {
  const vevent = cal.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return new ICAL.Event(vevent);
}

describe('meetingIcsTitle', () => {
  it('yields a title with the kind only', () => {
    expect(meetingIcsTitle('evaluering')).toBe('Samarbeidsmøte – evaluering');
    expect(meetingIcsTitle('  Avslutning  ')).toBe('Samarbeidsmøte – avslutning');
    expect(meetingIcsTitle('NAV-møte')).toBe('Samarbeidsmøte – NAV-møte');
    expect(meetingIcsTitle('')).toBe('Samarbeidsmøte');
  });
});

describe('buildMeetingIcs', () => {
  it('writes a REQUEST with UTC times, UID, SEQUENCE and DTSTAMP', () => {
    const text = buildMeetingIcs(baseInput({ sequence: 3 }), { now: NOW });
    const cal = checkFile(text);
    expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    const ev = eventOf(cal);
    expect(ev.uid).toBe('samarbeidsmote-42@forlopsbenk.test');
    expect(ev.sequence).toBe(3);
    expect(ev.startDate.toJSDate().toISOString()).toBe('2026-03-02T09:00:00.000Z');
    expect(ev.endDate.toJSDate().toISOString()).toBe('2026-03-02T10:30:00.000Z');
    expect(ev.startDate.zone?.tzid).toBe('UTC');
    expect(ev.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(text).toContain('\r\nDTSTART:20260302T090000Z\r\n');
    expect(text).toContain('\r\nDTEND:20260302T103000Z\r\n');
    expect(text).toContain('\r\nDTSTAMP:20260301T123456Z\r\n');
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('writes METHOD:CANCEL and STATUS:CANCELLED when cancelled, keeping the UID', () => {
    const text = buildMeetingIcs(baseInput({ cancelled: true, sequence: 4 }), { now: NOW });
    const cal = checkFile(text);
    expect(cal.getFirstPropertyValue('method')).toBe('CANCEL');
    const ev = eventOf(cal);
    expect(ev.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(ev.uid).toBe('samarbeidsmote-42@forlopsbenk.test');
    expect(ev.sequence).toBe(4);
  });

  it('round-trips summary, description and location with æøå, emoji and TEXT special characters', () => {
    const title = 'Samarbeidsmøte – ÆØÅ æøå 🧑‍⚕️👨‍👩‍👧 ; , \\ "sitat"';
    const description = 'Linje 1: blåbærsyltetøy\r\nLinje 2; med semikolon, komma og \\ skråstrek\nLinje 3 🎉\rSlutt';
    const location = 'Ørsta, Ålesund; rom 3';
    const cal = checkFile(buildMeetingIcs(baseInput({ title, description, location }), { now: NOW }));
    const ev = eventOf(cal);
    expect(ev.summary).toBe(title);
    expect(ev.description).toBe('Linje 1: blåbærsyltetøy\nLinje 2; med semikolon, komma og \\ skråstrek\nLinje 3 🎉\nSlutt');
    expect(ev.location).toBe(location);
  });

  it('never splits a multi-byte character at the fold boundary', () => {
    // "SUMMARY:" is 8 octets; pad so that a 2-, 3- or 4-octet character straddles octet 75, then 149, ...
    for (const ch of ['æ', 'ø', 'Å', '€', '✓', '😀', '🧑‍⚕️']) {
      for (let pad = 60; pad <= 75; pad++) {
        const title = 'x'.repeat(pad) + ch.repeat(40);
        const cal = checkFile(buildMeetingIcs(baseInput({ title }), { now: NOW }));
        expect(eventOf(cal).summary).toBe(title);
      }
    }
  });

  it('folds a line of exactly 75 octets not at all, and 76 octets once', () => {
    expect(foldIcsLine('A'.repeat(75))).toBe('A'.repeat(75));
    expect(foldIcsLine('A'.repeat(76))).toBe(`${'A'.repeat(75)}\r\n A`);
    // 74 ASCII + "æ" (2 octets) = 76 octets: "æ" moves whole to the next line.
    expect(foldIcsLine(`${'A'.repeat(74)}æ`)).toBe(`${'A'.repeat(74)}\r\n æ`);
    // Continuation lines hold 74 octets after the leading space.
    const folded = foldIcsLine('B'.repeat(75 + 74 + 1)).split('\r\n');
    expect(folded.map((l) => l.length)).toEqual([75, 75, 2]);
  });

  it('includes URL, organizer and attendees with e-mail; skips people without e-mail', () => {
    const text = buildMeetingIcs(
      baseInput({
        url: 'https://meet.example.no/rom/123?pin=9',
        organizer: { name: 'Kari "Koordinator" Ås', email: 'kari.as@hf.example.no' },
        attendees: [{ name: 'Fastlege Øyvind Bø', email: 'oyvind@legekontor.example.no' }, { name: 'Uten e-post' }],
      }),
      { now: NOW },
    );
    const cal = checkFile(text);
    const ev = eventOf(cal);
    expect(ev.component.getFirstPropertyValue('url')).toBe('https://meet.example.no/rom/123?pin=9');
    const organizer = ev.component.getFirstProperty('organizer');
    expect(organizer?.getFirstValue()).toBe('mailto:kari.as@hf.example.no');
    expect(organizer?.getParameter('cn')).toBe("Kari 'Koordinator' Ås");
    const attendees = ev.attendees;
    expect(attendees).toHaveLength(1);
    expect(attendees[0]?.getFirstValue()).toBe('mailto:oyvind@legekontor.example.no');
    expect(attendees[0]?.getParameter('cn')).toBe('Fastlege Øyvind Bø');
    expect(text).not.toContain('Uten e-post');
  });

  it('omits empty description and location', () => {
    const text = buildMeetingIcs(baseInput({ description: '', location: '' }), { now: NOW });
    checkFile(text);
    expect(text).not.toContain('DESCRIPTION');
    expect(text).not.toContain('LOCATION');
  });

  it('rejects invalid input', () => {
    expect(() => buildMeetingIcs(baseInput({ start: '2026-03-02T09:00:00+01:00' }))).toThrow(RangeError);
    expect(() => buildMeetingIcs(baseInput({ start: '2026-02-30T09:00:00Z' }))).toThrow(RangeError);
    expect(() => buildMeetingIcs(baseInput({ durationMinutes: 0 }))).toThrow(RangeError);
    expect(() => buildMeetingIcs(baseInput({ durationMinutes: 1.5 }))).toThrow(RangeError);
    expect(() => buildMeetingIcs(baseInput({ sequence: -1 }))).toThrow(RangeError);
    expect(() => buildMeetingIcs(baseInput({ uid: ' ' }))).toThrow(RangeError);
    expect(() => buildMeetingIcs(baseInput({ url: 'https://x.no/a b' }))).toThrow(RangeError);
    expect(() => buildMeetingIcs(baseInput({ organizer: { name: 'X', email: 'x@y.no\r\nATTENDEE:mailto:evil@z.no' } }))).toThrow(RangeError);
  });

  it('holds the line and round-trip invariants for arbitrary Unicode text (property)', () => {
    const sanitize = (s: string) =>
      s
        .replace(/\r\n?/g, '\n')
        // oxlint-disable-next-line no-control-regex -- intentional: strips or rejects control characters
        .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
        .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.integer({ min: 0, max: 80 }),
        (title, description, pad) => {
          const input = baseInput({ title: 'x'.repeat(pad) + title, description: description === '' ? 'd' : description });
          const ev = eventOf(checkFile(buildMeetingIcs(input, { now: NOW })));
          expect(ev.summary).toBe(sanitize(input.title));
          expect(ev.description).toBe(sanitize(input.description));
        },
      ),
      { numRuns: 300 },
    );
  });
});
