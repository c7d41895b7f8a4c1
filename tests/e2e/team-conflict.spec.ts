import type { Page } from '@playwright/test';
import { expect, startApp, test } from './fixtures';
import { isoDay, referralInput, rpc } from './pages/worklist';
import { NoShowPages, typedDay } from './pages/no-show';
import { shots } from './shots';
import { TEAM_ENV, addPeople, asLogin, desk, initTeamDatabase, usePgServer } from './team-fixture';

/**
 * No lost update on the team store (issue #15), two coordinators in two browsers on one PostgreSQL database: both
 * open one meeting; Mona starts changing the agenda, Kari saves hers first. Mona's save is refused with a message
 * naming Kari and the agenda, her typed items stay in the fields, the agenda as Kari stored it is shown next to
 * them; saving again replaces it knowingly. Then the meeting form: the same for a changed place.
 */
const pgServer = usePgServer();

/** A team database set up as IT would (team:init), with two coordinators' logins, names and lock PINs. */
async function teamDatabase(): Promise<string> {
  const { url } = await initTeamDatabase(pgServer()!, 'samarbeid');
  await addPeople(
    url,
    [
      { login: 'kari', group: 'forlopsbenk_coordinator', name: 'Kari Koordinator' },
      { login: 'mona', group: 'forlopsbenk_coordinator', name: 'Mona Moe' },
    ],
    { unit: true },
  );
  return url;
}

/** An Oslo date a week from now (ISO). */
const nextWeek = (): string => isoDay(7);

async function openMeeting(p: Page): Promise<void> {
  await p.getByRole('radiogroup', { name: 'Vis forløp' }).getByRole('radio', { name: 'Enheten' }).click();
  await p.getByRole('row', { name: /Per Teamsen/ }).dblclick();
  await p.getByRole('heading', { name: 'Per Teamsen', level: 1 }).waitFor();
  await p.getByRole('tab', { name: 'Møter' }).click();
  await p.getByRole('table', { name: 'Pasientens møter' }).getByRole('button').first().click();
  await expect(p.getByRole('heading', { name: /^Evaluering – / })).toBeVisible();
}

test('two coordinators change one meeting: the second save is refused naming the first, and keeps what was typed', async ({ browser }) => {
  test.setTimeout(240_000);
  const url = await teamDatabase();
  const kariApp = await startApp({ store: asLogin(url, 'kari'), env: TEAM_ENV });
  const monaApp = await startApp({ store: asLogin(url, 'mona'), env: TEAM_ENV });
  const kariCtx = await desk(browser, 1440);
  const monaCtx = await desk(browser, 1440);
  try {
    const kari = await kariCtx.newPage();
    const mona = await monaCtx.newPage();
    await kari.goto(kariApp.url);
    await expect(kari.getByRole('heading', { name: 'Arbeidsliste', exact: true })).toBeVisible();
    const { patientId } = (await rpc(kari, kariApp, 'referrals.create', referralInput('Per Teamsen', '01868510028', -10))) as { patientId: number };
    const { id } = (await rpc(kari, kariApp, 'meetings.create', {
      patientId,
      kind: 'evaluation',
      date: nextWeek(),
      time: '10:00',
      durationMinutes: 60,
      place: 'Møterom 1',
      participants: [{ name: 'Per Teamsen', role: 'patient' }],
    })) as { id: number };
    await kari.reload();
    await openMeeting(kari);
    await mona.goto(monaApp.url);
    await expect(mona.getByRole('heading', { name: 'Arbeidsliste', exact: true })).toBeVisible();
    await openMeeting(mona);

    // Mona starts on the agenda: a new item and a reworded first item (not saved yet).
    await mona.getByRole('textbox', { name: 'Nytt punkt' }).fill('Monas punkt: bolig');
    await mona.getByRole('button', { name: 'Legg til punkt' }).click();
    await mona.getByRole('textbox', { name: 'Punkt 1', exact: true }).fill('Monas omskrevne første punkt');

    // Kari, meanwhile, saves her own change first.
    await kari.getByRole('textbox', { name: 'Nytt punkt' }).fill('Karis punkt: arbeid');
    await kari.getByRole('button', { name: 'Legg til punkt' }).click();
    await kari.getByRole('button', { name: 'Lagre dagsorden' }).click();
    await expect(kari.getByText('Lagret.')).toBeVisible();

    // Mona saves: refused, naming Kari and the agenda; what she typed stays, Kari's agenda is shown beside it.
    await mona.getByRole('button', { name: 'Lagre dagsorden' }).click();
    const alert = mona.getByRole('alert').filter({ hasText: 'Møtet ble endret av Kari Koordinator (kari)' });
    await expect(alert).toContainText(
      /Møtet ble endret av Kari Koordinator \(kari\) \d\d\.\d\d\.\d{4} kl\. \d\d:\d\d etter at du åpnet det\. Endret: Agenda\. Det du skrev er ikke lagret, men står fortsatt i skjemaet\./,
    );
    // The agenda as Kari stored it, folded under the message.
    await alert.getByText(/^Vis dagsordenen slik den er lagret nå/).click();
    await expect(alert.getByRole('list', { name: 'Dagsordenen slik den er lagret nå' })).toContainText('Karis punkt: arbeid');
    await expect(mona.getByRole('textbox', { name: 'Punkt 1', exact: true })).toHaveValue('Monas omskrevne første punkt');
    await expect(mona.getByRole('textbox', { name: /^Punkt \d+$/ }).last()).toHaveValue('Monas punkt: bolig');
    await shots(mona, 'team-agenda-conflict');

    // Saving again replaces Kari's agenda with Mona's, knowingly.
    await mona.getByRole('button', { name: 'Lagre dagsorden' }).click();
    await expect(mona.getByText('Lagret.')).toBeVisible();
    await expect(alert).toHaveCount(0);
    const after = (await rpc(mona, monaApp, 'meetings.get', { id })) as { agenda: { title: string }[]; version: number };
    expect(after.agenda.map((a) => a.title)).toContain('Monas punkt: bolig');
    expect(after.agenda.map((a) => a.title)).not.toContain('Karis punkt: arbeid');
    expect(after.version).toBe(3);

    // The meeting form: Kari opens it, Mona moves the meeting to another room; Kari's save of a longer meeting is refused.
    await kari.getByRole('button', { name: 'Endre møtet' }).click();
    const form = kari.getByRole('dialog', { name: /Endre/ });
    await expect(form).toBeVisible();
    await rpc(mona, monaApp, 'meetings.update', {
      id,
      kind: 'evaluation',
      date: nextWeek(),
      time: '10:00',
      durationMinutes: 60,
      place: 'Møterom 2',
      participants: [{ name: 'Per Teamsen', role: 'patient' }],
      version: after.version,
    });
    await form.getByLabel('Sted', { exact: true }).fill('Kantina');
    await form.getByRole('button', { name: 'Lagre endringer' }).click();
    await expect(form).toContainText(/Møtet ble endret av Mona Moe \(mona\) .* etter at du åpnet det\. Endret: Sted\./);
    await expect(form.getByLabel('Sted', { exact: true })).toHaveValue('Kantina');
    await shots(kari, 'team-meeting-form-conflict');
    await form.getByRole('button', { name: 'Lagre endringer' }).click();
    await expect(form).toBeHidden();
    expect(((await rpc(kari, kariApp, 'meetings.get', { id })) as { place: string }).place).toBe('Kantina');

    // A no-show case: Kari opens "Avslutt saken"; Mona escalates it meanwhile. Kari's close is refused, naming Mona
    // and what she changed; the note Kari typed stays.
    const twoDaysAgo = isoDay(-2); // in Oslo, as the card names it (a UTC date is a day off after midnight in Oslo)
    const appt = (await rpc(kari, kariApp, 'appointments.book', {
      patientId,
      kind: 'assessment',
      date: twoDaysAgo,
      time: '09:00',
      durationMinutes: 60,
      place: 'Rom 1',
      clinician: 'Lege Lie',
    })) as { id: number; version: number };
    const { noShowCaseId } = (await rpc(kari, kariApp, 'appointments.setStatus', { id: appt.id, status: 'no_show', version: appt.version })) as {
      noShowCaseId: number;
    };
    const ns = new NoShowPages(kari);
    await ns.tab('Ikke møtt');
    const card = ns.caseCard(typedDay(-2), '09:00');
    await card.getByRole('button', { name: 'Avslutt saken' }).click();
    const close = kari.getByRole('dialog', { name: 'Avslutt saken' });
    await expect(close).toBeVisible();
    await rpc(mona, monaApp, 'noShow.escalate', { caseId: noShowCaseId, clinician: 'Lege Lie', note: '', version: 1 });
    await close.getByRole('radio', { name: /pasienten takket nei/ }).check();
    await close.getByLabel('Notat', { exact: false }).first().fill('Pasienten ringte og takket nei');
    await close.getByRole('button', { name: 'Avslutt saken' }).click();
    await expect(close).toContainText(/Saken ble endret av Mona Moe \(mona\) .* etter at du åpnet det\. Endret: Status, Utfall, Notat\./);
    await expect(close.getByLabel('Notat', { exact: false }).first()).toHaveValue('Pasienten ringte og takket nei');
    await shots(kari, 'team-no-show-close-conflict');
    await close.getByRole('button', { name: 'Avbryt' }).click();
    // Behind the dialog the case shows what Mona did.
    await expect(card).toContainText('Meldt til behandler');
  } finally {
    await kariCtx.close();
    await monaCtx.close();
    await kariApp.stop();
    await monaApp.stop();
  }
});
