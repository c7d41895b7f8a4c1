import { readFileSync } from 'node:fs';
import { E2E_PIN, expect, openWithProfile, test } from './fixtures';
import { ReferralForm } from './pages/referral-form';
import { openPatient, openSettings, rpc, today } from './pages/trust';
import { referralInput } from './pages/worklist';
import { printPreviewToPdf } from './print';
import { birthDateFromNationalId } from '../../shared/domain/national-id';

const XSS_NAME = '<img src=x onerror=alert(1)>';

test('after the idle time the window locks, hides every patient name, and the PIN unlocks it', async ({ page, app, request }) => {
  await page.clock.install();
  await openWithProfile(page, app);
  await rpc(request, app, 'referrals.create', referralInput('Ola Låsetest', '01868512381', 0));

  // The idle time is a setting (Innstillinger › Automatisk låsing), saved through security.saveSettings.
  await openSettings(page, 'Automatisk låsing');
  await page.getByLabel('Lås vinduet etter').selectOption({ label: '1 minutt' });
  await expect(page.getByText('Lagret.')).toBeVisible();

  await openPatient(page, /Ola Låsetest/);
  await expect(page.getByRole('heading', { name: 'Ola Låsetest' })).toBeVisible();

  await page.clock.fastForward('02:00');
  await expect(page.getByRole('heading', { name: 'Forløpsbenk er låst' })).toBeVisible();
  // Nothing of the patient is on screen or in the page at all.
  await expect(page.getByText('Ola Låsetest')).toHaveCount(0);
  expect(await page.content()).not.toContain('Låsetest');
  await page.screenshot({ path: 'test-results/screens/lock-screen.png' });

  // The core refuses patient data while locked, whatever the page asks.
  const locked = await request.post(`${app.origin}/rpc`, { data: { method: 'worklist.list', input: {} }, headers: { Authorization: `Bearer ${app.token}` } });
  expect(await locked.json()).toMatchObject({ ok: false, error: { code: 'locked' } });

  await page.getByLabel('PIN-kode', { exact: true }).fill('1357');
  await page.getByRole('button', { name: 'Lås opp' }).click();
  await expect(page.getByLabel('PIN-kode', { exact: true })).toHaveAccessibleDescription(/Feil PIN-kode/);
  await expect(page.getByText('Ola Låsetest')).toHaveCount(0);

  await page.getByLabel('PIN-kode', { exact: true }).fill(E2E_PIN);
  await page.getByRole('button', { name: 'Lås opp' }).click();
  await expect(page.getByRole('heading', { name: 'Ola Låsetest' })).toBeVisible();
});

test('script in free-text fields shows as plain text on the worklist, the patient page and in the printed log', async ({ page, app, request }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await openWithProfile(page, app);
  // The profile's free text goes into every letterhead.
  await rpc(request, app, 'profile.save', {
    coordinatorName: 'Kari Koordinator',
    unitName: 'DPS <script>alert(2)</script>',
    unitPhone: '22 33 44 55',
    unitAddress: '<svg onload=alert(3)>',
  });

  const form = new ReferralForm(page);
  await form.register(XSS_NAME, today().typed);
  await expect(page.getByRole('heading', { name: XSS_NAME })).toBeVisible();

  // Other free-text fields, through the same contract.
  await rpc(request, app, 'referrals.create', {
    patient: {
      name: '"><script>alert(4)</script>',
      nationalId: '01819900198',
      birthDate: '1999-01-01',
      phone: '',
      address: '<iframe src="javascript:alert(5)">',
      postalCode: '0155',
      postalPlace: '<b onmouseover=alert(6)>Oslo</b>',
      municipalityNumber: '',
      gpName: "'; alert(7); '",
    },
    pathway: { pathwayType: 'adult_mental', setting: 'outpatient', referralReceived: today().iso, referralAssessed: null },
  });

  await page.keyboard.press('Escape');
  const grid = page.getByRole('grid', { name: 'Arbeidsliste' });
  await expect(grid.getByRole('row', { name: /<img src=x onerror=alert\(1\)>/ })).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/xss-worklist.png' });

  await grid.getByRole('row', { name: /<img src=x/ }).dblclick();
  await expect(page.getByRole('heading', { name: XSS_NAME })).toBeVisible();
  await page.getByRole('tab', { name: 'Logg' }).click();
  await expect(page.getByRole('table', { name: 'Logg for pasienten' })).toContainText('Åpnet pasientsiden');
  await page.getByRole('button', { name: 'Skriv ut / PDF' }).click();
  const text = await printPreviewToPdf(page, 'test-results/print/patient-log-xss.pdf');
  expect(text).toContain(XSS_NAME);
  expect(text).toContain('DPS <script>alert(2)</script>');
  expect(text).toContain('<svg onload=alert(3)>');
  expect(text).toContain('Logg over tilgang og endringer');
  const frame = page.frameLocator('[data-testid="print-preview"]');
  await expect(frame.locator('img, svg, script')).toHaveCount(0);
  await page.getByRole('dialog', { name: 'Logg over tilgang' }).getByRole('button', { name: 'Lukk' }).last().click();

  // The second patient's other free-text fields on its page.
  await openPatient(page, /alert\(4\)/);
  await expect(page.getByRole('heading', { name: '"><script>alert(4)</script>' })).toBeVisible();
  await expect(page.getByText('<iframe src="javascript:alert(5)">', { exact: false })).toBeVisible();
  await expect(page.getByText('<b onmouseover=alert(6)>Oslo</b>', { exact: false })).toBeVisible();
  await expect(page.getByText("'; alert(7); '")).toBeVisible();
  await expect(page.locator('iframe:not([data-testid]), b')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/xss-patient.png' });
  expect(dialogs).toEqual([]);
});

test("a patient's log: viewer by period, CSV export, and the chain check in settings", async ({ page, app }) => {
  await openWithProfile(page, app);
  const form = new ReferralForm(page);
  await form.register('Liv Loggsen', today().typed);
  await page.getByRole('tab', { name: 'Logg' }).click();
  const table = page.getByRole('table', { name: 'Logg for pasienten' });
  await expect(table).toContainText('Åpnet pasientsiden');
  await expect(table).toContainText('Registrerte pasient');
  await expect(table).toContainText('Kari Koordinator');
  await page.screenshot({ path: 'test-results/screens/patient-log.png' });

  // A period before today shows nothing.
  await page.getByLabel('Til dato').fill('01.01.2020');
  await page.getByLabel('Til dato').press('Tab');
  await expect(page.getByText('Ingen hendelser i perioden.')).toBeVisible();
  await page.getByLabel('Til dato').fill('');
  await page.getByLabel('Til dato').press('Tab');
  await expect(table).toContainText('Åpnet pasientsiden');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Eksporter CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^logg-pasient-\d+-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await file.path())!, 'utf8');
  expect(csv.startsWith('\uFEFFTidspunkt;Bruker;Handling;Type;Post-id;Logg-id\r\n')).toBe(true);
  expect(csv).toContain(';Åpnet pasientsiden;pasient;');
  expect(csv).not.toContain('Loggsen');

  await openSettings(page, 'Logg og sikkerhet');
  await page.getByRole('button', { name: 'Kontroller loggen' }).click();
  await expect(page.getByText(/Loggen er hel: \d+ hendelser kontrollert/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Logg for hele arbeidslisten' })).toContainText('Eksporterte loggen (CSV)');
  await page.getByRole('heading', { name: 'Logg og sikkerhet' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/settings-audit.png' });
});

test('a backup on demand shows in the status bar; restoring it brings back that state after a confirmation', async ({ page, app, request }) => {
  await openWithProfile(page, app);
  const make = (name: string, nationalId: string) =>
    rpc(request, app, 'referrals.create', {
      patient: {
        name,
        nationalId,
        birthDate: birthDateFromNationalId(nationalId) ?? '1985-06-01',
        phone: '',
        address: '',
        postalCode: '',
        postalPlace: '',
        municipalityNumber: '',
        gpName: '',
      },
      pathway: { pathwayType: 'adult_mental', setting: 'outpatient', referralReceived: today().iso, referralAssessed: null },
    });
  await make('Før Kopien', '01868512381');

  await openSettings(page, 'Sikkerhetskopier');
  await page.getByRole('button', { name: 'Ta sikkerhetskopi nå' }).click();
  await expect(page.getByText(/Sikkerhetskopi tatt og kontrollert \d{2}\.\d{2}\.\d{4}/)).toBeVisible();
  await expect(page.getByTestId('backup-status')).toHaveText(/Sist kontrollerte sikkerhetskopi: \d{2}\.\d{2}\.\d{4} kl\. \d{2}:\d{2}/);
  const backups = page.getByRole('table', { name: 'Sikkerhetskopier' });
  await expect(backups.getByRole('row', { name: /Tatt for hånd/ })).toBeVisible();
  await page.getByRole('heading', { name: 'Sikkerhetskopier' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/settings-backups.png' });

  await make('Etter Kopien', '01819900198');
  await page.getByRole('button', { name: 'Arbeidsliste' }).click();
  await expect(page.getByRole('grid', { name: 'Arbeidsliste' }).getByRole('row', { name: /Etter Kopien/ })).toBeVisible();

  await openSettings(page, 'Sikkerhetskopier');
  await backups
    .getByRole('row', { name: /Tatt for hånd/ })
    .getByRole('button', { name: 'Gjenopprett …' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Gjenopprett sikkerhetskopi' });
  await expect(dialog).toContainText('Dagens database tas vare på i en egen mappe');
  await page.screenshot({ path: 'test-results/screens/restore-confirm.png' });
  await dialog.getByRole('button', { name: 'Gjenopprett' }).click();
  await expect(dialog.getByText(/Gjenopprettet\. Dagens database er lagt til side i mappen «restore-aside»/)).toBeVisible();
  await expect(dialog.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  await page.screenshot({ path: 'test-results/screens/restore-done.png' });
  await dialog.getByRole('button', { name: 'Lukk og last inn på nytt' }).click();

  await page.getByRole('button', { name: 'Arbeidsliste' }).click();
  const grid = page.getByRole('grid', { name: 'Arbeidsliste' });
  await expect(grid.getByRole('row', { name: /Før Kopien/ })).toBeVisible();
  await expect(grid.getByRole('row', { name: /Etter Kopien/ })).toHaveCount(0);
});

test('the CSP of the built page blocks inline script, also from the meta tag alone (as in Electron)', async ({ page, app }) => {
  // Electron loads the file without HTTP headers: drop the server's CSP header so only the meta tag counts.
  await page.route(
    (url) => url.pathname === '/' || url.pathname === '/index.html',
    async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers['content-security-policy'];
      await route.fulfill({ response, headers });
    },
  );
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Velkommen til Forløpsbenk' })).toBeVisible();
  const result = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true;';
    document.body.appendChild(script);
    const img = document.createElement('img');
    img.setAttribute('src', 'x');
    img.setAttribute('onerror', 'window.__handlerRan = true');
    document.body.appendChild(img);
    await new Promise((r) => setTimeout(r, 200));
    const w = window as unknown as { __inlineRan?: boolean; __handlerRan?: boolean };
    return { inline: w.__inlineRan ?? false, handler: w.__handlerRan ?? false, violations };
  });
  expect(result).toMatchObject({ inline: false, handler: false });
  expect(result.violations).toEqual(expect.arrayContaining(['script-src-elem', 'script-src-attr']));
});

test('a worklist search is logged once when typing rests or a row is opened, not once per keystroke', async ({ page, app, request }) => {
  await openWithProfile(page, app);
  await rpc(request, app, 'referrals.create', referralInput('Ola Søkelogg', '01868512381', 0));
  const searches = async () =>
    (await rpc<{ entries: { action: string }[] }>(request, app, 'audit.list', { limit: 500 })).entries.filter((e) => e.action === 'worklist.search').length;
  await page.reload();
  const grid = page.getByRole('grid', { name: 'Arbeidsliste' });
  await grid.waitFor();
  const search = page.getByRole('searchbox', { name: /Søk på navn eller fødselsnummer/ });
  await search.pressSequentially('Søkelogg', { delay: 30 });
  await expect(grid.getByRole('row', { name: /Ola Søkelogg/ })).toBeVisible();
  await expect.poll(searches).toBe(1);
  // A new search, and the row opened from it at once: logged when opened (or when the typing rested), once.
  await search.fill('');
  await search.pressSequentially('Ola', { delay: 30 });
  await grid.getByRole('row', { name: /Ola Søkelogg/ }).dblclick();
  await expect(page.getByRole('heading', { name: 'Ola Søkelogg' })).toBeVisible();
  await expect.poll(searches).toBe(2);
  await page.waitForTimeout(1200); // past the pause: the opened search is not logged again
  expect(await searches()).toBe(2);
});
