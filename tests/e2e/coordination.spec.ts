import AxeBuilder from '@axe-core/playwright';
import { expect, openWithProfile, test } from './fixtures';
import { printPreviewToPdf } from './print';
import { shots } from './shots';
import { isoDay, printed, referralInput, rpc, screen, shownDay, WorklistPage } from './pages/worklist';

/** A synthetic (Tenor, month + 80) fødselsnummer for a birth date in 2000–2039, with valid check digits. */
function syntheticFnr(birth: string): string {
  const [y, m, d] = birth.split('-');
  for (let ind = 500; ind < 1000; ind++) {
    const digits = `${d}${Number(m) + 80}${y!.slice(2)}${ind}`.split('').map(Number);
    const k1 = (11 - (digits.reduce((s, x, i) => s + x * [3, 7, 6, 1, 8, 9, 4, 5, 2][i]!, 0) % 11)) % 11;
    if (k1 === 10) continue;
    const k2 = (11 - ([...digits, k1].reduce((s, x, i) => s + x * [5, 4, 3, 2, 7, 6, 5, 4, 3, 2][i]!, 0) % 11)) % 11;
    if (k2 === 10) continue;
    return `${digits.join('')}${k1}${k2}`;
  }
  throw new Error('no synthetic number');
}

test.afterEach(async ({ page }) => {
  await page.goto('about:blank');
});

test('a coordinator records the referrer, copies a prepared text, records Helfo notified, prints the breach letter, and adds a municipal contact', async ({
  page,
  app,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
  await openWithProfile(page, app);
  const input = referralInput('Kari Testesen', '01868512381', -10);
  const created = (await rpc(page, app, 'referrals.create', {
    ...input,
    patient: { ...input.patient, address: 'Storgata 1', postalCode: '0155', postalPlace: 'Oslo' },
  })) as { pathwayId: number };
  // The legal deadline four days ahead and nothing booked: the breach warning is due.
  await rpc(page, app, 'pathways.assess', {
    pathwayId: created.pathwayId,
    rightsDecision: 'right',
    careKind: 'assessment',
    assessedOn: isoDay(-8),
    careDeadline: isoDay(4),
  });
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

test('guardians of a 14-year-old get letters unless the patient does not want it; interpreter and pregnancy on a TSB pathway', async ({ page, app }) => {
  await openWithProfile(page, app);
  const birth = isoDay(-(14 * 365 + 100));
  const young = referralInput('Ola Ung', syntheticFnr(birth), -3, 'child_mental');
  await rpc(page, app, 'referrals.create', { ...young, patient: { ...young.patient, birthDate: birth } });
  await rpc(page, app, 'referrals.create', referralInput('Kari Testesen', '01868512381', -3, 'tsb'));
  const wl = new WorklistPage(page);
  await page.reload();
  await wl.grid.waitFor();
  await wl.selectWithKeyboard('Ola Ung');
  await page.keyboard.press('Enter');
  await page.getByRole('tab', { name: 'Pårørende' }).click();
  await expect(page.getByText(/Pasienten er 14 år\. Pasienten får selv brev/)).toBeVisible();
  for (const [name, consent] of [
    ['Mor Ung', 'Ikke avklart'],
    ['Far Ung', 'Ønsker ikke'],
  ] as const) {
    await page.getByRole('button', { name: 'Legg til foresatt' }).click();
    const form = page.getByRole('form', { name: 'Ny foresatt' });
    await form.getByLabel('Navn').fill(name);
    await form.getByLabel('Samtykke til informasjon').selectOption({ label: consent });
    if (consent !== 'Ikke avklart') await form.getByLabel('Samtykke registrert').fill(shownDay(0));
    await form.getByRole('button', { name: 'Lagre foresatt' }).click();
    await expect(form).toBeHidden();
  }
  const table = page.getByRole('table', { name: 'Foresatte' });
  await expect(table.getByRole('row', { name: /Mor Ung/ })).toContainText('Foreldreansvar, pasienten er under 16 år');
  await expect(table.getByRole('row', { name: /Far Ung/ })).toContainText('ønsker ikke at denne informeres');
  await page.screenshot({ path: screen('coordination-guardians'), fullPage: true });
  await shots(page, 'coordination-guardians');

  await page.keyboard.press('Escape');
  await wl.grid.waitFor();
  await wl.selectWithKeyboard('Kari Testesen');
  await page.keyboard.press('Enter');
  await page.getByRole('tab', { name: 'Frist' }).click();
  await page.getByRole('button', { name: 'Endre tolk og graviditet' }).click();
  const care = page.getByRole('form', { name: 'Tolk og graviditet' });
  await care.getByLabel('Tolkebehov').selectOption({ label: 'Trenger tolk' });
  await care.getByLabel('Språk').fill('Tigrinja');
  await care.getByLabel('Gravid').check();
  await care.getByLabel('Avrusning avsluttet').fill(shownDay(0));
  await care.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByText(`Tolk: Trenger tolk (Tigrinja), registrert ${shownDay(0)}`)).toBeVisible();
  await expect(page.getByText(`videre behandling etter avrusning skal starte ${shownDay(0)} (0 dager)`)).toBeVisible();
  await page.screenshot({ path: screen('coordination-deadline'), fullPage: true });
});
