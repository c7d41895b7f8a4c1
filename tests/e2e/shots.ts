import type { Page } from '@playwright/test';

/** Screenshots of what is on screen at 1440×900 and 1280×720 (test-results/screens/NAME-WxH.png); the size is restored. */
export async function shots(page: Page, name: string): Promise<void> {
  const before = page.viewportSize();
  for (const [width, height] of [
    [1440, 900],
    [1280, 720],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(150);
    await page.screenshot({ path: `test-results/screens/${name}-${width}x${height}.png` });
  }
  if (before) await page.setViewportSize(before);
}
