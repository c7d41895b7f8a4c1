import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore } from '../../electron/core/app-core';
import { seedDataDir } from '../../electron/core/seed/seed-dir';
import { passphraseKeyStore } from '../../electron/core/crypto/keys';
import { TEST_PASSPHRASE } from '../fixtures/core';
import { POSTAL_CODES } from '../../shared/domain/postal-codes';
import { osloDateOf } from '../../shared/domain/time';

// 2026-12-01 is a Tuesday; Oslo is UTC+1 in December.
const AT = { '00:30': new Date('2026-11-30T23:30:00Z'), '09:59': new Date('2026-12-01T08:59:00Z'), '23:59': new Date('2026-12-01T22:59:00Z') };
const parent = mkdtempSync(join(tmpdir(), 'forlopsbenk-seed-'));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

const leftovers = () => readdirSync(parent).filter((n) => n.includes('.seeding-'));

describe('npm run seed: at any hour, never half a folder', () => {
  for (const [hhmm, now] of Object.entries(AT)) {
    it(`seeds a new folder at ${hhmm} Oslo time`, async () => {
      const dataDir = join(parent, `at-${hhmm.replace(':', '')}`);
      const result = await seedDataDir({ dataDir, patients: 400, seed: 5, replace: false, keyStore: passphraseKeyStore(TEST_PASSPHRASE), now });
      expect(result.patients).toBe(400);
      expect(result.noShows).toBeGreaterThan(0);
      expect(existsSync(join(dataDir, 'forlopsbenk.sqlite'))).toBe(true);
      expect(leftovers()).toEqual([]);
    });
  }

  it('refuses a folder that already holds data, replaces a demo database only with --replace, never a real one', async () => {
    const dataDir = join(parent, 'twice');
    await seedDataDir({ dataDir, patients: 100, seed: 1, replace: false, keyStore: passphraseKeyStore(TEST_PASSPHRASE), now: AT['09:59'] });
    await expect(
      seedDataDir({ dataDir, patients: 100, seed: 1, replace: false, keyStore: passphraseKeyStore(TEST_PASSPHRASE), now: AT['09:59'] }),
    ).rejects.toThrow(/inneholder allerede data/);
    await seedDataDir({ dataDir, patients: 120, seed: 2, replace: true, keyStore: passphraseKeyStore(TEST_PASSPHRASE), now: AT['09:59'] });
    const core = await startCore({
      dataDir,
      masterKey: passphraseKeyStore(TEST_PASSPHRASE).load(dataDir),
      transport: 'browser',
      version: 'test',
      clock: () => AT['09:59'],
    });
    const n = core.handle.sqlite.prepare('select count(*) as n from patient').get() as { n: number };
    await core.close();
    expect(n.n).toBe(120); // replaced, not 100 + 120

    const real = join(parent, 'real');
    const realCore = await startCore({
      dataDir: real,
      masterKey: passphraseKeyStore(TEST_PASSPHRASE).load(real),
      transport: 'browser',
      version: 'test',
      demo: false,
    });
    await realCore.close();
    await expect(
      seedDataDir({ dataDir: real, patients: 10, seed: 1, replace: true, keyStore: passphraseKeyStore(TEST_PASSPHRASE), now: AT['09:59'] }),
    ).rejects.toThrow(/ikke erstattet/);
    expect(existsSync(join(real, 'forlopsbenk.sqlite'))).toBe(true);

    const other = join(parent, 'other');
    mkdirSync(other);
    writeFileSync(join(other, 'notes.txt'), 'x');
    await expect(
      seedDataDir({ dataDir: other, patients: 10, seed: 1, replace: true, keyStore: passphraseKeyStore(TEST_PASSPHRASE), now: AT['09:59'] }),
    ).rejects.toThrow(/ikke erstattet/);
  });

  it('leaves no folder behind when a run fails or is interrupted', async () => {
    const dataDir = join(parent, 'interrupted');
    await expect(
      seedDataDir({
        dataDir,
        patients: 1200,
        seed: 1,
        replace: false,
        keyStore: passphraseKeyStore(TEST_PASSPHRASE),
        now: AT['09:59'],
        onProgress: (_phase, done) => {
          if (done >= 500) throw new Error('Avbrutt');
        },
      }),
    ).rejects.toThrow('Avbrutt');
    expect(existsSync(dataDir)).toBe(false);
    expect(leftovers()).toEqual([]);
  });
});

describe('demo data looks like a real caseload', () => {
  const dataDir = join(parent, 'caseload');
  const now = AT['09:59'];
  let q: <T>(sql: string, ...params: unknown[]) => T[];
  let close: () => Promise<void>;
  beforeAll(async () => {
    await seedDataDir({ dataDir, patients: 2000, seed: 7, replace: false, keyStore: passphraseKeyStore(TEST_PASSPHRASE), now });
    const core = await startCore({
      dataDir,
      masterKey: passphraseKeyStore(TEST_PASSPHRASE).load(dataDir),
      transport: 'browser',
      version: 'test',
      clock: () => now,
    });
    q = (sql, ...params) => core.handle.sqlite.prepare(sql).all(...params) as never;
    close = () => core.close();
  }, 60_000);
  afterAll(() => close());

  it('has 5–15 % of open pathways overdue, and hardly any by more than 100 days', () => {
    const [row] = q<{ open: number; overdue: number; long: number }>(
      `select count(*) as open, sum(next_due_date < '2026-12-01') as overdue, sum(next_due_date < date('2026-12-01', '-100 days')) as long
       from pathway where status = 'open'`,
    );
    expect(row!.open).toBeGreaterThan(500);
    const share = row!.overdue / row!.open;
    expect(share).toBeGreaterThanOrEqual(0.05);
    expect(share).toBeLessThanOrEqual(0.15);
    expect(row!.long).toBeLessThanOrEqual(Math.ceil(row!.overdue * 0.05));
  });

  it('books meetings and appointments on weekdays', () => {
    const starts = [...q<{ start_at: string }>('select start_at from meeting'), ...q<{ start_at: string }>('select start_at from appointment')];
    expect(starts.length).toBeGreaterThan(50);
    for (const { start_at } of starts) expect([0, 6]).not.toContain(new Date(`${osloDateOf(start_at)}T12:00:00Z`).getUTCDay());
  });

  it('gives ages that fit the pathway: children and youth under 18 at referral, adults 18 or over', () => {
    const rows = q<{ type: string; birth: string; received: string }>(
      'select w.pathway_type as type, p.birth_date as birth, w.referral_received as received from pathway w join patient p on p.id = w.patient_id',
    );
    const ageAt = (birth: string, on: string) => {
      const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
      const [y, m, d] = on.split('-').map(Number) as [number, number, number];
      return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
    };
    const children = rows.filter((r) => r.type === 'child_mental' || r.type === 'eating_disorder_child');
    expect(children.length).toBeGreaterThan(50);
    for (const r of children) expect(ageAt(r.birth, r.received)).toBeLessThan(18);
    for (const r of rows.filter((x) => !children.includes(x))) expect(ageAt(r.birth, r.received)).toBeGreaterThanOrEqual(18);
  });

  it('gives patients, GPs and municipal contacts full postal addresses', () => {
    const known = new Map(POSTAL_CODES.map((p) => [p.code, p.place]));
    const patients = q<{ address: string; postal_code: string; postal_place: string; gp_name: string }>(
      'select address, postal_code, postal_place, gp_name from patient',
    );
    for (const p of patients) {
      expect(p.address).not.toBe('');
      expect(known.get(p.postal_code)).toBe(p.postal_place);
    }
    const contacts = q<{ name: string; role: string; address: string; postal_code: string; postal_place: string }>(
      'select name, role, address, postal_code, postal_place from contact',
    );
    const gps = contacts.filter((c) => c.role === 'gp');
    expect(new Set(patients.map((p) => p.gp_name))).toEqual(new Set(gps.map((g) => g.name)));
    expect(contacts.some((c) => c.role === 'coordinating_unit')).toBe(true);
    for (const c of contacts) expect(c.address !== '' && /^\d{4}$/.test(c.postal_code) && c.postal_place !== '').toBe(true);
  });
});
