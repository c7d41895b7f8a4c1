import type { Page } from '@playwright/test';
import { answerDiscard, E2E_PIN, expect, openWithProfile, test, type AppServer } from './fixtures';
import { syntheticNationalId } from '../../shared/domain/national-id';
import { isoDay, referralInput, rpc, screen, shownDay } from './pages/worklist';
import { forbiddenWords } from './words';

function thirdId(): string {
  for (let i = 100; ; i++) {
    const id = syntheticNationalId('1990-03-15', i);
    if (id) return id;
  }
}

// Issue #16: a working day without losing typed work, with the keyboard habits of UI.md.
test.afterEach(async ({ page }) => {
  await page.goto('about:blank');
});

const KARI = '01868512381';

async function patientWithMeeting(page: Page, app: AppServer): Promise<number> {
  const { patientId } = (await rpc(page, app, 'referrals.create', referralInput('Kari Testesen', KARI, -3))) as { patientId: number };
  await rpc(page, app, 'meetings.create', { patientId, kind: 'evaluation', date: isoDay(0), time: '08:00', durationMinutes: 60, place: 'Møterom 1' });
  return patientId;
}

test('Esc in the minutes only leaves the field; leaving the meeting with unsaved minutes asks first', async ({ page, app }) => {
  await openWithProfile(page, app);
  await patientWithMeeting(page, app);
  await page.reload();
  await page
    .getByRole('grid', { name: 'Arbeidsliste' })
    .getByRole('row', { name: /Kari Testesen/ })
    .dblclick();
  await page.getByRole('tab', { name: 'Møter' }).click();
  await page.getByRole('table').getByRole('button').first().click();
  const decisions = page.getByLabel('Beslutninger');
  await decisions.click();
  await page.keyboard.type('Fortsette poliklinisk behandling.');
  await page.keyboard.press('Escape');
  // Still on the meeting, the text kept, the field left.
  await expect(decisions).toHaveValue('Fortsette poliklinisk behandling.');
  await expect(decisions).not.toBeFocused();
  // Esc again (outside the field) means back: it asks first (in the app); keeping on editing keeps the minutes.
  await page.keyboard.press('Escape');
  await answerDiscard(page, false);
  await expect(decisions).toHaveValue('Fortsette poliklinisk behandling.');
  // Leaving by the main menu asks too.
  await page.getByRole('button', { name: /^Møter/ }).click();
  await answerDiscard(page, false);
  await expect(decisions).toHaveValue('Fortsette poliklinisk behandling.');
  // "Forkast" leaves: the Møter screen, the minutes not saved.
  await page.getByRole('button', { name: /^Møter/ }).click();
  await answerDiscard(page, true);
  await expect(page.getByRole('heading', { name: 'Møter', exact: true })).toBeVisible();
  await expect(decisions).toBeHidden();
});

test('closing "Ny henvisning" with typed text asks first; a half-typed referral survives the lock', async ({ page, app }) => {
  await openWithProfile(page, app);
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'Ny henvisning' });
  await expect(dialog.getByLabel('Navn', { exact: true })).toBeFocused();
  await page.keyboard.type('Ola Halvveis');
  await dialog.getByLabel('Telefon', { exact: true }).fill('912 34 567');
  // Esc with unsaved text: asked in the app; Esc there (or "Fortsett å redigere") keeps the dialog and the text.
  await page.keyboard.press('Escape');
  const question = page.getByRole('alertdialog', { name: 'Forkaste endringene?' });
  await expect(question.getByRole('button', { name: 'Fortsett å redigere' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(question).toBeHidden();
  await expect(dialog.getByLabel('Navn', { exact: true })).toHaveValue('Ola Halvveis');

  // The core locks by its idle timer (as when the person walks away); the window notices on its next look.
  await rpc(page, app, 'lock.lock', { reason: 'idle' });
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  // Locked: nothing of the patient in the DOM.
  await expect(page.getByRole('heading', { name: 'Forløpsbenk er låst' })).toBeVisible();
  expect(await page.content()).not.toContain('Halvveis');
  await page.getByLabel('PIN-kode', { exact: true }).fill(E2E_PIN);
  await page.keyboard.press('Enter');
  // Unlocked: the form as it was.
  await expect(dialog.getByLabel('Navn', { exact: true })).toHaveValue('Ola Halvveis');
  await expect(dialog.getByLabel('Telefon', { exact: true })).toHaveValue('912 34 567');
  await page.screenshot({ path: screen('new-referral-after-unlock') });
  // Avbryt, agreed: gone, and a new form is empty.
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await answerDiscard(page, true);
  await expect(dialog).toBeHidden();
  await page.keyboard.press('n');
  await expect(dialog.getByLabel('Navn', { exact: true })).toHaveValue('');
});

test('Kontakter: a contact gets a postal address for letters; deleting one asks in the app first', async ({ page, app }) => {
  await openWithProfile(page, app);
  await page.getByRole('button', { name: /^Kontakter/ }).click();
  await expect(page.getByText('Kontaktlisten er tom')).toBeVisible();
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'Ny kontakt' });
  await expect(dialog.getByLabel('Navn', { exact: true })).toBeFocused();
  await page.keyboard.type('Per Fastlege');
  await dialog.getByLabel('Rolle').selectOption({ label: 'Fastlege' });
  await dialog.getByLabel('Adresse').fill('Storgata 1');
  await dialog.getByLabel('Postnummer').fill('12');
  await dialog.getByLabel('Poststed').fill('Oslo');
  await page.keyboard.press('Enter');
  await expect(dialog.getByLabel('Postnummer')).toHaveAccessibleDescription(/Postnummer har fire sifre/);
  await expect(dialog.getByLabel('Postnummer')).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('0150');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  const { rows } = (await rpc(page, app, 'contacts.list', {})) as { rows: { name: string; address: string; postalCode: string; postalPlace: string }[] };
  await expect(page.getByRole('row', { name: /Per Fastlege/ })).toContainText('Storgata 1, 0150 Oslo');
  await page.screenshot({ path: screen('contacts-1440') });
  expect(rows.find((c) => c.name === 'Per Fastlege')).toMatchObject({ address: 'Storgata 1', postalCode: '0150', postalPlace: 'Oslo' });

  // Deleting asks in the app (never the browser's own confirm); the safe choice has focus, Esc keeps the contact.
  const native: string[] = [];
  page.on('dialog', (d) => {
    native.push(d.message());
    void d.dismiss();
  });
  const question = page.getByRole('alertdialog', { name: 'Slette kontakten?' });
  await page.getByRole('button', { name: 'Slett Per Fastlege' }).click();
  await expect(question).toContainText('Per Fastlege slettes fra kontaktlisten');
  await expect(question.getByRole('button', { name: 'Avbryt' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(question).toBeHidden();
  await expect(page.getByRole('row', { name: /Per Fastlege/ })).toBeVisible();
  await page.getByRole('button', { name: 'Slett Per Fastlege' }).click();
  await question.getByRole('button', { name: 'Slett' }).click();
  await expect(page.getByText('Kontaktlisten er tom')).toBeVisible();
  expect(((await rpc(page, app, 'contacts.list', {})) as { rows: unknown[] }).rows).toEqual([]);
  expect(native).toEqual([]);
});

async function someRows(page: Page, app: AppServer): Promise<void> {
  await rpc(page, app, 'referrals.create', referralInput('Kari Testesen', KARI, -3));
  await rpc(page, app, 'referrals.create', referralInput('Ola Nordmann-Fjellheim', '02868500185', -40, 'adult_mental'));
}

test('arriving on Arbeidsliste puts focus on the list; / searches and Esc leaves the search without clearing it', async ({ page, app }) => {
  await openWithProfile(page, app);
  await someRows(page, app);
  await page.reload();
  const grid = page.getByRole('grid', { name: 'Arbeidsliste' });
  await expect(grid.getByRole('row', { name: /Kari Testesen/ })).toBeVisible();
  // No Tab presses: j/Enter work at once.
  await expect(grid).toBeFocused();
  // Leave and come back with g a (keyboard): focus on the list again.
  await page.keyboard.press('g');
  await page.keyboard.press('k');
  await expect(page.getByRole('heading', { name: 'Kontakter', exact: true })).toBeVisible();
  await page.keyboard.press('g');
  await page.keyboard.press('a');
  await expect(grid).toBeFocused();
  await page.keyboard.press('/');
  const search = page.getByRole('searchbox', { name: /Søk på navn eller fødselsnummer/ });
  await expect(search).toBeFocused();
  await page.keyboard.type('Kari');
  await expect(grid.getByRole('row', { name: /Ola Nordmann/ })).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(search).not.toBeFocused();
  await expect(search).toHaveValue('Kari');
  await expect(page.getByRole('heading', { name: 'Arbeidsliste', exact: true })).toBeVisible();
});

for (const [width, height] of [
  [1280, 720],
  [1440, 900],
] as const) {
  test(`the worklist fits ${width}×${height} without horizontal scrolling; the deadline is never cut; the legend stays in view`, async ({ page, app }) => {
    await page.setViewportSize({ width, height });
    await openWithProfile(page, app);
    await someRows(page, app);
    await rpc(page, app, 'referrals.create', referralInput('Anne-Marthe Kristoffersen Bakke', thirdId(), -12, 'adult_mental'));
    await page.reload();
    const grid = page.getByRole('grid', { name: 'Arbeidsliste' });
    await expect(grid.getByRole('row', { name: /Kari Testesen/ })).toBeVisible();
    await page.screenshot({ path: screen(`worklist-${width}x${height}`) });
    const fits = await page.evaluate(() => {
      const scrollers = [document.documentElement, document.querySelector('.main'), document.querySelector('[data-testid="worklist-scroll"]')];
      return scrollers.map((el) => (el ? el.scrollWidth <= el.clientWidth : true));
    });
    expect(fits).toEqual([true, true, true]);
    // Every deadline cell shows its whole text (no ellipsis: the content is not wider than the cell).
    const cut = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('.grid-row.wl > [role=gridcell]:nth-child(4)'))
        .filter((c) => c.scrollWidth > c.clientWidth)
        .map((c) => c.textContent),
    );
    expect(cut).toEqual([]);
    expect(await page.locator('.grid-row.wl > [role=gridcell]:nth-child(4)').count()).toBeGreaterThanOrEqual(3);

    // The list takes the height the title and the toolbar leave, also when the title row wraps (the unit's longer
    // count): the flag legend under it stays in view and the page itself never scrolls.
    for (const scope of ['Mine', 'Enheten']) {
      await page.getByRole('radio', { name: scope }).click();
      await expect(page.getByText(scope === 'Mine' ? /åpne forløp \(mine\)/ : /åpne forløp \(enheten\)/)).toBeVisible();
      await expect(page.getByTestId('flag-legend')).toBeInViewport({ ratio: 1 });
      expect(await page.evaluate(() => document.querySelector('.main')!.scrollHeight <= document.querySelector('.main')!.clientHeight)).toBe(true);
    }
  });
}

test('no English or code words on any screen (main screens, patient page sections, a meeting)', async ({ page, app }) => {
  await openWithProfile(page, app);
  await patientWithMeeting(page, app);
  await page.reload();
  await expect(page.getByRole('grid', { name: 'Arbeidsliste' }).getByRole('row', { name: /Kari Testesen/ })).toBeVisible();
  const found: string[] = [];
  const scan = async (where: string) => {
    await page.waitForTimeout(400);
    for (const hit of forbiddenWords(await page.locator('body').innerText())) found.push(`${where}: ${hit}`);
  };
  await scan('Arbeidsliste');
  for (const [key, heading] of [
    ['m', 'Ikke møtt'],
    ['e', 'Møter'],
    ['p', 'Planer'],
    ['k', 'Kontakter'],
    ['o', 'Oversikt'],
    ['j', 'Til registrering i journalsystemet'],
    ['r', 'Regler'],
    ['i', 'Innstillinger'],
  ] as const) {
    await page.locator('body').click({ position: { x: 5, y: 690 } });
    await page.keyboard.press('g');
    await page.keyboard.press(key);
    // The screen is drawn (its heading), so the scan reads it and not an empty frame.
    await expect(page.getByRole('heading', { name: heading, exact: true, level: 1 })).toBeVisible();
    await scan(`g ${key}`);
  }
  // The last screen scanned was Innstillinger, with the municipality list's source.
  await expect(page.getByText(/^Kilde: /)).toBeVisible();
  await page.keyboard.press('g');
  await page.keyboard.press('a');
  await page
    .getByRole('grid', { name: 'Arbeidsliste' })
    .getByRole('row', { name: /Kari Testesen/ })
    .dblclick();
  for (const tab of await page.getByRole('tab').allInnerTexts()) {
    await page.getByRole('tab', { name: tab, exact: true }).click();
    await scan(`pasient/${tab}`);
  }
  await page.getByRole('tab', { name: 'Møter' }).click();
  await page.getByRole('table').getByRole('button').first().click();
  await expect(page.getByLabel('Beslutninger')).toBeVisible();
  await scan('møte');
  expect(found).toEqual([]);
});

test('after recording an event the selection stays on the patient and a short confirmation says what was saved for whom', async ({ page, app }) => {
  await openWithProfile(page, app);
  await someRows(page, app);
  await page.reload();
  const grid = page.getByRole('grid', { name: 'Arbeidsliste' });
  const kari = grid.getByRole('row', { name: /Kari Testesen/ });
  await expect(kari).toBeVisible();
  await expect(grid).toBeFocused();
  for (let i = 0; i < 5 && (await kari.getAttribute('aria-selected')) !== 'true'; i++) await page.keyboard.press('j');
  await expect(kari).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('v');
  const assess = page.getByRole('dialog', { name: 'Henvisning vurdert' });
  await assess.getByLabel('Rettighetsvurdering').selectOption('right');
  await assess.getByLabel('Retten gjelder').selectOption('treatment');
  await assess.getByLabel('Frist for nødvendig helsehjelp').fill(shownDay(30));
  await page.keyboard.press('Enter');
  await expect(assess).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Lagret:' })).toHaveText('Lagret: henvisning vurdert for Kari Testesen.');
  await expect(kari).toContainText('Start helsehjelp innen frist');
  await expect(kari).toHaveAttribute('aria-selected', 'true');
  await expect(grid).toBeFocused();
  await page.screenshot({ path: screen('worklist-saved-1440') });
});

test("the meeting patient picker works with arrows and Enter; ? shows the screen's own shortcuts", async ({ page, app }) => {
  await openWithProfile(page, app);
  await someRows(page, app);
  await rpc(page, app, 'referrals.create', referralInput('Karianne Fjell', thirdId(), -5));
  await page.getByRole('button', { name: /^Møter/ }).click();
  await expect(page.getByRole('button', { name: 'Nytt møte (n)' })).toBeVisible();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Hurtigtaster' });
  await expect(help.getByRole('table', { name: 'Hurtigtaster på Møter' })).toContainText('Nytt møte');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await page.keyboard.press('n');
  const form = page.getByRole('dialog', { name: 'Nytt samarbeidsmøte' });
  const picker = form.getByRole('combobox', { name: 'Pasient' });
  await expect(picker).toBeFocused();
  await page.keyboard.type('Kari');
  const hits = form.getByRole('listbox', { name: 'Pasienter' });
  await expect(hits.getByRole('option')).toHaveCount(2);
  const first = hits.getByRole('option').first();
  const second = hits.getByRole('option').nth(1);
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(second).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp');
  await expect(second).toHaveAttribute('aria-selected', 'true');
  const chosen = ((await second.textContent()) ?? '').replace(/\s*\d{6}.*$/, '').trim();
  await page.screenshot({ path: screen('meeting-patient-picker') });
  await page.keyboard.press('Enter');
  await expect(form).toContainText(`Pasient: ${chosen}`);
  await expect(form).toBeVisible();
  // On to the next field, still inside the dialog.
  await expect(page.locator('dialog[open] form fieldset :is(select, input)').first()).toBeFocused();
});
