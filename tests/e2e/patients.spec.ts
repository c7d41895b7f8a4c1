import type { Page } from '@playwright/test';
import { expect, openWithProfile, test } from './fixtures';
import { shots } from './shots';
import { NoShowPages, typedDay } from './pages/no-show';
import { ReferralForm } from './pages/referral-form';
import { birthDateFromNationalId } from '../../shared/domain/national-id';

const KARI = {
  name: 'Kari Testesen',
  nationalId: '01868512381',
  address: 'Storgata 1',
  postalCode: '0155',
  postalPlace: 'Oslo',
  gp: 'Dr. Lege, Legesenteret',
  phone: '912 34 567',
};

async function addGpOffice(page: Page, app: { origin: string; token: string }) {
  const res = await page.request.post(`${app.origin}/rpc`, {
    headers: { Authorization: `Bearer ${app.token}` },
    data: { method: 'contacts.save', input: { name: KARI.gp, role: 'gp', address: 'Torget 1', postalCode: '0150', postalPlace: 'OSLO' } },
  });
  expect((await res.json()).ok).toBe(true);
}

test('a patient is corrected, the no-show case ends the pathway, and the closed patient is found again', async ({ page, app }) => {
  await openWithProfile(page, app);
  const ns = new NoShowPages(page);
  await addGpOffice(page, app);
  await ns.registerPatient(KARI);

  // "Endre pasient": a new address; the poststed comes from the postnummer.
  await page.getByRole('button', { name: 'Endre pasient' }).click();
  const edit = ns.dialog('Endre pasient');
  await ns.settled();
  await expect(edit.getByLabel('Navn', { exact: true })).toBeFocused();
  await edit.getByLabel('Telefon').fill('400 00 111');
  await edit.getByLabel('Adresse').fill('Nygårdsgaten 3');
  await edit.getByLabel('Postnummer').fill('5015');
  await edit.getByLabel('Poststed').fill('');
  await shots(page, 'patient-edit');
  await edit.getByRole('button', { name: 'Lagre pasient' }).click();
  // A postnummer the app does not know: the poststed must be typed.
  await expect(edit.getByLabel('Poststed')).toHaveAccessibleDescription(/Skriv poststed/);
  await expect(edit.getByLabel('Poststed')).toBeFocused();
  await edit.getByLabel('Postnummer').fill('5003');
  await edit.getByRole('button', { name: 'Lagre pasient' }).click();
  await edit.waitFor({ state: 'hidden' });
  const facts = page.getByRole('region', { name: 'Pasient' });
  await expect(facts).toContainText('400 00 111');
  await expect(facts).toContainText('Nygårdsgaten 3, 5003 BERGEN');
  await shots(page, 'patient-page');

  // A no-show worked to its close: "ikke nådd" before the answer date, with a reason, ending the pathway.
  await ns.tab('Timer');
  const day = typedDay(-3);
  await ns.book({ date: day, time: '10:00', clinician: 'Psykolog Berg', place: 'Rom 2' });
  await ns.markAppointment(day, '10:00', 'Ikke møtt');
  await ns.tab('Ikke møtt');
  const card = ns.caseCard(day, '10:00');
  await ns.recordAttempt(card, { date: typedDay(-2), time: '09:15', channel: 'Telefon', outcome: 'Ikke svar' });
  await ns.recordAttempt(card, { date: typedDay(-1), time: '14:30', channel: 'Telefon', outcome: 'Ikke svar' });
  expect(await ns.printAndClose(await ns.openLetter(card, 'pasienten'))).toContain('Registrert som skrevet ut og sendt');
  await ns.printAndClose(await ns.openLetter(card, 'henviser/fastlege'));
  await card.getByRole('button', { name: 'Avslutt saken' }).click();
  const closing = ns.dialog('Avslutt saken');
  await ns.settled();
  await closing.getByRole('radio', { name: 'Avsluttet – fikk ikke kontakt, henviser informert' }).check();
  await closing.getByLabel('Begrunnelse for å avslutte før svarfristen').fill('Pasienten har flyttet til Bergen');
  await closing.getByRole('radio', { name: 'Avslutt forløpet' }).check();
  await closing.getByRole('button', { name: 'Avslutt saken' }).click();
  await expect(closing.getByLabel('Hjelpebehov')).toHaveAccessibleDescription(/Velg hjelpebehov/);
  await closing.getByLabel('Hjelpebehov').selectOption({ index: 1 });
  await closing.getByRole('button', { name: 'Avslutt saken' }).click();
  await closing.waitFor({ state: 'hidden' });
  await ns.tab('Forløp');
  await expect(page.getByText('Avsluttet').first()).toBeVisible();

  // She has left the worklist; "Finn pasient" finds her with "Vis også avsluttede".
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Arbeidsliste', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Finn pasient' }).click();
  const find = ns.dialog('Finn pasient');
  await ns.settled();
  await expect(find.getByRole('searchbox', { name: 'Navn eller fødselsnummer' })).toBeFocused();
  await page.keyboard.type('kari test');
  await page.keyboard.press('Enter');
  await expect(find).toContainText('Ingen treff blant pasienter med åpne forløp');
  await find.getByRole('checkbox', { name: 'Vis også avsluttede' }).check();
  const hit = find.getByRole('list', { name: 'Treff' }).getByRole('listitem').filter({ hasText: 'Kari Testesen' });
  await expect(hit).toContainText('Avsluttet');
  await shots(page, 'find-patient');
  await hit.getByRole('button').click();
  await expect(page.getByRole('heading', { name: 'Kari Testesen', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Pasient' })).toContainText('Nygårdsgaten 3');
});

test('a new referral for a known national id shows stored and given details and keeps the chosen ones', async ({ page, app }) => {
  await openWithProfile(page, app);
  const ns = new NoShowPages(page);
  await ns.registerPatient(KARI);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Arbeidsliste', exact: true })).toBeVisible();

  // The same national id, a new address and phone.
  const form = new ReferralForm(page);
  await form.open();
  await form.fill({
    name: KARI.name,
    nationalId: KARI.nationalId,
    birthDate: (birthDateFromNationalId(KARI.nationalId) ?? '').split('-').reverse().join('.'),
    pathwayType: 'D01 Tverrfaglig spesialisert rusbehandling (TSB)',
    received: typedDay(-1),
    municipalityNumber: '0301',
  });
  const dialog = form.dialog;
  await dialog.getByLabel('Adresse', { exact: true }).fill('Nygårdsgaten 3');
  await dialog.getByLabel('Postnummer').fill('5003');
  await dialog.getByLabel('Poststed').fill('BERGEN');
  await dialog.getByLabel('Fastlege').fill(KARI.gp);
  await dialog.getByLabel('Telefon', { exact: true }).fill('400 00 111');
  await form.submit();
  const compare = dialog.getByRole('table', { name: 'Lagret og oppgitt' });
  await expect(compare).toBeVisible();
  await expect(compare.getByRole('row', { name: /Adresse/ })).toContainText('Storgata 1');
  await expect(compare.getByRole('row', { name: /Adresse/ })).toContainText('Nygårdsgaten 3');
  await expect(compare.getByRole('row', { name: /Telefon/ })).toContainText('400 00 111');
  await shots(page, 'referral-known-patient');
  await expect(dialog.getByRole('radio', { name: 'Behold de lagrede opplysningene' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('radio', { name: 'Bruk opplysningene fra henvisningen' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Registrer henvisning' }).click();
  await expect(page.getByRole('heading', { name: 'Kari Testesen', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Pasient' })).toContainText('Nygårdsgaten 3, 5003 BERGEN');
  await expect(page.getByRole('region', { name: 'Pasient' })).toContainText('400 00 111');
});
