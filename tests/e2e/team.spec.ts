import { expect, startApp, test } from './fixtures';
import { NoShowPages, typedDay } from './pages/no-show';
import { shots } from './shots';
import { PER, TEAM_ENV, addPeople, asLogin, desk, initTeamDatabase, usePgServer } from './team-fixture';

/**
 * Two people, two browsers, one team store: a real PostgreSQL server set up with `npm run team:init`, two
 * browser-mode servers logged in as two PostgreSQL roles (coordinator, administrative staff) on the same
 * database. The administrative staff records a no-show and two contact attempts; the coordinator's screen
 * shows the case change without a reload. Then the server goes away and comes back.
 */
const pgServer = usePgServer();

async function teamDatabase(): Promise<string> {
  const { url, stdout } = await initTeamDatabase(pgServer()!, 'enheten');
  expect(stdout).toContain('Grupperoller opprettet: forlopsbenk_coordinator, forlopsbenk_admin_staff, forlopsbenk_unit_leader');
  await addPeople(
    url,
    [
      { login: 'kari', group: 'forlopsbenk_coordinator', name: 'Kari Koordinator' },
      { login: 'ola', group: 'forlopsbenk_admin_staff', name: 'Ola Olsen' },
    ],
    { unit: true },
  );
  return url;
}

test('two people on one team store: the no-show and two attempts appear live at the coordinator; the server away and back', async ({ browser }) => {
  test.setTimeout(240_000);
  const url = await teamDatabase();
  const coordinatorApp = await startApp({ store: asLogin(url, 'kari'), env: TEAM_ENV });
  const staffApp = await startApp({ store: asLogin(url, 'ola'), env: TEAM_ENV });
  const kariCtx = await desk(browser);
  const olaCtx = await desk(browser);
  try {
    const kari = await kariCtx.newPage();
    const ola = await olaCtx.newPage();

    // The coordinator registers a patient and books an appointment that has passed.
    await kari.goto(coordinatorApp.url);
    await expect(kari.getByRole('heading', { name: 'Arbeidsliste', exact: true })).toBeVisible();
    await expect(kari.getByTestId('store-status')).toHaveText(/^Teamlager på 127\.0\.0\.1:\d+\/enheten$/);
    const kariNs = new NoShowPages(kari);
    await kariNs.registerPatient(PER);
    await kariNs.tab('Timer');
    const day = typedDay(-2);
    await kariNs.book({ date: day, time: '09:00', clinician: 'Lege Lie', place: 'Rom 1' });
    await kariNs.tab('Ikke møtt');
    const kariCard = kariNs.caseCard(day, '09:00');
    await expect(kariCard).toHaveCount(0);

    // The administrative staff, at another desk: the same caseload.
    await ola.goto(staffApp.url);
    await expect(ola.getByRole('heading', { name: 'Arbeidsliste', exact: true })).toBeVisible();
    // Kari registered Per, so the pathway is Kari's: Ola finds it under Enheten (Mine is his own).
    await ola.getByRole('radiogroup', { name: 'Vis forløp' }).getByRole('radio', { name: 'Enheten' }).click();
    await ola.getByRole('row', { name: /Per Teamsen/ }).dblclick();
    await ola.getByRole('heading', { name: PER.name, level: 1 }).waitFor();
    const olaNs = new NoShowPages(ola);
    await olaNs.tab('Timer');
    await olaNs.markAppointment(day, '09:00', 'Ikke møtt');
    await olaNs.tab('Ikke møtt');
    const olaCard = olaNs.caseCard(day, '09:00');
    await olaNs.recordAttempt(olaCard, { date: typedDay(-1), time: '10:00', channel: 'Telefon', outcome: 'Ikke svar' });
    await olaNs.recordAttempt(olaCard, { date: typedDay(-1), time: '14:00', channel: 'SMS', outcome: 'Ikke svar' });

    // The coordinator's screen, never reloaded: the case and both attempts are there.
    await expect(kariCard).toBeVisible();
    await expect(kariCard.getByRole('table', { name: 'Kontaktforsøk' }).getByRole('row')).toHaveCount(3);
    await shots(kari, 'team-live-coordinator');
    await shots(ola, 'team-live-admin-staff');

    // The server goes away: both status bars say so at once.
    pgServer()!.halt();
    await expect(kari.getByTestId('store-status')).toContainText('Ingen forbindelse med teamlageret');
    await expect(ola.getByTestId('store-status')).toContainText('Ingen forbindelse med teamlageret');
    // A third attempt typed meanwhile: the save fails with a clear message and the dialog keeps what was typed.
    await olaCard.getByRole('button', { name: 'Registrer kontaktforsøk' }).click();
    const dialog = olaNs.dialog('Registrer kontaktforsøk');
    await dialog.waitFor();
    await olaNs.settled();
    // Yesterday evening, after the two earlier attempts: a time today may still be ahead of the clock.
    await dialog.getByLabel('Dato').fill(typedDay(-1));
    await dialog.getByLabel('Klokkeslett').fill('16:30');
    await dialog.getByLabel('Kanal').selectOption({ label: 'Telefon' });
    await dialog.getByLabel('Utfall').selectOption({ label: 'Ikke svar' });
    await dialog.getByLabel('Notat').fill('Ringte etter stengetid');
    await dialog.getByRole('button', { name: 'Lagre kontaktforsøk' }).click();
    await expect(dialog).toContainText('Ingen forbindelse med teamlageret. Ingenting ble lagret, men det du skrev er beholdt.');
    await expect(dialog.getByLabel('Notat')).toHaveValue('Ringte etter stengetid');
    await shots(ola, 'team-offline-save');

    // Back: the status bars say when, and the same save goes through; the coordinator sees the third attempt.
    pgServer()!.start();
    await expect(ola.getByTestId('store-status')).toContainText('Forbindelsen kom tilbake kl.');
    await expect(kari.getByTestId('store-status')).toContainText('Forbindelsen kom tilbake kl.');
    await dialog.getByRole('button', { name: 'Lagre kontaktforsøk' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect(kariCard.getByRole('table', { name: 'Kontaktforsøk' }).getByRole('row')).toHaveCount(4);
    await shots(kari, 'team-reconnected');

    // Innstillinger: the store in use, and backups are the server's business.
    await kari
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('button', { name: /Innstillinger/ })
      .click();
    await expect(kari.getByTestId('store-in-use')).toContainText('Teamlager på server 127.0.0.1');
    await expect(kari.getByTestId('team-backups')).toContainText('Forløpsbenk tar ingen lokale kopier av teamlageret');
    await expect(kari.getByRole('button', { name: 'Ta sikkerhetskopi nå' })).toHaveCount(0);
    await kari.getByTestId('store-in-use').scrollIntoViewIfNeeded();
    await shots(kari, 'team-settings-store');
  } finally {
    await kariCtx.close();
    await olaCtx.close();
    await coordinatorApp.stop();
    await staffApp.stop();
  }
});
