import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, openWithProfile, test } from './fixtures';
import { referralInput, rpc } from './pages/worklist';
import { shots } from './shots';

const SAMPLE = 'tests/fixtures/rule-pack-2027.json';

test.afterEach(async ({ page }) => {
  await page.goto('about:blank');
});

test('Regler: a coordinator reads in a national rule pack, sees what changes, imports it and moves the open pathways', async ({ page, app }) => {
  await openWithProfile(page, app);
  await rpc(page, app, 'referrals.create', referralInput('Kari Testesen', '01868512381', -10));
  await page.keyboard.press('g');
  await page.keyboard.press('r');
  await expect(page.getByRole('heading', { name: 'Regler', level: 1 })).toBeVisible();
  // The file picker behind the button "Velg regelpakkefil (JSON)" (a person picks the file in the system dialog).
  const field = page.locator('input[type=file]');
  const button = page.getByRole('button', { name: 'Velg regelpakkefil (JSON)' });
  await button.focus();
  await expect(button).toBeFocused();

  // A broken file is refused, the reason next to the field, saying where in the file and not what it says.
  const broken = JSON.parse(readFileSync(SAMPLE, 'utf8'));
  broken.pathways[1].times[2].days = 7.5;
  await field.setInputFiles({ name: 'feil.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  await expect(page.getByRole('alert').filter({ hasText: 'Filen kan ikke leses inn' })).toContainText(
    'Forløp 2, forløpstid 3, «days»: antall dager må være et helt tall.',
  );
  await expect(button).toHaveAccessibleDescription(/antall dager må være et helt tall/);

  // The sample pack: the diff against the versions in force.
  await field.setInputFiles(SAMPLE);
  await expect(page.getByText('Valgt fil: rule-pack-2027.json')).toBeVisible();
  const diff = page.getByRole('region', { name: 'Endringer i regelpakken' });
  await expect(diff).toContainText('Gjelder fra 01.01.2027');
  const adult = diff.getByRole('table', { name: 'Endringer for Psykiske lidelser – voksne' });
  await expect(adult.getByRole('row', { name: /Døgn: Første fremmøte → Klinisk beslutning/ })).toContainText('Endret');
  await expect(adult.getByRole('row', { name: /Døgn: Første fremmøte → Klinisk beslutning/ })).toContainText(
    '42 kalenderdager (ubekreftet)28 kalenderdager (bekreftet)',
  );
  await expect(adult.getByRole('row', { name: /Klinisk beslutning → Evaluering/ })).toContainText('Lagt til');
  const tsb = diff.getByRole('table', { name: /Endringer for Tverrfaglig/ });
  await expect(tsb.getByRole('row', { name: /Avrusning avsluttet/ })).toContainText('Fjernet');
  await diff.getByRole('heading', { name: /Eksempelpakke/ }).scrollIntoViewIfNeeded();
  await shots(page, 'rules-pack-diff');
  expect((await new AxeBuilder({ page }).include('[aria-labelledby="rules-pack"]').analyze()).violations).toEqual([]);

  await page.getByRole('button', { name: 'Importer regelpakken' }).click();
  const done = page.getByRole('status').filter({ hasText: 'Regelpakken er importert og logget' });
  await expect(done).toContainText('Psykiske lidelser – voksne: 1 åpne forløp beholder sin versjon.');
  await done.getByRole('button', { name: 'Flytt 1 åpne forløp til ny versjon' }).click();
  await expect(done).toContainText('1 åpne forløp i psykiske lidelser – voksne er flyttet til den nye versjonen. Flyttingen er logget.');
  const imports = page.getByRole('table', { name: 'Importerte regelpakker' });
  await expect(imports).toContainText('rule-pack-2027.json');
  await expect(imports).toContainText('av Kari Koordinator');
  await shots(page, 'rules-pack-imported');

  // The audit log names the import.
  const log = await rpc(page, app, 'audit.list', {});
  expect(JSON.stringify(log)).toContain('rules.importPack');
});
