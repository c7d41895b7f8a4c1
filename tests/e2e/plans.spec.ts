import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openWithProfile, test } from './fixtures';
import { printPreviewToPdf } from './print';
import { PlanPage, typedDate } from './pages/plan-page';
import { ReferralForm } from './pages/referral-form';
import { shots } from './shots';

/** The app scrolls inside <main>: grow the window to the content for a screenshot of the whole tab. */
async function screenshotWhole(page: Page, path: string): Promise<void> {
  const height = await page.locator('main').evaluate((el) => el.scrollHeight);
  await page.setViewportSize({ width: 1400, height: Math.min(height + 120, 5000) });
  await page.screenshot({ path });
  await page.setViewportSize({ width: 1400, height: 900 });
}

const SECTIONS = [
  '1. Mål, ressurser og behov',
  '2. Hvem som deltar i planarbeidet',
  '3. Koordinator',
  '4. Bidrag fra pasient, tjenester og pårørende',
  '5. Tiltak og ansvar',
  '6. Hvordan tiltakene gjennomføres',
  '7. Planperiode og revisjon',
  '8. Samtykke',
  '9. Samarbeid med andre tjenester',
];

test('a coordinator makes an individual plan, records consent, holds a revision, opens the old version and prints it', async ({ page, app }) => {
  await openWithProfile(page, app);
  const form = new ReferralForm(page);
  await form.register('Kari Testesen', typedDate(-20));
  await expect(page.getByRole('heading', { name: 'Kari Testesen' })).toBeVisible();

  // The municipal coordinator is in the contact directory (added through the contract, as the Kontakter screen does).
  const saved = await page.request.post(`${app.origin}/rpc`, {
    headers: { Authorization: `Bearer ${app.token}` },
    data: {
      method: 'contacts.save',
      input: { name: 'Mona Koordinator', role: 'municipal_coordinator', organisation: 'Koordinerende enhet, Oslo kommune', municipalityNumber: '0301' },
    },
  });
  expect((await saved.json()).ok).toBe(true);

  const plan = new PlanPage(page);
  await plan.openTab();
  await expect(page.getByText('Ingen individuell plan ennå')).toBeVisible();
  await shots(page, 'plan-empty');
  await plan.create({
    to: typedDate(300),
    revision: typedDate(60),
    coordinator: 'Mona Koordinator',
    fromDirectory: true,
    patientContribution: 'Jeg møter til avtalene og sier fra når det er tungt.',
  });
  await expect(page.getByRole('region', { name: '3. Koordinator' })).toContainText('Koordinerende enhet, Oslo kommune');

  // The screen reads like the § 19 list, in order.
  await expect(page.getByRole('heading', { name: SECTIONS[8] })).toBeVisible();
  const headings = await page.getByRole('heading', { level: 3 }).allTextContents();
  expect(headings.filter((h) => /^\d\. /.test(h))).toEqual(SECTIONS);

  await plan.addParticipant('Kari Testesen', 'Pasient', '');
  await plan.addParticipant('Per Hansen', 'NAV-veileder', 'NAV Grünerløkka');
  await plan.addGoal('Jeg vil klare å handle mat selv', typedDate(90));
  await plan.addGoal('Jeg vil sove hele natten', typedDate(120));
  await plan.addMeasure({
    what: 'Samtaler med behandler',
    scope: '1 time per uke',
    responsible: 'DPS Testby',
    start: typedDate(-10),
    due: typedDate(80),
    how: 'Samtaler på DPS, annenhver gang på video.',
    goal: 'Jeg vil sove hele natten',
  });
  await plan.addMeasure({
    what: 'Følge til butikken',
    scope: 'To ganger per uke',
    responsible: 'Hjemmetjenesten',
    start: typedDate(-14),
    due: typedDate(-2),
    how: 'Hjemmetjenesten følger til nærbutikken.',
    goal: 'Jeg vil klare å handle mat selv',
  });
  await plan.addMeasure({ what: 'Søke arbeidsavklaringspenger', scope: 'Én søknad', responsible: 'NAV Grünerløkka', how: 'Veileder hjelper med søknaden.' });

  const measures = page.getByRole('table', { name: 'Tiltak' });
  await expect(measures.getByRole('row')).toHaveCount(4);
  await expect(measures.getByRole('row', { name: /Følge til butikken/ })).toContainText('Overskredet');
  await expect(measures.getByRole('row', { name: /Samtaler med behandler/ })).toContainText('Mål: «Jeg vil sove hele natten»');

  // Without consent: drafted, not printable, and the screen says why.
  await expect(plan.printButton()).toBeDisabled();
  await expect(plan.printButton()).toHaveAccessibleDescription(
    /Samtykke er ikke registrert – planen kan utarbeides, men ikke deles eller skrives ut for andre/,
  );
  await screenshotWhole(page, 'test-results/screens/plan-draft.png');

  // Only allowed status changes are offered; a progress note is dated.
  const status = page.getByLabel('Status for Samtaler med behandler');
  await expect(status.locator('option')).toHaveText(['Planlagt', '→ Pågår', '→ Avbrutt', '→ Fullført']);
  await status.selectOption({ label: '→ Pågår' });
  await expect(status).toHaveValue('ongoing');
  await page.getByRole('button', { name: 'Nytt fremdriftsnotat for Samtaler med behandler' }).click();
  const note = plan.dialog('Nytt fremdriftsnotat');
  await note.getByLabel('Notat', { exact: true }).fill('Første samtale holdt, god kontakt.');
  await note.getByRole('button', { name: 'Lagre notat' }).click();
  await expect(page.getByRole('list', { name: 'Fremdrift – Samtaler med behandler' })).toContainText('Første samtale holdt, god kontakt.');

  await plan.recordConsent('Kari Testesen', ['Per Hansen']);
  await expect(plan.printButton()).toBeEnabled();
  await expect(page.getByText('Samtykke gitt', { exact: true }).first()).toBeVisible();

  // Revision: each goal evaluated; an unevaluated goal is pointed out next to it.
  await page.getByRole('button', { name: 'Gjennomfør revisjon' }).click();
  const rev = plan.dialog('Revisjon av planen');
  await rev.getByRole('group', { name: /Mål 1/ }).getByRole('radio', { name: 'Delvis nådd' }).check();
  await rev.getByRole('group', { name: /Mål 1/ }).getByLabel('Merknad').fill('Handler med følge, ikke alene ennå.');
  await rev.getByRole('button', { name: 'Fullfør revisjon' }).click();
  await expect(rev.getByText('Målet «Jeg vil sove hele natten» er ikke evaluert')).toBeVisible();
  await rev.getByRole('group', { name: /Mål 2/ }).getByRole('radio', { name: 'Nådd', exact: true }).check();
  await rev.getByLabel('Neste revisjon').fill(typedDate(150));
  await plan.settled();
  await shots(page, 'plan-revision');
  await rev.getByRole('button', { name: 'Fullfør revisjon' }).click();
  await expect(page.getByText('Revisjonen er fullført. Planen er tatt vare på som versjon 1.')).toBeVisible();

  // Change the plan after the revision, then open the old version and compare.
  await page.getByRole('button', { name: 'Endre målet Jeg vil klare å handle mat selv' }).click();
  const goal = plan.dialog('Endre mål');
  await goal.getByLabel('Målet').fill('Jeg vil handle mat helt alene');
  await goal.getByRole('button', { name: 'Lagre mål' }).click();
  await expect(page.getByText('«Jeg vil handle mat helt alene»', { exact: true })).toBeVisible();
  await screenshotWhole(page, 'test-results/screens/plan-full.png');

  await page.getByRole('button', { name: 'Åpne versjon 1' }).click();
  const version = page.getByRole('dialog', { name: /Versjon 1 – revisjon/ });
  await expect(version.getByRole('cell', { name: 'Delvis nådd' })).toBeVisible();
  await expect(version.getByText('Mål endret fra «Jeg vil klare å handle mat selv» til «Jeg vil handle mat helt alene»')).toBeVisible();
  await expect(version.getByText('Jeg vil klare å handle mat selv (innen')).toBeVisible();
  await plan.settled();
  await page.screenshot({ path: 'test-results/screens/plan-version.png' });

  await version.getByRole('button', { name: 'Skriv ut denne versjonen' }).click();
  await expect(page.getByTestId('print-preview')).toBeVisible();
  const text = await printPreviewToPdf(page, 'test-results/print/plan-version-1.pdf');
  const flat = text.replace(/\s+/g, ' ');
  let at = 0;
  for (const h of SECTIONS) {
    const i = flat.indexOf(h, at);
    expect(i, `section "${h}" in order`).toBeGreaterThan(at - 1);
    at = i;
  }
  expect(flat).toContain('Individuell plan');
  expect(flat).toContain('Kari Testesen');
  expect(flat).toContain('Versjon 1, fastsatt ved revisjon');
  expect(flat).toContain('Jeg vil klare å handle mat selv');
  expect(flat).toContain('Jeg, Kari Testesen, samtykker til at det utarbeides en individuell plan for meg.');
  expect(flat).toMatch(/Per Hansen \(NAV- ?veileder, NAV Grünerløkka\)/); // the line may break after the hyphen
  expect(flat).toContain('Underskrift');
  expect(flat).toContain('Evaluering av målene ved revisjonen');
  expect(flat).toContain('Delvis nådd');
  expect(flat).toMatch(/Side 1 av \d/);
  await page.getByRole('dialog', { name: 'Individuell plan' }).getByRole('button', { name: 'Lukk' }).last().click();

  // The current plan prints too.
  await plan.printButton().click();
  const current = (await printPreviewToPdf(page, 'test-results/print/plan-current.pdf')).replace(/\s+/g, ' ');
  expect(current).toContain('Gjeldende plan');
  expect(current).toContain('Jeg vil handle mat helt alene');
  await page.getByRole('dialog', { name: 'Individuell plan' }).getByRole('button', { name: 'Lukk' }).last().click();

  // Planer: the overdue measure puts the patient on the list; keyboard opens the plan.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /^Planer/ }).click();
  const grid = page.getByRole('grid', { name: 'Planer' });
  const row = grid.getByRole('row', { name: /Kari Testesen/ });
  await expect(row).toContainText('Overskredet');
  await expect(row).toContainText('1 tiltak');
  await page.screenshot({ path: 'test-results/screens/plans-screen.png' });
  await grid.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: 'Individuell plan', selected: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: '1. Mål, ressurser og behov' })).toBeVisible();
});

test('the Planer screen says what it is for when no plan needs attention', async ({ page, app }) => {
  await openWithProfile(page, app);
  await page.getByRole('button', { name: /^Planer/ }).click();
  await expect(page.getByRole('heading', { name: 'Planer', level: 1 })).toBeVisible();
  await expect(page.getByText('Ingen planer trenger oppfølging nå')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/plans-empty.png' });
});

test('the plan tab and the Planer screen pass an axe scan with no serious or critical violations', async ({ page, app }) => {
  await openWithProfile(page, app);
  const rpc = async (method: string, input: unknown) => {
    const res = await page.request.post(`${app.origin}/rpc`, { headers: { Authorization: `Bearer ${app.token}` }, data: { method, input } });
    const body = (await res.json()) as { ok: boolean; value: Record<string, number> };
    expect(body.ok, method).toBe(true);
    return body.value;
  };
  const iso = (offset: number) => typedDate(offset).split('.').reverse().join('-');
  const { patientId } = await rpc('referrals.create', {
    patient: {
      name: 'Ola Hansen',
      nationalId: '01868510028',
      birthDate: '1985-06-01',
      phone: '',
      address: '',
      postalCode: '',
      postalPlace: '',
      municipalityNumber: '',
      gpName: '',
    },
    pathway: { pathwayType: 'tsb', setting: 'outpatient', referralReceived: iso(-5), referralAssessed: null },
  });
  await rpc('plans.save', {
    patientId,
    period: { from: iso(-5), to: iso(200) },
    revisionDates: [iso(10)],
    coordinator: { name: 'Mona', organisation: 'Oslo kommune' },
    cooperation: '',
    contributions: { patient: '', services: '', relatives: '' },
  });
  const goal = await rpc('plans.saveGoal', { patientId, goal: { text: 'Jeg vil ha en jobb', targetDate: null } });
  await rpc('plans.saveMeasure', {
    patientId,
    measure: { what: 'Arbeidstrening', scope: '', howCarriedOut: '', responsible: 'NAV', startDate: null, dueDate: iso(-1), goalId: goal.id },
  });

  await page.getByRole('button', { name: /^Planer/ }).click();
  await expect(page.getByRole('grid', { name: 'Planer' }).getByRole('row', { name: /Ola Hansen/ })).toBeVisible();
  const scan = async () => {
    const results = await new AxeBuilder({ page }).analyze();
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  };
  expect(await scan()).toEqual([]);
  await page.getByTestId('plans-grid').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '5. Tiltak og ansvar' })).toBeVisible();
  expect(await scan()).toEqual([]);
});
