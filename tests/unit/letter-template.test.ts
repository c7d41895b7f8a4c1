import { describe, expect, it } from 'vitest';
import {
  LETTER_FIELDS,
  complaintRightProblem,
  fieldsUsed,
  isLetterField,
  mentionsComplaintRight,
  renderLetter,
  requiresComplaintRight,
  validateTemplate,
  type LetterFieldValues,
  type LetterTemplate,
} from '../../shared/domain/letter-template';
import { COMPLAINT_PARAGRAPH, LETTER_TEMPLATES, LETTER_TEMPLATE_IDS, letterTemplate } from '../../shared/domain/letter-templates';

/** Synthetic values only. */
const FIELDS: Required<LetterFieldValues> = {
  'patient.name': 'Kari Nordmann',
  'patient.address': 'Storgata 1 B\nLeilighet H0203',
  'patient.postalAddress': '0155 OSLO',
  'appointment.date': '09.03.2026',
  'appointment.time': '10:30',
  'appointment.place': 'Poliklinikk Sentrum, Akersgata 2',
  'unit.name': 'DPS Sentrum',
  'unit.address': 'Postboks 100\n0101 OSLO',
  'unit.phone': '22 00 00 00',
  'coordinator.name': 'Ola Hansen',
  'coordinator.phone': '22 00 00 01',
  today: '12.03.2026',
  'referrer.name': 'Fastlege Per Olsen',
  'attempts.summary': 'Telefon 03.03.2026: ikke svar\nSMS 05.03.2026: lagt igjen beskjed',
  'sharing.basis': 'pasientens samtykke',
};

function template(over: Partial<LetterTemplate> = {}): LetterTemplate {
  return {
    id: 'test',
    label: 'Test',
    recipient: 'patient',
    address: '{{patient.name}}\n{{patient.address}}\n{{patient.postalAddress}}',
    subject: 'Timen {{appointment.date}}',
    paragraphs: ['Hei, {{patient.name}}', 'Timen var {{appointment.date}} kl. {{appointment.time}}.'],
    ...over,
  };
}

function rendered(t: LetterTemplate, fields: LetterFieldValues) {
  const result = renderLetter(t, fields);
  if (!result.ok) throw new Error(`expected a letter, got ${result.errors.join('; ')}`);
  return result;
}

describe('renderLetter – merging', () => {
  it('fills subject, address and paragraphs as plain text', () => {
    const { letter, warnings } = rendered(template(), FIELDS);
    expect(letter).toEqual({
      addressLines: ['Kari Nordmann', 'Storgata 1 B', 'Leilighet H0203', '0155 OSLO'],
      subject: 'Timen 09.03.2026',
      paragraphs: ['Hei, Kari Nordmann', 'Timen var 09.03.2026 kl. 10:30.'],
    });
    expect(warnings).toEqual([]);
  });

  it('a field may appear several times and with spaces inside the braces', () => {
    const t = template({ paragraphs: ['{{ patient.name }} / {{patient.name}}'] });
    expect(rendered(t, FIELDS).letter.paragraphs).toEqual(['Kari Nordmann / Kari Nordmann']);
  });

  it('a multi-line value inside running text is joined with commas', () => {
    const t = template({ paragraphs: ['Send klagen til {{unit.name}}, {{unit.address}}.'] });
    expect(rendered(t, FIELDS).letter.paragraphs).toEqual(['Send klagen til DPS Sentrum, Postboks 100, 0101 OSLO.']);
  });

  it('a multi-line value alone on a line keeps its lines', () => {
    const t = template({ paragraphs: ['Forsøk:\n{{attempts.summary}}'] });
    expect(rendered(t, FIELDS).letter.paragraphs).toEqual(['Forsøk:\nTelefon 03.03.2026: ikke svar\nSMS 05.03.2026: lagt igjen beskjed']);
  });

  it('Windows line breaks and blank lines in a value are cleaned', () => {
    const { letter } = rendered(template(), { ...FIELDS, 'patient.address': ' Storgata 1 \r\n\r\n H0203 ' });
    expect(letter.addressLines).toEqual(['Kari Nordmann', 'Storgata 1', 'H0203', '0155 OSLO']);
  });

  it('HTML-like text is left alone: escaping is the renderer’s job', () => {
    const { letter } = rendered(template(), { ...FIELDS, 'patient.name': '<b>Kari</b> & co' });
    expect(letter.paragraphs[0]).toBe('Hei, <b>Kari</b> & co');
  });

  it('values are not themselves treated as templates', () => {
    const { letter } = rendered(template(), { ...FIELDS, 'patient.name': '{{unit.phone}}' });
    expect(letter.paragraphs[0]).toBe('Hei, {{unit.phone}}');
  });
});

describe('renderLetter – unknown fields', () => {
  it('an unknown field is an error and nothing is rendered', () => {
    const t = template({ paragraphs: ['Hei, {{patient.nmae}}', '{{diagnose}} og {{diagnose}}'] });
    expect(renderLetter(t, FIELDS)).toEqual({
      ok: false,
      errors: ['Ukjent flettefelt i avsnitt 1. Velg feltene fra listen.', 'Ukjent flettefelt i avsnitt 2 (2 felt). Velg feltene fra listen.'],
    });
  });

  it('validateTemplate lists unknown fields from every part of the template', () => {
    const t = template({ address: '{{patient.fnr}}', subject: '{{x}}', paragraphs: ['{{}}'] });
    expect(validateTemplate(t)).toEqual([
      'Ukjent flettefelt i adressefeltet. Velg feltene fra listen.',
      'Ukjent flettefelt i emnefeltet. Velg feltene fra listen.',
      'Ukjent flettefelt i avsnitt 1. Velg feltene fra listen.',
    ]);
  });

  it('the error says where, never echoes the template text', () => {
    const secret = '{{Kari Nordmann 01868512381}}';
    const errors = validateTemplate(template({ paragraphs: [`Hei ${secret}`] }));
    expect(errors).toEqual(['Ukjent flettefelt i avsnitt 1. Velg feltene fra listen.']);
    expect(errors.join(' ')).not.toMatch(/Kari|0186/);
  });

  it.each(['Hei, {{patient.name}', 'Hei, {patient.name}}', 'Hei, {{patient.name}} }}'])('unfinished field %j', (p) => {
    expect(validateTemplate(template({ paragraphs: ['ok', p] }))).toEqual(['Ufullstendig flettefelt i avsnitt 2. Skriv feltene som {{felt}}.']);
  });

  it('a valid template has no problems', () => {
    expect(validateTemplate(template())).toEqual([]);
  });

  it('field names are case sensitive', () => {
    expect(isLetterField('patient.postalAddress')).toBe(true);
    expect(isLetterField('patient.postaladdress')).toBe(false);
  });
});

describe('renderLetter – missing values', () => {
  it('a missing value renders empty and is warned about once', () => {
    const { letter, warnings } = rendered(template(), { ...FIELDS, 'appointment.time': undefined });
    expect(letter.paragraphs[1]).toBe('Timen var 09.03.2026 kl. .');
    expect(warnings).toEqual(['Mangler verdi for «Klokkeslett for timen» ({{appointment.time}}). Feltet blir tomt i brevet.']);
  });

  it('null, empty and blank count as missing', () => {
    const { warnings } = rendered(template(), {
      ...FIELDS,
      'patient.name': null,
      'patient.address': '',
      'patient.postalAddress': '  \n ',
    });
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toContain('«Pasientens navn»');
  });

  it('an address line that renders empty is dropped, leaving no hole', () => {
    const { letter } = rendered(template(), { ...FIELDS, 'patient.address': null });
    expect(letter.addressLines).toEqual(['Kari Nordmann', '0155 OSLO']);
  });

  it('no values at all: empty address, empty-field paragraphs dropped, one warning per field', () => {
    const t = template({ paragraphs: ['{{attempts.summary}}', 'Tekst'] });
    const { letter, warnings } = rendered(t, {});
    expect(letter).toEqual({ addressLines: [], subject: 'Timen', paragraphs: ['Tekst'] });
    expect(warnings).toHaveLength(5);
  });

  it('extra values that the template does not use are ignored', () => {
    const t = template({ address: '', subject: 'Brev', paragraphs: ['Tekst'] });
    expect(rendered(t, FIELDS)).toEqual({
      ok: true,
      letter: { addressLines: [], subject: 'Brev', paragraphs: ['Tekst'] },
      warnings: [],
    });
  });

  it('dates and times in another shape are warned about (no ISO dates in letters)', () => {
    const { warnings } = rendered(template(), { ...FIELDS, 'appointment.date': '2026-03-09', 'appointment.time': '10.30' });
    expect(warnings).toEqual(['«Dato for timen» er ikke skrevet som dd.mm.åååå.', '«Klokkeslett for timen» er ikke skrevet som tt:mm.']);
  });
});

describe('shipped templates', () => {
  it('are the four named ones, in that order (the municipal letter has its own text)', () => {
    expect(LETTER_TEMPLATES.map((t) => t.id)).toEqual([...LETTER_TEMPLATE_IDS]);
    expect(LETTER_TEMPLATE_IDS).toEqual(['missed_appointment_patient', 'case_closed_patient', 'referrer_not_reached', 'municipal_not_reached']);
    expect(letterTemplate('municipal_not_reached')?.recipient).toBe('municipal_coordinator');
    expect(letterTemplate('municipal_not_reached')?.paragraphs.join(' ')).toContain('{{sharing.basis}}');
    expect(letterTemplate('municipal_not_reached')?.paragraphs).not.toEqual(letterTemplate('referrer_not_reached')?.paragraphs);
    expect(letterTemplate('case_closed_patient')?.recipient).toBe('patient');
    expect(letterTemplate('nope')).toBeUndefined();
  });

  it.each(LETTER_TEMPLATES.map((t) => [t.id, t] as const))('%s uses only known fields and renders cleanly', (_id, t) => {
    expect(validateTemplate(t)).toEqual([]);
    expect(fieldsUsed(t).every(isLetterField)).toBe(true);
    const result = rendered(t, FIELDS);
    expect(result.warnings).toEqual([]);
    const text = [...result.letter.addressLines, result.letter.subject, ...result.letter.paragraphs].join('\n');
    expect(text).not.toMatch(/\{\{|\}\}/);
    expect(text).not.toMatch(/<[a-z]/i);
  });

  it.each(LETTER_TEMPLATES.map((t) => [t.id, t] as const))('%s has the complaint paragraph when it goes to the patient', (_id, t) => {
    expect(complaintRightProblem(t)).toBeNull();
    if (requiresComplaintRight(t)) {
      expect(t.paragraphs).toContain(COMPLAINT_PARAGRAPH);
      expect(mentionsComplaintRight(t)).toBe(true);
    }
  });

  it('the complaint paragraph says: first to the service, then Statsforvalteren, chapter 7', () => {
    const { letter } = rendered(template({ paragraphs: [COMPLAINT_PARAGRAPH] }), FIELDS);
    expect(letter.paragraphs[0]).toBe(
      'Hvis du er uenig i hvordan vi har fulgt deg opp, har du rett til å klage. Send klagen først til oss: ' +
        'DPS Sentrum, Postboks 100, 0101 OSLO. Hvis du ikke er fornøyd med svaret, kan du klage til Statsforvalteren. ' +
        'Retten til å klage står i pasient- og brukerrettighetsloven kapittel 7. Pasient- og brukerombudet kan ' +
        'hjelpe deg med klagen, og det er gratis.',
    );
  });

  it('a patient template without the complaint paragraph is flagged', () => {
    const t = template();
    expect(requiresComplaintRight(t)).toBe(true);
    expect(complaintRightProblem(t)).toMatch(/retten til å klage.*Statsforvalteren.*kapittel 7/);
    expect(complaintRightProblem({ ...t, recipient: 'referrer' })).toBeNull();
  });

  it('the patient letter about the missed appointment covers what DOMAIN.md §6 asks for', () => {
    const t = letterTemplate('missed_appointment_patient');
    if (!t) throw new Error('missing template');
    const text = rendered(t, FIELDS).letter.paragraphs.join('\n');
    expect(text).toContain('09.03.2026 kl. 10:30 på Poliklinikk Sentrum, Akersgata 2'); // which appointment
    expect(text).toContain('Ring koordinatoren din, Ola Hansen, på 22 00 00 01 for å få en ny time'); // how to get a new one
    expect(text.split('22 00 00 01')).toHaveLength(2); // the number once
    expect(text).toMatch(/Hvis vi ikke hører fra deg innen 14 dager.*avslutte henvisningen/); // what happens
    expect(text).toMatch(/ta med deg noen du stoler på/); // bring someone along
  });

  it('the referrer letter says what was tried and what happens now', () => {
    const t = letterTemplate('referrer_not_reached');
    if (!t) throw new Error('missing template');
    const { letter } = rendered(t, FIELDS);
    expect(letter.addressLines).toEqual(['Fastlege Per Olsen']);
    expect(letter.paragraphs).toContain(
      'Dette har vi gjort for å få kontakt med pasienten:\nTelefon 03.03.2026: ikke svar\nSMS 05.03.2026: lagt igjen beskjed',
    );
    expect(letter.paragraphs.join('\n')).toMatch(/Per 12\.03\.2026 har vi ikke fått kontakt.*avslutter vi henvisningen/);
  });

  it('no shipped letter names a diagnosis or the kind of care', () => {
    for (const t of LETTER_TEMPLATES) {
      const text = [t.subject, ...t.paragraphs].join('\n').toLowerCase();
      for (const word of ['diagnose', 'psykisk', 'psykiatri', 'rus', 'depresjon', 'psykose', 'behandling for']) {
        expect(text, `${t.id} nevner «${word}»`).not.toMatch(new RegExp(`\\b${word}`));
      }
    }
  });

  it('every known field is used by some shipped template', () => {
    const used = new Set(LETTER_TEMPLATES.flatMap((t) => fieldsUsed(t)));
    expect(LETTER_FIELDS.filter((f) => !used.has(f))).toEqual([]);
  });
});
