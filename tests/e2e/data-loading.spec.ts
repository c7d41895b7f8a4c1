import type { Page } from '@playwright/test';
import { syntheticNationalId } from '../../shared/domain/national-id';
import { expect, openWithProfile, test, type AppServer } from './fixtures';
import { NoShowPages, typedDay } from './pages/no-show';
import { ReferralForm } from './pages/referral-form';
import { shots } from './shots';
import { patientWithNoShow, referralInput, rpc, WorklistPage } from './pages/worklist';

/** Counts the contract methods the page calls from now on. */
function countCalls(page: Page): Record<string, number> {
  const counts: Record<string, number> = {};
  page.on('request', (r) => {
    if (!r.url().endsWith('/rpc')) return;
    const method = (JSON.parse(r.postData() ?? '{}') as { method?: string }).method ?? '?';
    counts[method] = (counts[method] ?? 0) + 1;
  });
  return counts;
}

test('recording a contact attempt refreshes the no-show views only, not the patient header (no false "opened")', async ({ page, app }) => {
  await openWithProfile(page, app);
  await patientWithNoShow(page, app, 'Kari Testesen', '01868512381', 3);

  await page.reload();
  const wl = new WorklistPage(page);
  await wl.grid.waitFor();
  await wl.selectWithKeyboard('Kari Testesen');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Kari Testesen', level: 1 })).toBeVisible();
  const ns = new NoShowPages(page);
  await ns.tab('Ikke møtt');
  const card = ns.caseCard(typedDay(-3), '10:00');
  await expect(card).toContainText('Neste: Kontaktforsøk 1');

  const calls = countCalls(page);
  // Yesterday: a time today may still be ahead of the clock (the form refuses an attempt in the future).
  await ns.recordAttempt(card, { date: typedDay(-1), time: '09:00', channel: 'Telefon', outcome: 'Ikke svar' });
  await expect(card).toContainText('Neste: Kontaktforsøk 2');
  await page.waitForTimeout(500); // anything else the write set off has had time to go out
  expect(calls['noShow.recordAttempt']).toBe(1);
  expect(calls['noShow.listForPatient']).toBe(1);
  // The patient header is not read again: reading it writes a "patient opened" row in the log.
  expect(calls['patients.get'] ?? 0).toBe(0);
  // The policy and the profile were read when the dialog opened the first time and are not read again.
  expect(calls['profile.get'] ?? 0).toBeLessThanOrEqual(1);
});

test('a referral registered in one tab shows on the worklist of another tab without reloading it', async ({ page, app, context }) => {
  await openWithProfile(page, app);
  const other = await context.newPage();
  await other.goto(app.url);
  const otherList = new WorklistPage(other);
  await expect(other.getByText('Arbeidslisten er tom')).toBeVisible();

  const form = new ReferralForm(page);
  await form.register('Ola Testesen', typedDay(-2));
  await expect(page.getByRole('heading', { name: 'Ola Testesen', level: 1 })).toBeVisible();

  await expect(otherList.row(/Ola Testesen/)).toBeVisible();
});

test('every error of a form shows at once and the first wrong field gets focus', async ({ page, app }) => {
  await openWithProfile(page, app);
  const form = new ReferralForm(page);
  await form.open();
  // The dialog starts in its first field.
  await expect(form.field('Navn')).toBeFocused();
  await form.submit();
  await expect(form.field('Navn')).toHaveAccessibleDescription(/Navn må fylles ut/);
  await expect(form.dialog.getByLabel('Fødselsdato')).toHaveAccessibleDescription(/Fødselsdato/);
  await expect(form.dialog.getByLabel('Forløpstype')).toHaveAccessibleDescription(/Velg forløpstype/);
  await expect(form.field('Navn')).toBeFocused();
  // A refusal only the server can give (the national id's check digits) lands on its field, focused.
  await form.fill({
    name: 'Kari Testesen',
    nationalId: '01868512382',
    birthDate: '01.06.1985',
    pathwayType: 'D11 Psykiske lidelser – voksne',
    received: typedDay(-2),
  });
  await form.submit();
  await expect(form.field('Fødselsnummer / D-nummer')).toHaveAccessibleDescription(/.+/);
  await expect(form.field('Fødselsnummer / D-nummer')).toBeFocused();
});

/** `count` patients referred two days ago, "Pasient 000" on: the worklist's order (same due date, then id). */
async function referred(page: Page, app: AppServer, count: number): Promise<void> {
  let made = 0;
  for (let i = 0; made < count; i++) {
    const id = syntheticNationalId('1985-06-01', i);
    if (!id) continue;
    await rpc(page, app, 'referrals.create', referralInput(`Pasient ${String(made).padStart(3, '0')}`, id, -2));
    made++;
  }
}

test('End from the top of a list of two pages selects its very last row, in one press', async ({ page, app }) => {
  test.setTimeout(120_000);
  await openWithProfile(page, app);
  await referred(page, app, 130);
  const keys = page.waitForResponse((r) => r.url().endsWith('/rpc') && (r.request().postDataJSON() as { method?: string }).method === 'worklist.searchKeys');
  await page.reload();
  const wl = new WorklistPage(page);
  await wl.grid.waitFor();
  await expect(page.getByText('130 åpne forløp')).toBeVisible();
  const selected = wl.grid.locator('[role=row][aria-selected=true]');
  await expect(selected).toContainText('Pasient 000');
  await wl.grid.focus();
  await page.keyboard.press('End');
  await expect(selected).toContainText('Pasient 129');
  await expect(selected).toBeInViewport();
  await shots(page, 'worklist-end');
  await page.keyboard.press('Home');
  await expect(selected).toContainText('Pasient 000');
  await expect(selected).toBeInViewport();

  // A search answered from the search keys (asked for once the start is idle) has every row: End is its last.
  await keys;
  const search = page.getByRole('searchbox', { name: /Søk på navn eller fødselsnummer/ });
  await search.fill('pasient');
  await expect(page.getByText('130 åpne forløp')).toBeVisible();
  await wl.grid.focus();
  await page.keyboard.press('End');
  await expect(selected).toContainText('Pasient 129');
  await expect(selected).toBeInViewport();
});

test('the worklist loads 50 rows first and larger pages as it scrolls, and a recorded event keeps the place in the list', async ({ page, app }) => {
  test.setTimeout(180_000);
  await openWithProfile(page, app);
  await referred(page, app, 160);
  // A page asks for the rows after the last row of the page before (its cursor: that row's pathway, null for the
  // first page); where it starts in the list is read from the list's order (`offsets`).
  let order = await listOrder(page, app);
  const offsets = (cursors: (number | null)[]) => cursors.map((c) => (c === null ? 0 : order.indexOf(c) + 1));
  const pages: (number | null)[] = [];
  const answered: (number | null)[] = [];
  const pageCursor = (r: { url: () => string; postData: () => string | null }): number | null | undefined => {
    if (!r.url().endsWith('/rpc')) return undefined;
    const body = JSON.parse(r.postData() ?? '{}') as { method?: string; input?: { after?: { pathwayId: number }; pathwayIds?: number[] } };
    // Pages only: rows the search loads by id (ahead of the next keystroke) are not pages of the list.
    if (body.method !== 'worklist.list' || body.input?.pathwayIds) return undefined;
    return body.input?.after?.pathwayId ?? null;
  };
  page.on('request', (r) => {
    const cursor = pageCursor(r);
    if (cursor !== undefined) pages.push(cursor);
  });
  page.on('requestfinished', (r) => {
    const cursor = pageCursor(r);
    if (cursor !== undefined) answered.push(cursor);
  });
  await page.reload();
  const wl = new WorklistPage(page);
  await wl.grid.waitFor();
  await expect(page.getByText('160 åpne forløp')).toBeVisible();
  expect(pages.length).toBeGreaterThan(0);
  expect(offsets(pages).every((offset) => offset === 0)).toBe(true); // the first page only (prefetched at start, read on mount)
  const atStart = pages.length;

  // End is the last row of the whole list (160 rows, three pages: 50, 100 and the 10 left of 200), not of the 50
  // loaded: the rest is loaded page by page, each asked for once though End is pressed twice. An arrow key while it loads is the person moving on:
  // the selection stays where the arrow put it (the second page is held back until then).
  const selected = wl.grid.locator('[role=row][aria-selected=true]');
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/rpc', async (route) => {
    if (pageCursor(route.request()) === order[49]) await held;
    await route.continue();
  });
  await wl.grid.focus();
  await page.keyboard.press('End');
  await page.keyboard.press('End');
  await expect(wl.grid).toHaveAttribute('aria-busy', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(wl.grid).not.toHaveAttribute('aria-busy', 'true');
  release();
  await expect.poll(() => offsets(answered).includes(150)).toBe(true);
  expect(offsets(pages.slice(atStart))).toEqual([50, 150]);
  await expect(selected).toContainText('Pasient 001');
  // With every row in, End moves to the very last row and scrolls to it; Home is the first row again.
  await page.keyboard.press('End');
  await expect(selected).toContainText('Pasient 159');
  await page.keyboard.press('Home');
  await expect(selected).toContainText('Pasient 000');
  await page.keyboard.press('End');
  await expect(selected).toContainText('Pasient 159');
  const name = 'Pasient 159';
  const top = await page.getByTestId('worklist-scroll').evaluate((el) => el.scrollTop);
  expect(top).toBeGreaterThan(1000);

  // Recording an event refetches the loaded pages; the list stays where it was, the same row selected.
  await page.keyboard.press('f');
  const dialog = wl.dialog('Første fremmøte');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  // All three loaded pages again, in order; the event may have moved the row, so the cursors are read in the new order.
  await expect
    .poll(async () => {
      order = await listOrder(page, app);
      return offsets(pages.slice(atStart + 2));
    })
    .toEqual([0, 50, 150]);
  await expect(wl.grid.locator('[role=row][aria-selected=true]')).toContainText(name);
  expect(await page.getByTestId('worklist-scroll').evaluate((el) => el.scrollTop)).toBeGreaterThan(1000);
});

/** The open pathways in the worklist's order (one page holds them all here). */
async function listOrder(page: Page, app: AppServer): Promise<number[]> {
  const list = (await rpc(page, app, 'worklist.list', { limit: 500 })) as { rows: { pathwayId: number }[] };
  return list.rows.map((r) => r.pathwayId);
}
