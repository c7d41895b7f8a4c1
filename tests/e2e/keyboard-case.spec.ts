import { expect, openWithProfile, test } from './fixtures';
import { isoDay, patientWithNoShow, rpc } from './pages/worklist';
import { shots } from './shots';

// Administrative staff on a no-show case with the keyboard only: Enter on the queue opens the case with focus on
// its tab (not lost on <body>), `n` opens a contact attempt, Ctrl+Enter saves it from the last field; then Møter.
test('a contact attempt from the queue with the keyboard only: Enter, n, type, Ctrl+Enter', async ({ page, app }) => {
  await openWithProfile(page, app);
  const { patientId } = await patientWithNoShow(page, app, 'Nora Tastesen', '01868512381', 2);
  await rpc(page, app, 'meetings.create', { patientId, kind: 'evaluation', date: isoDay(0), time: '08:00', durationMinutes: 60, place: 'Møterom 1' });
  await page.reload();
  await expect(page.getByRole('grid', { name: 'Arbeidsliste' })).toBeFocused();

  await page.keyboard.press('g');
  await page.keyboard.press('m');
  await expect(page.getByRole('heading', { name: 'Ikke møtt', level: 1 })).toBeVisible();
  const queue = page.getByRole('grid');
  await expect(queue.getByRole('row', { name: /Nora Tastesen/ })).toBeVisible();
  await expect(queue).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Nora Tastesen', level: 1 })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Ikke møtt', selected: true })).toBeFocused();

  await expect(page.getByRole('button', { name: 'Registrer kontaktforsøk' })).toBeVisible(); // the case is shown
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'Registrer kontaktforsøk' });
  await expect(dialog.getByLabel('Dato')).toBeFocused();
  // Date and time are now; on to the channel (date, calendar button, time) and the outcome.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Kanal')).toBeFocused();
  await page.keyboard.type('Tel');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Ikke svar');
  await expect(dialog.getByLabel('Utfall')).toHaveValue('no_answer');
  await shots(page, 'keyboard-attempt');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  const attempts = page.getByRole('table', { name: 'Kontaktforsøk' });
  await expect(attempts.getByRole('row')).toHaveCount(2);
  await expect(attempts).toContainText('Ikke svar');
  await expect(page.getByText('Neste:')).toContainText('Kontaktforsøk 2');

  // Arriving on Møter puts focus on the week, so ↑ ↓ and Enter work at once.
  await page.keyboard.press('g');
  await page.keyboard.press('e');
  await expect(page.getByRole('grid', { name: /^Møter uke/ })).toBeFocused();
  // Enter opens the chosen meeting and focus starts on its heading (Tab goes on to its actions).
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /^Evaluering – / })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Skriv ut dagsorden' })).toBeFocused();
});
