import { expect, openWithProfile, test } from './fixtures';
import { referralInput, rpc, screen } from './pages/worklist';
import { shots } from './shots';

/**
 * Working as a unit (issue #15): the worklist's Mine / Enheten and giving a pathway to someone, by keyboard;
 * and no lost update — two people (two browser contexts) edit one plan measure, the second save gets the
 * conflict message and keeps what was typed.
 */
test('the worklist shows Mine by default; Enheten by keyboard; a pathway is given to a person and that is logged', async ({ page, app }) => {
  await openWithProfile(page, app);
  await rpc(page, app, 'referrals.create', referralInput('Kari Testesen', '01868512381', -10));
  await rpc(page, app, 'referrals.create', referralInput('Ola Testesen', '02868500185', -5));
  await page.reload();
  const scope = page.getByRole('radiogroup', { name: 'Vis forløp' });
  await expect(scope.getByRole('radio', { name: 'Mine' })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByText('2 åpne forløp (mine)')).toBeVisible();

  // Keyboard: the toggle is in the tab order; arrows move, Enter/Space choose.
  await scope.getByRole('radio', { name: 'Mine' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(scope.getByRole('radio', { name: 'Enheten' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(scope.getByRole('radio', { name: 'Enheten' })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByText('2 åpne forløp (enheten)')).toBeVisible();

  // The selected pathway's responsible person, and giving it to a person in the list.
  await page
    .getByRole('grid', { name: 'Arbeidsliste' })
    .getByRole('row', { name: /Kari Testesen/ })
    .click();
  const panel = page.getByTestId('responsible');
  await expect(panel.getByRole('heading')).toHaveText('Ansvarlig: ingen navngitt');
  const picker = panel.getByLabel('Gi forløpet til');
  const me = (await picker.locator('option').nth(1).textContent()) ?? '';
  expect(me).toMatch(/\(deg\)$/);
  await picker.selectOption({ label: me });
  await panel.getByRole('button', { name: 'Gi videre' }).click();
  await expect(panel.getByRole('status')).toHaveText(`Forløpet er gitt til ${me}.`);
  await expect(panel.getByRole('heading')).toHaveText(`Ansvarlig: ${me}`);
  await shots(page, 'worklist-caseload');

  const log = (await rpc(page, app, 'audit.list', { limit: 50 })) as { entries: { action: string }[] };
  expect(log.entries.map((r) => r.action)).toContain('pathway.reassign');
});

test('two people edit one plan measure: the second save gets the conflict message and keeps the text', async ({ page, app, browser }) => {
  await openWithProfile(page, app);
  const { patientId } = (await rpc(page, app, 'referrals.create', referralInput('Kari Testesen', '01868512381', -10))) as { patientId: number };
  await rpc(page, app, 'plans.save', {
    patientId,
    period: { from: '2026-11-01', to: '2027-10-31' },
    revisionDates: ['2027-02-01'],
    coordinator: { name: 'Mona Kommune', organisation: 'Oslo kommune' },
    cooperation: '',
    contributions: { patient: '', services: '', relatives: '' },
  });
  await rpc(page, app, 'plans.saveMeasure', {
    patientId,
    measure: { what: 'Samtaler', scope: '', howCarriedOut: '', responsible: 'DPS', startDate: null, dueDate: null, goalId: null },
  });

  // A second person: another browser context on the same server.
  const other = await browser.newContext({ locale: 'nb-NO', timezoneId: 'Europe/Oslo', viewport: { width: 1400, height: 900 } });
  const page2 = await other.newPage();
  await page2.goto(app.url);
  await page.reload();

  const openMeasure = async (p: typeof page) => {
    await p
      .getByRole('grid', { name: 'Arbeidsliste' })
      .getByRole('row', { name: /Kari Testesen/ })
      .dblclick();
    await p.getByRole('tab', { name: 'Individuell plan' }).click();
    await p.getByRole('button', { name: 'Endre tiltaket Samtaler' }).click();
    return p.getByRole('dialog', { name: 'Endre tiltak' });
  };
  const first = await openMeasure(page);
  const second = await openMeasure(page2);

  await first.getByLabel('Ansvarlig', { exact: true }).fill('Hjemmetjenesten');
  await first.getByRole('button', { name: 'Lagre tiltak' }).click();
  await expect(first).toBeHidden();

  const typed = 'Samtaler hver uke med behandler';
  await second.getByLabel('Tiltak', { exact: true }).fill(typed);
  await second.getByRole('button', { name: 'Lagre tiltak' }).click();
  await expect(second).toBeVisible();
  await expect(
    second.getByText(/^Tiltaket ble endret av .+ etter at du åpnet det\. Endret: Ansvarlig\. Det du skrev er ikke lagret, men står fortsatt i skjemaet\./),
  ).toBeVisible();
  await expect(second.getByLabel('Tiltak', { exact: true })).toHaveValue(typed);
  await shots(page2, 'plan-measure-conflict');
  await page2.screenshot({ path: screen('plan-measure-conflict-dialog') });

  // Saving again, knowingly, replaces the other change with what was typed here.
  await second.getByRole('button', { name: 'Lagre tiltak' }).click();
  await expect(second).toBeHidden();
  const view = (await rpc(page, app, 'plans.get', { patientId })) as { view: { plan: { measures: { what: string; responsible: string }[] } } };
  expect(view.view.plan.measures[0]).toMatchObject({ what: typed, responsible: 'DPS' });
  await other.close();
});
