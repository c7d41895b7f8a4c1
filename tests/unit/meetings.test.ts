import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENDA_TEMPLATES, MEETING_KINDS, initialsOf, normaliseTemplate, patientPrintLine } from '../../shared/domain/meetings';
import { addDays, isoWeekNumber, mondayOf, osloDaysToUtcRange, osloToUtc, utcToOslo } from '../../shared/domain/time';
import { agendaDocument, minutesDocument } from '../../shared/print/meeting-documents';

describe('Oslo wall-clock time', () => {
  it('converts winter and summer times to UTC and back', () => {
    expect(osloToUtc('2026-11-25', '10:00')).toBe('2026-11-25T09:00:00.000Z');
    expect(osloToUtc('2027-06-15', '13:30')).toBe('2027-06-15T11:30:00.000Z');
    expect(utcToOslo('2026-11-25T09:00:00.000Z')).toEqual({ date: '2026-11-25', time: '10:00' });
    expect(utcToOslo('2027-06-15T22:30:00.000Z')).toEqual({ date: '2027-06-16', time: '00:30' });
  });

  it('handles the days the clocks change', () => {
    // 29 March 2026: 02:00 → 03:00. 02:30 does not exist and moves forward; 03:30 is summer time.
    expect(osloToUtc('2026-03-29', '01:30')).toBe('2026-03-29T00:30:00.000Z');
    expect(osloToUtc('2026-03-29', '03:30')).toBe('2026-03-29T01:30:00.000Z');
    expect(utcToOslo(osloToUtc('2026-03-29', '02:30')).time).toBe('03:30');
    // 25 October 2026: 03:00 → 02:00. 02:30 happens twice; the first (summer time) is taken.
    expect(osloToUtc('2026-10-25', '02:30')).toBe('2026-10-25T00:30:00.000Z');
    expect(osloToUtc('2026-10-25', '12:00')).toBe('2026-10-25T11:00:00.000Z');
  });

  it('gives Oslo days as UTC ranges, Mondays and ISO week numbers', () => {
    expect(osloDaysToUtcRange('2026-11-23', 7)).toEqual({ from: '2026-11-22T23:00:00.000Z', to: '2026-11-29T23:00:00.000Z' });
    expect(osloDaysToUtcRange('2026-03-23', 7)).toEqual({ from: '2026-03-22T23:00:00.000Z', to: '2026-03-29T22:00:00.000Z' });
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(isoWeekNumber('2026-11-23')).toBe(48);
    expect(isoWeekNumber('2027-01-01')).toBe(53);
    expect(isoWeekNumber('2027-01-04')).toBe(1);
  });
});

describe('agenda templates and privacy', () => {
  it("ships a template for every kind; the evaluation one follows the Directorate's points", () => {
    for (const kind of MEETING_KINDS) expect(DEFAULT_AGENDA_TEMPLATES[kind].length).toBeGreaterThan(3);
    const evaluation = DEFAULT_AGENDA_TEMPLATES.evaluation.join('\n');
    for (const point of [
      'nyttig',
      'mestringsstrategier',
      'Status for tiltak',
      'utredning',
      'legemidler',
      'individuell plan',
      'samtykke',
      'kommunale tiltak',
      'Barn som pårørende',
    ]) {
      expect(evaluation).toContain(point);
    }
    expect(normaliseTemplate(['  a  b ', '', ' ', 'c'])).toEqual(['a b', 'c']);
  });

  it('says only as much about the patient as the setting allows', () => {
    const patient = { name: 'Kari Nordmann-Testesen', birthDate: '1985-06-01' };
    expect(initialsOf('Kari Nordmann-Testesen')).toBe('K. N. T.');
    expect(patientPrintLine(patient, 'initials_birth_year')).toBe('K. N. T., født 1985');
    expect(patientPrintLine(patient, 'name_birth_date')).toBe('Kari Nordmann-Testesen, født 01.06.1985');
    expect(patientPrintLine(patient, 'none')).toBeNull();
  });

  it('escapes every value in the printed agenda and minutes', () => {
    const lh = { unitName: 'DPS <Test>', unitAddress: '', unitPhone: '1', coordinatorName: 'K' };
    const m = {
      kind: 'evaluation' as const,
      startAt: '2026-11-25T09:00:00.000Z',
      durationMinutes: 60,
      place: '<script>alert(1)</script>',
      videoUrl: '',
      status: 'planned' as const,
      patient: { name: 'Kari Testesen', birthDate: '1985-06-01' },
      participants: [{ name: 'Ola <b>', role: 'nav', organisation: 'NAV & co', consentCovers: true }],
      agenda: [{ title: 'Punkt "1" <i>' }],
    };
    const html = agendaDocument(m, lh, 'initials_birth_year', new Date('2026-11-23T09:00:00Z'));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('Ola &lt;b&gt;');
    expect(html).toContain('NAV &amp; co');
    const minutes = minutesDocument(
      m,
      {
        version: 1,
        status: 'draft',
        notes: [{ title: 'A', note: 'x\n<y>' }],
        decisions: '',
        actions: [{ text: 'T', owner: 'O', dueDate: '2026-12-01', done: false }],
        finalizedAt: null,
        finalizedBy: null,
      },
      lh,
      'initials_birth_year',
      new Date('2026-11-23T09:00:00Z'),
    );
    expect(minutes).toContain('x<br>&lt;y&gt;');
    expect(minutes).toContain('01.12.2026');
  });
});
