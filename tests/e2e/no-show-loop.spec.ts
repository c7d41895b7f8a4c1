import { answerDiscard, expect, openWithProfile, test } from './fixtures';
import { shots } from './shots';
import { NoShowPages, typedDay } from './pages/no-show';
import { printPreviewToPdf } from './print';

// No address for the GP in the directory: the referrer letter cannot be posted.
const PER = {
  name: 'Per Utenadresse',
  nationalId: '01868510028',
  address: 'Bygata 5',
  postalCode: '0450',
  postalPlace: 'Oslo',
  gp: 'Fastlege Fjeld',
  phone: '47 11 22 33',
};

test('an unpostable letter warns, "Nei" leaves it a draft, "Ja" is not counted as sent; a duplicate attempt is refused; an escalated case waits in its list until the answer', async ({
  page,
  app,
}) => {
  await openWithProfile(page, app);
  const ns = new NoShowPages(page);
  await ns.registerPatient(PER);
  await ns.tab('Timer');
  const day = typedDay(-2);
  await ns.book({ date: day, time: '09:00', clinician: 'Lege Lie', place: 'Rom 1' });
  await ns.markAppointment(day, '09:00', 'Ikke møtt');
  await ns.tab('Ikke møtt');
  const card = ns.caseCard(day, '09:00');

  // The same attempt twice within a minute: the server's refusal shows next to the time.
  await ns.recordAttempt(card, { date: typedDay(-1), time: '10:00', channel: 'Telefon', outcome: 'Ikke svar' });
  await card.getByRole('button', { name: 'Registrer kontaktforsøk' }).click();
  const again = ns.dialog('Registrer kontaktforsøk');
  await ns.settled();
  await again.getByLabel('Dato').fill(typedDay(-1));
  await again.getByLabel('Klokkeslett').fill('10:00');
  await again.getByLabel('Kanal').selectOption({ label: 'Telefon' });
  await again.getByLabel('Utfall').selectOption({ label: 'Ikke svar' });
  await again.getByRole('button', { name: 'Lagre kontaktforsøk' }).click();
  await expect(again.getByLabel('Klokkeslett')).toHaveAccessibleDescription(/allerede registrert innenfor ett minutt/);
  await page.screenshot({ path: 'test-results/screens/noshow-duplicate-attempt.png' });
  await again.getByRole('button', { name: 'Avbryt' }).click();
  await answerDiscard(page, true); // closing with typed values asks first (never lose typed work)
  await expect(card.getByRole('table', { name: 'Kontaktforsøk' }).getByRole('row')).toHaveCount(2);

  // The referrer letter: the warning before printing.
  const preview = await ns.openLetter(card, 'henviser/fastlege');
  await expect(preview.getByText('Kontroller brevet før det skrives ut:')).toBeVisible();
  await expect(preview).toContainText('Henviser eller fastlege mangler postadresse');
  await printPreviewToPdf(page, 'test-results/print/noshow-referrer-unpostable.pdf');
  await shots(page, 'noshow-letter-warning');
  // The print dialog closed, but nothing came out: "Nei" keeps it a draft.
  await preview.getByRole('button', { name: 'Skriv ut / lagre som PDF' }).click();
  await expect(preview.getByText('Ble brevet skrevet ut?')).toBeVisible();
  await expect(preview.getByRole('button', { name: 'Ja', exact: true })).toBeFocused();
  await shots(page, 'noshow-print-ask');
  await preview.getByRole('button', { name: 'Nei', exact: true }).click();
  await preview.getByRole('button', { name: 'Lukk' }).last().click();
  await expect(card.getByRole('table', { name: 'Brev' })).toContainText('Ikke skrevet ut (utkast)');

  // Printed after all: logged, but it cannot be posted, so it is not counted as sent.
  await card.getByRole('table', { name: 'Brev' }).getByRole('button', { name: 'Vis og skriv ut' }).click();
  const reprint = ns.dialog('Sendt brev');
  await reprint.waitFor();
  await ns.settled();
  await reprint.getByRole('button', { name: 'Skriv ut / lagre som PDF' }).click();
  await reprint.getByRole('button', { name: 'Ja', exact: true }).click();
  await expect(reprint.getByRole('status')).toContainText('Brevet mangler full postadresse og er ikke regnet som sendt.');
  await shots(page, 'noshow-not-counted');
  await reprint.getByRole('button', { name: 'Lukk' }).last().click();
  await expect(card.getByRole('list', { name: 'Steg i saken' })).toContainText('○ Brev til henviser/fastlege');

  // Escalated: the case waits in "Eskalert" on the queue screen until the clinician's answer is recorded.
  await card.getByRole('button', { name: 'Meld til behandler' }).click();
  const esc = ns.dialog('Meld til behandler');
  await ns.settled();
  await esc.getByRole('textbox', { name: 'Behandler' }).fill('Psykolog Berg');
  await esc.getByRole('button', { name: 'Meld til behandler' }).click();
  await esc.waitFor({ state: 'hidden' });
  await expect(card).toContainText('Venter på svar fra behandler');
  await page
    .getByRole('navigation', { name: 'Hovedmeny' })
    .getByRole('button', { name: /Ikke møtt/ })
    .click();
  const escalated = page.getByRole('table', { name: 'Eskalert' });
  const row = escalated.getByRole('row', { name: /Per Utenadresse/ });
  await expect(row).toContainText('47 11 22 33');
  await expect(row).toContainText('Psykolog Berg');
  await shots(page, 'noshow-escalated');
  await row.getByRole('button', { name: 'Registrer svar' }).click();
  const answer = ns.dialog('Svar fra behandler');
  await ns.settled();
  await expect(answer.getByLabel('Svar fra behandler')).toBeFocused();
  await page.keyboard.type('Behandler ringer pasienten selv i dag');
  await answer.getByRole('button', { name: 'Lagre svar' }).click();
  await answer.waitFor({ state: 'hidden' });
  await expect(page.getByRole('table', { name: 'Eskalert' })).toHaveCount(0);
});
