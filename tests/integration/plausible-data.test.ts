import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, referral, type TestCore } from '../fixtures/core';
import { tableCounts } from '../fixtures/trust';

describe('plausible data through the dispatcher', () => {
  let core: TestCore;
  beforeEach(async () => {
    core = await makeCore();
  });
  afterEach(() => core.dispose());

  it('refuses a referral dated 0000-01-01, 9999-12-31, before 2019 or in the future, with Norwegian field errors', async () => {
    const before = tableCounts(core.handle.sqlite);
    for (const [date, message] of [
      ['0000-01-01', 'Henvisning mottatt kan ikke være før 01.01.2019'],
      ['2018-12-31', 'Henvisning mottatt kan ikke være før 01.01.2019'],
      ['9999-12-31', 'Henvisning mottatt kan ikke være etter 31.12.2099'],
      ['2026-11-24', 'Mottaksdato kan ikke være fram i tid'], // FIXED_NOW is 23.11.2026
    ] as const) {
      const res = await core.dispatch('referrals.create', referral({ referralReceived: date }));
      expect(res, date).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'pathway.referralReceived', message }] } });
    }
    expect(tableCounts(core.handle.sqlite)).toEqual(before);
  });

  it('refuses a birth date that is not the one in the national id', async () => {
    const input = referral();
    input.patient.birthDate = '1985-06-02';
    const res = await core.dispatch('referrals.create', input);
    expect(res).toMatchObject({ ok: false, error: { issues: [{ path: 'patient.birthDate', message: 'Fødselsdatoen stemmer ikke med fødselsnummeret' }] } });
    input.patient.birthDate = '0000-01-01';
    expect(await core.dispatch('referrals.create', input)).toMatchObject({ ok: false, error: { issues: [{ path: 'patient.birthDate' }] } });
  });

  it('stores names and single-line fields without NUL, ESC or bidi overrides', async () => {
    const input = referral({ name: 'Kari\u0000 Nord\u202Emann\u001b' });
    input.patient.address = 'Storgata 1\nOslo';
    const { patientId } = await core.ok('referrals.create', input);
    const row = core.handle.sqlite.prepare('select name, address from patient where id = ?').get(patientId) as { name: string; address: string };
    expect(row).toEqual({ name: 'Kari Nordmann', address: 'Storgata 1 Oslo' });
  });
});
