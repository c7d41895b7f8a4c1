import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_PASSPHRASE, expect, openWithProfile, startApp, test } from './fixtures';

test('browser mode: the folder is encrypted, and a second server on the same folder refuses clearly', async ({ page, app }) => {
  await openWithProfile(page, app);
  // The coordinator's name is in the database; it is not in any file's raw bytes.
  for (const f of readdirSync(app.dataDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())) {
    expect(readFileSync(join(f.parentPath, f.name)).includes(Buffer.from('Kari Koordinator'))).toBe(false);
  }
  const second = spawnSync(process.execPath, ['scripts/start-browser.mjs', '--data-dir', app.dataDir], {
    env: { ...process.env, FORLOPSBENK_PASSPHRASE: E2E_PASSPHRASE },
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(second.status).toBe(1);
  expect(second.stderr).toContain('Forløpsbenk er allerede åpen på denne datamappen');
  // The first server still answers.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Arbeidsliste', exact: true })).toBeVisible();
});

test('browser mode: a wrong passphrase is refused in Norwegian and the server does not start', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'forlopsbenk-e2e-pass-'));
  const app = await startApp({ dataDir });
  await app.stop();
  const wrong = spawnSync(process.execPath, ['scripts/start-browser.mjs', '--data-dir', dataDir], {
    env: { ...process.env, FORLOPSBENK_PASSPHRASE: 'ikke-riktig-frase' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(wrong.status).toBe(1);
  expect(wrong.stderr).toContain('Feil passordfrase. Ingenting ble endret.');
  rmSync(dataDir, { recursive: true, force: true });
});

test('a damaged database opens read-only: the person is told, and offered the restore', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'forlopsbenk-e2e-damaged-'));
  const first = await startApp({ dataDir });
  await openWithProfile(page, first);
  await first.stop();
  // Damage one page of the patient table (with the folder's passphrase, in a separate process).
  const damaged = spawnSync(process.execPath, ['--import', 'tsx', 'tests/fixtures/damage-db.ts', dataDir], {
    env: { ...process.env, FORLOPSBENK_PASSPHRASE: E2E_PASSPHRASE },
    encoding: 'utf8',
  });
  expect(damaged.status, damaged.stderr).toBe(0);
  const app = await startApp({ dataDir });
  try {
    await page.goto(app.url);
    await expect(page.getByRole('status').filter({ hasText: 'åpnet skrivebeskyttet' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Gjenopprett den nyeste sikkerhetskopien' })).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/read-only-notice.png' });
  } finally {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
