import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_AGENDA_TEMPLATES } from '../../shared/domain/meetings';
import { makeCore, referral, type TestCore } from '../fixtures/core';

// FIXED_NOW is Monday 2026-11-23 09:00Z (10:00 in Oslo).
const count = (core: TestCore, table: string) => (core.handle.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

function parseIcs(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  const vevent = cal.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  const event = new ICAL.Event(vevent);
  return {
    method: String(cal.getFirstPropertyValue('method')),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    startIsUtc: event.startDate.zone?.tzid === 'UTC',
    summary: event.summary,
    description: event.description,
    status: String(vevent.getFirstPropertyValue('status')),
    attendees: vevent.getAllProperties('attendee').map((p) => String(p.getFirstValue())),
  };
}

describe('collaboration meetings', () => {
  let core: TestCore;
  let patientId: number;
  let coordinatorId: number;

  const meeting = (overrides: Record<string, unknown> = {}) => ({
    patientId,
    kind: 'evaluation' as const,
    date: '2026-11-25',
    time: '10:00',
    durationMinutes: 90,
    place: 'Møterom Ærfugl, DPS Testby',
    participants: [
      {
        contactId: coordinatorId,
        name: 'Ola Hansen',
        role: 'municipal_coordinator',
        organisation: 'Oslo kommune',
        email: 'ola.hansen@oslo.kommune.no',
        consentCovers: true,
      },
      { name: 'Kari Testesen', role: 'patient' },
    ],
    ...overrides,
  });

  beforeEach(async () => {
    core = await makeCore();
    await core.ok('profile.save', { coordinatorName: 'Kari Koordinator', unitName: 'DPS Testby', unitPhone: '22 00 00 00' });
    patientId = (await core.ok('referrals.create', referral())).patientId;
    coordinatorId = (
      await core.ok('contacts.save', {
        name: 'Ola Hansen',
        role: 'municipal_coordinator',
        organisation: 'Oslo kommune',
        municipalityNumber: '0301',
        email: 'ola.hansen@oslo.kommune.no',
      })
    ).id;
  });
  afterEach(() => core.dispose());

  it('plans, changes and cancels a meeting: agenda from the template, next-meeting flag, ICS with stable UID and rising SEQUENCE', async () => {
    const { id } = await core.ok('meetings.create', meeting());
    const d = await core.ok('meetings.get', { id });
    expect(d).toMatchObject({ status: 'planned', startAt: '2026-11-25T09:00:00.000Z', icsSequence: 0, participantCount: 2 });
    expect(d.agenda.map((a) => a.title)).toEqual(DEFAULT_AGENDA_TEMPLATES.evaluation);
    expect(d.participants.map((p) => [p.name, p.role, p.consentCovers, p.isPatient])).toEqual([
      ['Ola Hansen', 'municipal_coordinator', true, false],
      ['Kari Testesen', 'patient', true, true],
    ]);
    const flag = () => (core.handle.sqlite.prepare('select next_meeting_date as d from patient where id = ?').get(patientId) as { d: string | null }).d;
    expect(flag()).toBe('2026-11-25');

    const first = parseIcs((await core.ok('meetings.getIcs', { id })).text);
    expect(first).toMatchObject({
      method: 'REQUEST',
      sequence: 0,
      start: '2026-11-25T09:00:00.000Z',
      end: '2026-11-25T10:30:00.000Z',
      startIsUtc: true,
      status: 'CONFIRMED',
    });
    expect(first.summary).toBe('Samarbeidsmøte – evaluering');
    expect(first.uid).toMatch(/^samarbeidsmote-[0-9a-f-]{36}@forlopsbenk$/);
    // No patient name anywhere in the file by default; the patient is not an attendee.
    const raw = (await core.ok('meetings.getIcs', { id })).text;
    expect(raw).not.toMatch(/Testesen|K\. T\./);
    expect(first.attendees).toEqual(['mailto:ola.hansen@oslo.kommune.no']);

    // Moved to a summer date: the other UTC offset.
    const { patientId: _patient, ...changes } = meeting({ date: '2027-06-15', time: '13:30', durationMinutes: 60 });
    const moved = await core.ok('meetings.update', { id, ...changes });
    expect(moved.icsSequence).toBe(1);
    const second = parseIcs((await core.ok('meetings.getIcs', { id })).text);
    expect(second).toMatchObject({ uid: first.uid, sequence: 1, start: '2027-06-15T11:30:00.000Z', end: '2027-06-15T12:30:00.000Z' });
    expect(flag()).toBe('2027-06-15');

    // An earlier meeting becomes the flag.
    const early = await core.ok('meetings.create', meeting({ date: '2026-12-01', kind: 'responsibility_group' }));
    expect(flag()).toBe('2026-12-01');
    expect((await core.ok('meetings.listWeek', { from: '2026-11-30' })).rows.map((r) => r.id)).toEqual([early.id]);

    const cancelled = await core.ok('meetings.cancel', { id: early.id, reason: 'Pasienten ønsket nytt tidspunkt' });
    expect(cancelled.icsSequence).toBe(1);
    expect(flag()).toBe('2027-06-15');
    const cancel = parseIcs((await core.ok('meetings.getIcs', { id: early.id })).text);
    expect(cancel).toMatchObject({ method: 'CANCEL', status: 'CANCELLED', sequence: 1, start: '2026-12-01T09:00:00.000Z' });
    expect((await core.ok('meetings.getIcs', { id: early.id })).filename).toBe('samarbeidsmote-2026-12-01-avlyst.ics');

    // A cancelled meeting cannot be changed or cancelled again, and the refusal changes nothing.
    const before = { meetings: count(core, 'meeting'), audit: count(core, 'audit_log') };
    expect(await core.dispatch('meetings.cancel', { id: early.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect({ meetings: count(core, 'meeting'), audit: count(core, 'audit_log') }).toEqual(before);

    await core.ok('meetings.cancel', { id });
    expect(flag()).toBeNull();
    // Every write was audited with ids only.
    const actions = core.handle.sqlite.prepare("select action from audit_log where entity = 'meeting' order by id").all() as { action: string }[];
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['meeting.create', 'meeting.update', 'meeting.cancel', 'meeting.exportIcs', 'meeting.open']),
    );
  });

  it("warns about double bookings (coordinator, contacts, the patient's appointments) and saves only with a reason", async () => {
    await core.ok('meetings.create', meeting());
    const overlapping = meeting({ time: '11:00', kind: 'responsibility_group' });
    const { clashes } = await core.ok('meetings.listConflicts', { ...overlapping, durationMinutes: 60 });
    expect(clashes.map((c) => c.person)).toEqual(['Ola Hansen', 'Du (koordinator)', 'Pasienten']);
    expect(clashes[0]!.bookingLabel).toBe('Samarbeidsmøte – evaluering (samme pasient), 25.11.2026 kl. 10:00–11:30');

    const before = { meetings: count(core, 'meeting'), participants: count(core, 'meeting_participant'), audit: count(core, 'audit_log') };
    const refused = await core.dispatch('meetings.create', overlapping);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'conflict', issues: [{ path: 'conflictReason', message: 'Skriv årsak til dobbeltbooking for å lagre likevel' }] },
    });
    expect({ meetings: count(core, 'meeting'), participants: count(core, 'meeting_participant'), audit: count(core, 'audit_log') }).toEqual(before);

    const saved = await core.ok('meetings.create', { ...overlapping, conflictReason: 'Kommunen har bare dette tidspunktet' });
    expect((await core.ok('meetings.get', { id: saved.id })).conflictReason).toBe('Kommunen har bare dette tidspunktet');

    // Back-to-back is no clash; a cancelled meeting blocks no one.
    expect((await core.ok('meetings.listConflicts', { ...meeting({ time: '12:30' }), durationMinutes: 30 })).clashes).toEqual([]);
    await core.ok('meetings.cancel', { id: saved.id });
    const afterCancel = await core.ok('meetings.listConflicts', { ...meeting({ time: '11:00' }), durationMinutes: 30 });
    expect(new Set(afterCancel.clashes.map((c) => c.bookingLabel))).toEqual(
      new Set(['Samarbeidsmøte – evaluering (samme pasient), 25.11.2026 kl. 10:00–11:30']),
    );

    // The patient's appointment (the no-show feature's table) clashes when the patient takes part.
    core.handle.sqlite
      .prepare(
        "insert into appointment (patient_id, kind, start_at, duration_minutes, place, clinician, status, created_at, updated_at) values (?, 'evaluation', '2026-11-26T08:00:00.000Z', 45, '', 'Behandler', 'booked', '2026-11-20T00:00:00.000Z', '2026-11-20T00:00:00.000Z')",
      )
      .run(patientId);
    const withPatient = await core.ok('meetings.listConflicts', { ...meeting({ date: '2026-11-26', time: '09:30' }), durationMinutes: 60 });
    expect(withPatient.clashes).toEqual([
      {
        person: 'Pasienten',
        bookingKind: 'appointment',
        bookingLabel: 'Time i spesialisthelsetjenesten, 26.11.2026 kl. 09:00–09:45',
        start: '2026-11-26T08:00:00.000Z',
        end: '2026-11-26T08:45:00.000Z',
      },
    ]);
    const withoutPatient = await core.ok('meetings.listConflicts', {
      ...meeting({ date: '2026-11-26', time: '09:30', participants: [] }),
      durationMinutes: 60,
    });
    expect(withoutPatient.clashes).toEqual([]);
  });

  it('refuses a meeting without place or link, and a patient listed twice, field by field and without writing', async () => {
    const before = { meetings: count(core, 'meeting'), audit: count(core, 'audit_log') };
    const res = await core.dispatch(
      'meetings.create',
      meeting({
        place: '',
        participants: [
          { name: 'A', role: 'patient' },
          { name: 'B', role: 'patient' },
        ],
      }),
    );
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(Object.fromEntries((res.error.issues ?? []).map((i) => [i.path, i.message]))).toEqual({
      place: 'Skriv hvor møtet er, eller legg inn en videolenke',
      participants: 'Pasienten kan bare stå én gang blant deltakerne',
    });
    const bad = await core.dispatch('meetings.create', meeting({ time: '25:00', videoUrl: 'http://x' }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect((bad.error.issues ?? []).map((i) => i.path).sort()).toEqual(['time', 'videoUrl']);
    expect({ meetings: count(core, 'meeting'), audit: count(core, 'audit_log') }).toEqual(before);
  });

  it('writes minutes in versions: finalizing locks, a later change is a new version, the old one kept', async () => {
    // Minutes prepared before the meeting leave it planned; after it, finalizing marks it held.
    const { id: ahead } = await core.ok('meetings.create', meeting({ date: '2026-12-02' }));
    await core.ok('meetings.saveMinutes', { id: ahead, notes: [] });
    await core.ok('meetings.finalizeMinutes', { id: ahead });
    expect((await core.ok('meetings.get', { id: ahead })).status).toBe('planned');
    await core.ok('meetings.cancel', { id: ahead });
    const { id } = await core.ok('meetings.create', meeting({ date: '2026-11-20' }));
    const d = await core.ok('meetings.get', { id });
    const [first, second] = d.agenda;
    const v1 = await core.ok('meetings.saveMinutes', {
      id,
      notes: [{ agendaItemId: first!.id, note: 'Pasienten opplever samtalene som nyttige.' }],
      decisions: 'Fortsette poliklinisk behandling.',
      actionItems: [{ text: 'Søke om bolig', owner: 'Ola Hansen', dueDate: '2026-12-15' }],
    });
    expect(v1).toEqual({ version: 1, status: 'draft', rowVersion: 1 });
    expect(await core.ok('meetings.finalizeMinutes', { id })).toEqual({ version: 1 });
    const held = await core.ok('meetings.get', { id });
    expect(held.status).toBe('held');
    expect(held.minutes[0]).toMatchObject({
      version: 1,
      status: 'final',
      finalizedBy: 'Kari Koordinator',
      actions: [{ text: 'Søke om bolig', owner: 'Ola Hansen', dueDate: '2026-12-15', done: false }],
    });

    // The database itself refuses to change a finalized version.
    expect(() => core.handle.sqlite.prepare("update meeting_minutes set decisions = 'endret' where meeting_id = ?").run(id)).toThrow(/locked/);
    // Finalizing again without a new draft is refused.
    expect(await core.dispatch('meetings.finalizeMinutes', { id })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const action = held.actionItems[0]!;
    const v2 = await core.ok('meetings.saveMinutes', {
      id,
      notes: [
        { agendaItemId: first!.id, note: 'Pasienten opplever samtalene som nyttige.' },
        { agendaItemId: second!.id, note: 'Turgåing hjelper.' },
      ],
      decisions: 'Fortsette poliklinisk behandling. Ny evaluering om 8 uker.',
      actionItems: [{ id: action.id, text: 'Søke om bolig', owner: 'Ola Hansen', dueDate: '2026-12-15', done: true }],
    });
    expect(v2).toEqual({ version: 2, status: 'draft', rowVersion: 1 });
    const after = await core.ok('meetings.get', { id });
    expect(after.minutes.map((m) => [m.version, m.status])).toEqual([
      [2, 'draft'],
      [1, 'final'],
    ]);
    expect(after.minutes[1]!.decisions).toBe('Fortsette poliklinisk behandling.');
    expect(after.minutes[1]!.actions![0]!.done).toBe(false); // the snapshot is what was agreed then

    // Printing: the draft says it is a draft; version 1 prints as finalized.
    const draftDoc = (await core.ok('meetings.getMinutesDocument', { id })).html;
    expect(draftDoc).toContain('Versjon 2 – UTKAST, ikke ferdigstilt');
    expect(draftDoc).toContain('Turgåing hjelper.');
    const finalDoc = (await core.ok('meetings.getMinutesDocument', { id, version: 1 })).html;
    expect(finalDoc).toContain('Versjon 1, ferdigstilt 23.11.2026 av Kari Koordinator');
    expect(finalDoc).not.toContain('Turgåing');
    expect(finalDoc).toContain('<title>Referat</title>');
  });

  it('prints the agenda with only as much about the patient as the privacy setting allows', async () => {
    const { id } = await core.ok('meetings.create', meeting({ videoUrl: 'https://meet.example.no/abc' }));
    const html = (await core.ok('meetings.getAgendaDocument', { id })).html;
    expect(html).toContain('<title>Dagsorden</title>');
    expect(html).toContain('K. T., født 1985');
    expect(html).not.toContain('Testesen');
    expect(html).toContain('<td>K. T.</td><td>Pasient</td>');
    expect(html).toContain('25.11.2026 kl. 10:00–11:30');
    expect(html).toContain('https://meet.example.no/abc');
    expect(html).toContain('Koordinator i kommunen');
    expect(html).toContain('Opplever pasienten behandlingen som nyttig?');

    await core.ok('meetings.savePrintPrivacy', { printPrivacy: 'name_birth_date' });
    expect((await core.ok('meetings.getAgendaDocument', { id })).html).toContain('Kari Testesen, født 01.06.1985');
    await core.ok('meetings.savePrintPrivacy', { printPrivacy: 'none' });
    const none = (await core.ok('meetings.getAgendaDocument', { id })).html;
    expect(none).not.toContain('født');
    expect(none).not.toContain('K. T.');
    expect(none).toContain('<td>Pasienten</td><td>Pasient</td>');
  });

  it("starts agendas from edited templates and offers last meeting's unfinished actions", async () => {
    await core.ok('meetings.saveTemplate', { kind: 'responsibility_group', items: ['  Runde rundt bordet ', '', 'Neste møte'] });
    const first = await core.ok('meetings.create', meeting({ kind: 'responsibility_group', date: '2026-11-24' }));
    expect((await core.ok('meetings.get', { id: first.id })).agenda.map((a) => a.title)).toEqual(['Runde rundt bordet', 'Neste møte']);
    await core.ok('meetings.saveMinutes', {
      id: first.id,
      notes: [],
      actionItems: [
        { text: 'Kontakte NAV', owner: 'Ola Hansen', dueDate: '2026-12-01' },
        { text: 'Sende epikrise', owner: 'Kari Koordinator', done: true },
      ],
    });
    const next = await core.ok('meetings.create', meeting({ date: '2026-12-10' }));
    const suggestions = await core.ok('meetings.listAgendaSuggestions', { id: next.id });
    expect(suggestions.items).toEqual([
      { title: 'Oppfølging fra forrige møte: Kontakte NAV', source: 'action', sourceId: expect.any(Number), detail: 'Ansvarlig: Ola Hansen, frist 01.12.2026' },
    ]);
    expect(suggestions.planAvailable).toBe(false);

    // Adding the suggestion keeps the existing items (and their ids).
    const d = await core.ok('meetings.get', { id: next.id });
    const saved = await core.ok('meetings.saveAgenda', {
      id: next.id,
      items: [
        ...d.agenda.map((a) => ({ id: a.id, title: a.title, source: 'template' as const })),
        { title: suggestions.items[0]!.title, source: 'action', sourceId: suggestions.items[0]!.sourceId },
      ],
    });
    expect(saved.agenda.slice(0, d.agenda.length).map((a) => a.id)).toEqual(d.agenda.map((a) => a.id));
    expect(saved.agenda.at(-1)).toMatchObject({ source: 'action', title: 'Oppfølging fra forrige møte: Kontakte NAV' });

    await core.ok('meetings.resetTemplate', { kind: 'responsibility_group' });
    expect((await core.ok('meetings.getSettings', {})).templates.responsibility_group).toEqual(DEFAULT_AGENDA_TEMPLATES.responsibility_group);
    expect(await core.dispatch('meetings.saveTemplate', { kind: 'evaluation', items: [' '] })).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'items' }] },
    });
  });

  it('reads the week view and the clash check through indexes', async () => {
    const plan = (sqlText: string, params: unknown[]) =>
      (core.handle.sqlite.prepare(`explain query plan ${sqlText}`).all(...params) as { detail: string }[]).map((p) => p.detail).join('\n');
    const week = core.ctx.db
      .selectFrom('meeting')
      .innerJoin('patient', 'patient.id', 'meeting.patient_id')
      .selectAll('meeting')
      .select('patient.name as patient_name')
      .where('meeting.start_at', '>=', '2026-11-22T23:00:00.000Z')
      .where('meeting.start_at', '<', '2026-11-29T23:00:00.000Z')
      .orderBy('meeting.start_at')
      .compile();
    const weekPlan = plan(week.sql, [...week.parameters]);
    expect(weekPlan).toMatch(/SEARCH meeting USING INDEX meeting_start \(start_at>\? AND start_at<\?\)/);
    expect(weekPlan).not.toMatch(/TEMP B-TREE/);
    const clash = core.ctx.db
      .selectFrom('meeting')
      .select(['id'])
      .where('status', '=', 'planned')
      .where('start_at', '>', '2026-11-25T01:00:00.000Z')
      .where('start_at', '<', '2026-11-25T10:30:00.000Z')
      .compile();
    expect(plan(clash.sql, [...clash.parameters])).toMatch(/USING (COVERING )?INDEX meeting_start/);
    expect(plan('select id from meeting where patient_id = ? order by start_at desc', [1])).toMatch(/INDEX meeting_patient_start/);
    expect(plan('select * from meeting_participant where meeting_id in (1, 2)', [])).toMatch(/INDEX meeting_participant_meeting/);
  });
});
