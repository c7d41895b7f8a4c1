import { syntheticNationalId } from '../../shared/domain/national-id';
import { expect, openWithProfile, test } from './fixtures';
import { printPreviewToPdf } from './print';
import { NoShowPages } from './pages/no-show';
import { isoDay, printed, referralInput, rpc, shownDay, WorklistPage } from './pages/worklist';
import { shots } from './shots';
import { MeetingForm } from './pages/meetings';

test.afterEach(async ({ page }) => {
  await page.goto('about:blank');
});

test("a 15-year-old's letters: the mother with parental responsibility gets her own sheet, the father the patient refused does not; the referrer letter and message use the referrer record", async ({
  page,
  app,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
  await openWithProfile(page, app);
  const birth = isoDay(-(15 * 365 + 100));
  let fnr: string | null = null;
  for (let i = 500; !fnr; i++) fnr = syntheticNationalId(birth, i);
  const young = referralInput('Ola Ung', fnr, -20, 'child_mental');
  await rpc(page, app, 'referrals.create', {
    ...young,
    patient: { ...young.patient, birthDate: birth, address: 'Storgata 1', postalCode: '0155', postalPlace: 'Oslo' },
  });
  const wl = new WorklistPage(page);
  await page.reload();
  await wl.grid.waitFor();
  await wl.selectWithKeyboard('Ola Ung');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Ola Ung', level: 1 })).toBeVisible();

  // Pårørende: the mother with an address, the father the patient does not want informed.
  await page.getByRole('tab', { name: 'Pårørende' }).click();
  for (const g of [
    { name: 'Mor Ung', address: 'Lillegata 3', consent: 'Ikke avklart' },
    { name: 'Far Ung', address: 'Bygata 9', consent: 'Ønsker ikke' },
  ]) {
    await page.getByRole('button', { name: 'Legg til foresatt' }).click();
    const form = page.getByRole('form', { name: 'Ny foresatt' });
    await form.getByLabel('Navn').fill(g.name);
    await form.getByLabel('Adresse').fill(g.address);
    await form.getByLabel('Postnummer').fill('0160');
    await form.getByLabel('Poststed').fill('Oslo');
    await form.getByLabel('Samtykke til informasjon').selectOption({ label: g.consent });
    if (g.consent !== 'Ikke avklart') await form.getByLabel('Samtykke registrert').fill(shownDay(0));
    await form.getByRole('button', { name: 'Lagre foresatt' }).click();
    await expect(form).toBeHidden();
  }
  const guardians = page.getByRole('table', { name: 'Foresatte' });
  await expect(guardians.getByRole('row', { name: /Mor Ung/ })).toContainText('Foreldreansvar, pasienten er under 16 år');

  // Henviser: the referrer record with a full postal address.
  await page.getByRole('tab', { name: 'Henviser' }).click();
  await page.getByRole('button', { name: 'Registrer henviser' }).click();
  const ref = page.getByRole('form', { name: 'Henviser' });
  await ref.getByLabel('Virksomhet').fill('Storgata legesenter');
  await ref.getByLabel('Henvisende lege/behandler').fill('Lege Lise');
  await ref.getByLabel('Adresse').fill('Storgata 2');
  await ref.getByLabel('Postnummer').fill('0155');
  await ref.getByLabel('Poststed').fill('Oslo');
  await ref.getByRole('button', { name: 'Lagre henviser' }).click();
  await expect(page.getByText('Storgata 2, 0155 Oslo')).toBeVisible();

  // A missed appointment and one attempt, then the letters.
  const ns = new NoShowPages(page);
  await ns.tab('Timer');
  await ns.book({ date: shownDay(-3), time: '10:00', clinician: 'Psykolog Berg', place: 'BUP, rom 2' });
  await ns.markAppointment(shownDay(-3), '10:00', 'Ikke møtt');
  await page.getByRole('button', { name: 'Gå til saken' }).click();
  const card = ns.caseCard(shownDay(-3), '10:00');
  await ns.recordAttempt(card, { date: shownDay(-2), time: '09:15', channel: 'Telefon', outcome: 'Ikke svar' });

  const letter = await ns.openLetter(card, 'pasienten');
  const text = (await printPreviewToPdf(page, printed('family-patient-letter'))).replace(/\s+/g, ' ');
  expect(text).toContain('Ola Ung Storgata 1 0155 Oslo');
  expect(text).toContain('Mor Ung Lillegata 3 0160 Oslo');
  expect(text).toContain('Til Mor Ung. Du får dette brevet fordi du har foreldreansvar for Ola Ung.');
  expect(text).not.toContain('Far Ung');
  await ns.printAndClose(letter);

  const referrer = await ns.openLetter(card, 'henviser/fastlege');
  const refText = (await printPreviewToPdf(page, printed('family-referrer-letter'))).replace(/\s+/g, ' ');
  expect(refText).toContain('Storgata legesenter v/ Lege Lise Storgata 2 0155 Oslo');
  expect(refText).toMatch(/Gjelder: Ola Ung, født \d\d\.\d\d\.\d{4}/);
  await ns.printAndClose(referrer);

  // The prepared "did not attend" message for the record system, copied.
  await page.getByRole('tab', { name: 'Henviser' }).click();
  await page.getByRole('button', { name: 'Kopier: Pasienten møtte ikke' }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('Til Lege Lise.');
  expect(copied).toContain(`Pasienten møtte ikke til avtalt time ${shownDay(-3)} kl. 10:00.`);
  await shots(page, 'family-referrer');

  // A meeting planned from the patient page: the mother is suggested (the father is not); the invitation letter goes
  // to Ola and to the mother, each a sheet of its own.
  await page.getByRole('tab', { name: 'Møter' }).click();
  await page.getByRole('button', { name: 'Planlegg møte' }).first().click();
  const form = new MeetingForm(page);
  await form.waitOpen();
  await form.fill({ kind: 'Evaluering', date: shownDay(7), time: '10:00', place: 'BUP Testby, møterom 1' });
  await expect(form.dialog.getByRole('button', { name: /^Legg til Far Ung/ })).toHaveCount(0);
  await expect(form.participants()).toContainText('Ola Ung'); // the patient is there from the start
  await expect(form.dialog.getByRole('button', { name: /^Legg til Mor Ung/ })).toContainText('Mor Ung');
  await shots(page, 'meeting-form-guardian');
  await form.addSuggestion('Mor Ung');
  await expect(form.participants()).toContainText('Mor Ung');
  await form.save();
  await expect(form.dialog).toBeHidden();
  // Saving opens the meeting.
  await expect(page.getByRole('heading', { name: new RegExp(`${shownDay(7)} kl. 10:00`) })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Innkalling i brev' })).toBeVisible();
  await shots(page, 'meeting-detail');
  await page.getByRole('button', { name: 'Innkalling i brev' }).click();
  const invitation = page.getByRole('dialog', { name: 'Innkalling' });
  await expect(invitation).toContainText('Innkallingen går til:');
  await expect(invitation).toContainText('Mor Ung – Foreldreansvar, pasienten er under 16 år');
  await shots(page, 'family-invitation');
  const inv = (await printPreviewToPdf(page, printed('family-invitation'))).replace(/\s+/g, ' ');
  expect(inv).toContain('Innkalling til samarbeidsmøte');
  expect(inv).toContain(`${shownDay(7)} kl. 10:00–11:00`);
  expect(inv).toContain('Mor Ung Lillegata 3 0160 Oslo');
  expect(inv).not.toContain('Far Ung');
});
