import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import type { Measured } from './measure';
import { BENCH_PASSPHRASE, seededDataDir, workingCopy } from './seeded-db';

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}
function stats(name: string, size: number, xs: number[], unit?: string): Measured & { note?: string } {
  const s = [...xs].sort((a, b) => a - b);
  return { name, size, medianMs: pct(s, 50), p95Ms: pct(s, 95), samples: s.length, ...(unit ? { note: unit } : {}) };
}

/** Starts the real browser-mode server on a seeded copy and returns the URL line and how long startup took. */
async function startServer(dataDir: string) {
  const t0 = performance.now();
  const env = { ...process.env, FORLOPSBENK_PASSPHRASE: process.env.FORLOPSBENK_PASSPHRASE ?? BENCH_PASSPHRASE };
  const child = spawn(process.execPath, ['scripts/start-browser.mjs', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'], env });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  return { url, startMs: performance.now() - t0, stop: () => child.kill('SIGTERM') };
}

/**
 * UI timings in Debian's Chromium against browser mode with a seeded database:
 * navigation → worklist rows visible, keystroke in the search → updated list painted (the app's own
 * performance marks), and scrolling 5,000 rows while counting long tasks.
 */
export async function runUiBench(size: number): Promise<Measured[]> {
  const dataDir = workingCopy((await seededDataDir(size)).dataDir);
  const results: Measured[] = [];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const starts: number[] = [];
    const navs: number[] = [];
    const colds: number[] = [];
    for (let run = 0; run < 5; run++) {
      const server = await startServer(dataDir);
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const t0 = performance.now();
      await page.goto(server.url);
      await page.locator('[role="grid"] [role="row"][aria-rowindex="2"]').waitFor();
      const wall = performance.now() - t0;
      const inPage = await page.evaluate(() => performance.now()); // since navigation start
      starts.push(server.startMs);
      navs.push(inPage);
      colds.push(server.startMs + wall);
      if (run < 4) {
        await page.close();
        server.stop();
        continue;
      }

      // Keystrokes: each one changes the result set; the app marks input → painted.
      const keys: number[] = [];
      const search = page.getByRole('searchbox').first();
      await search.focus();
      for (const text of ['h', 'ha', 'han', 'hans', 'hanse', 'hansen', 'o', 'ol', 'ola', 'e', 'er', 'eri', 'k', 'ka', 'kar', 'kari', 's', 'so', 'sol', 'a']) {
        await page.evaluate(() => performance.clearMeasures('worklist:input-to-paint'));
        await search.fill(text);
        await page
          .waitForFunction(() => performance.getEntriesByName('worklist:input-to-paint').length > 0, null, { timeout: 10_000 })
          .catch(async (e: unknown) => {
            await page.screenshot({ path: 'tests/bench/results/ui-failure.png' });
            throw e;
          });
        keys.push(await page.evaluate(() => performance.getEntriesByName('worklist:input-to-paint').at(-1)!.duration));
      }
      await search.fill('');
      await page.waitForTimeout(300);

      // Scroll 5,000 rows, a screenful per frame, observing long tasks.
      const scroll = await page.evaluate(async () => {
        const grid = document.querySelector<HTMLElement>('[role="grid"]')!;
        const long: number[] = [];
        const obs = new PerformanceObserver((list) => list.getEntries().forEach((e) => long.push(e.duration)));
        obs.observe({ type: 'longtask', buffered: false });
        const frames: number[] = [];
        let last = performance.now();
        const rowsTarget = 5000 * 32;
        while (grid.scrollTop < rowsTarget && frames.length < 3000) {
          // (no helper functions in here: tsx would wrap them in a __name() the page does not have)
          if (grid.scrollTop + grid.clientHeight >= grid.scrollHeight - 1) {
            // The next page is loading: wait (up to 2 s) for the list to grow, or stop at the real end.
            const height = grid.scrollHeight;
            const until = performance.now() + 2000;
            while (grid.scrollHeight === height && performance.now() < until) await new Promise((r) => requestAnimationFrame(() => r(null)));
            if (grid.scrollHeight === height) break;
            last = performance.now();
          }
          grid.scrollTop += grid.clientHeight;
          await new Promise((r) => requestAnimationFrame(() => r(null)));
          const now = performance.now();
          frames.push(now - last);
          last = now;
        }
        await new Promise((r) => setTimeout(r, 200));
        obs.disconnect();
        return { frames, long, reached: Math.round(grid.scrollTop / 32) };
      });
      results.push(stats('UI: server start (open + migrate + listen)', size, starts));
      results.push(stats('UI: navigation → worklist rows visible (in-page)', size, navs));
      results.push(stats('UI: cold start → interactive worklist', size, colds));
      results.push(stats('UI: keystroke in search → list painted', size, keys));
      results.push(stats(`UI: scroll ${scroll.reached} rows, frame time`, size, scroll.frames));
      results.push({ name: 'UI: long tasks (> 50 ms) while scrolling', size, medianMs: scroll.long.length, p95Ms: Math.max(0, ...scroll.long), samples: scroll.long.length, note: 'count' } as Measured);
      await page.close();
      server.stop();
    }
  } finally {
    await browser.close();
  }
  return results;
}

// Run as its own process (DOM-typed code stays out of the Node program): prints the results as JSON.
const sizeArg = Number(process.argv[2] ?? '50000');
runUiBench(sizeArg)
  .then((r) => process.stdout.write(`${JSON.stringify(r)}\n`))
  .catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
