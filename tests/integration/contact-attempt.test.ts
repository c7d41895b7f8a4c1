import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { methodArea, methodFacts, writeAffects, type MethodName } from '../../shared/contract';
import { captureStatements } from '../fixtures/capture-sql';
import { makeCore, referral, type TestCore, saveProfile } from '../fixtures/core';
import { missedAppointment } from '../fixtures/no-show';

/** What the patient page has loaded while the "Ikke møtt" tab is open (page, section, lock gate, backup banner). */
const LOADED_ON_PATIENT_PAGE = (patientId: number): [MethodName, unknown][] => [
  ['patients.get', { id: patientId }],
  ['noShow.listForPatient', { patientId }],
  ['lock.status', {}],
  ['backups.status', {}],
];

/** Which loaded views a successful call makes stale, from the contract's facts (kind, invalidates), as the renderer derives it. */
function staleAfter(method: MethodName, loaded: [MethodName, unknown][]): [MethodName, unknown][] {
  if (methodFacts(method).kind === 'query') return [];
  return loaded.filter(([m]) => writeAffects(methodArea(method), methodArea(m)));
}

type AuditRow = { action: string; entity: string; entity_id: number | null; patient_id: number | null };

describe('one contact attempt, click to SQL and back', () => {
  let core: TestCore;
  let patientId: number;
  let caseId: number;
  const attempt = { date: '2026-11-18', time: '09:15', channel: 'sms', outcome: 'no_answer', byName: 'Mona Merkantil', note: '' } as const;
  const auditAfter = (id: number) =>
    core.handle.sqlite.prepare('select action, entity, entity_id, patient_id from audit_log where id > ? order by id').all(id) as AuditRow[];
  const lastAuditId = () => (core.handle.sqlite.prepare('select coalesce(max(id), 0) as n from audit_log').get() as { n: number }).n;

  beforeEach(async () => {
    core = await makeCore();
    await saveProfile(core);
    const created = await core.ok('referrals.create', referral());
    patientId = created.patientId;
    caseId = await missedAppointment(core, { patientId, pathwayId: created.pathwayId });
    await core.ok('noShow.recordAttempt', { caseId, ...attempt, date: '2026-11-17', channel: 'phone' });
  });
  afterEach(() => core.dispose());

  it('writes exactly one audit row, the attempt, and no "opened" row on the way back', async () => {
    const before = lastAuditId();
    const view = await core.ok('noShow.recordAttempt', { caseId, ...attempt });
    // The views the contract says are stale: only the no-show area, never the patient page itself.
    const stale = staleAfter('noShow.recordAttempt', LOADED_ON_PATIENT_PAGE(patientId));
    expect(stale.map(([m]) => m)).toEqual(['noShow.listForPatient']);
    for (const [m, input] of stale) await core.ok(m, input as never);
    const attemptId = view.attempts.at(-1)!.id;
    expect(auditAfter(before)).toEqual([{ action: 'contactAttempt.create', entity: 'contact_attempt', entity_id: attemptId, patient_id: patientId }]);
    // The old way (every loaded view reloads after any write) would have logged a false opening of the patient.
    for (const [m, input] of LOADED_ON_PATIENT_PAGE(patientId)) await core.ok(m, input as never);
    expect(auditAfter(before).map((r) => r.action)).toContain('patient.open');
  });

  it('answers with the same view a fresh read gives', async () => {
    const view = await core.ok('noShow.recordAttempt', { caseId, ...attempt, date: '2026-11-17', time: '08:00' });
    expect(view.attempts.map((a) => a.at)).toEqual(['2026-11-17T07:00:00.000Z', '2026-11-17T08:15:00.000Z']);
    const fresh = (await core.ok('noShow.listForPatient', { patientId })).cases.find((c) => c.id === caseId);
    expect(view).toEqual(fresh);
    const row = core.handle.sqlite.prepare('select attempt_count, next_step, next_due from no_show_case where id = ?').get(caseId);
    expect(row).toMatchObject({ attempt_count: 2 });
  });

  it('runs about half the statements it used to (19 before #12)', async () => {
    const seen = await captureStatements(core, 'noShow.recordAttempt', { caseId, ...attempt });
    const sqls = seen.map((s) => s.sql);
    expect(sqls.length).toBeLessThanOrEqual(10);
    // The case, its attempts and its letters are each read once.
    expect(sqls.filter((s) => /from "contact_attempt"/.test(s))).toHaveLength(1);
    expect(sqls.filter((s) => /from "letter"/.test(s))).toHaveLength(1);
    expect(sqls.filter((s) => /from "no_show_case"/.test(s))).toHaveLength(1);
    // The whole round trip: the write and the refetch of the stale views.
    let roundTrip = sqls.length;
    for (const [m, input] of staleAfter('noShow.recordAttempt', LOADED_ON_PATIENT_PAGE(patientId)))
      roundTrip += (await captureStatements(core, m, input)).length;
    expect(roundTrip).toBeLessThanOrEqual(15);
  });
});
