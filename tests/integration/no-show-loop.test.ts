import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, referral, type TestCore, saveProfile } from '../fixtures/core';
import { missedAppointment, saveGpOffice } from '../fixtures/no-show';

// FIXED_NOW is Monday 2026-11-23 09:00 UTC (10:00 in Oslo).
const count = (core: TestCore, table: string) => (core.handle.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

describe('closing the no-show loop', () => {
  let core: TestCore;
  let dataDir: string;
  let patientId: number;
  let pathwayId: number;

  async function caseWithLetters(): Promise<number> {
    const caseId = await missedAppointment(core, { patientId, pathwayId });
    for (const date of ['2026-11-17', '2026-11-19']) {
      await core.ok('noShow.recordAttempt', { caseId, date, time: '09:15', channel: 'phone', outcome: 'no_answer', byName: 'Mona Merkantil', note: '' });
    }
    for (const recipient of ['patient', 'referrer'] as const) {
      const letter = await core.ok('noShow.createLetter', { caseId, recipient });
      expect((await core.ok('noShow.markPrinted', { letterIds: [letter.letter.id] })).sent).toBe(1);
    }
    return caseId;
  }

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'forlopsbenk-loop-'));
    core = await makeCore({ dataDir });
    await saveProfile(core);
    await saveGpOffice(core);
    ({ patientId, pathwayId } = await core.ok('referrals.create', referral()));
  });
  afterEach(async () => {
    await core.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses "ikke nådd" before the response time the letters promise, unless overridden with a reason; after it, closes', async () => {
    const caseId = await caseWithLetters();
    const kase = await core.ok('noShow.get', { id: caseId });
    expect(kase).toMatchObject({ answerDue: '2026-12-07', closeNeedsOverride: true, closeNotReachedMissing: [] });
    const before = { cases: JSON.stringify(core.handle.sqlite.prepare('select * from no_show_case').all()), audit: count(core, 'audit_log') };
    const refused = await core.dispatch('noShow.close', { caseId, outcome: 'closed_not_reached', note: '' });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: 'Pasienten har svarfrist til 07.12.2026, slik brevene lover. Skriv en begrunnelse for å avslutte før fristen.',
        issues: [{ path: 'overrideReason', message: 'Svarfristen i brevene er 07.12.2026. Skriv en begrunnelse for å avslutte før den.' }],
      },
    });
    expect({ cases: JSON.stringify(core.handle.sqlite.prepare('select * from no_show_case').all()), audit: count(core, 'audit_log') }).toEqual(before);

    // Two weeks later the same closure needs no reason.
    await core.dispose();
    core = await makeCore({ dataDir, now: new Date('2026-12-08T09:00:00Z') });
    expect((await core.ok('noShow.get', { id: caseId })).closeNeedsOverride).toBe(false);
    const closed = await core.ok('noShow.close', { caseId, outcome: 'closed_not_reached', note: '' });
    expect(closed).toMatchObject({ status: 'closed', closeOverrideReason: null });
  });

  it('closing "ikke nådd" can end the pathway with its help need, or record pasientutsatt, in the same step', async () => {
    const caseId = await caseWithLetters();
    const noHelpNeed = await core.dispatch('noShow.close', {
      caseId,
      outcome: 'closed_not_reached',
      note: '',
      overrideReason: 'Flyttet fra fylket',
      pathwayAction: 'end',
    });
    expect(noHelpNeed).toMatchObject({ ok: false, error: { issues: [{ path: 'helpNeed', message: 'Velg hjelpebehov når forløpet avsluttes' }] } });
    expect((await core.ok('noShow.get', { id: caseId })).status).toBe('open');

    const closed = await core.ok('noShow.close', {
      caseId,
      outcome: 'closed_not_reached',
      note: '',
      overrideReason: 'Flyttet fra fylket',
      pathwayAction: 'end',
      helpNeed: 'gp_municipal',
    });
    expect(closed.status).toBe('closed');
    expect(core.handle.sqlite.prepare('select status from pathway where id = ?').get(pathwayId)).toEqual({ status: 'ended' });
    expect(core.handle.sqlite.prepare("select date, help_need, source from pathway_event where type = 'end'").all()).toEqual([
      { date: '2026-11-23', help_need: 'gp_municipal', source: 'no_show' },
    ]);
    expect((await core.ok('worklist.list', {})).total).toBe(0);

    // Another patient: pasientutsatt (L) from the no-show date, and the pathway stays open.
    ({ patientId, pathwayId } = await core.ok('referrals.create', referral({ nationalId: '01868510028', name: 'Ola Hansen', pathwayType: 'tsb' })));
    const second = await caseWithLetters();
    const postponed = await core.ok('noShow.close', {
      caseId: second,
      outcome: 'closed_not_reached',
      note: '',
      overrideReason: 'Ringte tilbake og ba om utsettelse',
      pathwayAction: 'postponed',
    });
    expect(postponed.postponedRecorded).toBe(true);
    expect(core.handle.sqlite.prepare("select date from pathway_event where type = 'patient_postponed' and pathway_id = ?").all(pathwayId)).toEqual([
      { date: '2026-11-16' },
    ]);
    expect(core.handle.sqlite.prepare('select status from pathway where id = ?').get(pathwayId)).toEqual({ status: 'open' });
    // Only with "ikke nådd".
    expect(await core.dispatch('noShow.close', { caseId: second, outcome: 'declined', note: '', pathwayAction: 'end', helpNeed: 'none' })).toMatchObject({
      ok: false,
    });
  });

  it('lists escalated cases, with the phone number, until the clinician has answered', async () => {
    const caseId = await missedAppointment(core, { patientId, pathwayId }, { kind: 'assessment' });
    expect((await core.ok('noShow.list', {})).rows[0]).toMatchObject({ caseId, phone: '22 33 44 55' });
    await core.ok('noShow.escalate', { caseId, clinician: 'Overlege Dahl', note: 'Bekymring' });
    expect((await core.ok('noShow.listEscalated', {})).rows).toEqual([
      {
        caseId,
        patientId,
        name: 'Kari Testesen',
        nationalIdMasked: '018685 *****',
        synthetic: true,
        phone: '22 33 44 55',
        noShowAt: '2026-11-16T09:00:00.000Z',
        escalatedAt: '2026-11-23T09:00:00.000Z',
        note: 'Meldt til Overlege Dahl. Bekymring',
        answeredAt: null,
      },
    ]);
    const answered = await core.ok('noShow.recordAnswer', { caseId, answer: 'Behandler ringer pasienten i dag' });
    expect(answered.escalation).toEqual({ answeredAt: '2026-11-23T09:00:00.000Z', answer: 'Behandler ringer pasienten i dag' });
    expect((await core.ok('noShow.listEscalated', {})).rows).toEqual([]);
    expect((await core.ok('noShow.listEscalated', { includeAnswered: true })).rows.map((r) => r.answeredAt)).toEqual(['2026-11-23T09:00:00.000Z']);
    expect(await core.dispatch('noShow.recordAnswer', { caseId, answer: 'igjen' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const audit = core.handle.sqlite.prepare("select entity_id from audit_log where action = 'noShowCase.answer'").all();
    expect(audit).toEqual([{ entity_id: caseId }]);
  });

  it('refuses the same attempt registered twice within one minute as a duplicate', async () => {
    const caseId = await missedAppointment(core, { patientId, pathwayId }, { kind: 'assessment' });
    const attempt = { caseId, date: '2026-11-17', time: '09:15', channel: 'phone', outcome: 'no_answer', byName: 'Mona Merkantil', note: '' } as const;
    await core.ok('noShow.recordAttempt', attempt);
    const before = count(core, 'contact_attempt');
    expect(await core.dispatch('noShow.recordAttempt', attempt)).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'Dette kontaktforsøket er allerede registrert (samme kanal og utfall innenfor ett minutt).' },
    });
    expect(count(core, 'contact_attempt')).toBe(before);
    // A later call is a new attempt.
    await core.ok('noShow.recordAttempt', { ...attempt, time: '11:00' });
    expect(count(core, 'contact_attempt')).toBe(before + 1);
  });
});
