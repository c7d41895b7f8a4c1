import { describe, expect, it } from 'vitest';
import { affectingAreas, contract, writeAffects, type MethodName } from '../../shared/contract';
import { applyServerErrors, firstMessage, formMessage, issuesByField } from '../../renderer/src/api/field-errors';
import { isQueryMethod, methodArea } from '../../renderer/src/api/method-kind';

const methods = Object.keys(contract) as MethodName[];
const areas = new Set(methods.map(methodArea));

describe('invalidation by area', () => {
  it('names only areas the contract has', () => {
    for (const area of affectingAreas()) expect(areas, area).toContain(area);
  });

  it('refreshes what a write changes and nothing unrelated', () => {
    // Recording a contact attempt: the no-show views, the worklist flag and the log, not the patient header.
    expect(writeAffects('noShow', 'noShow')).toBe(true);
    expect(writeAffects('noShow', 'worklist')).toBe(true);
    expect(writeAffects('noShow', 'audit')).toBe(true);
    expect(writeAffects('noShow', 'patients')).toBe(false);
    expect(writeAffects('noShow', 'meetings')).toBe(false);
    expect(writeAffects('noShow', 'plans')).toBe(false);
    expect(writeAffects('contacts', 'worklist')).toBe(false);
    // A restore replaces the database: everything.
    for (const area of areas) expect(writeAffects('backups', area)).toBe(true);
    // A change pushed without an area: everything.
    expect(writeAffects(undefined, 'plans')).toBe(true);
  });

  it('an area that writes refreshes its own reads', () => {
    const readAreas = new Set(methods.filter(isQueryMethod).map(methodArea));
    const writers = methods.filter((m) => !isQueryMethod(m) && readAreas.has(methodArea(m)));
    expect(writers.length).toBeGreaterThan(0);
    expect(writers.filter((m) => !writeAffects(methodArea(m), methodArea(m)))).toEqual([]);
  });

  it('every area with reads is refreshed by some write, so no view goes stale for good', () => {
    const writeAreas = [...new Set(methods.filter((m) => !isQueryMethod(m)).map(methodArea))];
    const readAreas = new Set(methods.filter(isQueryMethod).map(methodArea));
    readAreas.delete('app'); // app.info: read again by the first-run steps themselves
    for (const r of readAreas)
      expect(
        writeAreas.some((w) => writeAffects(w, r)),
        r,
      ).toBe(true);
  });
});

describe('server issues onto fields (one function)', () => {
  const error = {
    code: 'invalid_input' as const,
    message: 'Noe er feil',
    issues: [
      { path: 'patient.nationalId', message: 'Ugyldig fødselsnummer' },
      { path: 'patient.nationalId', message: 'Andre melding' },
      { path: 'pathway.referralReceived', message: 'Dato mangler' },
      { path: 'somethingElse', message: 'Ukjent felt' },
    ],
  };

  it('keeps the first message per field and renames paths', () => {
    expect(issuesByField(error)).toEqual({
      'patient.nationalId': 'Ugyldig fødselsnummer',
      'pathway.referralReceived': 'Dato mangler',
      somethingElse: 'Ukjent felt',
    });
    expect(issuesByField(error, (p) => p.replace(/^(patient|pathway)\./, ''))).toMatchObject({
      nationalId: 'Ugyldig fødselsnummer',
      referralReceived: 'Dato mangler',
    });
    expect(issuesByField({ code: 'conflict', message: 'Finnes fra før' }, undefined, 'pin')).toEqual({ pin: 'Finnes fra før' });
  });

  it('the form message is only for an error that names no field', () => {
    expect(formMessage(error)).toBeNull();
    expect(formMessage({ code: 'conflict', message: 'Finnes fra før' })).toBe('Finnes fra før');
    expect(firstMessage(error)).toBe('Ugyldig fødselsnummer');
    expect(firstMessage({ code: 'locked', message: 'Låst' })).toBe('Låst');
  });

  it('puts every issue on its field at once, the first focused, and keeps the ones without a field', () => {
    const set: { name: string; message: string | undefined; focus: boolean | undefined }[] = [];
    const message = applyServerErrors(
      error,
      ((name: string, e: { message?: string }, o?: { shouldFocus?: boolean }) => set.push({ name, message: e.message, focus: o?.shouldFocus })) as never,
      ['patient.name', 'patient.nationalId', 'pathway.referralReceived'],
    );
    expect(set).toEqual([
      { name: 'patient.nationalId', message: 'Ugyldig fødselsnummer', focus: true },
      { name: 'pathway.referralReceived', message: 'Dato mangler', focus: false },
    ]);
    expect(message).toBe('Ukjent felt');
  });
});
