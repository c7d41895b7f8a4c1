import { expect, openWithProfile, test } from './fixtures';
import { shots } from './shots';

/**
 * The local store's profile in two parts (issue #15): the first start asks for the person's name and the unit
 * together; Innstillinger has "Min profil" (the name and direct phone) and "Enheten" (the letterhead), each saved
 * on its own. The name in the header is the person's own.
 */
test('local store: Min profil and Enheten are saved apart; the header shows the own name', async ({ page, app }) => {
  await openWithProfile(page, app);
  await expect(page.getByRole('banner')).toContainText('Kari Koordinator');
  await page.getByRole('button', { name: /Innstillinger/ }).click();

  const unit = page.getByRole('form', { name: 'Enheten' });
  await expect(unit.getByLabel('Enhet', { exact: true })).toHaveValue('DPS Testby, poliklinikk');
  await expect(unit.getByLabel('Enhet', { exact: true })).not.toHaveAttribute('readonly');
  await unit.getByLabel('Postadresse til enheten').fill('Postboks 12\n0101 Oslo');
  await unit.getByRole('button', { name: 'Lagre enheten' }).click();
  await expect(unit.getByText('Lagret.')).toBeVisible();

  const mine = page.getByRole('form', { name: 'Min profil' });
  await mine.getByLabel('Ditt navn').fill('Kari K. Nordmann');
  await mine.getByLabel('Direktenummer (valgfritt)').fill('tolv');
  await mine.getByRole('button', { name: 'Lagre min profil' }).click();
  await expect(mine.getByLabel('Direktenummer (valgfritt)')).toHaveAttribute('aria-invalid', 'true');
  await mine.getByLabel('Direktenummer (valgfritt)').fill('91 23 45 67');
  await mine.getByRole('button', { name: 'Lagre min profil' }).click();
  await expect(mine.getByText('Lagret.')).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Kari K. Nordmann');
  await expect(unit.getByLabel('Enhet', { exact: true })).toHaveValue('DPS Testby, poliklinikk');
  await shots(page, 'settings-people-local');
});
