import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { expect, openWithProfile, test } from './fixtures';
import { MeetingForm, wednesdayNextWeek } from './pages/meetings';
import { ReferralForm } from './pages/referral-form';
import { printPreviewToPdf } from './print';
import { shots } from './shots';

const PATIENT = {
  name: 'Kari Testesen',
  nationalId: '01868512381',
  birthDate: '01.06.1985',
  pathwayType: 'D11 Psykiske lidelser – voksne',
  received: '02.11.2026',
  municipalityNumber: '0301',
};

test('plan an evaluation meeting with the municipal coordinator from the directory, see a double booking, print the agenda and minutes, export ICS', async ({
  page,
  app,
}) => {
  await openWithProfile(page, app);

  // The directory: a municipal coordinator in Oslo.
  await page.getByRole('button', { name: /^Kontakter/ }).click();
  await expect(page.getByText('Kontaktlisten er tom')).toBeVisible();
  await page.keyboard.press('n');
  const contact = page.getByRole('dialog', { name: 'Ny kontakt' });
  await contact.getByLabel('Navn', { exact: true }).fill('Ola Hansen');
  await contact.getByLabel('Rolle').selectOption({ label: 'Koordinator i kommunen' });
  await contact.getByLabel('Organisasjon').fill('Oslo kommune, koordinerende enhet');
  await contact.getByLabel('Kommune').selectOption({ label: 'Oslo (0301)' });
  await contact.getByLabel('E-post').fill('ola.hansen@oslo.kommune.no');
  await contact.getByRole('button', { name: 'Lagre kontakt' }).click();
  await page.getByLabel('Søk på navn eller organisasjon (/)').fill('hans');
  await expect(page.getByRole('table', { name: 'Kontakter' }).getByRole('row', { name: /Ola Hansen/ })).toContainText('Koordinator i kommunen');
  await page.screenshot({ path: 'test-results/screens/contacts.png' });

  // The patient, living in Oslo.
  await page.getByRole('button', { name: /^Arbeidsliste/ }).click();
  const referral = new ReferralForm(page);
  await referral.open();
  await referral.fill(PATIENT);
  await referral.submit();
  await expect(page.getByRole('heading', { name: 'Kari Testesen' })).toBeVisible();

  // Plan the evaluation meeting from the patient page; Oslo suggests its coordinator.
  await page.getByRole('tab', { name: 'Møter' }).click();
  await page.getByRole('button', { name: 'Planlegg møte' }).click();
  const form = new MeetingForm(page);
  await form.waitOpen();
  const day = wednesdayNextWeek();
  await form.fill({ kind: 'Evaluering', date: day.typed, time: '10:00', duration: '1 t 30 min', place: 'Møterom Ærfugl, DPS Testby' });
  await form.addSuggestion('Ola Hansen');
  await expect(form.participants().getByRole('row', { name: /Ola Hansen/ })).toBeVisible();
  await form.dialog.getByRole('checkbox', { name: 'Samtykket dekker Ola Hansen' }).check();
  await expect(form.participants().getByRole('row', { name: /Kari Testesen/ })).toContainText('Pasienten selv');
  await shots(page, 'meeting-form');
  await form.save();

  await expect(page.getByRole('heading', { name: /^Evaluering – / })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Deltakere' })).toContainText('Koordinator i kommunen');
  await expect(page.getByRole('textbox', { name: 'Punkt 1', exact: true })).toHaveValue('Opplever pasienten behandlingen som nyttig?');

  // The printed agenda: kind, time, place, participants with roles, items — and only initials and birth year.
  await page.getByRole('button', { name: 'Skriv ut dagsorden' }).click();
  const agendaText = await printPreviewToPdf(page, 'test-results/print/meeting-agenda.pdf');
  expect(agendaText).toContain('Dagsorden – samarbeidsmøte');
  expect(agendaText).toContain('Evaluering');
  expect(agendaText).toContain(`${day.typed} kl. 10:00–11:30`);
  expect(agendaText).toContain('Møterom Ærfugl, DPS Testby');
  expect(agendaText).toMatch(/Ola Hansen\s+Koordinator i kommunen/);
  expect(agendaText).toContain('K. T., født 1985');
  expect(agendaText).not.toContain('Testesen');
  expect(agendaText).toContain('Barn som pårørende, familie, likepersoner og brukerorganisasjoner');
  expect(agendaText).toContain('DPS Testby, poliklinikk');
  await page.getByRole('dialog', { name: 'Dagsorden' }).getByRole('button', { name: 'Lukk', exact: true }).last().click();

  // The calendar file: downloaded as a person would, parsed with ical.js.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Kalenderfil (.ics)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`samarbeidsmote-${day.iso}.ics`);
  const ics = readFileSync(await download.path(), 'utf8');
  expect(ics).not.toContain('Testesen');
  const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(vevent);
  expect(event.summary).toBe('Samarbeidsmøte – evaluering');
  expect(event.sequence).toBe(0);
  expect(event.uid).toMatch(/^samarbeidsmote-.+@forlopsbenk$/);
  const start = event.startDate.toJSDate();
  expect(new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit' }).format(start)).toBe('10:00');
  expect((event.endDate.toJSDate().getTime() - start.getTime()) / 60_000).toBe(90);
  expect(vevent.getAllProperties('attendee').map((p) => String(p.getFirstValue()))).toEqual(['mailto:ola.hansen@oslo.kommune.no']);

  // Minutes: a note, an action item, finalize (locks), print.
  await page.getByLabel('1. Opplever pasienten behandlingen som nyttig?').fill('Pasienten opplever samtalene som nyttige.');
  await page.getByLabel('Beslutninger').fill('Fortsette poliklinisk behandling. Ny evaluering om åtte uker.');
  await page.getByRole('button', { name: 'Nytt oppfølgingspunkt' }).click();
  await page.getByLabel('Oppfølgingspunkt 1', { exact: true }).fill('Søke om støttekontakt');
  await page.getByLabel('Ansvarlig for punkt 1').fill('Ola Hansen');
  await page.getByRole('button', { name: 'Ferdigstill referat' }).click();
  await expect(page.getByText('Versjon 1 ferdigstilt')).toBeVisible();
  await page.setViewportSize({ width: 1400, height: 2300 });
  await shots(page, 'meeting-detail');
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.getByRole('button', { name: 'Skriv ut referat' }).click();
  const minutesText = await printPreviewToPdf(page, 'test-results/print/meeting-minutes.pdf');
  expect(minutesText).toContain('Referat – samarbeidsmøte');
  expect(minutesText).toMatch(/Versjon 1, ferdigstilt \d\d\.\d\d\.\d{4} av Kari Koordinator/);
  expect(minutesText).toContain('Pasienten opplever samtalene som nyttige.');
  expect(minutesText).toMatch(/Søke om støttekontakt\s+Ola Hansen/);
  expect(minutesText).not.toContain('Testesen');
  await page.getByRole('dialog', { name: 'Referat' }).getByRole('button', { name: 'Lukk', exact: true }).last().click();

  // A second meeting overlapping the first: the coordinator and Ola Hansen are double-booked.
  await page.keyboard.press('Escape');
  await page.keyboard.press('n');
  await form.waitOpen();
  await form.fill({ kind: 'Ansvarsgruppe', date: day.typed, time: '11:00', place: 'Oslo kommune' });
  await form.addSuggestion('Ola Hansen');
  const warning = form.dialog.getByRole('status').filter({ hasText: 'Overlappende avtaler' });
  await expect(warning).toContainText('Du (koordinator)');
  await expect(warning).toContainText('Ola Hansen');
  await expect(warning).toContainText(`Samarbeidsmøte – evaluering (samme pasient), ${day.typed} kl. 10:00–11:30`);
  await form.save();
  await expect(form.dialog.getByLabel('Årsak til dobbeltbooking')).toHaveAccessibleDescription(/Skriv årsak til dobbeltbooking for å lagre likevel/);
  await shots(page, 'meeting-conflict');
  await form.dialog.getByLabel('Årsak til dobbeltbooking').fill('Kommunen har bare dette tidspunktet');
  await form.save();
  await expect(page.getByRole('heading', { name: /^Ansvarsgruppe – / })).toBeVisible();
  await expect(page.getByText('Lagret med årsak: Kommunen har bare dette tidspunktet')).toBeVisible();

  // The week view: next week holds both meetings; Enter opens the selected one.
  await page.getByRole('button', { name: /^Møter/ }).click();
  await expect(page.getByText('Ingen samarbeidsmøter denne uken.')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  const week = page.getByTestId('meetings-week');
  await expect(week.getByRole('button', { name: /Evaluering/ })).toBeVisible();
  await expect(week.getByRole('button', { name: /Ansvarsgruppe/ })).toContainText('Dobbeltbooket');
  await page.screenshot({ path: 'test-results/screens/meetings-week.png' });
  await week.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /^Evaluering – / })).toBeVisible();
});

test('CSV import reports unreadable rows and imports nothing, then imports a good file; export downloads CSV', async ({ page, app }) => {
  await openWithProfile(page, app);
  await page.getByRole('button', { name: /^Kontakter/ }).click();
  const header = 'Navn;Rolle;Organisasjon;Kommunenummer;Telefon;E-post';
  const bad = ['\uFEFF' + header, 'Per Persen;Behandler;DPS;0301;;per@dps.no', ';Fastlege;Legesenter;0301;;', 'Nils Nilsen;NAV;NAV;9999;;'].join('\r\n');
  await page.getByTestId('contacts-import-file').setInputFiles({ name: 'kontakter.csv', mimeType: 'text/csv', buffer: Buffer.from(bad, 'utf8') });
  const report = page.getByRole('table', { name: 'Rader som ikke kunne leses' });
  await expect(page.getByText('Ingenting ble importert')).toBeVisible();
  await expect(report.getByRole('row', { name: /^3 / })).toContainText('Navn mangler.');
  await expect(report.getByRole('row', { name: /^4 / })).toContainText('Kommunenummeret finnes ikke i kommunelisten.');
  await expect(page.getByText('Kontaktlisten er tom')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/contacts-import-errors.png' });

  const good = ['\uFEFF' + header, 'Per Persen;Behandler;DPS;0301;;per@dps.no', 'Åse Ødegård;Fastlege;Bjølsen legesenter;301;;'].join('\r\n');
  await page.getByTestId('contacts-import-file').setInputFiles({ name: 'kontakter.csv', mimeType: 'text/csv', buffer: Buffer.from(good, 'utf8') });
  await expect(page.getByText('2 kontakter importert.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Kontakter' }).getByRole('row', { name: /Åse Ødegård/ })).toContainText('Fastlege');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Eksporter CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^kontakter-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.startsWith('\uFEFF' + header + '\r\n')).toBe(true);
  expect(csv).toContain('Åse Ødegård;Fastlege;Bjølsen legesenter;0301;;');
});
