import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { answerDiscard, expect, openWithProfile, test } from './fixtures';
import { shots } from './shots';
import { NoShowPages, typedDay } from './pages/no-show';
import { printPreviewToPdf } from './print';

const KARI = {
  name: 'Kari Testesen',
  nationalId: '01868512381',
  address: 'Storgata 1',
  postalCode: '0155',
  postalPlace: 'Oslo',
  gp: 'Dr. Lege, Legesenteret',
  phone: '912 34 567',
};
/** Where a word sits on page 1 of a PDF, in mm from the paper's top-left corner (pdftotext -bbox). */
function wordPosition(pdf: string, word: string): { left: number; top: number } {
  const xhtml = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
  const m = new RegExp(`<word xMin="([\\d.]+)" yMin="([\\d.]+)"[^>]*>${word}</word>`).exec(xhtml);
  if (!m) throw new Error(`${word} not found in ${pdf}`);
  const mm = (pt: string) => (Number(pt) * 25.4) / 72;
  return { left: mm(m[1]!), top: mm(m[2]!) };
}

/** A C5/C4 window envelope (H2) shows 20–110 mm from the left and 45–80 mm from the top. */
function expectInWindow(pdf: string, word: string) {
  const { left, top } = wordPosition(pdf, word);
  expect(left).toBeGreaterThanOrEqual(20);
  expect(left).toBeLessThan(60);
  expect(top).toBeGreaterThanOrEqual(45);
  expect(top).toBeLessThan(70);
}

async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/**
 * Kari's GP office with a postal address in the directory, so the referrer letter can be posted. Through the
 * contract: the Kontakter screen has no address fields yet (issue 16; the renderer helper adds them).
 */
async function addGpOffice(page: Page, app: { origin: string; token: string }) {
  const res = await page.request.post(`${app.origin}/rpc`, {
    headers: { Authorization: `Bearer ${app.token}` },
    data: { method: 'contacts.save', input: { name: KARI.gp, role: 'gp', address: 'Torget 1', postalCode: '0150', postalPlace: 'OSLO' } },
  });
  expect((await res.json()).ok).toBe(true);
}

const OLA = { name: 'Ola Hansen', nationalId: '01868510028', address: 'Bygata 5', postalCode: '0450', postalPlace: 'Oslo', gp: 'Fastlege Fjeld' };

test('a no-show is followed up: two attempts, the patient letter, a refused closure, the referrer letter, closure', async ({ page, app }) => {
  await openWithProfile(page, app);
  const ns = new NoShowPages(page);
  // The letterhead's return address and the coordinator's direct number come from the settings.
  await page.getByRole('button', { name: /Innstillinger/ }).click();
  await page.getByLabel('Postadresse til enheten').fill('Postboks 12\n0101 Oslo');
  await page.getByRole('button', { name: 'Lagre enheten' }).click();
  await page.getByLabel('Koordinatorens direktenummer i brev').fill('22 33 44 66');
  await page.getByRole('button', { name: 'Lagre regler' }).click();
  await expect(page.getByText('Lagret. Fristene i åpne saker')).toBeVisible();
  await addGpOffice(page, app);
  await ns.registerPatient(KARI);

  // Book a time and register that the patient did not come.
  await ns.tab('Timer');
  await expect(page.getByText('Ingen timer ennå')).toBeVisible();
  const day = typedDay(-3);
  await ns.book({ date: day, time: '10:00', clinician: 'Psykolog Berg', place: 'Poliklinikken, rom 2' });
  const timer = page.getByRole('table', { name: 'Timer' });
  await expect(timer.getByRole('row', { name: new RegExp(day) })).toContainText('Avtalt');
  await page.screenshot({ path: 'test-results/screens/noshow-timer-booked.png' });
  await ns.markAppointment(day, '10:00', 'Ikke møtt');
  await expect(page.getByText('Ikke møtt er registrert, og en oppfølgingssak er opprettet')).toBeVisible();
  await expect(timer.getByRole('row', { name: new RegExp(day) })).toContainText('Ikke møtt');
  await page.getByRole('button', { name: 'Gå til saken' }).click();

  const card = ns.caseCard(day, '10:00');
  await expect(card).toContainText('Neste: Kontaktforsøk 1');
  await expect(card.getByRole('list', { name: 'Steg i saken' })).toContainText('Brev til henviser/fastlege');

  // An attempt dated in the future is refused next to the field; what was typed stays.
  await card.getByRole('button', { name: 'Registrer kontaktforsøk' }).click();
  const attempt = ns.dialog('Registrer kontaktforsøk');
  await ns.settled();
  await attempt.getByLabel('Dato').fill(typedDay(1));
  await attempt.getByLabel('Kanal').selectOption({ label: 'Telefon' });
  await attempt.getByLabel('Utfall').selectOption({ label: 'Ikke svar' });
  await attempt.getByRole('button', { name: 'Lagre kontaktforsøk' }).click();
  await expect(attempt.getByLabel('Dato')).toHaveAccessibleDescription(/Tidspunktet er fram i tid/);
  await expect(attempt.getByLabel('Kanal')).toHaveValue('phone');
  await shots(page, 'noshow-attempt-error');
  // Closing with typed values asks first (never lose typed work); the person agrees.
  await attempt.getByRole('button', { name: 'Avbryt' }).click();
  await answerDiscard(page, true);

  await ns.recordAttempt(card, { date: typedDay(-2), time: '09:15', channel: 'Telefon', outcome: 'Ikke svar' });
  await ns.recordAttempt(card, { date: typedDay(-1), time: '14:30', channel: 'SMS', outcome: 'Lagt igjen beskjed', note: 'Bedt om å ringe tilbake' });
  await expect(card).toContainText('Neste: Brev til pasienten');
  await expect(card.getByRole('table', { name: 'Kontaktforsøk' }).getByRole('row')).toHaveCount(3);
  await page.screenshot({ path: 'test-results/screens/noshow-case-attempts.png', fullPage: true });
  await expectNoSeriousA11yViolations(page);

  // The patient letter: preview → PDF. Name, the missed time and the right to complain are there.
  const preview = await ns.openLetter(card, 'pasienten');
  // Text as read, whatever the line breaks.
  const text = (await printPreviewToPdf(page, 'test-results/print/noshow-patient-letter.pdf')).replace(/\s+/g, ' ');
  expect(text).toContain('Kari Testesen');
  expect(text).toContain('Storgata 1');
  expect(text).toContain(`${day} kl. 10:00`);
  expect(text).toContain('Statsforvalteren');
  expect(text).toContain('pasient- og brukerrettighetsloven kapittel 7');
  expect(text).toMatch(/Send klagen først til oss: DPS Testby, poliklinikk, Postboks 12,? 0101 Oslo\./);
  expect(text).toContain('Kari Koordinator, på 22 33 44 66');
  // The address sits where a window envelope shows it.
  expectInWindow('test-results/print/noshow-patient-letter.pdf', 'Storgata');
  await ns.printAndClose(preview);
  await expect(card.getByRole('table', { name: 'Brev' })).toContainText('Timen din');
  await expect(card.getByRole('table', { name: 'Brev' })).not.toContainText('Ikke skrevet ut');

  // Closing as "not reached" is refused while the referrer has not been told, and nothing changes.
  const refused = await ns.close(card, 'Avsluttet – fikk ikke kontakt, henviser informert');
  await expect(refused.getByRole('alert')).toContainText('Saken kan ikke avsluttes ennå. Dette mangler:');
  await expect(refused.getByRole('alert')).toContainText('Brev til henviser/fastlege er ikke sendt');
  await expect(refused.getByRole('alert')).toContainText('Ingenting er endret');
  await shots(page, 'noshow-close-refused');
  await refused.getByRole('button', { name: 'Avbryt' }).click();
  await answerDiscard(page, true); // the chosen outcome is unsaved: closing asks first
  await expect(card.getByText('Åpen', { exact: true })).toBeVisible();

  // The referrer letter, then the closure.
  const referrer = await ns.openLetter(card, 'henviser/fastlege');
  const refText = (await printPreviewToPdf(page, 'test-results/print/noshow-referrer-letter.pdf')).replace(/\s+/g, ' ');
  expect(refText).toContain('Dr. Lege, Legesenteret');
  expect(refText).toContain('Tilbakemelding: Kari Testesen møtte ikke til time');
  expect(refText).toMatch(/Telefon, ikke svar/);
  expectInWindow('test-results/print/noshow-referrer-letter.pdf', 'Legesenteret');
  await ns.printAndClose(referrer);

  // A sent letter is shown again exactly as it was printed.
  await card
    .getByRole('table', { name: 'Brev' })
    .getByRole('row', { name: /Timen din/ })
    .getByRole('button', { name: 'Vis og skriv ut igjen' })
    .click();
  const again = ns.dialog('Sendt brev');
  await again.waitFor();
  const againText = await printPreviewToPdf(page, 'test-results/print/noshow-patient-letter-reprint.pdf');
  expect(againText).toContain('Statsforvalteren');
  expect(againText).toContain(`${day} kl. 10:00`);
  await again.getByRole('button', { name: 'Lukk' }).last().click();

  // The queue shows the case waiting for the patient's answer, with the phone number to call.
  await page
    .getByRole('button', { name: /^Ikke møtt/ })
    .first()
    .click();
  const queueRow = page.getByRole('grid', { name: 'Ikke møtt' }).getByRole('row', { name: /Kari Testesen/ });
  await expect(queueRow).toContainText('Venter på svar');
  await expect(queueRow).toContainText('912 34 567');
  await shots(page, 'noshow-queue-phone');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Kari Testesen', level: 1 })).toBeVisible();

  // The letters promise 14 days to answer: the close dialog shows that date and asks for a reason to close before
  // it; "ikke nådd" offers to record pasientutsatt (L) on the pathway in the same step.
  await card.getByRole('button', { name: 'Avslutt saken' }).click();
  const closing = ns.dialog('Avslutt saken');
  await ns.settled();
  await closing.getByRole('radio', { name: 'Avsluttet – fikk ikke kontakt, henviser informert' }).check();
  await expect(closing).toContainText(/Svarfristen i brevene er \d\d\.\d\d\.\d{4}/);
  await closing.getByRole('radio', { name: `Registrer pasientutsatt (L) fra ${day}` }).check();
  await shots(page, 'noshow-close-override');
  await closing.getByRole('button', { name: 'Avslutt saken' }).click();
  const reason = closing.getByLabel('Begrunnelse for å avslutte før svarfristen');
  await expect(reason).toHaveAccessibleDescription(/Skriv en begrunnelse for å avslutte før den/);
  await expect(reason).toBeFocused();
  await reason.fill('Henviser har bekreftet at pasienten har flyttet');
  await closing.getByRole('button', { name: 'Avslutt saken' }).click();
  await closing.waitFor({ state: 'hidden' });
  await expect(card).toContainText('Avsluttet');
  await expect(card).toContainText('Avsluttet før svarfristen');
  await expect(card).toContainText('«Henviser har bekreftet at pasienten har flyttet»');
  await expect(card).toContainText('Pasientutsatt (L) er registrert på forløpet');
  await shots(page, 'noshow-case-closed');

  // The worklist shows the result: pasientutsatt (L) at the deadline, in the row and the side panel.
  await page
    .getByRole('navigation', { name: 'Hovedmeny' })
    .getByRole('button', { name: /Arbeidsliste/ })
    .click();
  const wlRow = page
    .getByRole('grid')
    .first()
    .getByRole('row', { name: /Kari Testesen/ });
  await expect(wlRow).toContainText(`Pasientutsatt (L) fra ${day}`);
  await wlRow.click();
  await expect(page.getByTestId('explanation-panel')).toContainText(/Pasientutsatt \(L\)/);
  await shots(page, 'worklist-postponed');
  // The queue is empty now.
  await page
    .getByRole('navigation', { name: 'Hovedmeny' })
    .getByRole('button', { name: /Ikke møtt/ })
    .click();
  await expect(page.getByText('Ingen åpne saker om ikke møtt')).toBeVisible();
});

test('a mistaken no-show is undone with a reason kept in the history; the queue works from the keyboard', async ({ page, app }) => {
  await openWithProfile(page, app);
  const ns = new NoShowPages(page);
  await ns.registerPatient(OLA);
  await ns.tab('Timer');
  const day = typedDay(-1);
  await ns.book({ date: day, time: '08:30', clinician: 'Lege Lie', place: '' });
  await ns.markAppointment(day, '08:30', 'Ikke møtt');

  // The queue: second in the navigation, the case on top, Enter opens it.
  const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
  await expect(nav.getByRole('button').nth(1)).toContainText('Ikke møtt');
  await nav.getByRole('button', { name: /Ikke møtt/ }).click();
  const grid = page.getByRole('grid', { name: 'Ikke møtt' });
  await expect(grid.getByRole('row', { name: /Ola Hansen/ })).toContainText('Kontaktforsøk 1');
  await expect(page.getByText('1 åpen sak')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/noshow-queue.png' });
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: /Søk på navn/ })).toBeFocused();
  await page.keyboard.type('ola');
  await page.keyboard.press('Enter');
  await expect(grid).toBeFocused();
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Ola Hansen', level: 1 })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Ikke møtt', selected: true })).toBeVisible();
  await expect(ns.caseCard(day, '08:30')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Undo needs a reason.
  await ns.tab('Timer');
  await page.getByRole('button', { name: 'Angre ikke møtt' }).click();
  const undo = ns.dialog('Angre ikke møtt');
  await ns.settled();
  await undo.getByRole('button', { name: 'Angre ikke møtt' }).click();
  await expect(undo.getByLabel('Begrunnelse')).toHaveAccessibleDescription(/Begrunnelse må fylles ut/);
  await undo.getByLabel('Begrunnelse').fill('Pasienten møtte, registrert på feil time');
  await undo.getByRole('button', { name: 'Angre ikke møtt' }).click();
  await undo.waitFor({ state: 'hidden' });
  const row = page.getByRole('table', { name: 'Timer' }).getByRole('row', { name: new RegExp(day) });
  await expect(row).toContainText('Avtalt');
  await expect(row).toContainText('«Pasienten møtte, registrert på feil time»');
  await page.screenshot({ path: 'test-results/screens/noshow-undone.png' });
  await expectNoSeriousA11yViolations(page);

  await ns.tab('Ikke møtt');
  const card = ns.caseCard(day, '08:30');
  await expect(card).toContainText('Angret (registrert ved en feil)');
  await expect(card).toContainText('«Pasienten møtte, registrert på feil time»');

  // Now it can be marked attended; the queue is empty.
  await ns.tab('Timer');
  await ns.markAppointment(day, '08:30', 'Møtt');
  await expect(row).toContainText('Møtt');
  await nav.getByRole('button', { name: /Ikke møtt/ }).click();
  // The queue kept its search while the person was on the case.
  await expect(page.getByRole('searchbox', { name: /Søk på navn/ })).toHaveValue('ola');
  await expect(page.getByText('Ingen treff')).toBeVisible();
  await page.getByRole('searchbox', { name: /Søk på navn/ }).fill('');
  await expect(page.getByText('Ingen åpne saker om ikke møtt')).toBeVisible();
});

test("the day's letters come out as one document with progress, one letter per sheet", async ({ page, app }) => {
  await openWithProfile(page, app);
  const ns = new NoShowPages(page);
  await addGpOffice(page, app);
  await ns.registerPatient(KARI);
  await ns.tab('Timer');
  // Three weeks ago: more than 7 working days whatever the weekday and holidays.
  const day = typedDay(-21);
  await ns.book({ date: day, time: '11:00', clinician: 'Psykolog Berg', place: 'Rom 4' });
  await ns.markAppointment(day, '11:00', 'Ikke møtt');
  await ns.tab('Ikke møtt');
  const card = ns.caseCard(day, '11:00');
  await ns.recordAttempt(card, { date: typedDay(-20), time: '09:00', channel: 'Telefon', outcome: 'Ikke svar' });
  await ns.recordAttempt(card, { date: typedDay(-19), time: '09:00', channel: 'Telefon', outcome: 'Feil nummer' });
  await expect(card).toContainText('Overskredet');
  // More than 7 working days: pasientutsatt is suggested, and one click records it.
  await card.getByRole('button', { name: 'Registrer pasientutsatt (L)' }).click();
  await expect(card).toContainText('Pasientutsatt (L) er registrert på forløpet');

  await page
    .getByRole('navigation', { name: 'Hovedmeny' })
    .getByRole('button', { name: /Ikke møtt/ })
    .click();
  await page.getByRole('button', { name: 'Dagens brev (2)' }).click();
  const batch = ns.dialog('Dagens brev');
  await ns.settled();
  await batch.getByRole('button', { name: 'Lag brevene' }).click();
  await expect(batch.getByText('Brevene er klare: 2 av 2')).toBeVisible();
  await expect(batch.getByRole('progressbar')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/noshow-batch-ready.png' });
  await batch.getByRole('button', { name: 'Vis og skriv ut (2 brev)' }).click();
  const preview = ns.dialog('Dagens brev (2)');
  await preview.waitFor();
  const text = await printPreviewToPdf(page, 'test-results/print/noshow-batch.pdf');
  expect(text.split('\f').filter((p) => p.trim() !== '').length).toBeGreaterThanOrEqual(2);
  expect(text).toContain('Timen din');
  expect(text).toContain('Tilbakemelding: Kari Testesen møtte ikke til time');
  await ns.printAndClose(preview);
  await expect(page.getByRole('button', { name: 'Dagens brev (0)' })).toBeVisible();
  await expect(page.getByRole('grid', { name: 'Ikke møtt' }).getByRole('row', { name: /Kari Testesen/ })).toContainText('Venter på svar');
});

test('the policy and the letter templates are settings', async ({ page, app }) => {
  await openWithProfile(page, app);
  await page.getByRole('button', { name: /Innstillinger/ }).click();
  const policy = page.getByRole('form', { name: 'Regler for ikke møtt' });
  await expect(policy.getByLabel('Antall kontaktforsøk')).toHaveValue('2');
  await expect(policy.getByLabel('Dager til første kontakt')).toHaveValue('7');
  await policy.getByLabel('Antall kontaktforsøk').fill('9');
  await policy.getByRole('button', { name: 'Lagre regler' }).click();
  await expect(policy.getByLabel('Antall kontaktforsøk')).toHaveAccessibleDescription(/fra 1 til 5/);
  await policy.getByLabel('Antall kontaktforsøk').fill('3');
  await policy.getByRole('button', { name: 'Lagre regler' }).click();
  await expect(policy.getByRole('status')).toContainText('Lagret');

  const templates = page.getByRole('form', { name: 'Brevmal' });
  await expect(templates.getByLabel('Brevtekst')).toHaveValue(/Statsforvalteren/);
  const body = await templates.getByLabel('Brevtekst').inputValue();
  await templates.getByLabel('Brevtekst').fill(body.replace(/Hvis du er uenig[^]*?gratis\./, '').replace('Hei, {{patient.name}}', 'Hei, {{pasient.navn}}'));
  await templates.getByRole('button', { name: 'Lagre mal' }).click();
  await expect(templates.getByLabel('Brevtekst')).toHaveAccessibleDescription(/Ukjent flettefelt i avsnitt \d+\. Velg feltene fra listen\./);
  await expect(templates.getByLabel('Brevtekst')).toHaveAccessibleDescription(/Statsforvalteren/);
  await page.screenshot({ path: 'test-results/screens/noshow-settings.png', fullPage: true });
  await expectNoSeriousA11yViolations(page);
});
