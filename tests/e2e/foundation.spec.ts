import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openWithProfile, test } from './fixtures';
import { ReferralForm } from './pages/referral-form';

const VALID = {
  name: 'Kari Testesen',
  nationalId: '01868512381',
  birthDate: '01.06.1985',
  pathwayType: 'D11 Psykiske lidelser – voksne',
  received: '02.11.2026',
  municipalityNumber: '0301',
};

async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('a coordinator registers a referral through the form and sees the patient on the worklist', async ({ page, app }) => {
  await openWithProfile(page, app);
  await expect(page.getByText('Arbeidslisten er tom')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/worklist-empty.png' });

  const form = new ReferralForm(page);
  await form.open();
  await form.fill(VALID);
  await form.submit();

  // Saving opens the patient page.
  await expect(page.getByRole('heading', { name: 'Kari Testesen' })).toBeVisible();
  await expect(page.getByText('018685 *****')).toBeVisible();
  await expect(page.getByText('0301 Oslo')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/patient-page.png' });

  await page.keyboard.press('Escape');
  const grid = page.getByRole('grid', { name: 'Arbeidsliste' });
  await expect(grid.getByRole('row', { name: /Kari Testesen/ })).toBeVisible();
  await expect(grid.getByRole('row', { name: /Kari Testesen/ })).toContainText('018685 *****');
  // Received 02.11.2026 and not assessed: the next action is the legal assessment, due 10 working days later.
  await expect(grid.getByRole('row', { name: /Kari Testesen/ })).toContainText('Vurder henvisningen');
  await expect(grid.getByRole('row', { name: /Kari Testesen/ })).toContainText('16.11.2026');
  await expect(page.getByText('1 åpent forløp')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/worklist.png' });

  // Keyboard: focus the list, Enter opens the selected patient.
  await page.getByTestId('worklist-scroll').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Kari Testesen' })).toBeVisible();
});

test('an invalid national id shows the error by the field and saves nothing', async ({ page, app }) => {
  await openWithProfile(page, app);
  const form = new ReferralForm(page);
  await form.open();
  await form.fill({ ...VALID, nationalId: '01868512382' });
  await form.submit();
  await expect(form.field('Fødselsnummer / D-nummer')).toHaveAccessibleDescription(/Fødselsnummeret har feil kontrollsiffer/);
  await expect(form.dialog.getByText('Fødselsnummeret har feil kontrollsiffer')).toBeVisible();
  // What was typed is kept.
  await expect(form.dialog.getByLabel('Navn', { exact: true })).toHaveValue('Kari Testesen');
  await page.screenshot({ path: 'test-results/screens/referral-form-errors.png' });
  await form.dialog.getByRole('button', { name: 'Avbryt' }).click();
  await expect(page.getByText('Arbeidslisten er tom')).toBeVisible();
  await expect(page.getByText('0 åpne forløp')).toBeVisible();
});

test('a duplicate active pathway is refused with a clear message', async ({ page, app }) => {
  await openWithProfile(page, app);
  const form = new ReferralForm(page);
  for (let i = 0; i < 2; i++) {
    await page.getByRole('button', { name: 'Arbeidsliste' }).click();
    await form.open();
    await form.fill(VALID);
    await form.submit();
  }
  await expect(form.field('Forløpstype')).toHaveAccessibleDescription(/Pasienten har allerede et aktivt forløp av denne typen/);
});

test('every screen passes an axe scan with no serious or critical violations', async ({ page, app }) => {
  await page.goto(app.url);
  await expectNoSeriousA11yViolations(page); // first run
  await openWithProfile(page, app);
  await expectNoSeriousA11yViolations(page); // empty worklist
  const form = new ReferralForm(page);
  await form.open();
  await expectNoSeriousA11yViolations(page); // form
  await form.fill(VALID);
  await form.submit();
  await expect(page.getByRole('heading', { name: 'Kari Testesen' })).toBeVisible();
  await expectNoSeriousA11yViolations(page); // patient page
  await page.keyboard.press('Escape');
  await expect(page.getByRole('grid', { name: 'Arbeidsliste' })).toBeVisible();
  await expectNoSeriousA11yViolations(page); // worklist with rows
  // Every main screen, as the navigation lists them (each feature's own specs scan its dialogs and tabs).
  const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
  for (const label of ['Ikke møtt', 'Møter', 'Planer', 'Kontakter', 'Oversikt', 'Regler', 'Innstillinger']) {
    await nav.getByRole('button', { name: new RegExp(`^${label}`) }).click();
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^${label}`) })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  }
});

test('the bridge answers 401 without the token, 403 for a foreign origin or host', async ({ request, app }) => {
  const rpc = `${app.origin}/rpc`;
  const body = { method: 'app.info', input: {} };
  expect((await request.post(rpc, { data: body })).status()).toBe(401);
  expect((await request.post(rpc, { data: body, headers: { Authorization: 'Bearer wrong' } })).status()).toBe(401);
  const auth = { Authorization: `Bearer ${app.token}` };
  expect((await request.post(rpc, { data: body, headers: { ...auth, Origin: 'http://evil.example' } })).status()).toBe(403);
  expect((await request.post(rpc, { data: body, headers: { ...auth, Host: 'evil.example' } })).status()).toBe(403);
  const ok = await request.post(rpc, { data: body, headers: auth });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toMatchObject({ ok: true, value: { transport: 'browser', demo: true } });
});
