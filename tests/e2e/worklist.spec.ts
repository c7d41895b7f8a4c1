import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openWithProfile, test } from './fixtures';
import { printPreviewToPdf } from './print';
import { shots } from './shots';
import { isoDay, printed, referralInput, rpc, screen, shownDay, WorklistPage } from './pages/worklist';

// Leave the app before the server stops: a page that keeps polling holds its keep-alive connection open and
// the server's close() then waits for it (seen as "Tearing down app exceeded the test timeout").
test.afterEach(async ({ page }) => {
  await page.goto('about:blank');
});

const KARI = '01868512381';
const OLA = '02868500185';

test('a first attendance recorded with the keyboard moves the next action and the due date', async ({ page, app }) => {
  await openWithProfile(page, app);
  await rpc(page, app, 'referrals.create', referralInput('Kari Testesen', KARI, -3));
  const wl = new WorklistPage(page);
  await page.reload();
  await wl.grid.waitFor();
  const row = wl.row(/Kari Testesen/);
  // Received 3 days ago, not assessed: the legal 10-working-day assessment is next.
  await expect(row).toContainText('Vurder henvisningen');

  await wl.selectWithKeyboard('Kari Testesen');
  // v: henvisning vurdert, prefilled with today; the care deadline typed in.
  await page.keyboard.press('v');
  const assess = wl.dialog('Henvisning vurdert');
  await expect(assess).toBeVisible();
  await expect(assess.getByLabel('Henvisning vurdert', { exact: true })).toHaveValue(shownDay(0));
  // The rights assessment (issue #13): only "right" starts the pathway and shows the care deadline field.
  await assess.getByLabel('Rettighetsvurdering').selectOption('right');
  await assess.getByLabel('Retten gjelder').selectOption('treatment');
  await assess.getByLabel('Frist for nødvendig helsehjelp').fill(shownDay(30));
  await page.keyboard.press('Enter');
  await expect(assess).toBeHidden();
  await expect(row).toContainText('Start helsehjelp innen frist');
  await expect(row).toContainText(shownDay(30));

  // f: first attendance, prefilled with today, saved with Enter; the code is shown before saving.
  await expect(wl.grid).toBeFocused();
  await page.keyboard.press('f');
  const fa = wl.dialog('Første fremmøte');
  await expect(fa).toBeVisible();
  await expect(fa.getByLabel('Dato', { exact: true })).toHaveValue(shownDay(0));
  await expect(fa.getByText('D11F')).toBeVisible();
  await wl.settled();
  await page.keyboard.press('Enter');
  await expect(fa).toBeHidden();
  // D11: first attendance → clinical decision, 42 days (unconfirmed, shown as such in the explanation).
  await expect(row).toContainText('Klinisk beslutning');
  await expect(row).toContainText(shownDay(42));
  await expect(wl.panel).toContainText('Regnes fra');
  await expect(wl.panel).toContainText(`Første fremmøte ${shownDay(0)}`);
  await expect(wl.panel).toContainText('Ikke bekreftet');
  await page.screenshot({ path: screen('worklist-after-first-attendance') });

  // The patient page's Forløp shows the events with their codes.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Kari Testesen' })).toBeVisible();
  const events = page.getByRole('table').filter({ hasText: 'Hendelse' });
  await expect(events.getByRole('row', { name: /Første fremmøte/ })).toContainText('D11F');
  await expect(events.getByRole('row', { name: /Forløpsstart/ })).toContainText('D11A');
  await events.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screen('patient-forlop') });
});

test('an overdue deadline asks for a breach reason and keeps it', async ({ page, app }) => {
  await openWithProfile(page, app);
  await rpc(page, app, 'referrals.create', referralInput('Ola Forsinket', OLA, -30));
  await rpc(page, app, 'referrals.create', referralInput('Kari Testesen', KARI, -1));
  const wl = new WorklistPage(page);
  await page.reload();
  await wl.grid.waitFor();
  await expect(page.getByRole('button', { name: 'Overskredet: 1' })).toBeVisible();
  const row = wl.row(/Ola Forsinket/);
  await expect(row).toContainText(/Overskredet, \d+ dager over fristen/);
  await expect(row.getByLabel('Årsak mangler')).toBeVisible();

  await wl.selectWithKeyboard('Ola Forsinket');
  await expect(wl.panel.getByText('Fristen er passert. Oppgi årsak til overskridelse')).toBeVisible();
  await page.screenshot({ path: screen('worklist-breach-prompt') });
  await wl.panel.getByRole('button', { name: 'Lagre årsak' }).click();
  await expect(wl.panel.getByRole('combobox', { name: 'Årsak til overskridelse' })).toHaveAccessibleDescription('Velg årsak');
  await wl.panel.getByRole('combobox', { name: 'Årsak til overskridelse' }).selectOption({ label: 'Manglende kapasitet' });
  await wl.panel.getByLabel('Utdyping (valgfritt)').fill('Sykefravær i teamet');
  await wl.panel.getByRole('button', { name: 'Lagre årsak' }).click();
  await expect(wl.panel.getByText('Årsak til overskridelse: Manglende kapasitet – Sykefravær i teamet')).toBeVisible();
  await expect(row.getByLabel('Årsak mangler')).toHaveCount(0);
});

test('the explanation panel says why the deadline falls where it does', async ({ page, app }) => {
  await openWithProfile(page, app);
  await rpc(page, app, 'referrals.create', referralInput('Kari Testesen', KARI, -2));
  const wl = new WorklistPage(page);
  await page.reload();
  await wl.grid.waitFor();
  await wl.selectWithKeyboard('Kari Testesen');
  await expect(wl.panel.getByRole('heading', { name: 'Neste steg: Vurder henvisningen' })).toBeVisible();
  const explanation = wl.panel.getByRole('definition').first();
  await expect(explanation).toContainText(`Henvisning mottatt ${shownDay(-2)}`);
  await expect(wl.panel).toContainText('10 virkedager');
  await expect(wl.panel).toContainText('Pasient- og brukerrettighetsloven § 2-2');
  await expect(wl.panel).toContainText('Bekreftet');
  await page.screenshot({ path: screen('worklist-explanation') });
});

test('the side panel shows the selected row at once; only the explanation waits for the server', async ({ page, app }) => {
  await openWithProfile(page, app);
  await rpc(page, app, 'referrals.create', referralInput('Kari Testesen', KARI, -2));
  // The explanation is held back until the panel has been looked at without it.
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/rpc', async (route) => {
    if ((JSON.parse(route.request().postData() ?? '{}') as { method?: string }).method === 'pathways.getExplanation') await held;
    await route.continue();
  });
  const wl = new WorklistPage(page);
  await page.reload();
  await wl.grid.waitFor();
  // Before: the next step was missing and the keys greyed out until the server answered.
  await expect(wl.panel.getByRole('heading', { name: 'Neste steg: Vurder henvisningen' })).toBeVisible();
  await expect(wl.panel).toContainText('Henter forklaringen');
  const keys = wl.panel.locator('.key-list button');
  await expect(keys.first()).toBeEnabled();
  await expect(keys.last()).toBeEnabled();
  await shots(page, 'worklist-panel-waiting');
  release();
  await expect(wl.panel.getByRole('definition').first()).toContainText(`Henvisning mottatt ${shownDay(-2)}`);
  await expect(wl.panel).not.toContainText('Henter forklaringen');
  await shots(page, 'worklist-panel-explained');
});

test('the printed patient summary says what happens next, when, who is responsible and how to reach us', async ({ page, app }) => {
  await openWithProfile(page, app);
  const created = (await rpc(page, app, 'referrals.create', referralInput('Kari Testesen', KARI, -5))) as { patientId: number; pathwayId: number };
  await rpc(page, app, 'pathways.assess', {
    pathwayId: created.pathwayId,
    rightsDecision: 'right',
    careKind: 'treatment',
    assessedOn: isoDay(-1),
    careDeadline: isoDay(20),
  });
  const wl = new WorklistPage(page);
  await page.reload();
  await wl.grid.waitFor();
  await wl.row(/Kari Testesen/).dblclick();
  await page.getByRole('button', { name: 'Skriv ut pasientoppsummering' }).click();
  await expect(page.getByTestId('print-preview')).toBeVisible();
  const text = await printPreviewToPdf(page, printed('patient-summary'));
  expect(text).toContain('Ditt pasientforløp');
  expect(text).toContain('Dette skjer nå');
  expect(text).toContain(`Behandlingen skal starte senest ${shownDay(20)}`);
  expect(text).toContain('Kari Koordinator');
  expect(text).toContain('22 33 44 55');
  expect(text).toContain('Side 1 av 1');
  expect(text).not.toContain(KARI);
});

test('Regler shows the rules in force with source and confidence; a local version takes over from its date', async ({ page, app }) => {
  await openWithProfile(page, app);
  await page.getByRole('button', { name: /^Regler/ }).click();
  const d11 = page.getByRole('region', { name: 'D11 Psykiske lidelser – voksne' });
  await expect(d11.getByText('Gjelder nå', { exact: true })).toBeVisible();
  await expect(d11.getByRole('row', { name: /Første fremmøte.*Klinisk beslutning/ }).first()).toContainText('Ikke bekreftet');
  await page.screenshot({ path: screen('rules') });

  await d11.getByRole('button', { name: 'Ny lokal versjon' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ny lokal versjon' });
  await dialog.getByRole('button', { name: 'Lagre lokal versjon' }).click();
  await expect(dialog.getByText('Skriv lokal kilde (for eksempel vedtak eller prosedyre)')).toBeVisible();
  await dialog.getByLabel('Lokal kilde').fill('Vedtak i klinikkledelsen 01.11.2026');
  await dialog.getByLabel('Dager, Poliklinikk: Første fremmøte → Klinisk beslutning').fill('35');
  await dialog.getByRole('button', { name: 'Lagre lokal versjon' }).click();
  await expect(dialog).toBeHidden();
  await expect(d11.getByText(`Lokal versjon fra ${shownDay(0)}`)).toBeVisible();
  await expect(d11.getByRole('row', { name: /Poliklinikk.*Første fremmøte/ }).first()).toContainText('35 dager');
  await expect(d11.getByRole('row', { name: /Poliklinikk.*Første fremmøte/ }).first()).toContainText('Lokal regel');
});

test('Oversikt shows the indicators with national figures, each figure opening its patients', async ({ page, app }) => {
  await openWithProfile(page, app);
  await rpc(page, app, 'referrals.create', referralInput('Ola Forsinket', OLA, -30));
  await rpc(page, app, 'referrals.create', referralInput('Kari Testesen', KARI, -2));
  await page.getByRole('button', { name: /^Oversikt/ }).click();
  const row = page.getByRole('row', { name: /Henvisninger vurdert innen 10 virkedager/ });
  await expect(row).toContainText('0 %');
  // Issue #13: 72/82/55 % stand beside "assessment completed within pathway time" only.
  await expect(page.getByRole('row', { name: /Utredning gjennomført innen forløpstid/ })).toContainText('72 % voksne, 82 % TSB, 55 % barn og unge');
  await expect(page.getByRole('row', { name: /Helsehjelp startet innen frist/ })).not.toContainText('72 %');
  await page.screenshot({ path: screen('overview') });
  await row.getByRole('button', { name: /ikke innen tid: 1 pasienter/ }).click();
  const list = page.getByRole('region', { name: /ikke innen tid/ });
  await expect(list.getByRole('button', { name: 'Ola Forsinket' })).toBeVisible();
  await list.getByRole('button', { name: 'Ola Forsinket' }).click();
  await expect(page.getByRole('heading', { name: 'Ola Forsinket' })).toBeVisible();
});

async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('the worklist with its side panel, the event dialog, Regler and Oversikt pass an axe scan', async ({ page, app }) => {
  await openWithProfile(page, app);
  await rpc(page, app, 'referrals.create', referralInput('Ola Forsinket', OLA, -30));
  const wl = new WorklistPage(page);
  await page.reload();
  await wl.selectWithKeyboard('Ola Forsinket');
  await expect(wl.panel.getByText('Fristen er passert')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press('b');
  await expect(wl.dialog('Klinisk beslutning')).toBeVisible();
  await wl.settled();
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /^Regler/ }).click();
  await expect(page.getByRole('heading', { name: 'Regler', level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: /^Oversikt/ }).click();
  await expect(page.getByRole('heading', { name: 'Oversikt', level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
