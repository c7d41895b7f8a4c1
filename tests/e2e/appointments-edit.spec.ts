import { expect, openWithProfile, test } from './fixtures';
import { shots } from './shots';
import { NoShowPages, typedDay } from './pages/no-show';

const LISE = { name: 'Lise Flytter', nationalId: '01868512381', address: 'Storgata 1', postalCode: '0155', postalPlace: 'Oslo', gp: 'Dr. Lege' };

test('a booked time is moved with a reason kept in its history', async ({ page, app }) => {
  await openWithProfile(page, app);
  const ns = new NoShowPages(page);
  await ns.registerPatient(LISE);
  await ns.tab('Timer');
  const from = typedDay(3);
  const to = typedDay(5);
  await ns.book({ date: from, time: '10:00', clinician: 'Psykolog Berg', place: 'Rom 2' });

  await page.getByRole('button', { name: `Endre timen ${from} kl. 10:00` }).click();
  const d = ns.dialog('Endre time');
  await ns.settled();
  await expect(d.getByLabel('Dato')).toBeFocused();
  await expect(d.getByLabel('Klokkeslett')).toHaveValue('10:00');
  await d.getByLabel('Dato').fill(to);
  await d.getByLabel('Klokkeslett').fill('13:30');
  await d.getByRole('textbox', { name: 'Sted', exact: true }).fill('Rom 7');
  await d.getByRole('button', { name: 'Lagre endringen' }).click();
  // No reason: refused next to the field, focus there, nothing changed.
  await expect(d.getByLabel('Begrunnelse')).toHaveAccessibleDescription(/Begrunnelse må fylles ut/);
  await expect(d.getByLabel('Begrunnelse')).toBeFocused();
  await page.keyboard.type('Pasienten ba om ny dag');
  await shots(page, 'appointment-edit');
  await d.getByRole('button', { name: 'Lagre endringen' }).click();
  await d.waitFor({ state: 'hidden' });

  const timer = page.getByRole('table', { name: 'Timer' });
  await expect(timer.getByRole('row', { name: new RegExp(from) })).toHaveCount(0);
  const row = timer.getByRole('row', { name: new RegExp(to) });
  await expect(row).toContainText('13:30');
  await expect(row).toContainText('Rom 7');
  await expect(row).toContainText('Avtalt');
  await expect(row).toContainText('«Pasienten ba om ny dag»');
  await shots(page, 'appointment-moved');
});
