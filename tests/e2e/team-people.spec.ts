import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { E2E_PASSPHRASE, expect, startApp, test } from './fixtures';
import { NoShowPages, typedDay } from './pages/no-show';
import { shots } from './shots';
import { PER, TEAM_ENV, addPeople, asLogin, desk, initTeamDatabase, usePgServer } from './team-fixture';

/**
 * Each person is themselves on the team store (issue #15). A local store (Kari's, with the unit's letterhead and a
 * patient) is moved into a new team database; then Kari and Ola, each at their own desk (two browser contexts, two
 * logins), are asked at first start only for their own name. Each sees the other by name: the responsible person,
 * the reassign list, "Utført av", the letterhead, the log — and the history moved from Kari's local database,
 * read-only, with its own check.
 */
const pgServer = usePgServer();

/** As IT would: a team database, Kari's local store moved into it, two logins with their PINs (no names yet). */
async function teamDatabaseWithMove(request: APIRequestContext): Promise<string> {
  const { url } = await initTeamDatabase(pgServer()!, 'enheten_folk');

  // Kari's local store (the browser-mode server on its own folder): the unit's letterhead and her name.
  const dataDir = mkdtempSync(join(tmpdir(), 'forlopsbenk-e2e-solo-'));
  const solo = await startApp({ dataDir });
  try {
    const res = await request.post(`${solo.origin}/rpc`, {
      data: {
        method: 'profile.save',
        input: { coordinatorName: 'Kari Koordinator', unitName: 'DPS Testby, poliklinikk', unitPhone: '22 33 44 55', unitAddress: 'Postboks 12\n0450 Oslo' },
      },
      headers: { Authorization: `Bearer ${solo.token}` },
    });
    expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
  } finally {
    await solo.stop();
  }
  // Moved as IT would (npm run team:move): counts checked on both sides, the local log kept and pinned.
  const move = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/team-move.ts', '--from', dataDir, '--url', url], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, ...TEAM_ENV, FORLOPSBENK_PASSPHRASE: process.env.FORLOPSBENK_PASSPHRASE ?? E2E_PASSPHRASE },
  });
  rmSync(dataDir, { recursive: true, force: true });
  expect(move.status, move.stderr).toBe(0);
  expect(move.stdout).toContain('oppføringer kontrollert og bevart');
  await addPeople(url, [
    { login: 'kari', group: 'forlopsbenk_coordinator' },
    { login: 'ola', group: 'forlopsbenk_admin_staff' },
  ]);
  return url;
}

test('two people on one team store: each gives only their own name at first start and sees the other by name', async ({ browser, request }) => {
  test.setTimeout(240_000);
  const url = await teamDatabaseWithMove(request);
  const kariApp = await startApp({ store: asLogin(url, 'kari'), env: TEAM_ENV });
  const olaApp = await startApp({ store: asLogin(url, 'ola'), env: TEAM_ENV });
  const kariCtx = await desk(browser);
  const olaCtx = await desk(browser);
  try {
    const kari = await kariCtx.newPage();
    const ola = await olaCtx.newPage();

    // First start: the unit is set up, so only the own name is asked for (no unit fields).
    for (const [page, app, name] of [
      [kari, kariApp, 'Kari Koordinator'],
      [ola, olaApp, 'Ola Olsen'],
    ] as const) {
      await page.goto(app.url);
      await expect(page.getByRole('heading', { name: 'Velkommen til Forløpsbenk' })).toBeVisible();
      await expect(page.getByText('Du jobber i DPS Testby, poliklinikk.')).toBeVisible();
      await expect(page.getByLabel('Enhet', { exact: true })).toHaveCount(0);
      if (page === ola) {
        // Nothing typed: refused by the field, in Norwegian.
        await page.getByRole('button', { name: 'Kom i gang' }).click();
        await expect(page.getByLabel('Ditt navn')).toHaveAttribute('aria-invalid', 'true');
        await shots(page, 'team-first-run-name');
      }
      await page.getByLabel('Ditt navn').fill(name);
      await page.getByRole('button', { name: 'Kom i gang' }).click();
      await expect(page.getByRole('heading', { name: 'Arbeidsliste', exact: true })).toBeVisible();
    }

    // Kari registers Per and books a time that has passed: the pathway is hers.
    const kariNs = new NoShowPages(kari);
    await kariNs.registerPatient(PER);
    await kariNs.tab('Timer');
    const day = typedDay(-2);
    await kariNs.book({ date: day, time: '09:00', clinician: 'Lege Lie', place: 'Rom 1' });

    // Ola sees Kari by name as responsible, and himself by name in the list to give it to.
    await ola.getByRole('radiogroup', { name: 'Vis forløp' }).getByRole('radio', { name: 'Enheten' }).click();
    await ola
      .getByRole('grid', { name: 'Arbeidsliste' })
      .getByRole('row', { name: /Per Teamsen/ })
      .click();
    const panel = ola.getByTestId('responsible');
    await expect(panel.getByRole('heading')).toHaveText('Ansvarlig: Kari Koordinator');
    await expect(panel.getByLabel('Gi forløpet til').locator('option')).toHaveText(['Velg person', 'Ola Olsen (deg)']);

    // Ola records the no-show: "Utført av" is his own name.
    await ola
      .getByRole('grid', { name: 'Arbeidsliste' })
      .getByRole('row', { name: /Per Teamsen/ })
      .dblclick();
    const olaNs = new NoShowPages(ola);
    await olaNs.tab('Timer');
    await olaNs.markAppointment(day, '09:00', 'Ikke møtt');
    await olaNs.tab('Ikke møtt');
    const card = olaNs.caseCard(day, '09:00');
    await card.getByRole('button', { name: 'Registrer kontaktforsøk' }).click();
    const attempt = olaNs.dialog('Registrer kontaktforsøk');
    await attempt.waitFor();
    await olaNs.settled();
    await expect(attempt.getByLabel('Utført av')).toHaveValue('Ola Olsen');
    await attempt.getByRole('button', { name: 'Avbryt' }).click();
    await olaNs.recordAttempt(card, { date: typedDay(-1), time: '10:00', channel: 'Telefon', outcome: 'Ikke svar' });

    // The letter Ola writes is signed by Ola, under the unit's letterhead: printed to PDF to look at.
    const preview = await olaNs.openLetter(card, 'pasienten');
    const html = (await preview.locator('iframe').getAttribute('srcdoc')) ?? '';
    expect(html).toContain('Kontakt: Ola Olsen');
    expect(html).toContain('DPS Testby, poliklinikk');
    expect(html).not.toContain('Kari Koordinator');
    const pdfPage = await olaCtx.newPage();
    await pdfPage.setContent(html);
    mkdirSync('test-results/screens', { recursive: true });
    await pdfPage.pdf({ path: 'test-results/screens/team-letter-ola.pdf', format: 'A4', printBackground: true });
    await pdfPage.close();
    await preview.getByRole('button', { name: 'Lukk' }).last().click();

    // Kari: Innstillinger shows her own part and the unit's (read-only: IT's).
    await kari
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('button', { name: /Innstillinger/ })
      .click();
    const mine = kari.getByRole('form', { name: 'Min profil' });
    await expect(mine.getByLabel('Ditt navn')).toHaveValue('Kari Koordinator');
    await mine.getByLabel('Direktenummer (valgfritt)').fill('91 00 00 01');
    await mine.getByRole('button', { name: 'Lagre min profil' }).click();
    await expect(mine.getByText('Lagret.')).toBeVisible();
    const unit = kari.getByRole('form', { name: 'Enheten' });
    await expect(unit.getByLabel('Enhet', { exact: true })).toHaveValue('DPS Testby, poliklinikk');
    await expect(unit.getByLabel('Enhet', { exact: true })).toHaveAttribute('readonly', '');
    await expect(unit).toContainText('settes opp av IT');
    await kari.getByRole('heading', { name: 'Min profil' }).scrollIntoViewIfNeeded();
    await shots(kari, 'team-settings-people');

    // The log: Ola's entries by his login with his name beside it; the history moved from Kari's local database apart.
    const log = kari.getByRole('table', { name: 'Logg for hele arbeidslisten' });
    await expect(log.getByRole('row', { name: /ola – Ola Olsen/ }).first()).toBeVisible();
    await expect(log.getByRole('row', { name: /kari – Kari Koordinator/ }).first()).toBeVisible();
    const moved = kari.getByTestId('imported-log');
    await expect(moved.getByRole('heading')).toContainText('Historikk flyttet fra lokal database');
    await expect(moved).toContainText('Kun lesing');
    await moved.getByRole('button', { name: 'Kontroller den flyttede historikken' }).click();
    await expect(moved.getByRole('status')).toContainText('stemmer med kvitteringen i teamloggen');
    await expect(moved.getByRole('table', { name: 'Historikk flyttet fra lokal database' }).getByRole('row', { name: /Endret profil/ })).toHaveCount(1);
    await kari.getByRole('heading', { name: 'Logg og sikkerhet' }).scrollIntoViewIfNeeded();
    await shots(kari, 'team-audit-people');
    await moved.scrollIntoViewIfNeeded();
    await shots(kari, 'team-audit-moved');
  } finally {
    await kariCtx.close();
    await olaCtx.close();
    await kariApp.stop();
    await olaApp.stop();
  }
});
