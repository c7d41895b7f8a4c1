import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseContactsCsv } from '../../shared/domain/contacts-csv';
import { makeCore, referral, type TestCore } from '../fixtures/core';

const count = (core: TestCore, table: string) => (core.handle.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

const GOOD = [
  '\uFEFFNavn;Rolle;Organisasjon;Kommunenummer;Telefon;E-post',
  'Ola Hansen;Koordinator i kommunen;Oslo kommune, koordinerende enhet;0301;22 11 22 33;ola.hansen@oslo.kommune.no',
  'Åse Ødegård;Fastlege;Bjølsen legesenter;301;;',
  '"Bærum; NAV";NAV;NAV Bærum;3201;+47 55 55 55 55;nav@baerum.no',
].join('\r\n');

describe('contact directory', () => {
  let core: TestCore;
  beforeEach(async () => {
    core = await makeCore();
    await core.ok('profile.save', { coordinatorName: 'Kari Koordinator', unitName: 'DPS Testby', unitPhone: '22 00 00 00' });
  });
  afterEach(() => core.dispose());

  it('ships the 357 municipalities of 2024 with their source', async () => {
    const { rows, dataset } = await core.ok('municipalities.list', {});
    expect(rows).toHaveLength(357);
    expect(rows.find((m) => m.number === '0301')).toEqual({ number: '0301', name: 'Oslo', county: 'Oslo' });
    expect(dataset).toMatchObject({ count: 357, validFrom: '2024-01-01' });
  });

  it('loads a newer municipality dataset of the same shape, and refuses a broken one without writing', async () => {
    const json = JSON.stringify({
      source: 'Test',
      classification: 'SSB klassifikasjon 131',
      classificationVersion: '2028',
      validFrom: '2028-01-01',
      retrieved: null,
      provenance: [],
      generatedFrom: 'test',
      municipalities: [
        { number: '0301', name: 'Oslo', officialName: 'Oslo', county: { number: '03', name: 'Oslo' } },
        { number: '3299', name: 'Nykommune', officialName: 'Nykommune', county: { number: '32', name: 'Akershus' } },
      ],
    });
    const before = count(core, 'municipality');
    const bad = await core.dispatch('municipalities.load', { json: json.replace('"0301"', '"301"') });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'json' }] } });
    expect(count(core, 'municipality')).toBe(before);
    const loaded = await core.ok('municipalities.load', { json });
    expect(loaded).toMatchObject({ added: 1, renamed: 0, count: 2, validFrom: '2028-01-01' });
    const list = await core.ok('municipalities.list', {});
    expect(list.rows.find((m) => m.number === '3299')?.name).toBe('Nykommune');
    expect(list.dataset.validFrom).toBe('2028-01-01');
  });

  it('imports good rows from a Norwegian Excel CSV and exports them back identically', async () => {
    const res = await core.ok('contacts.importCsv', { text: GOOD });
    expect(res).toEqual({ imported: 3, skipped: 0, errors: [] });
    const { rows } = await core.ok('contacts.list', {});
    // Sorted by name as SQLite compares text: Æ, Ø and Å after Z, as in the Norwegian alphabet.
    expect(rows.map((r) => [r.name, r.role, r.municipalityNumber, r.municipalityName])).toEqual([
      ['Bærum; NAV', 'nav', '3201', 'Bærum'],
      ['Ola Hansen', 'municipal_coordinator', '0301', 'Oslo'],
      ['Åse Ødegård', 'gp', '0301', 'Oslo'],
    ]);

    const { csv, filename, count: n } = await core.ok('contacts.getCsv', {});
    expect(filename).toBe('kontakter-2026-11-23.csv');
    expect(n).toBe(3);
    expect(csv.startsWith('\uFEFFNavn;Rolle;')).toBe(true);
    const known = new Set((await core.ok('municipalities.list', {})).rows.map((m) => m.number));
    expect(parseContactsCsv(csv, known).rows).toHaveLength(3);
    // Re-importing the export adds nothing.
    expect(await core.ok('contacts.importCsv', { text: csv })).toEqual({ imported: 0, skipped: 3, errors: [] });
    expect(count(core, 'contact')).toBe(3);
  });

  it('imports nothing when any row is bad, and reports every bad row by line without echoing cells', async () => {
    await core.ok('contacts.importCsv', { text: GOOD });
    const before = { contacts: count(core, 'contact'), words: count(core, 'contact_word'), audit: count(core, 'audit_log') };
    const mixed = [
      'Navn;Rolle;Organisasjon;Kommunenummer;Telefon;E-post',
      'Per Persen;Behandler;DPS;0301;;per@dps.no',
      ';Fastlege;Legesenter;0301;;',
      'Lise Lund;Rørlegger;;0301;;',
      'Nils Nilsen;NAV;NAV;9999;;nils@',
    ].join('\n');
    const res = await core.ok('contacts.importCsv', { text: mixed });
    expect(res.imported).toBe(0);
    expect(res.errors).toEqual([
      { line: 3, message: 'Navn mangler.' },
      { line: 4, message: expect.stringMatching(/^Ukjent rolle/) },
      { line: 5, message: 'Kommunenummeret finnes ikke i kommunelisten.' },
      { line: 5, message: 'E-postadressen har ugyldig format.' },
    ]);
    expect(JSON.stringify(res.errors)).not.toMatch(/Rørlegger|nils@/);
    expect({ contacts: count(core, 'contact'), words: count(core, 'contact_word'), audit: count(core, 'audit_log') }).toEqual(before);
  });

  it('rolls back a whole import when the database fails half-way', async () => {
    core.handle.sqlite.exec(
      "create trigger fail_third before insert on contact when (select count(*) from contact) >= 2 begin select raise(abort, 'simulated failure'); end",
    );
    const res = await core.dispatch('contacts.importCsv', { text: GOOD });
    expect(res).toMatchObject({ ok: false, error: { code: 'storage' } });
    expect(count(core, 'contact')).toBe(0);
    expect(count(core, 'contact_word')).toBe(0);
  });

  it('finds contacts as you type by the start of any word in name or organisation, through the word index', async () => {
    await core.ok('contacts.importCsv', { text: GOOD });
    const names = async (search: string, extra: Record<string, string> = {}) => (await core.ok('contacts.list', { search, ...extra })).rows.map((r) => r.name);
    expect(await names('hans')).toEqual(['Ola Hansen']);
    expect(await names('OSLO koord')).toEqual(['Ola Hansen']);
    expect(await names('ød')).toEqual(['Åse Ødegård']);
    expect(await names('bjølsen')).toEqual(['Åse Ødegård']);
    expect(await names('ansen')).toEqual([]);
    expect(await names('', { role: 'nav' })).toEqual(['Bærum; NAV']);

    // Editing a contact rewrites its words.
    const ola = (await core.ok('contacts.list', { search: 'hans' })).rows[0]!;
    await core.ok('contacts.save', { ...ola, name: 'Ola Nordmann' });
    expect(await names('hans')).toEqual([]);
    expect(await names('nord')).toEqual(['Ola Nordmann']);

    const { sql, parameters } = core.ctx.db
      .selectFrom('contact')
      .selectAll()
      .where('contact.id', 'in', (eb) => eb.selectFrom('contact_word').select('contact_id').where('word', '>=', 'hans').where('word', '<', 'hans\uffff'))
      .orderBy('name')
      .compile();
    const plan = (core.handle.sqlite.prepare(`explain query plan ${sql}`).all(...(parameters as unknown[])) as { detail: string }[])
      .map((p) => p.detail)
      .join('\n');
    expect(plan).toMatch(/SEARCH contact_word USING (PRIMARY KEY|INDEX sqlite_autoindex_contact_word_1) \(word>\? AND word<\?\)/);
    expect(plan).toMatch(/contact USING INTEGER PRIMARY KEY/);
  });

  it('refuses an unknown municipality by the field and writes nothing', async () => {
    const before = count(core, 'contact');
    const res = await core.dispatch('contacts.save', { name: 'X', role: 'gp', municipalityNumber: '9999', email: 'ikke-epost' });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.issues?.map((i) => i.path)).toEqual(['email']);
    const res2 = await core.dispatch('contacts.save', { name: 'X', role: 'gp', municipalityNumber: '9999' });
    expect(res2).toMatchObject({ ok: false, error: { issues: [{ path: 'municipalityNumber', message: 'Ukjent kommunenummer' }] } });
    expect(count(core, 'contact')).toBe(before);
  });

  it("gives a patient's contacts: GP, the municipality's coordinators first, and earlier participants", async () => {
    const { patientId } = await core.ok('referrals.create', referral());
    await core.ok('contacts.importCsv', { text: GOOD });
    await core.ok('meetings.create', {
      patientId,
      kind: 'evaluation',
      date: '2026-11-10',
      time: '12:00',
      durationMinutes: 60,
      place: 'DPS',
      participants: [
        { name: 'Mor Testesen', role: 'relative', consentCovers: true },
        { name: 'Kari Testesen', role: 'patient' },
      ],
    });
    const res = await core.ok('contacts.listForPatient', { patientId });
    expect(res.gpName).toBe('Legesenteret');
    expect(res.municipalityName).toBe('Oslo');
    expect(res.municipal.map((c) => c.name)).toEqual(['Ola Hansen', 'Åse Ødegård']);
    expect(res.previous.map((p) => [p.name, p.role])).toEqual([['Mor Testesen', 'relative']]);
  });
});
