import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Prints what the open print preview shows, the way Chromium prints it (A4, the document's own @page rules),
 * to `pdfFile`, renders page 1 to PNG beside it for a person to look at, and returns the PDF's text (pdftotext).
 */
export async function printPreviewToPdf(page: Page, pdfFile: string): Promise<string> {
  const html = await page.getByTestId('print-preview').getAttribute('srcdoc');
  if (!html) throw new Error('no print preview open');
  const printer = await page.context().newPage();
  await printer.setContent(html, { waitUntil: 'load' });
  const pdf = await printer.pdf({ preferCSSPageSize: true, printBackground: true });
  await printer.close();
  mkdirSync(dirname(pdfFile), { recursive: true });
  writeFileSync(pdfFile, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdfFile, pdfFile.replace(/\.pdf$/, '')]);
  return execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
}
