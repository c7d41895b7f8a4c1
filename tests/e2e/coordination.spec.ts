import AxeBuilder from '@axe-core/playwright';
import { expect, openWithProfile, test } from './fixtures';
import { printPreviewToPdf } from './print';
import { isoDay, printed, referralInput, rpc, screen, shownDay, WorklistPage } from './pages/worklist';

test.afterEach(async ({ page }) => {
  await page.goto('about:blank');
});

test('a coordinator records the referrer, copies a prepared text, records Helfo notified, prints the breach letter, and adds a municipal contact', async ({ page, app, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
  await openWithProfile(page, app);
  const input = referralInput('Kari Testesen', '01868512381', -10);
  const created = (await rpc(page, app, 'referrals.create', { ...input, patient: { ...input.patient, address: 'Storgata 1', postalCode: '0155', postalPlace: 'Oslo' } })) as { pathwayId: number };
  // The legal deadline four days ahead and nothing booked: the breach warning is due.
  await rpc(page, app, 'pathways.assess', { pathwayId: created.pathwayId, rightsDecision: 'right', careKind: 'assessment', assessedOn: isoDay(-8), careDeadline: isoDay(4) });
  const wl = new WorklistPage(page);
  await page.reload();
  await wl.grid.waitFor();
  await wl.selectWithKeyboard('Kari Testesen');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Kari Testesen' })).toBeVisible();

  // Henviser: the referrer as its own record, then a prepared text copied for the record system.
  await page.getByRole('tab', { name: 'Henviser' }).click();
  await page.getByRole('button', { name: 'Registrer henviser' }).click();
  const form = page.getByRole('form', { name: 'Henviser' });
  await form.getByLabel('Virksomhet').fill('Storgata legesenter');
  await form.getByLabel('Henvisende lege/behandler').fill('Lege Lise');
  await form.getByLabel('Adresse').fill('Storgata 2');
  await form.getByLabel('Postnummer').fill('0155');
  await form.getByLabel('Poststed').fill('Oslo');
  await form.getByLabel('HER-id (hvis kjent)').fill('123456');
  await form.getByRole('button', { name: 'Lagre henviser' }).click();
  await expect(page.getByText('Storgata 2, 0155 Oslo')).toBeVisible();
  await expect(page.getByText(/Frist for når helsehjelpen \(utredning\) senest skal starte: /)).toBeVisible();
  await page.getByRole('button', { name: 'Kopier: Henvisningen er vurdert' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Kopiert' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('Til Lege Lise.');
  expect(copied).toContain(`senest skal starte: ${shownDay(4)}`);
  await page.screenshot({ path: screen('coordination-referrer'), fullPage: true });

  // Frist: the warning, Helfo notified, and the patient letter with Helfo's route.
  await page.getByRole('tab', { name: 'Frist' }).click();
  await expect(page.getByText(/Fristbrudd truer/)).toBeVisible();
  await page.getByRole('button', { name: 'Registrer Helfo varslet' }).click();
  await page.getByLabel('Dato Helfo ble varslet').fill(shownDay(0));
  await page.getByRole('form', { name: 'Helfo varslet' }).getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByText(`Helfo varslet: ${shownDay(0)}`)).toBeVisible();
  await page.getByRole('button', { name: 'Brev om fristbrudd' }).click();
  const text = await printPreviewToPdf(page, printed('breach-letter'));
  expect(text).toContain('Storgata 1');
  expect(text).toContain(`varslet Helfo ${shownDay(0)}`);
  expect(text).toContain('23 32 70 03');
  await page.keyboard.press('Escape');

  // Pårørende: the municipal contact named in the referral, with the date the municipality was contacted.
  await page.getByRole('tab', { name: 'Pårørende' }).click();
  await page.getByRole('button', { name: 'Legg til kontakt' }).click();
  const contact = page.getByRole('form', { name: 'Ny kontakt' });
  await contact.getByLabel('Navn').fill('Per Kommune');
  await contact.getByLabel('Virksomhet').fill('Oslo kommune');
  await contact.getByLabel('Nevnt i henvisningen').check();
  await contact.getByLabel('Kontaktet dato').fill(shownDay(-1));
  await contact.getByRole('button', { name: 'Lagre kontakt' }).click();
  await expect(page.getByText(`Kommunen kontaktet: ${shownDay(-1)}`)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Pasientens kontakter' })).toContainText('Per Kommune (nevnt i henvisningen)');
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});
