import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_PASSPHRASE, expect, openWithProfile, startApp, test } from './fixtures';
import { rpc, WorklistPage } from './pages/worklist';
import { shots } from './shots';

/**
 * The worklist search on a seeded folder, with the keyboard: the result is filtered in the renderer from the open
 * caseload's search keys, and it must be exactly what the server's search returns (the same rows, order and counts);
 * Enter opens the selected result, which logs the search once.
 */
test.afterEach(async ({ page }) => {
  await page.goto('about:blank');
});

interface Row {
  pathwayId: number;
  name: string;
  nextActionLabel: string;
}
type Page = { rows: Row[]; total: number; counts: { all: number } };

test('a search typed with the keyboard shows what the server search finds, and Enter opens the first result', async ({ page }) => {
  test.setTimeout(180_000);
  const parent = mkdtempSync(join(tmpdir(), 'forlopsbenk-e2e-seeded-'));
  const dataDir = join(parent, 'data');
  const seeded = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/seed.ts', '--data-dir', dataDir, '--patients', '800', '--seed', '7'], {
    env: { ...process.env, FORLOPSBENK_PASSPHRASE: E2E_PASSPHRASE },
    encoding: 'utf8',
  });
  expect(seeded.status, seeded.stderr).toBe(0);
  const app = await startApp({ dataDir });
  try {
    // The search keys load when the worklist is idle, then the open caseload's rows by id (worklist.list with
    // pathwayIds, in batches); the keystrokes below are answered from them, with no call at all.
    let keyIds: number[] = [];
    const loaded = new Set<number>();
    page.on('response', async (res) => {
      if (!res.url().endsWith('/rpc')) return;
      const body = res.request().postDataJSON() as { method?: string; input?: { pathwayIds?: number[] } } | null;
      if (body?.method === 'worklist.searchKeys') keyIds = ((await res.json()) as { value: { keys: [number][] } }).value.keys.map((k) => k[0]);
      if (body?.method === 'worklist.list') for (const row of ((await res.json()) as { value: Page }).value.rows) loaded.add(row.pathwayId);
    });
    await openWithProfile(page, app);
    const wl = new WorklistPage(page);
    await wl.grid.waitFor();
    const serverSearch = async (search: string): Promise<Page> => (await rpc(page, app, 'worklist.list', { search, limit: 500 })) as Page;
    const first = (await rpc(page, app, 'worklist.list', { limit: 40 })) as Page;
    // A surname of a row further down the list, typed a letter at a time: 1, 2, then 4 letters.
    const surname = first.rows[30]!.name.split(' ').pop()!;
    const typed = surname.slice(0, 4);

    await expect.poll(() => keyIds.length > 0 && keyIds.every((id) => loaded.has(id)), { timeout: 30_000 }).toBe(true);
    // With the caseload loaded, a keystroke calls nothing: no server search, no fill of slim rows.
    const pageCalls: string[] = [];
    page.on('request', (req) => {
      if (!req.url().endsWith('/rpc')) return;
      const body = req.postDataJSON() as { method?: string } | null;
      if (body?.method === 'worklist.list' || body?.method === 'worklist.searchKeys') pageCalls.push(body.method);
    });
    await page.keyboard.press('/');
    const search = page.getByRole('searchbox', { name: /Søk på navn eller fødselsnummer/ });
    await expect(search).toBeFocused();
    const shownIds = async () =>
      (await wl.grid.locator('[role="row"][id^="wl-row-"]').evaluateAll((rows) => rows.map((r) => Number(r.id.replace('wl-row-', ''))))).sort((a, b) => a - b);
    for (const n of [1, 2, 4]) {
      await page.keyboard.type(typed.slice(n === 4 ? 2 : n - 1, n));
      const server = await serverSearch(typed.slice(0, n));
      expect(server.total).toBeGreaterThan(0);
      await expect(page.getByText(new RegExp(`^${server.total} ${server.total === 1 ? 'åpent forløp' : 'åpne forløp'} \\(mine\\)$`))).toBeVisible();
      // The grid renders a window of the result: those rows are the server's first rows, none other.
      await expect.poll(async () => (await shownIds()).length).toBeGreaterThan(0);
      const shown = await shownIds();
      const expected = server.rows.slice(0, shown.length).map((r) => r.pathwayId);
      expect(shown).toEqual([...expected].sort((a, b) => a - b));
    }
    expect(pageCalls).toEqual([]);
    // The rows show their full data (next step) as the server has them: loaded ahead, not filled per search.
    const server = await serverSearch(typed);
    await expect(wl.row(new RegExp(server.rows[0]!.name)).first()).toContainText(server.rows[0]!.nextActionLabel);
    await shots(page, 'worklist-search');

    // Enter: to the list (first result selected), Enter again opens it.
    await page.keyboard.press('Enter');
    await expect(wl.grid).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: server.rows[0]!.name })).toBeVisible();
    // Logged once per search text that rested or was opened (three texts typed), never per keystroke or fill.
    const searches = async () =>
      ((await rpc(page, app, 'audit.list', { limit: 500 })) as { entries: { action: string }[] }).entries.filter((e) => e.action === 'worklist.search').length;
    await expect.poll(searches).toBeGreaterThanOrEqual(1);
    const logged = await searches();
    expect(logged).toBeLessThanOrEqual(3);
    await page.waitForTimeout(1200);
    expect(await searches()).toBe(logged);
  } finally {
    await page.goto('about:blank');
    await app.stop();
    rmSync(parent, { recursive: true, force: true });
  }
});
