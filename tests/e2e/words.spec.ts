import { expect, test } from '@playwright/test';
import { forbiddenWords } from './words';

// The on-screen scan reads a page as the person sees it (innerText of the body): a page holding the words that
// once leaked is flagged, so the scan of the real screens cannot pass because it reads nothing.
test('the forbidden-words scan flags a page with English and code words, and passes a Norwegian one', async ({ page }) => {
  await page.setContent(`<main><h1>Kommuneliste</h1><p>Compiled from public reference lists</p><table><tr><td>Åpnet individual_plan</td></tr></table></main>`);
  const hits = forbiddenWords(await page.locator('body').innerText());
  expect(hits).toEqual(
    expect.arrayContaining([expect.stringContaining('Compiled from public reference lists'), expect.stringContaining('Åpnet individual_plan')]),
  );
  await page.setContent(`<main><h1>Kommuneliste</h1><p>Kilde: Kartverkets kommuneliste</p><p>Åpnet individuell plan</p><p hidden>individual_plan</p></main>`);
  expect(forbiddenWords(await page.locator('body').innerText())).toEqual([]);
});
