import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, referral, saveProfile, type TestCore } from '../fixtures/core';
import { missedAppointment } from '../fixtures/no-show';

const UNIT_PHONE = '22 00 00 00';
const COORDINATOR_PHONE = '41 22 33 44';
const occurrences = (text: string, s: string) => text.split(s).length - 1;

/** The letters to the referrer and the municipality name the unit's phone once when no coordinator phone is set. */
describe('letters name the unit phone once', () => {
  let core: TestCore;
  let caseId: number;
  beforeEach(async () => {
    core = await makeCore();
    await saveProfile(core, { unitPhone: UNIT_PHONE });
    const created = await core.ok('referrals.create', referral());
    caseId = await missedAppointment(core, created, { kind: 'assessment' });
    await core.ok('noShow.recordAttempt', {
      caseId,
      date: '2026-11-17',
      time: '09:15',
      channel: 'phone',
      outcome: 'no_answer',
      byName: 'Mona Merkantil',
      note: '',
    });
  });
  afterEach(() => core.dispose());

  const letterText = async (recipient: 'referrer' | 'municipal_coordinator') => {
    const made = await core.ok('noShow.createLetter', {
      caseId,
      recipient,
      ...(recipient === 'municipal_coordinator' ? { sharingBasis: 'consent' as const } : {}),
    });
    return (await core.ok('noShow.getLetter', { id: made.letter.id })).text;
  };

  it("without a coordinator phone: the unit phone once, as the coordinator's number", async () => {
    expect((await core.ok('noShow.getPolicy', {})).coordinatorPhone).toBe('');
    for (const recipient of ['referrer', 'municipal_coordinator'] as const) {
      const text = await letterText(recipient);
      expect({ recipient, n: occurrences(text, UNIT_PHONE) }).toEqual({ recipient, n: 1 });
      expect(text).toContain(`Du når koordinator Kari Koordinator på telefon ${UNIT_PHONE}.`);
    }
  });

  it("with a coordinator phone: the coordinator's number, once", async () => {
    const policy = await core.ok('noShow.getPolicy', {});
    await core.ok('noShow.savePolicy', { ...policy, coordinatorPhone: COORDINATOR_PHONE });
    for (const recipient of ['referrer', 'municipal_coordinator'] as const) {
      const text = await letterText(recipient);
      expect({ recipient, n: occurrences(text, COORDINATOR_PHONE) }).toEqual({ recipient, n: 1 });
      expect(text).toContain(`Du når koordinator Kari Koordinator på telefon ${COORDINATOR_PHONE}.`);
    }
  });
});
