import type { Page } from '@playwright/test';
import { expect, openWithProfile, test } from './fixtures';
import { referralInput, rpc } from './pages/worklist';
import { shots } from './shots';

// Issue #14 (start): a start loads the worklist's code only. Every other screen and every dialog is its own
// chunk, loaded when first shown (React.lazy, components/OnceOpened.tsx), except the dialogs of the app-wide keys,
// loaded once the worklist's first rows are painted (shell/preload-dialogs.ts). Chunks are named after their module.

test.afterEach(async ({ page }) => {
  await page.goto('about:blank');
});

const LAZY = [
  'NoShowQueueScreen',
  'MeetingsScreen',
  'PlansScreen',
  'ContactsScreen',
  'OverviewScreen',
  'RegistrationScreen',
  'RulesScreen',
  'SettingsScreen',
  'PatientPage',
  'NewReferralDialog',
  'FindPatientDialog',
  'ShortcutsDialog',
  'DiscardDialog',
  'FirstRun',
  'SetPinForm',
  'EventDialogForms',
  'BreachReasonForm',
  'DateField',
];

/** Notes, in the page, when the worklist's first row is in the DOM (what the start waits for). */
async function firstRowNoted(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const obs = new MutationObserver(() => {
      if (!document.querySelector('[role="grid"] [role="row"][aria-rowindex="2"]')) return;
      obs.disconnect();
      (window as unknown as { firstRowAt: number }).firstRowAt = performance.now();
    });
    obs.observe(document, { childList: true, subtree: true });
  });
}

/** The chunks the page asked for before its first worklist row was in the DOM. */
function chunksBeforeFirstRow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const at = (window as unknown as { firstRowAt?: number }).firstRowAt ?? Infinity;
    return performance
      .getEntriesByType('resource')
      .filter((r) => r.startTime < at)
      .map((r) => /\/assets\/([^/]+?)-[\w-]{8}\.js$/.exec(new URL(r.name).pathname)?.[1])
      .filter((name): name is string => !!name);
  });
}

/** The JavaScript files the page asks for, by chunk name (the part before the content hash). */
function scriptsOf(page: Page): Set<string> {
  const seen = new Set<string>();
  page.on('request', (r) => {
    const m = /\/assets\/([^/]+?)-[\w-]{8}\.js$/.exec(new URL(r.url()).pathname);
    if (m?.[1]) seen.add(m[1]);
  });
  return seen;
}

test('a start loads the worklist only; other screens and dialogs load when first opened', async ({ page, app, context }) => {
  await openWithProfile(page, app);
  await rpc(page, app, 'referrals.create', referralInput('Kari Testesen', '01868512381', -3));
  await rpc(page, app, 'referrals.create', referralInput('Ola Forsinket', '02868500185', -30));

  // A later start: a new window on the running app (the PIN was chosen at first start).
  const later = await context.newPage();
  await firstRowNoted(later);
  const scripts = scriptsOf(later);
  await later.goto(app.url);
  await expect(later.getByRole('heading', { name: 'Arbeidsliste', exact: true, level: 1 })).toBeVisible();
  await expect(later.getByRole('row', { name: /Ola Forsinket/ })).toBeVisible();
  await expect(later.getByRole('searchbox').first()).toBeVisible();
  expect(scripts.has('index'), 'the start chunk is named index').toBe(true);
  const beforeRow = await chunksBeforeFirstRow(later);
  expect(beforeRow, 'the start chunk came before the first row').toContain('index');
  expect(LAZY.filter((name) => beforeRow.includes(name))).toEqual([]);
  // Screens are loaded when opened, never ahead.
  expect(LAZY.filter((name) => /Screen$|^PatientPage$/.test(name) && scripts.has(name))).toEqual([]);
  await shots(later, 'start-worklist');

  // They do load when used: the shortcuts list, the new referral dialog, a screen.
  await later.keyboard.press('?');
  await expect(later.getByRole('dialog', { name: 'Hurtigtaster' })).toBeVisible();
  await later.keyboard.press('Escape');
  await later.keyboard.press('n');
  const referral = later.getByRole('dialog', { name: 'Ny henvisning', exact: true });
  await expect(referral).toBeVisible();
  await referral.getByRole('button', { name: 'Avbryt' }).click();
  await expect(referral).toBeHidden();
  await later
    .getByRole('navigation', { name: 'Hovedmeny' })
    .getByRole('button', { name: /Innstillinger/ })
    .click();
  await expect(later.getByRole('heading', { name: 'Innstillinger', exact: true, level: 1 })).toBeVisible();
  expect(['ShortcutsDialog', 'NewReferralDialog', 'SettingsScreen'].filter((name) => !scripts.has(name))).toEqual([]);
  await later.goto('about:blank');
});
