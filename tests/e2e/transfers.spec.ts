import type { Locator, Page } from '@playwright/test';
import { expect, openWithProfile, test, type AppServer } from './fixtures';
import { isoDay, referralInput, rpc, shownDay, WorklistPage } from './pages/worklist';
import { shots } from './shots';
import { printPreviewToPdf } from './print';
import { syntheticNationalId } from '../../shared/domain/national-id';

/**
 * Issue #13 §2 as a coordinator meets it: a young person turning 18 is transferred from the children's pathway
 * (D12) to the adults' (D11) from the patient page; an attended evaluation appointment proposes the evaluation;
 * the treatment plan made with the patient is recorded; Oversikt counts a re-referral within 12 months.
 */

/** A synthetic national id for someone born `days` ago (Tenor numbers; born 2000 or later: individual 500–999). */
function idBornDaysAgo(days: number): string {
  const birth = isoDay(-days);
  for (let n = 500; n < 999; n++) {
    const id = syntheticNationalId(birth, n);
    if (id) return id;
  }
  throw new Error('no id');
}

async function treatedPathway(
  page: Page,
  app: AppServer,
  name: string,
  nationalId: string,
  pathwayType: string,
): Promise<{ patientId: number; pathwayId: number }> {
  const created = (await rpc(page, app, 'referrals.create', referralInput(name, nationalId, -90, pathwayType))) as { patientId: number; pathwayId: number };
  await rpc(page, app, 'pathways.assess', {
    pathwayId: created.pathwayId,
    assessedOn: isoDay(-85),
    rightsDecision: 'right',
    careKind: 'treatment',
    careDeadline: isoDay(-40),
  });
  await rpc(page, app, 'pathways.recordEvent', { pathwayId: created.pathwayId, type: 'first_attendance', date: isoDay(-60) });
  await rpc(page, app, 'pathways.recordEvent', { pathwayId: created.pathwayId, type: 'clinical_decision', date: isoDay(-50), outcome: 'CP' });
  return created;
}

/** shots() with `target` scrolled into view at each size (it may sit below the fold). */
async function shotsAt(page: Page, name: string, target: Locator): Promise<void> {
  for (const [width, height] of [
    [1440, 900],
    [1280, 720],
  ] as const) {
    await page.setViewportSize({ width, height });
    await target.evaluate((el) => el.scrollIntoView({ block: 'nearest' }));
    await page.screenshot({ path: `test-results/screens/${name}-${width}x${height}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

async function openPatient(page: Page, name: string): Promise<void> {
  const wl = new WorklistPage(page);
  await wl.goto();
  await wl.selectWithKeyboard(name);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

test('D12 → D11 at 18: the children’s pathway ends as transferred, the adults’ one opens linked, on the worklist instead, logged', async ({ page, app }) => {
  await openWithProfile(page, app);
  // Turned 18 twenty days ago.
  const sara = await treatedPathway(page, app, 'Sara Attenår', idBornDaysAgo(Math.round(18 * 365.25) + 20), 'child_mental');
  // Recorded at first attendance: the interpreter need shows in the header and follows the transfer.
  await rpc(page, app, 'pathwayCare.save', { pathwayId: sara.pathwayId, interpreter: 'needed', interpreterLanguage: 'tigrinja' });
  await page.reload();
  await openPatient(page, 'Sara Attenår');

  await page.getByRole('group', { name: 'Registrer hendelse' }).getByRole('button', { name: 'Overfør forløpet' }).click();
  const dialog = page.getByRole('dialog', { name: 'Overfør forløpet' });
  await expect(dialog).toBeVisible();
  // Every error at once: where to, and (inside the trust) which pathway.
  await dialog.getByRole('button', { name: 'Overfør' }).click();
  await expect(dialog.getByLabel('Overføres til')).toHaveAccessibleDescription(/Velg hvor pasienten overføres/);
  await dialog.getByLabel('Overføres til').selectOption('d12_to_d11');
  await dialog.getByRole('button', { name: 'Overfør' }).click();
  await expect(dialog.getByLabel('Nytt forløp')).toHaveAccessibleDescription(/Velg forløpet pasienten overføres til/);
  await dialog.getByLabel('Overført (forløpet avsluttes her)').fill(shownDay(-1));
  await dialog.getByLabel('Nytt forløp').selectOption('adult_mental');
  await dialog.getByLabel('Mottatt av ny enhet').fill(shownDay(0));
  await expect(dialog).toContainText('Ingen ny lovpålagt vurderingsfrist');
  await expect(dialog).toContainText('Regel: ikke bekreftet');
  await shots(page, 'transfer-dialog');
  await dialog.getByRole('button', { name: 'Overfør' }).click();
  await expect(dialog).toBeHidden();

  // Both pathways show the link; the new one has no legal assessment deadline and runs from today's receipt.
  const adult = page.locator('section.pathway-card').filter({ has: page.getByRole('heading', { name: /D11 Psykiske lidelser – voksne/ }) });
  const child = page.locator('section.pathway-card').filter({ has: page.getByRole('heading', { name: /D12 Psykiske lidelser – barn og unge/ }) });
  await expect(adult.locator('dl.facts')).toContainText(
    `Overført fraPsykiske lidelser – barn og unge, overført ${shownDay(-1)} (Fra barn og unge (D12) til voksne (D11) ved 18 år)`,
  );
  await expect(adult.locator('dl.facts')).toContainText('Frist for helsehjelpIngen ny frist ved intern overføring');
  await expect(adult.locator('dl.facts')).toContainText(`Forløpet regnes fra${shownDay(0)}`);
  await expect(adult.getByText(/Vurder henvisningen/)).toHaveCount(0);
  await expect(page.getByText('Trenger tolk: tigrinja')).toBeVisible();
  await expect(child.locator('dl.facts')).toContainText(`Overført tilPsykiske lidelser – voksne, overført ${shownDay(-1)}`);
  await expect(child.getByRole('cell', { name: /Avslutning – Overført til annet forløp eller annen enhet i helseforetaket/ })).toBeVisible();
  await expect(child.getByRole('cell', { name: 'Fra overføring' }).first()).toBeVisible();
  await shots(page, 'transfer-patient-page');
  await shotsAt(page, 'transfer-patient-page-old', child.locator('dl.facts'));

  // The worklist shows the new pathway and not the old one.
  const wl = new WorklistPage(page);
  await wl.goto();
  await expect(wl.row(/Sara Attenår/)).toHaveCount(1);
  await expect(wl.row(/Sara Attenår/)).toContainText('voksne');
  await shots(page, 'transfer-worklist');

  // The access log names the transfer.
  await wl.selectWithKeyboard('Sara Attenår');
  await page.keyboard.press('Enter');
  await page.getByRole('tab', { name: 'Logg' }).click();
  await expect(page.getByText('Avsluttet forløpet som overført')).toBeVisible();

  // The printed meeting invitation (agenda) says an interpreter is needed, read back from the PDF.
  await rpc(page, app, 'meetings.create', {
    patientId: sara.patientId,
    kind: 'evaluation',
    date: isoDay(7),
    time: '10:00',
    durationMinutes: 60,
    place: 'Møterom 2, DPS Testby',
  });
  await page.getByRole('tab', { name: 'Møter' }).click();
  await page.getByRole('button', { name: new RegExp(`^${shownDay(7).replace(/\./g, '\\.')} kl\\. 10:00`) }).click();
  await page.getByRole('button', { name: 'Skriv ut dagsorden' }).click();
  const agenda = await printPreviewToPdf(page, 'test-results/print/transfer-agenda-interpreter.pdf');
  expect(agenda).toContain('Dagsorden – samarbeidsmøte');
  expect(agenda).toMatch(/Tolk\s+Pasienten trenger tolk \(tigrinja\)\.\s+Tolk må bestilles til møtet\./);
});

test('an attended evaluation appointment proposes the evaluation, one click records it; the treatment plan has a place; Oversikt counts re-referrals', async ({
  page,
  app,
}) => {
  await openWithProfile(page, app);
  const { patientId, pathwayId } = await treatedPathway(page, app, 'Per Evaluert', '01868510028', 'adult_mental');
  const appt = (await rpc(page, app, 'appointments.book', {
    patientId,
    pathwayId,
    kind: 'evaluation',
    date: isoDay(-2),
    time: '10:00',
    durationMinutes: 45,
    place: 'Poliklinikken',
    clinician: '',
  })) as { id: number };
  await rpc(page, app, 'appointments.setStatus', { id: appt.id, status: 'attended' });
  // A re-referral: a TSB pathway that ended 100 days before this referral came.
  const earlier = (await rpc(page, app, 'referrals.create', referralInput('Rita Igjen', '01868512381', -200, 'tsb'))) as { pathwayId: number };
  await rpc(page, app, 'pathways.assess', {
    pathwayId: earlier.pathwayId,
    assessedOn: isoDay(-195),
    rightsDecision: 'right',
    careKind: 'treatment',
    careDeadline: isoDay(-150),
  });
  await rpc(page, app, 'pathways.recordEvent', { pathwayId: earlier.pathwayId, type: 'end', date: isoDay(-110), endReason: 'completed' });
  await rpc(page, app, 'referrals.create', { ...referralInput('Rita Igjen', '01868512381', -10, 'adult_mental'), keep: 'stored' });
  await page.reload();
  await openPatient(page, 'Per Evaluert');

  // Nothing recorded silently: the evaluation is proposed, dated by the appointment.
  const proposals = page.getByRole('list', { name: 'Forslag til evaluering' });
  await expect(proposals).toContainText(`Evalueringstime, pasienten møtte ${shownDay(-2)}`);
  await expect(page.getByRole('cell', { name: 'Evaluering', exact: true })).toHaveCount(0);
  await shotsAt(page, 'evaluation-proposal', proposals);
  await proposals.getByRole('button', { name: `Registrer evaluering ${shownDay(-2)}` }).click();
  await expect(proposals).toHaveCount(0);
  const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: /^Evaluering/ }) });
  await expect(row).toContainText(shownDay(-2));
  await expect(row).toContainText('Fra time');

  // "Behandlingsplan utarbeidet med pasient": date and who recorded it.
  const facts = page.locator('dl.facts').filter({ hasText: 'Behandlingsplan med pasienten' });
  await expect(facts).toContainText('Behandlingsplan med pasientenIkke registrert');
  await facts.getByRole('button', { name: 'Registrer' }).click();
  await page.getByLabel('Dato behandlingsplanen ble utarbeidet med pasienten').fill(shownDay(-1));
  await page.getByRole('form', { name: 'Behandlingsplan utarbeidet med pasienten' }).getByRole('button', { name: 'Lagre' }).click();
  await expect(facts).toContainText(`Utarbeidet ${shownDay(-1)}, registrert av Kari Koordinator`);
  await shotsAt(page, 'evaluation-recorded', row);

  // The end dialog offers the end reasons, unconfirmed ones marked.
  await page.getByRole('group', { name: 'Registrer hendelse' }).getByRole('button', { name: 'Avslutning' }).click();
  const end = page.getByRole('dialog', { name: 'Avslutning' });
  await expect(end.getByLabel('Årsak til avslutning')).toContainText('Overført til avtalespesialist for ferdigbehandling');
  await expect(end.getByLabel('Årsak til avslutning')).toContainText('Forløpet er fullført (ikke bekreftet)');
  await shots(page, 'end-reason-dialog');
  await end.getByRole('button', { name: 'Avbryt' }).click();

  // Oversikt: re-referrals within 12 months for the period, count and share.
  await page
    .getByRole('navigation', { name: 'Hovedmeny' })
    .getByRole('button', { name: /^Oversikt/ })
    .click();
  const readmissions = page.getByRole('region', { name: 'Henvist på nytt innen 12 måneder' });
  await expect(readmissions).toContainText('Nye henvisninger i perioden');
  await expect(readmissions.getByRole('row', { name: /av dem henvist på nytt/ })).toContainText('1');
  await shotsAt(page, 'overview-readmissions', readmissions);
});

test('to another health trust the pathway only ends here, with the receiving trust named, and leaves the worklist', async ({ page, app }) => {
  await openWithProfile(page, app);
  await treatedPathway(page, app, 'Tor Flytter', '01868512381', 'tsb');
  await page.reload();
  await openPatient(page, 'Tor Flytter');
  await page.getByRole('group', { name: 'Registrer hendelse' }).getByRole('button', { name: 'Overfør forløpet' }).click();
  const dialog = page.getByRole('dialog', { name: 'Overfør forløpet' });
  await dialog.getByLabel('Overføres til').selectOption('other_trust');
  // No pathway opens here: no new pathway or receipt to give, only who takes over.
  await expect(dialog.getByLabel('Nytt forløp')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Overfør' }).click();
  await expect(dialog.getByLabel('Helseforetaket som overtar')).toHaveAccessibleDescription(/Oppgi hvilket helseforetak som overtar/);
  await dialog.getByLabel('Helseforetaket som overtar').fill('Helse Bergen HF');
  await dialog.getByLabel('Overført (henvisningen sendt)').fill(shownDay(0));
  await dialog.getByRole('button', { name: 'Overfør' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('section.pathway-card')).toHaveCount(1);
  const facts = page.locator('section.pathway-card dl.facts');
  await expect(facts).toContainText(`Overført tilHelse Bergen HF, overført ${shownDay(0)} (Til et annet helseforetak)`);
  await expect(facts).toContainText('helseforetaket som overtar registrerer egen start');
  await expect(page.locator('section.pathway-card').getByText('Avsluttet', { exact: true })).toBeVisible();
  await shotsAt(page, 'transfer-other-trust', facts);
  await page.getByRole('button', { name: /^Arbeidsliste/ }).click();
  await expect(page.getByText('Arbeidslisten er tom')).toBeVisible();
  await expect(page.getByText('0 åpne forløp')).toBeVisible();
});
