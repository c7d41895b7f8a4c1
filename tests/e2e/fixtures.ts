import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface AppServer {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
}

/** Starts the real browser-mode server (the same CLI a person runs) on a fresh data directory. */
export async function startApp(
  opts: { demo?: boolean; dataDir?: string; store?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<AppServer & { stop(): Promise<void> }> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'forlopsbenk-e2e-'));
  const args = ['scripts/start-browser.mjs', '--data-dir', dataDir, ...(opts.demo === false ? [] : ['--demo']), ...(opts.store ? ['--store', opts.store] : [])];
  // Encrypted like every folder: the passphrase comes from the environment, as in automation.
  const env = { ...process.env, FORLOPSBENK_PASSPHRASE: process.env.FORLOPSBENK_PASSPHRASE ?? E2E_PASSPHRASE, ...opts.env };
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 30_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${err}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.hash.replace('#token=', ''),
    dataDir,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        // A stuck shutdown must not hang the suite: give it 5 s, then kill.
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const test = base.extend<{ app: AppServer }>({
  // oxlint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  app: async ({}, use) => {
    const app = await startApp();
    await use(app);
    await app.stop();
  },
});

export { expect };

/** Opens the app and, on a fresh data directory, fills in the first-run profile. */
export async function openWithProfile(page: Page, app: AppServer): Promise<void> {
  await page.goto(app.url);
  await page.getByLabel('Ditt navn', { exact: true }).fill('Kari Koordinator');
  await page.getByLabel('Enhet', { exact: true }).fill('DPS Testby, poliklinikk');
  await page.getByLabel('Telefon til enheten', { exact: true }).fill('22 33 44 55');
  await page.getByRole('button', { name: 'Kom i gang' }).click();
  // First start, step 2: the PIN that unlocks the window after idle time.
  await page.getByLabel('PIN-kode', { exact: true }).fill(E2E_PIN);
  await page.getByLabel('Gjenta PIN-kode', { exact: true }).fill(E2E_PIN);
  await page.getByRole('button', { name: 'Lagre PIN-kode' }).click();
  await expect(page.getByRole('heading', { name: 'Arbeidsliste', exact: true })).toBeVisible();
}

/** The passphrase of every e2e data folder (synthetic data only). */
export const E2E_PASSPHRASE = 'e2e-passordfrase';

/** The PIN openWithProfile chooses at first start. */
export const E2E_PIN = '2468';

/** Answers the in-app question "Forkaste endringene?" (closing or leaving with unsaved changes). */
export async function answerDiscard(page: Page, discard: boolean): Promise<void> {
  const question = page.getByRole('alertdialog', { name: 'Forkaste endringene?' });
  await expect(question.getByRole('button', { name: 'Fortsett å redigere' })).toBeFocused();
  await question.getByRole('button', { name: discard ? 'Forkast' : 'Fortsett å redigere' }).click();
  await expect(question).toBeHidden();
}
