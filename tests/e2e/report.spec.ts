import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { syntheticNationalId } from '../../shared/domain/national-id';
import { tertialOf, tertialPeriod } from '../../shared/domain/tertial-report';
import { expect, openWithProfile, test } from './fixtures';
import { printPreviewToPdf } from './print';
import { isoDay, printed, referralInput, rpc } from './pages/worklist';
import { shots } from './shots';

function fnr(n: number): string {
  for (let i = n; ; i++) {
    const id = syntheticNationalId('1984-03-15', i);
    if (id) return id;
  }
}

test.afterEach(async ({ page }) => {
  await page.goto('about:blank');
});

test('the unit leader picks a tertial in Oversikt › Rapport by keyboard, prints it and downloads the same numbers as CSV, no patient in either', async ({
  page,
  app,
}) => {
  await openWithProfile(page, app);
  // A small caseload 60 days back: one D11 decision in time, one TSB decision late, an overdue assessment with a reason, a no-show resolved the next day.
  const received = isoDay(-60);
  const a = (await rpc(page, app, 'referrals.create', referralInput('Rita Rapport', fnr(101), -60))) as { pathwayId: number; patientId: number };
  await rpc(page, app, 'pathways.assess', {
    pathwayId: a.pathwayId,
    assessedOn: isoDay(-55),
    rightsDecision: 'right',
    careKind: 'assessment',
    careDeadline: isoDay(20),
  });
  await rpc(page, app, 'pathways.recordEvent', { pathwayId: a.pathwayId, type: 'first_attendance', date: isoDay(-40) });
  await rpc(page, app, 'pathways.recordEvent', { pathwayId: a.pathwayId, type: 'clinical_decision', date: isoDay(-20), outcome: 'CP' });
  const b = (await rpc(page, app, 'referrals.create', referralInput('Tor Tertial', fnr(201), -60, 'tsb'))) as { pathwayId: number };
  await rpc(page, app, 'pathways.assess', {
    pathwayId: b.pathwayId,
    assessedOn: isoDay(-55),
    rightsDecision: 'right',
    careKind: 'treatment',
    careDeadline: isoDay(20),
  });
  await rpc(page, app, 'pathways.recordEvent', { pathwayId: b.pathwayId, type: 'first_attendance', date: isoDay(-50) });
  const c = (await rpc(page, app, 'referrals.create', referralInput('Siri Sein', fnr(301), -60))) as { pathwayId: number };
  await rpc(page, app, 'pathways.recordBreachReason', { pathwayId: c.pathwayId, deadlineKey: 'legal/referral-assessment', reasonCode: 'capacity', note: '' });
  const appt = (await rpc(page, app, 'appointments.book', {
    patientId: a.patientId,
    pathwayId: a.pathwayId,
    kind: 'assessment',
    date: isoDay(-10),
    time: '10:00',
    durationMinutes: 60,
    place: 'Rom 2',
    clinician: 'Psykolog Berg',
  })) as { id: number };
  const ns = (await rpc(page, app, 'appointments.setStatus', { id: appt.id, status: 'no_show' })) as { noShowCaseId: number };
  await rpc(page, app, 'noShow.recordAttempt', {
    caseId: ns.noShowCaseId,
    date: isoDay(-9),
    time: '09:15',
    channel: 'phone',
    outcome: 'reached',
    byName: 'Mona',
    note: '',
  });
  await rpc(page, app, 'noShow.close', { caseId: ns.noShowCaseId, outcome: 'declined', note: '' });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Arbeidsliste', exact: true })).toBeVisible();

  // Keyboard only: g o opens Oversikt, the arrow key moves to the Rapport tab, Tab reaches the pickers.
  await page.keyboard.press('g');
  await page.keyboard.press('o');
  await expect(page.getByRole('heading', { name: 'Oversikt', level: 1 })).toBeVisible();
  await page.getByRole('tab', { name: 'Indikatorer' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Rapport per tertial' })).toBeVisible();
  const { year, tertial } = tertialOf(received);
  const period = tertialPeriod(year, tertial);
  // The panel itself takes focus first (so a screen reader hears it), then the year.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('tabpanel', { name: 'Rapport' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('År', { exact: true })).toBeFocused();
  await page.getByLabel('År', { exact: true }).selectOption(String(year));
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Tertial', { exact: true })).toBeFocused();
  await page.getByLabel('Tertial', { exact: true }).selectOption(String(tertial));
  await expect(page.getByRole('heading', { name: period.label })).toBeVisible();

  const indicators = page.getByRole('table', { name: 'Indikatorer etter forløp' });
  const adult = indicators.getByRole('row', { name: /Psykiske lidelser – voksne, poliklinikk/ });
  await expect(adult).toContainText('nasjonalt 72 %');
  const tsb = indicators.getByRole('row', { name: /rusbehandling \(TSB\), poliklinikk/ });
  await expect(tsb).toContainText('0 %');
  await expect(tsb).toContainText('nasjonalt 82 %');
  await expect(indicators.getByRole('row', { name: /^Alle forløp/ })).toContainText('1 av 2');
  await expect(page.getByRole('table', { name: 'Overskridelser etter årsak' }).getByRole('row', { name: /Manglende kapasitet/ })).toContainText('1');
  await expect(page.getByRole('table', { name: 'Ikke møtt etter forløp' }).getByRole('row', { name: /voksne/ })).toContainText('1 (100 %)');
  await expect(page.getByText('Rita Rapport')).toHaveCount(0);
  // No code words or empty values reach the screen.
  expect(await page.getByRole('tabpanel', { name: 'Rapport' }).innerText()).not.toMatch(/\b(null|undefined|NaN|outpatient|inpatient|adult_mental|tsb)\b/);
  await shots(page, 'report-tertial');
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  // Printed through the one print path, read back as text.
  await page.getByRole('button', { name: 'Skriv ut rapporten' }).click();
  const text = await printPreviewToPdf(page, printed('tertial-report'));
  expect(text).toContain(`Rapport for ${period.label}`);
  expect(text).toContain('Utredning gjennomført innen forløpstid');
  expect(text).toMatch(/Tverrfaglig[^\n]*Poliklinikk\s+0\s+1\s+0\s+0 %\s+82 %/);
  expect(text).toContain('Manglende kapasitet');
  expect(text).toContain('Ikke møtt: løst innen reglene');
  for (const name of ['Rita Rapport', 'Tor Tertial', 'Siri Sein']) expect(text).not.toContain(name);
  await page.keyboard.press('Escape');

  // The CSV: the same numbers, no patient.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Last ned CSV' }).click()]);
  expect(download.suggestedFilename()).toBe(`tertialrapport-${year}-T${tertial}.csv`);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv).toContain('Utredning gjennomført innen forløpstid;;0;1;0;0;82 %');
  expect(csv).toContain('Manglende kapasitet;1');
  for (const name of ['Rita Rapport', 'Tor Tertial', 'Siri Sein']) expect(csv).not.toContain(name);
});
