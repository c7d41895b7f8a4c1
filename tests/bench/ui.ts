import { chromium, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
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
  const origin = new URL(url).origin;
  const token = url.split('#token=')[1]!;
  const rpc = async (method: string, input: unknown) => {
    const res = await fetch(`${origin}/rpc`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ method, input }) });
    return (await res.json()) as { ok: boolean; value?: any };
  };
  const rssMb = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
  return { url, rpc, rssMb, startMs: performance.now() - t0, stop: () => child.kill('SIGTERM') };
}

/**
 * Key event → the updated list painted: a capture-phase keydown listener takes the event's timestamp; every
 * mutation of the grid that follows schedules requestAnimationFrame + a MessageChannel message, which runs
 * after that frame is painted; the key's figure is the paint after the last mutation (the list at rest,
 * 300 ms without change). A key that changes nothing in the grid within a second is counted, not timed.
 */
async function installKeyProbe(page: Page) {
  // Plain JS text: tsx would wrap named functions in a __name() helper the page does not have.
  await page.evaluate(`(() => {
    const w = window;
    w.__probe = { done: 0, times: [], unchanged: 0, mutations: [] };
    document.addEventListener('keydown', (e) => {
      const t0 = e.timeStamp;
      const grid = document.querySelector('[role="grid"]') || document.body;
      let painted = -1, mutations = 0, finished = false, quiet = 0, cap = 0, obs = null;
      const finish = () => {
        if (finished) return;
        finished = true;
        clearTimeout(quiet);
        clearTimeout(cap);
        obs.disconnect();
        w.__probe.mutations.push(mutations);
        if (painted < 0) w.__probe.unchanged++;
        else w.__probe.times.push(painted - t0);
        w.__probe.done++;
      };
      obs = new MutationObserver((list) => {
        mutations += list.length;
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => { painted = performance.now(); };
          ch.port2.postMessage(0);
        });
        clearTimeout(quiet);
        quiet = setTimeout(finish, 300);
      });
      obs.observe(grid, { childList: true, subtree: true, characterData: true, attributes: true });
      quiet = setTimeout(finish, 1000);
      // A grid that never comes to rest (5 s) ends the key anyway, timed to its last paint so far.
      cap = setTimeout(finish, 5000);
    }, true);
  })()`);
}

const WORDS = ['hansen', 'olsen', 'kari', 'berg', 'nilsen', 'johansen', 'larsen', 'eriksen', 'andersen', 'pedersen', 'haugen', 'johnsen', 'lie', 'dahl', 'moen', 'solberg', 'hagen', 'kristiansen', 'jensen', 'karlsen'];

/** `keysOnly`: one later start and the keystrokes only (for before/after comparisons of the renderer). */
export async function runUiBench(size: number, keysOnly = false): Promise<{ rows: Measured[]; notes: string[] }> {
  const dataDir = workingCopy((await seededDataDir(size)).dataDir);
  const results: Measured[] = [];
  const notes: string[] = [];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const firstOfDay: number[] = [];
    const later: number[] = [];
    const starts: number[] = [];
    for (let run = keysOnly ? 4 : 0; run < 5; run++) {
      // Run 0 is the first start of the day: no backup from today, so the daily one is due (in a worker, after start).
      if (run === 0) rmSync(join(dataDir, 'backups'), { recursive: true, force: true });
      const server = await startServer(dataDir);
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const t0 = performance.now();
      await page.goto(server.url);
      await page.locator('[role="grid"] [role="row"][aria-rowindex="2"]').waitFor();
      const cold = server.startMs + performance.now() - t0;
      starts.push(server.startMs);
      (run === 0 ? firstOfDay : later).push(cold);
      if (run === 0 || keysOnly) {
        // The daily backup runs after the worklist is up; wait for it so later starts find today's backup
        // (and, keys only, so it does not run while keys are timed).
        const t1 = performance.now();
        let state = '';
        while (!['done', 'failed', 'not_due'].includes(state) && performance.now() - t1 < 600_000) {
          const p = await server.rpc('backups.dailyProgress', {});
          state = p.ok ? p.value.state : 'unavailable';
          await new Promise((r) => setTimeout(r, 100));
        }
        if (run === 0) notes.push(`first start of the day: daily backup finished in the background ${((server.startMs + performance.now() - t0) / 1000).toFixed(1)} s after launch (state ${state})`);
      }
      if (run < 4) {
        await page.close();
        server.stop();
        continue;
      }

      // Keystrokes: words typed a letter at a time, then erased a letter at a time (≥ 100 timed keys).
      const search = page.getByRole('searchbox').first();
      await search.focus();
      await installKeyProbe(page);
      let n = 0;
      for (const word of WORDS) {
        for (const key of [...word.split(''), ...word.split('').map(() => 'Backspace')]) {
          await page.keyboard.press(key);
          n++;
          if (process.env.BENCH_DEBUG) console.error(n, key, await page.evaluate(() => JSON.stringify({ a: document.activeElement?.getAttribute('role') ?? document.activeElement?.tagName, p: (window as unknown as { __probe: unknown }).__probe })));
          await page.waitForFunction((k) => (window as unknown as { __probe: { done: number } }).__probe.done >= k, n, { timeout: 15_000, polling: 20 });
        }
      }
      const probe = await page.evaluate(() => (window as unknown as { __probe: { times: number[]; unchanged: number } }).__probe);
      results.push(stats('UI: keystroke in search → updated list painted', size, probe.times));
      notes.push(`keystrokes: ${n} keys, ${probe.times.length} changed the list and are timed, ${probe.unchanged} changed nothing in the grid within 1 s`);
      await page.waitForTimeout(300);
      if (keysOnly) {
        await page.close();
        server.stop();
        break;
      }

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
      results.push(stats('UI: cold start → interactive worklist, first start of the day', size, firstOfDay));
      results.push(stats('UI: cold start → interactive worklist, later starts', size, later));
      results.push(stats(`UI: scroll ${scroll.reached} rows, frame time`, size, scroll.frames));
      results.push({ name: 'UI: long tasks (> 50 ms) while scrolling', size, medianMs: scroll.long.length, p95Ms: Math.max(0, ...scroll.long), samples: scroll.long.length, note: 'count' } as Measured);
      results.push({ name: 'browser-mode server RSS after a scripted session (searches, 5,000 rows scrolled; MB)', size, medianMs: server.rssMb(), p95Ms: NaN, samples: 1, note: 'MB' } as Measured);
      await page.close();
      server.stop();
    }
  } finally {
    await browser.close();
  }
  return { rows: results, notes };
}

// Run as its own process (DOM-typed code stays out of the Node program): prints the results as JSON.
const sizeArg = Number(process.argv[2] ?? '50000');
runUiBench(sizeArg, process.argv.includes('--keys'))
  .then((r) => process.stdout.write(`${JSON.stringify(r)}\n`))
  .catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
