import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, openWithProfile, test, type AppServer } from './fixtures';
import { isoDay, printed, referralInput, rpc, screen, shownDay, WorklistPage } from './pages/worklist';
import { printPreviewToPdf } from './print';
import { shots } from './shots';
import { syntheticNationalId } from '../../shared/domain/national-id';

/**
 * Issue #13 as a coordinator meets it: the rights assessment, internal transfers, the "Til journal" list,
 * the unconfirmed switch date, the municipal letter's sharing basis and the national figures in Oversikt.
 */

const NORA = '01868512381';
const OLA = '01868510028';

async function openPatientFromWorklist(page: Page, name: string): Promise<void> {
  const wl = new WorklistPage(page);
  await wl.goto();
  await wl.selectWithKeyboard(name);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

async function nav(page: Page, label: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Hovedmeny' })
    .getByRole('button', { name: new RegExp(`^${label}`) })
    .click();
}

test('a referral assessed "no right" leaves the worklist, its outcome on the patient page and no deadline', async ({ page, app }) => {
  await openWithProfile(page, app);
  await rpc(page, app, 'referrals.create', referralInput('Nora Utenrett', NORA, -3));
  await rpc(page, app, 'referrals.create', referralInput('Ola Venter', OLA, -2));
  await page.reload();
  await openPatientFromWorklist(page, 'Nora Utenrett');

  // Forløp: "Henvisning vurdert" opens the assessment with the date first and focused.
  await page.getByRole('group', { name: 'Registrer hendelse' }).getByRole('button', { name: 'Henvisning vurdert' }).click();
  const assess = page.getByRole('dialog', { name: 'Henvisning vurdert' });
  await expect(assess).toBeVisible();
  await expect(assess.getByLabel('Henvisning vurdert', { exact: true })).toBeFocused();
  await expect(assess.getByLabel('Henvisning vurdert', { exact: true })).toHaveValue(shownDay(0));
  // Nothing but the outcome to choose yet: the care kind and deadline belong to "right" only.
  await expect(assess.getByLabel('Retten gjelder')).toHaveCount(0);
  await expect(assess.getByLabel('Frist for nødvendig helsehjelp')).toHaveCount(0);

  // Every error at once: no date and "right" without saying what the right is for.
  await assess.getByLabel('Henvisning vurdert', { exact: true }).fill('');
  await assess.getByLabel('Rettighetsvurdering').selectOption('right');
  await expect(assess.getByLabel('Frist for nødvendig helsehjelp')).toBeVisible();
  await assess.getByRole('button', { name: 'Lagre' }).click();
  await expect(assess.getByLabel('Henvisning vurdert', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(assess.getByLabel('Retten gjelder')).toHaveAccessibleDescription(/Velg om retten gjelder utredning eller behandling/);
  // The first wrong field has the focus.
  await expect(assess.getByLabel('Henvisning vurdert', { exact: true })).toBeFocused();

  // "No right": the right's fields go away, and the dialog says what happens.
  await assess.getByLabel('Henvisning vurdert', { exact: true }).fill(shownDay(-1));
  await assess.getByLabel('Rettighetsvurdering').selectOption('no_right');
  await expect(assess.getByLabel('Retten gjelder')).toHaveCount(0);
  await expect(assess.getByLabel('Frist for nødvendig helsehjelp')).toHaveCount(0);
  await expect(assess).toContainText('Henvisningen går ut av arbeidslisten');
  await assess.getByLabel('Pasienten informert (valgfritt)').fill(shownDay(0));
  await page.screenshot({ path: screen('assess-dialog-no-right') });
  await assess.getByRole('button', { name: 'Lagre' }).click();
  await expect(assess).toBeHidden();

  // The patient page: the outcome, no care deadline, no pathway clock, nothing left to record.
  const facts = page.locator('dl.facts').filter({ hasText: 'Rettighetsvurdering' });
  await expect(facts).toContainText('Ikke rett til nødvendig helsehjelp');
  await expect(facts).toContainText('Ingen forløpstid');
  // No right, so no care deadline is missing either.
  await expect(page.getByText('Frist for nødvendig helsehjelp er ikke registrert')).toHaveCount(0);
  await expect(facts).toContainText(`pasienten informert ${shownDay(0)}`);
  await expect(facts).toContainText(`Henvisning vurdert${shownDay(-1)}`);
  await expect(facts).toContainText('Frist for helsehjelpIngen frist: pasienten har ikke rett til nødvendig helsehjelp');
  await expect(page.getByRole('group', { name: 'Registrer hendelse' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Endre rettighetsvurdering' })).toBeVisible();
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: screen('patient-forlop-no-right-1440') });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: screen('patient-forlop-no-right-1280') });

  // The worklist no longer has her.
  const wl = new WorklistPage(page);
  await wl.goto();
  await expect(wl.row(/Ola Venter/)).toBeVisible();
  await expect(wl.row(/Nora Utenrett/)).toHaveCount(0);
});

test('under 23: the assessment proposes the latest care deadline, counted from receipt, as a button', async ({ page, app }) => {
  await openWithProfile(page, app);
  // Received Mon 2 Nov 2026; 65 working days skipping 25 Dec and 1 Jan: Wed 3 Feb 2027.
  const young = referralInput('Unni Ung', syntheticNationalId('2008-01-01', 501)!, 0);
  young.patient.birthDate = '2008-01-01';
  young.pathway.referralReceived = '2026-11-02';
  await rpc(page, app, 'referrals.create', young);
  await page.reload();
  await openPatientFromWorklist(page, 'Unni Ung');
  await page.getByRole('group', { name: 'Registrer hendelse' }).getByRole('button', { name: 'Henvisning vurdert' }).click();
  const assess = page.getByRole('dialog', { name: 'Henvisning vurdert' });
  await assess.getByLabel('Rettighetsvurdering').selectOption('right');
  await assess.getByLabel('Retten gjelder').selectOption('assessment');
  await expect(assess.getByLabel('Frist for nødvendig helsehjelp')).toHaveAccessibleDescription(/Under 23 år: senest 03\.02\.2027/);
  await assess.getByRole('button', { name: 'Bruk foreslått frist 03.02.2027' }).click();
  await expect(assess.getByLabel('Frist for nødvendig helsehjelp')).toHaveValue('03.02.2027');
  await expect(assess.getByRole('button', { name: /Bruk foreslått frist/ })).toHaveCount(0);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  await page.screenshot({ path: screen('assess-dialog-under-23-1440') });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: screen('assess-dialog-under-23-1280') });
  await assess.getByRole('button', { name: 'Lagre' }).click();
  await expect(assess).toBeHidden();
  await expect(page.locator('dl.facts').filter({ hasText: 'Rettighetsvurdering' })).toContainText('Frist for helsehjelp03.02.2027');
});

test('an internal transfer to the OCD team gets no legal assessment deadline, only pathway time from its receipt there', async ({ page, app }) => {
  await openWithProfile(page, app);
  const wl = new WorklistPage(page);
  await page.keyboard.press('n');
  const form = page.getByRole('dialog', { name: 'Ny henvisning' });
  await form.waitFor();
  await form.getByLabel('Navn', { exact: true }).fill('Ola Overført');
  await form.getByLabel('Fødselsnummer / D-nummer').fill(OLA);
  await form.getByLabel('Fødselsdato').fill('01.06.1985');
  await form.getByLabel('Forløpstype').selectOption('ocd');
  await form.getByLabel('Henvisning mottatt').fill(shownDay(-2));
  await form.getByLabel('Mottatt som').selectOption('internal_transfer');
  // Already assessed by the sending team: no assessment date to give here.
  await expect(form.getByLabel('Henvisning vurdert')).toHaveCount(0);
  await form.getByRole('button', { name: 'Registrer henvisning' }).click();
  await expect(page.getByRole('heading', { name: 'Ola Overført', level: 1 })).toBeVisible();

  const facts = page.locator('dl.facts').filter({ hasText: 'Rettighetsvurdering' });
  await expect(facts).toContainText('intern overføring: ingen ny lovpålagt vurderingsfrist');
  await expect(facts).toContainText(`Forløpet regnes fra${shownDay(-2)}`);
  // No "assess within 10 working days" deadline anywhere on the pathway.
  await expect(page.getByText(/Vurder henvisningen/)).toHaveCount(0);

  // The OCD pathway time: first attendance within 42 days of the OCD team's receipt.
  await wl.goto();
  const row = wl.row(/Ola Overført/);
  await expect(row).not.toContainText('Vurder henvisningen');
  await expect(row).toContainText('Første fremmøte');
  await expect(row).toContainText(shownDay(40));
  await wl.selectWithKeyboard('Ola Overført');
  await expect(wl.panel).toContainText('Fra henvisningen er mottatt av OCD-teamet');
  await expect(wl.panel).toContainText(shownDay(-2));
  await expect(wl.panel).not.toContainText('10 virkedager');
});

test('"Til journal" lists a recorded D11CP with its date, is marked done one by one, and exports CSV', async ({ page, app }) => {
  await openWithProfile(page, app);
  const { pathwayId } = (await rpc(page, app, 'referrals.create', referralInput('Kari Koding', NORA, -20))) as { pathwayId: number };
  await rpc(page, app, 'pathways.assess', { pathwayId, assessedOn: isoDay(-15), rightsDecision: 'right', careKind: 'assessment', careDeadline: isoDay(30) });
  await rpc(page, app, 'pathways.recordEvent', { pathwayId, type: 'first_attendance', date: isoDay(-10) });
  await page.reload();
  await openPatientFromWorklist(page, 'Kari Koding');

  // The clinical decision through its dialog: the code follows the outcome.
  await page.getByRole('group', { name: 'Registrer hendelse' }).getByRole('button', { name: 'Klinisk beslutning' }).click();
  const decision = page.getByRole('dialog', { name: 'Klinisk beslutning' });
  await expect(decision.getByLabel('Dato', { exact: true })).toBeFocused();
  await expect(decision).toContainText('Koden følger av utfallet.');
  // A date in the future and no outcome: both refused at once, the date focused.
  await decision.getByLabel('Dato', { exact: true }).fill(shownDay(2));
  await decision.getByRole('button', { name: 'Lagre' }).click();
  await expect(decision.getByLabel('Utfall')).toHaveAccessibleDescription(/Klinisk beslutning må ha et utfall/);
  await expect(decision.getByLabel('Dato', { exact: true })).toHaveAccessibleDescription(/Datoen kan ikke være fram i tid/);
  await expect(decision.getByLabel('Dato', { exact: true })).toBeFocused();
  await decision.getByLabel('Dato', { exact: true }).fill(shownDay(-1));
  await decision.getByLabel('Utfall').selectOption('CP');
  await expect(decision).toContainText('Kode: D11CP');
  await decision.getByRole('button', { name: 'Lagre' }).click();
  await expect(decision).toBeHidden();

  await nav(page, 'Til journal');
  await expect(page.getByRole('heading', { name: 'Til registrering i journalsystemet', level: 1 })).toBeVisible();
  const due = page.getByRole('table').first();
  const cp = due.getByRole('row', { name: /D11CP/ });
  await expect(cp).toContainText('Kari Koding');
  await expect(cp).toContainText(shownDay(-1));
  await expect(cp).toContainText('Klinisk beslutning');
  // Start (D11A) and first attendance (D11F) are waiting too.
  await expect(due.getByRole('row', { name: /D11A/ })).toContainText(shownDay(-15));
  await expect(due.getByRole('row', { name: /D11F/ })).toContainText(shownDay(-10));
  await expect(page.getByText('3 venter', { exact: true })).toBeVisible();
  for (const size of [
    { width: 1440, height: 900 },
    { width: 1280, height: 720 },
  ]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: screen(`til-journal-${size.width}`) });
  }

  // The CSV holds what is waiting, read from the downloaded file.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Last ned CSV' }).click()]);
  expect(download.suggestedFilename()).toBe(`til-registrering-${isoDay(0)}.csv`);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv).toContain('Kari Koding');
  expect(csv).toMatch(/D11CP/);
  expect(csv.split(/\r?\n/).filter((l) => l.trim() !== '').length).toBe(4); // header + A, F, CP

  // Marked done one at a time: D11CP moves to "Registrert i dag", the others stay.
  await cp.getByRole('button', { name: 'Registrert i journalen' }).click();
  const doneToday = page.getByRole('table').nth(1);
  await expect(page.getByRole('heading', { name: 'Registrert i dag' })).toBeVisible();
  await expect(doneToday.getByRole('row', { name: /D11CP/ })).toBeVisible();
  await expect(page.getByRole('table').first().getByRole('row', { name: /D11CP/ })).toHaveCount(0);
  await expect(page.getByRole('table').first().getByRole('row', { name: /D11F/ })).toBeVisible();
  await expect(page.getByText('2 venter · 1 registrert i dag', { exact: true })).toBeVisible();
  const [again] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Last ned CSV' }).click()]);
  expect(readFileSync((await again.path())!, 'utf8')).not.toContain('D11CP');
});

test('Regler shows the unconfirmed switch date and changes it with a source', async ({ page, app }) => {
  await openWithProfile(page, app);
  await nav(page, 'Regler');
  await expect(page.getByRole('heading', { name: 'Regler', level: 1 })).toBeVisible();
  // The under-23 limit: from the priority regulation, counted from receipt, its anchor not confirmed.
  const under23 = page.getByRole('row', { name: /Under 23 år/ });
  await expect(under23).toContainText('65 virkedager regnet fra henvisningen ble mottatt');
  await expect(under23).toContainText('Prioriteringsforskriften');
  await expect(under23).toContainText('Ikke bekreftet');
  const unconfirmed = page.getByText('Startdato ikke bekreftet').first();
  await expect(unconfirmed).toBeVisible();
  const line = unconfirmed.locator('xpath=ancestor::p[1]');
  await expect(line).toContainText('Gjelder fra 01.01.2024');
  for (const size of [
    { width: 1440, height: 900 },
    { width: 1280, height: 720 },
  ]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: screen(`regler-${size.width}`) });
  }
  await line.getByRole('button', { name: 'Endre startdato' }).click();
  await expect(page.getByRole('dialog', { name: 'Endre startdato for versjonen' })).toBeVisible();
  await shots(page, 'regler-switch-date');
  const dialog = page.getByRole('dialog', { name: 'Endre startdato for versjonen' });
  await dialog.getByLabel('Gjelder fra').fill('01.02.2024');
  // A date without its source is refused next to the source field.
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(dialog.getByLabel('Kilde for datoen')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel('Kilde for datoen').fill('Vedtak i klinikkledelsen 12.01.2024');
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Startdatoen er endret til 01.02.2024')).toBeVisible();
  const local = page.getByText('Startdato satt lokalt').first().locator('xpath=ancestor::p[1]');
  await expect(local).toContainText('Gjelder fra 01.02.2024');
  await expect(local).toContainText('Vedtak i klinikkledelsen 12.01.2024');
});

test('Oversikt shows the national figures only beside their own measure', async ({ page, app }) => {
  await openWithProfile(page, app);
  await rpc(page, app, 'referrals.create', referralInput('Kari Tall', NORA, -5));
  await page.reload();
  await nav(page, 'Oversikt');
  const table = page.getByRole('table').first();
  const decision = table.getByRole('row', { name: /Utredning gjennomført innen forløpstid/ });
  await expect(decision).toContainText('72 % voksne, 82 % TSB, 55 % barn og unge');
  for (const own of [/Henvisninger vurdert innen 10 virkedager/, /Helsehjelp startet innen frist/]) {
    const row = table.getByRole('row', { name: own });
    await expect(row).toContainText('Eget mål, ikke et nasjonalt tall');
    await expect(row).not.toContainText('72 %');
  }
  await expect(table.getByRole('row', { name: /Første evaluering gjennomført innen forløpstid \(poliklinikk\)/ })).toContainText('39–46 % (poliklinikk');
  await expect(table.getByText(/72 % voksne/)).toHaveCount(1);
  for (const size of [
    { width: 1440, height: 900 },
    { width: 1280, height: 720 },
  ]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: screen(`oversikt-${size.width}`) });
  }
});

/** Where a word sits on page 1 of a PDF, in mm from the paper's top-left corner (pdftotext -bbox). */
function wordTop(pdf: string, word: string): { left: number; top: number } {
  const xhtml = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
  const m = new RegExp(`<word xMin="([\\d.]+)" yMin="([\\d.]+)"[^>]*>${word}</word>`).exec(xhtml);
  if (!m) throw new Error(`${word} not found in ${pdf}`);
  const mm = (pt: string) => (Number(pt) * 25.4) / 72;
  return { left: mm(m[1]!), top: mm(m[2]!) };
}

/** A patient with a no-show three weeks ago, two attempts made, and letters due to patient, GP and municipality. */
async function noShowWithLettersDue(page: Page, app: AppServer, name: string, nationalId: string): Promise<void> {
  await rpc(page, app, 'contacts.save', { name: 'Dr. Lege, Legesenteret', role: 'gp', address: 'Torget 1', postalCode: '0150', postalPlace: 'OSLO' });
  await rpc(page, app, 'contacts.save', {
    name: 'Mette Kommunekoordinator',
    role: 'municipal_coordinator',
    organisation: 'Tildelingskontoret',
    municipalityNumber: '0301',
    address: 'Rådhusgata 1',
    postalCode: '0037',
    postalPlace: 'OSLO',
  });
  await rpc(page, app, 'noShow.savePolicy', {
    attemptsRequired: 2,
    channels: ['phone', 'sms'],
    daysToFirstContact: 3,
    letterToPatient: true,
    letterToReferrer: true,
    letterToMunicipalCoordinator: true,
  });
  const input = referralInput(name, nationalId, -40);
  Object.assign(input.patient, { address: 'Storgata 1', postalCode: '0155', postalPlace: 'Oslo', gpName: 'Dr. Lege, Legesenteret' });
  const { patientId, pathwayId } = (await rpc(page, app, 'referrals.create', input)) as { patientId: number; pathwayId: number };
  const appt = (await rpc(page, app, 'appointments.book', {
    patientId,
    pathwayId,
    kind: 'first_attendance',
    date: isoDay(-21),
    time: '10:00',
    durationMinutes: 60,
    place: 'Poliklinikken, rom 2',
    clinician: 'Psykolog Berg',
  })) as { id: number };
  const { noShowCaseId } = (await rpc(page, app, 'appointments.setStatus', { id: appt.id, status: 'no_show' })) as { noShowCaseId: number };
  for (const offset of [-20, -19]) {
    await rpc(page, app, 'noShow.recordAttempt', {
      caseId: noShowCaseId,
      date: isoDay(offset),
      time: '09:15',
      channel: 'phone',
      outcome: 'no_answer',
      byName: 'Mona Merkantil',
      note: '',
    });
  }
}

test('the letter to the municipal coordinator asks for the sharing basis, has its own text and states the basis', async ({ page, app }) => {
  await openWithProfile(page, app);
  await page.getByRole('button', { name: /Innstillinger/ }).click();
  await page.getByLabel('Postadresse til enheten').fill('Postboks 12\n0101 Oslo');
  await page.getByRole('button', { name: 'Lagre enheten' }).click();
  await noShowWithLettersDue(page, app, 'Kari Kommune', NORA);
  await page.reload();
  await openPatientFromWorklist(page, 'Kari Kommune');
  await page.getByRole('tab', { name: 'Ikke møtt' }).click();
  const card = page.getByRole('region', { name: `Ikke møtt ${shownDay(-21)} kl. 10:00` });

  // The municipal letter: first the basis for sharing, refused without one.
  await card.getByRole('button', { name: 'Brev til koordinator i kommunen' }).click();
  const basis = page.getByRole('dialog', { name: 'Grunnlag for å dele med kommunen' });
  await basis.waitFor();
  await basis.getByRole('button', { name: 'Lag brevet' }).click();
  await expect(basis).toContainText('Velg grunnlag for å dele opplysninger med kommunen');
  await basis.getByRole('radio', { name: 'Pasienten har samtykket' }).check();
  await basis.getByRole('button', { name: 'Lag brevet' }).click();
  const muniPreview = page.getByRole('dialog', { name: 'Brev til koordinator i kommunen' });
  await muniPreview.waitFor();
  const muniPdf = printed('domain-municipal-letter');
  const muni = (await printPreviewToPdf(page, muniPdf)).replace(/\s+/g, ' ');
  expect(muni).toContain('Grunnlaget for at vi deler denne opplysningen med kommunen: pasientens samtykke.');
  expect(muni).toContain('Mette Kommunekoordinator');
  expect(muni).toContain('Samarbeid om oppfølging av');
  expect(muni).not.toContain('Vi viser til henvisningen');
  // The address sits where a window envelope shows it (20–60 mm from the left, 45–70 mm from the top).
  const at = wordTop(muniPdf, 'Rådhusgata');
  expect(at.left).toBeGreaterThanOrEqual(20);
  expect(at.left).toBeLessThan(60);
  expect(at.top).toBeGreaterThanOrEqual(45);
  expect(at.top).toBeLessThan(70);
  await muniPreview.getByRole('button', { name: 'Lukk' }).last().click();

  // The GP letter is another text, and says nothing about a sharing basis.
  await card.getByRole('button', { name: 'Brev til henviser/fastlege' }).click();
  const gpPreview = page.getByRole('dialog', { name: 'Brev til henviser/fastlege' });
  await gpPreview.waitFor();
  const gp = (await printPreviewToPdf(page, printed('domain-gp-letter'))).replace(/\s+/g, ' ');
  expect(gp).not.toEqual(muni);
  expect(gp).toContain('Tilbakemelding: Kari Kommune møtte ikke til time');
  expect(gp).not.toContain('Grunnlaget for at vi deler');
  await gpPreview.getByRole('button', { name: 'Lukk' }).last().click();

  // The patient summary, printed, for a person to look at.
  await page.getByRole('tab', { name: 'Forløp' }).click();
  await page.getByRole('button', { name: 'Skriv ut pasientoppsummering' }).click();
  await page.getByTestId('print-preview').waitFor();
  const summary = await printPreviewToPdf(page, printed('domain-patient-summary'));
  expect(summary).toContain('Kari Kommune');
  // The assessment is overdue: the patient is told so, not promised a date that has passed.
  expect(summary.replace(/\s+/g, ' ')).toContain('Henvisningen din skulle vært vurdert innen');
  expect(summary).not.toContain('Du får svar fra oss senest');
});

test("the day's letters leave the municipal letter out with a note, and make the rest", async ({ page, app }) => {
  await openWithProfile(page, app);
  await noShowWithLettersDue(page, app, 'Kari Kommune', NORA);
  await page.reload();
  await nav(page, 'Ikke møtt');
  await page.getByRole('button', { name: /^Dagens brev \(3\)/ }).click();
  const batch = page.getByRole('dialog', { name: 'Dagens brev' });
  await batch.waitFor();
  await expect(batch).toContainText('2 brev skal sendes i dag');
  await expect(batch).toContainText('1 brev til koordinator i kommunen er ikke med');
  await expect(batch).toContainText('Lag det fra pasientens side under Ikke møtt: Kari Kommune.');
  await batch.getByRole('button', { name: 'Lag brevene' }).click();
  await expect(batch.getByText('Brevene er klare: 2 av 2')).toBeVisible();
  await expect(batch.getByRole('alert')).toHaveCount(0);
  await page.screenshot({ path: screen('noshow-batch-municipal-excluded') });
});
