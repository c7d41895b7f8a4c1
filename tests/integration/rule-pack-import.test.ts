import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syntheticNationalId } from '../../shared/domain/national-id';
import { makeCore, referral, type TestCore } from '../fixtures/core';

// Issue #13 §2: the update path for the national rule pack. FIXED_NOW is Monday 2026-11-23 (Oslo).
const SAMPLE = readFileSync(new URL('../fixtures/rule-pack-2027.json', import.meta.url), 'utf8');
const file = (content = SAMPLE, fileName = 'rule-pack-2027.json') => ({ fileName, content });
const mutate = (f: (pack: Record<string, any>) => void) => {
  const pack = JSON.parse(SAMPLE);
  f(pack);
  return JSON.stringify(pack);
};

let core: TestCore;
beforeEach(async () => {
  core = await makeCore();
  await core.ok('profile.save', { coordinatorName: 'Kari Koordinator', unitName: 'DPS Testby', unitPhone: '22 00 00 00' });
});
afterEach(() => core.dispose());

describe('rule pack import', () => {
  it('shows the sample pack as a diff against the versions in force: added, changed, removed, unchanged', async () => {
    const preview = await core.ok('rules.previewPack', file());
    expect(preview).toMatchObject({
      packId: 'eksempel-2027-01',
      validFrom: '2027-01-01',
      codesRefused: null,
      sha256: createHash('sha256').update(SAMPLE).digest('hex'),
    });
    const adult = preview.diffs.find((d) => d.pathwayType === 'adult_mental')!;
    expect(adult.replaces).toEqual({ id: 'national-2024-adult_mental', validFrom: '2024-01-01' });
    expect(adult.clockStart).toBeNull();
    expect(adult.unchanged).toBe(1);
    expect(adult.times).toEqual([
      {
        change: 'changed',
        label: 'Døgn: Første fremmøte → Klinisk beslutning',
        before: '42 kalenderdager (ubekreftet)',
        after: '28 kalenderdager (bekreftet)',
      },
      { change: 'added', label: 'Poliklinikk: Klinisk beslutning → Evaluering', before: null, after: '42 kalenderdager (bekreftet)' },
    ]);
    const tsb = preview.diffs.find((d) => d.pathwayType === 'tsb')!;
    expect(tsb.times).toEqual([
      { change: 'removed', label: 'Poliklinikk: Avrusning avsluttet → Videre behandling startet', before: '3 kalenderdager (ubekreftet)', after: null },
    ]);
    expect(tsb.unchanged).toBe(7);
    // A preview stores nothing.
    expect(core.handle.sqlite.prepare('select count(*) as n from rule_pack_import').get()).toEqual({ n: 0 });
  });

  it('applies the pack to new pathways from its date, keeps running ones, records who/when/which file, and offers the move', async () => {
    const before = await core.ok('referrals.create', referral({ referralReceived: '2026-11-16' }));
    const result = await core.ok('rules.importPack', file());
    expect(result.versions).toEqual([
      { id: 'national-2027-01-01-adult_mental', pathwayType: 'adult_mental', label: 'Psykiske lidelser – voksne', openPathways: 1 },
      { id: 'national-2027-01-01-tsb', pathwayType: 'tsb', label: 'Tverrfaglig spesialisert rusbehandling (TSB)', openPathways: 0 },
    ]);
    const rec = core.handle.sqlite
      .prepare('select pack_id, valid_from, file_name, file_sha256, imported_by, imported_at, version_ids from rule_pack_import')
      .get();
    expect(rec).toEqual({
      pack_id: 'eksempel-2027-01',
      valid_from: '2027-01-01',
      file_name: 'rule-pack-2027.json',
      file_sha256: createHash('sha256').update(SAMPLE).digest('hex'),
      imported_by: 'Kari Koordinator',
      imported_at: '2026-11-23T09:00:00.000Z',
      version_ids: JSON.stringify(result.versions.map((v) => v.id)),
    });
    expect(core.handle.sqlite.prepare("select action, entity, entity_id from audit_log where action = 'rules.importPack'").all()).toEqual([
      { action: 'rules.importPack', entity: 'rule_pack_import', entity_id: 1 },
    ]);
    // The previous national version ends on New Year's Eve; nothing else in it changed.
    expect(core.handle.sqlite.prepare("select valid_to from rule_version where id = 'national-2024-adult_mental'").get()).toEqual({ valid_to: '2026-12-31' });
    // Reopened on Tuesday 5 Jan 2027: a referral received on Thursday 31 Dec 2026 gets the old version, one from
    // Monday 4 Jan 2027 (after New Year's Day, a holiday) the new one.
    await core.close();
    const dir = core.dataDir;
    const later = await makeCore({ dataDir: dir, now: new Date('2027-01-05T09:00:00Z') });
    core = {
      ...later,
      dispose: async () => {
        await later.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
    const fnr = (i: number) => syntheticNationalId('1985-06-01', i)!;
    const dec = await core.ok('referrals.create', referral({ nationalId: fnr(201), name: 'Desember', referralReceived: '2026-12-31' }));
    const jan = await core.ok('referrals.create', referral({ nationalId: fnr(202), name: 'Januar', referralReceived: '2027-01-04' }));
    const version = (id: number) => (core.handle.sqlite.prepare('select rule_version_id as v from pathway where id = ?').get(id) as { v: string }).v;
    expect(version(before.pathwayId)).toBe('national-2024-adult_mental');
    expect(version(dec.pathwayId)).toBe('national-2024-adult_mental');
    expect(version(jan.pathwayId)).toBe('national-2027-01-01-adult_mental');
    // The existing step moves the open ones when the coordinator chooses to.
    expect((await core.ok('rules.moveOpenPathways', { versionId: 'national-2027-01-01-adult_mental' })).moved).toBe(2);
    expect(version(before.pathwayId)).toBe('national-2027-01-01-adult_mental');
    const imports = await core.ok('rules.listPackImports', {});
    expect(imports).toHaveLength(1);
    // The same file again is refused, next to the file field.
    expect(await core.dispatch('rules.importPack', file())).toMatchObject({
      ok: false,
      error: {
        message: 'Denne regelpakken er allerede importert (23.11.2026).',
        issues: expect.arrayContaining([{ path: 'file', message: 'Denne regelpakken er allerede importert (23.11.2026).' }]),
      },
    });
  });

  it('refuses unknown and invalid files with Norwegian messages that say where, never what the file says', async () => {
    const cases: [string, string][] = [
      ['{ not json', 'Filen er ikke gyldig JSON. Velg regelpakkefilen slik den ble lastet ned.'],
      [mutate((p) => (p.format = 'noe-annet')), '«format»: filen er ikke en regelpakke for Forløpsbenk.'],
      [mutate((p) => (p.formatVersion = 2)), '«formatVersion»: ukjent versjon av regelpakkeformatet.'],
      [mutate((p) => (p.pathways[1].times[2].days = 7.5)), 'Forløp 2, forløpstid 3, «days»: antall dager må være et helt tall.'],
      [mutate((p) => (p.pathways[0].pathwayType = 'XSS<script>')), 'Forløp 1, «pathwayType»: ukjent forløpstype.'],
      [mutate((p) => (p.pathways[0].times[0].secret = '=cmd')), 'Forløp 1, forløpstid 1: ukjent felt.'],
      [mutate((p) => (p.pathways[0].times[1].source = '')), 'Forløp 1, forløpstid 2, «source»: en bekreftet forløpstid må ha kilde.'],
      [mutate((p) => (p.pathways[0].times[0].fromEvent = 'end')), 'Forløp 1, forløpstid 1: forløpstiden må gå mellom to hendelser klokken kan måle.'],
      [
        mutate((p) => (p.validFrom = '2024-01-01')),
        'Forløp 1 (Psykiske lidelser – voksne): det finnes allerede en nasjonal versjon fra 01.01.2024. Pakken må gjelde fra en senere dato.',
      ],
    ];
    for (const [content, message] of cases) {
      const res = await core.dispatch('rules.previewPack', file(content));
      expect(res, message).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: expect.arrayContaining([{ path: 'file', message }]) } });
      expect(JSON.stringify(res)).not.toContain('XSS');
      expect(JSON.stringify(res)).not.toContain('=cmd');
    }
    expect(core.handle.sqlite.prepare("select count(*) as n from rule_version where id like 'national-2027%'").get()).toEqual({ n: 0 });
  });

  it('a pack that changes codes is shown, and imported only from its own date', async () => {
    const withCodes = mutate((p) => {
      p.id = 'eksempel-koder';
      p.pathways[0].codes = { events: { first_attendance: 'FM' } };
    });
    const preview = await core.ok('rules.previewPack', file(withCodes, 'koder.json'));
    expect(preview.diffs[0]!.codes).toEqual([{ change: 'changed', label: 'Kode for første fremmøte', before: 'F', after: 'FM' }]);
    expect(preview.codesRefused).toBe('Pakken endrer koder og gjelder fra 01.01.2027. Koder har ingen dato her; importer pakken fra den dagen.');
    expect((await core.dispatch('rules.importPack', file(withCodes, 'koder.json'))).ok).toBe(false);
    // Dated today, the codes change at import.
    const today = mutate((p) => {
      p.id = 'eksempel-koder-i-dag';
      p.validFrom = '2026-11-23';
      p.pathways[0].codes = { events: { first_attendance: 'FM' } };
    });
    await core.ok('rules.importPack', file(today, 'koder-i-dag.json'));
    const list = await core.ok('rules.list', {});
    expect(list.pathways.find((p) => p.pathwayType === 'adult_mental')!.events.find((e) => e.type === 'first_attendance')!.code).toBe('D11FM');
  });
});
