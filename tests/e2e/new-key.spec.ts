import type { Locator, Page } from '@playwright/test';
import { expect, openWithProfile, test } from './fixtures';
import { isoDay, patientWithNoShow, rpc } from './pages/worklist';
import { shots } from './shots';

// Issue #16 / UI.md: `n` means "new" of the current screen (the patient page: of its open tab); `?` lists it.
// Screens without a new thing of their own (and Arbeidsliste) keep "Ny henvisning".

async function go(page: Page, key: string, heading: string): Promise<void> {
  await page.keyboard.press('g');
  await page.keyboard.press(key);
  await expect(page.getByRole('heading', { name: heading, exact: true, level: 1 })).toBeVisible();
}

/** Presses n and expects the dialog of that name; closes it again with Avbryt (nothing typed, so nothing asked). */
async function pressN(page: Page, dialogName: string, first?: (dialog: Locator) => Locator): Promise<void> {
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: dialogName, exact: true });
  await expect(dialog).toBeVisible();
  if (first) await expect(first(dialog)).toBeFocused();
  await shots(page, `new-${dialogName.toLowerCase().replace(/[^a-zæøå]+/g, '-')}`);
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await expect(dialog).toBeHidden();
}

/** `?` lists `n` with what it opens here. */
async function helpSays(page: Page, what: string): Promise<void> {
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Hurtigtaster' });
  const nRows = help
    .getByRole('table', { name: /^Hurtigtaster på / })
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: 'n', exact: true }) });
  await expect(nRows).toHaveCount(1);
  await expect(nRows).toHaveText(new RegExp(`^n\\s*${what}$`));
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
}

test('n opens the new thing of each screen and each patient tab, and ? lists it', async ({ page, app }) => {
  await openWithProfile(page, app);
  const { patientId } = await patientWithNoShow(page, app, 'Kari Testesen', '01868512381', 3);
  await rpc(page, app, 'plans.save', {
    patientId,
    period: { from: isoDay(-5), to: isoDay(200) },
    revisionDates: [isoDay(10)],
    coordinator: { name: 'Mona', organisation: 'Oslo kommune' },
    cooperation: '',
    contributions: { patient: '', services: '', relatives: '' },
  });
  await page.reload();
  await expect(page.getByRole('grid', { name: 'Arbeidsliste' })).toBeFocused();

  // Arbeidsliste keeps "Ny henvisning".
  await pressN(page, 'Ny henvisning');
  await helpSays(page, 'Ny henvisning');

  await go(page, 'e', 'Møter');
  await pressN(page, 'Nytt samarbeidsmøte');
  await helpSays(page, 'Nytt møte');

  await go(page, 'k', 'Kontakter');
  await pressN(page, 'Ny kontakt', (d) => d.getByLabel('Navn', { exact: true }));
  await helpSays(page, 'Ny kontakt');

  await go(page, 'r', 'Regler');
  await helpSays(page, 'Ny lokal versjon');
  // As a person would: n once the rules are on screen (n opens a version of the pathway in focus, else the first).
  await expect(page.getByRole('button', { name: 'Ny lokal versjon' }).first()).toBeVisible();
  await pressN(page, 'Ny lokal versjon');

  // Ikke møtt: the chosen case opens on the patient's tab with a contact attempt.
  await go(page, 'm', 'Ikke møtt');
  await expect(page.getByRole('grid').getByRole('row', { name: /Kari Testesen/ })).toBeVisible();
  await helpSays(page, 'Registrer kontaktforsøk i valgt sak');
  await pressN(page, 'Registrer kontaktforsøk');
  await expect(page.getByRole('heading', { name: 'Kari Testesen', level: 1 })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Ikke møtt', selected: true })).toBeVisible();

  // The patient page: each tab's own new thing.
  const tab = async (name: string) => {
    await page.getByRole('tab', { name, exact: true }).click();
    await expect(page.getByRole('tab', { name, selected: true })).toBeVisible();
  };
  await helpSays(page, 'Registrer kontaktforsøk');
  await pressN(page, 'Registrer kontaktforsøk');
  await tab('Timer');
  await pressN(page, 'Ny time');
  await tab('Møter');
  await pressN(page, 'Nytt samarbeidsmøte');
  await tab('Individuell plan');
  await helpSays(page, 'Nytt mål');
  await pressN(page, 'Nytt mål', (d) => d.getByLabel('Målet'));
  await tab('Pårørende');
  await page.keyboard.press('n');
  await expect(page.getByRole('button', { name: 'Lagre kontakt' })).toBeVisible();
  // A tab without a new thing of its own: "Ny henvisning".
  await tab('Logg');
  await pressN(page, 'Ny henvisning');

  // Planer: the chosen plan opens on its tab with a new goal.
  await go(page, 'p', 'Planer');
  await expect(page.getByRole('grid', { name: 'Planer' }).getByRole('row', { name: /Kari Testesen/ })).toBeVisible();
  await page.keyboard.press('n');
  const goal = page.getByRole('dialog', { name: 'Nytt mål', exact: true });
  await expect(goal).toBeVisible();
  await expect(goal.getByLabel('Målet')).toBeFocused();
  await shots(page, 'new-key-goal');
});

test('n right after start opens Ny henvisning at once: its code is loaded while the start is idle, not on the first press', async ({ page, app }) => {
  await openWithProfile(page, app);
  // Before: the dialog's code was asked for on the first press, and until it came the key seemed to do nothing.
  const loaded = page.waitForRequest((r) => /NewReferralDialog/.test(r.url()), { timeout: 10_000 });
  await page.reload();
  await page.getByRole('heading', { name: 'Arbeidsliste', exact: true }).waitFor();
  await loaded; // no key pressed yet
  await pressN(page, 'Ny henvisning');
});
