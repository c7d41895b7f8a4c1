import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/domain/csv';
import { eventCodeDetails } from '../../shared/domain/rule-pack';
import { makeCore, referral, type TestCore } from '../fixtures/core';

// Issue #13: the daily list "til registrering i journalsystemet". FIXED_NOW is Monday 2026-11-23 (Oslo).
let core: TestCore;
beforeEach(async () => {
  core = await makeCore();
});
afterEach(async () => {
  await core.dispose();
});

describe('registration list', () => {
  it('counts a registration made just after midnight in Oslo as done today, though the UTC date is still yesterday', async () => {
    await core.dispose();
    // 23:30 UTC on Monday 23 November is 00:30 on Tuesday 24 November in Oslo.
    core = await makeCore({ now: new Date('2026-11-23T23:30:00Z') });
    const { pathwayId } = await core.ok('referrals.create', referral({ referralReceived: '2026-11-02' }));
    await core.ok('pathways.assess', { pathwayId, assessedOn: '2026-11-09', rightsDecision: 'right', careKind: 'treatment', careDeadline: '2027-01-15' });
    const [due] = (await core.ok('registration.list', {})).due;
    await core.ok('registration.markDone', { eventIds: [due!.eventId] });
    const list = await core.ok('registration.list', {});
    expect(list.due).toEqual([]);
    expect(list.doneToday.map((i) => i.code)).toEqual([due!.code]);
  });

  it("answers an event write with the event's code for the pathway's own type (none for a type without codes)", async () => {
    const { pathwayId } = await core.ok('referrals.create', referral({ referralReceived: '2026-11-02' }));
    await core.ok('pathways.assess', { pathwayId, assessedOn: '2026-11-09', rightsDecision: 'right', careKind: 'treatment', careDeadline: '2027-01-15' });
    const [{ pathway_type }] = core.handle.sqlite.prepare('select pathway_type from pathway where id = ?').all(pathwayId) as [{ pathway_type: string }];
    const coded = await core.ok('pathways.recordEvent', { pathwayId, type: 'first_attendance', date: '2026-11-16' });
    expect(coded.code).toBe(eventCodeDetails(pathway_type as never, 'first_attendance')!.code);
    expect(coded.code).toMatch(/F$/);

    const uncoded = await core.ok(
      'referrals.create',
      referral({ nationalId: '01868512462', name: 'Uten Kode', pathwayType: 'eating_disorder_child', referralReceived: '2026-11-02' }),
    );
    await core.ok('pathways.assess', {
      pathwayId: uncoded.pathwayId,
      assessedOn: '2026-11-09',
      rightsDecision: 'right',
      careKind: 'treatment',
      careDeadline: '2027-01-15',
    });
    const none = await core.ok('pathways.recordEvent', { pathwayId: uncoded.pathwayId, type: 'first_attendance', date: '2026-11-16' });
    expect(none.code).toBeNull();
  });

  it('lists coded events not yet registered, marks them one by one, exports CSV, and can undo', async () => {
    const { pathwayId } = await core.ok('referrals.create', referral({ referralReceived: '2026-11-02' }));
    await core.ok('pathways.assess', { pathwayId, assessedOn: '2026-11-09', rightsDecision: 'right', careKind: 'treatment', careDeadline: '2027-01-15' });
    await core.ok('pathways.recordEvent', { pathwayId, type: 'first_attendance', date: '2026-11-16' });
    await core.ok('pathways.recordEvent', { pathwayId, type: 'clinical_decision', date: '2026-11-20', outcome: 'CP' });
    // An eating-disorder pathway has no code: nothing to register in the record system this way.
    await core.ok(
      'referrals.create',
      referral({ nationalId: '01868512462', name: 'Uten Kode', pathwayType: 'eating_disorder_child', referralReceived: '2026-11-02' }),
    );

    let list = await core.ok('registration.list', {});
    expect(list.notice).toContain('Norsk pasientregister');
    expect(list.due.map((i) => [i.code, i.date])).toEqual([
      ['D11A', '2026-11-09'],
      ['D11F', '2026-11-16'],
      ['D11CP', '2026-11-20'],
    ]);
    expect(list.due[0]).toMatchObject({ patientName: 'Kari Testesen', birthDate: '1985-06-01', codeConfidence: 'unconfirmed' });
    expect(list.due[2]).toMatchObject({ codeConfidence: 'confirmed', eventLabel: 'Klinisk beslutning' });
    expect(list.due[0]?.nationalIdMasked).not.toBe('01868512381');

    const csv = await core.ok('registration.exportCsv', {});
    expect(csv.fileName).toBe('til-registrering-2026-11-23.csv');
    const records = parseCsv(csv.csv);
    expect(records[0]).toEqual(['Pasient', 'Fødselsdato', 'Fødselsnummer (maskert)', 'Kode', 'Hendelse', 'Dato', 'Kode bekreftet']);
    expect(records[3]).toEqual(['Kari Testesen', '01.06.1985', list.due[2]!.nationalIdMasked, 'D11CP', 'Klinisk beslutning', '20.11.2026', 'Ja']);

    expect(await core.ok('registration.markDone', { eventIds: [list.due[2]!.eventId] })).toEqual({ count: 1 });
    expect(await core.ok('registration.markDone', { eventIds: [list.due[2]!.eventId] })).toEqual({ count: 0 });
    list = await core.ok('registration.list', {});
    expect(list.due.map((i) => i.code)).toEqual(['D11A', 'D11F']);
    expect(list.doneToday.map((i) => i.code)).toEqual(['D11CP']);

    // A corrected event is a new event: it must be registered again.
    const fa = list.due[1]!;
    await core.ok('registration.markDone', { eventIds: [fa.eventId] });
    await core.ok('pathways.correctEvent', { eventId: fa.eventId, action: 'replace', date: '2026-11-17', reason: 'Feil dato' });
    list = await core.ok('registration.list', {});
    expect(list.due.map((i) => [i.code, i.date])).toEqual([
      ['D11A', '2026-11-09'],
      ['D11F', '2026-11-17'],
    ]);

    await core.ok('registration.undo', { eventId: list.doneToday.find((i) => i.code === 'D11CP')!.eventId });
    expect((await core.ok('registration.list', {})).due.map((i) => i.code)).toContain('D11CP');
    const audit = core.handle.sqlite.prepare("select action from audit_log where action like 'registration.%' order by id").all() as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual([
      'registration.exportCsv',
      'registration.exportCsv',
      'registration.exportCsv',
      'registration.markDone',
      'registration.markDone',
      'registration.undo',
    ]);
  });
});
