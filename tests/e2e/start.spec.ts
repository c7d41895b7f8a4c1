import type { Page } from '@playwright/test';
import { expect, openWithProfile, test } from './fixtures';
import { referralInput, rpc } from './pages/worklist';
import { shots } from './shots';

// Issue #14 (start): a start loads the worklist's code only. Every other screen and every dialog is its own
// chunk, loaded when first shown (React.lazy, components/OnceOpened.tsx). Chunks are named after their module.

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
  const scripts = scriptsOf(later);
  await later.goto(app.url);
  await expect(later.getByRole('heading', { name: 'Arbeidsliste', exact: true, level: 1 })).toBeVisible();
  await expect(later.getByRole('row', { name: /Ola Forsinket/ })).toBeVisible();
  await expect(later.getByRole('searchbox').first()).toBeVisible();
  expect(scripts.has('index'), 'the start chunk is named index').toBe(true);
  expect(LAZY.filter((name) => scripts.has(name))).toEqual([]);
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
