import { answerDiscard, expect, openWithProfile, test } from './fixtures';
import { shots } from './shots';

// Issue #16: closing a dialog or leaving a screen with unsaved changes asks in the app ("Forkaste endringene?"),
// never with the browser's own confirm; the safe choice has focus and Esc keeps editing.
test('closing a dialog with typed text asks in the app: Esc, the close button and Avbryt; keep editing keeps it, Forkast closes', async ({ page, app }) => {
  const native: string[] = [];
  page.on('dialog', (d) => {
    native.push(d.message());
    void d.dismiss();
  });
  await openWithProfile(page, app);
  await page.getByRole('button', { name: /^Kontakter/ }).click();
  await expect(page.getByText('Kontaktlisten er tom')).toBeVisible();
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'Ny kontakt' });
  const name = dialog.getByLabel('Navn', { exact: true });
  await expect(name).toBeFocused();
  await page.keyboard.type('Halvskrevet Kontakt');
  const question = page.getByRole('alertdialog', { name: 'Forkaste endringene?' });

  // Esc: asked; Esc again keeps editing.
  await page.keyboard.press('Escape');
  await expect(question.getByRole('button', { name: 'Fortsett å redigere' })).toBeFocused();
  await shots(page, 'discard-question');
  await page.keyboard.press('Escape');
  await expect(question).toBeHidden();
  await expect(name).toHaveValue('Halvskrevet Kontakt');

  // The dialog's close button: asked; "Fortsett å redigere" keeps the text.
  await dialog.getByRole('button', { name: 'Lukk' }).click();
  await answerDiscard(page, false);
  await expect(dialog).toBeVisible();
  await expect(name).toHaveValue('Halvskrevet Kontakt');

  // Avbryt, then "Forkast": gone, and the next form is empty.
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await answerDiscard(page, true);
  await expect(dialog).toBeHidden();
  // Focus goes back to what had it when the dialog opened (the closed dialog's last step, so the next key is the
  // screen's again).
  await expect(page.getByRole('button', { name: /^Kontakter/ })).toBeFocused();
  await page.keyboard.press('n');
  await expect(name).toHaveValue('');
  // Nothing typed: closing does not ask.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(question).toBeHidden();
  expect(native).toEqual([]);
});
