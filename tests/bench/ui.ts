import { chromium, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Measured } from './measure';
import { benchMasterKey, openBenchCore, seededDataDir, workingCopy } from './seeded-db';
import { installStartProbe, readPageMarks, startParts, type StartTrace } from './start-probe';

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}
function stats(name: string, size: number, xs: number[], unit?: string): Measured & { note?: string } {
  const s = [...xs].sort((a, b) => a - b);
  return { name, size, medianMs: pct(s, 50), p95Ms: pct(s, 95), samples: s.length, ...(unit ? { note: unit } : {}) };
}

/** A port free now: every start serves the same origin, whose cache the browser profile keeps. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts the real browser-mode server on a seeded copy and returns the URL line and how long until it was printed. */
async function startServer(dataDir: string, keyFile: string, port: number) {
  const t0 = performance.now();
  const spawnEpoch = performance.timeOrigin + t0;
  // The master key from a key file, as the desktop app has it from the OS keychain (safeStorage): a passphrase
  // adds its scrypt (reported separately by the start-path rows), which is the person's unlock, not the start.
  const env: NodeJS.ProcessEnv = { ...process.env, FORLOPSBENK_START_TRACE: '1' };
  delete env.FORLOPSBENK_PASSPHRASE;
  const child = spawn(process.execPath, ['scripts/start-browser.mjs', '--data-dir', dataDir, '--key-file', keyFile, '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let trace: StartTrace | null = null;
  let err = '';
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString();
    const m = /start-trace (\{.*\})/.exec(err);
    if (m?.[1] && !trace) trace = JSON.parse(m[1]) as StartTrace;
  });
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
    const res = await fetch(`${origin}/rpc`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ method, input }),
    });
    return (await res.json()) as { ok: boolean; value?: any };
  };
  const rssMb = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
  const startMs = performance.now() - t0;
  return {
    url,
    rpc,
    rssMb,
    spawnEpoch,
    /** The server's start-trace line (read after the page is up, so waiting for it never delays the start). */
    trace: () => trace as StartTrace | null,
    startMs,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
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
    w.__probe = { done: 0, times: [], firsts: [], unchanged: 0, mutations: [], parts: [] };
    performance.setResourceTimingBufferSize(100000);
    document.addEventListener('keydown', (e) => {
      const t0 = e.timeStamp;
      performance.clearResourceTimings();
      const grid = document.querySelector('[role="grid"]') || document.body;
      let painted = -1, first = -1, mutations = 0, finished = false, quiet = 0, cap = 0, obs = null;
      const finish = () => {
        if (finished) return;
        finished = true;
        clearTimeout(quiet);
        clearTimeout(cap);
        obs.disconnect();
        w.__probe.mutations.push(mutations);
        if (painted < 0) w.__probe.unchanged++;
        else {
          w.__probe.times.push(painted - t0);
          w.__probe.firsts.push(first - t0);
          // Where the time went: the last call to the server before the paint (the list's own request).
          const rpc = performance.getEntriesByType('resource').filter((r) => r.name.endsWith('/rpc') && r.startTime >= t0 && r.responseEnd <= painted).pop();
          const server = rpc && rpc.serverTiming && rpc.serverTiming[0] ? rpc.serverTiming[0].duration : NaN;
          if (rpc) w.__probe.parts.push([rpc.startTime - t0, rpc.responseEnd - rpc.startTime, painted - rpc.responseEnd, server]);
        }
        w.__probe.done++;
      };
      obs = new MutationObserver((list) => {
        mutations += list.length;
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => { painted = performance.now(); if (first < 0) first = painted; };
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

/** The parts of the later starts as rows (median / p95), the first-of-day starts' medians in one note. */
function pushStartParts(
  results: Measured[],
  notes: string[],
  size: number,
  parts: Record<'first' | 'later', Record<string, number>[]>,
  rpcOrder: string,
): void {
  const names = Object.keys(parts.later[0] ?? parts.first[0] ?? {});
  const [label, rows] = parts.later.length ? ['later starts', parts.later] : ['first starts of the day', parts.first];
  for (const name of names)
    results.push(
      stats(
        `UI: start part (${label}): ${name}`,
        size,
        rows.map((p) => p[name]!),
      ),
    );
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? NaN;
  if (parts.first.length)
    notes.push(
      `first starts of the day (${parts.first.length}), part medians: ${names.map((n) => `${n} ${med(parts.first.map((p) => p[n]!)).toFixed(0)}`).join('; ')}`,
    );
  if (rpcOrder) notes.push(`the last start's calls before the first row (ms since navigation, sent→answered): ${rpcOrder}`);
}

const WORDS = [
  'hansen',
  'olsen',
  'kari',
  'berg',
  'nilsen',
  'johansen',
  'larsen',
  'eriksen',
  'andersen',
  'pedersen',
  'haugen',
  'johnsen',
  'lie',
  'dahl',
  'moen',
  'solberg',
  'hagen',
  'kristiansen',
  'jensen',
  'karlsen',
];

/**
 * `all`: five starts (the first of the day, then later ones), keystrokes, scrolling and RSS after the session;
 * `starts`: the five starts only; `keys`: one later start and the keystrokes only (before/after comparisons).
 */
export async function runUiBench(size: number, mode: 'all' | 'starts' | 'keys' = 'all'): Promise<{ rows: Measured[]; notes: string[] }> {
  const keysOnly = mode === 'keys';
  const dataDir = workingCopy((await seededDataDir(size)).dataDir);
  const keyFile = `${dataDir}.key`;
  writeFileSync(keyFile, benchMasterKey(dataDir).toString('hex'), { mode: 0o600 });
  // Yesterday's session, untimed: the copy migrated to this schema and closed the way the app closes (the next
  // start finds the file as it was left; after a crash it would run quick_check, reported among the start steps).
  await (await openBenchCore(dataDir)).close();
  const results: Measured[] = [];
  const notes: string[] = [];
  const launch = {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  };
  // The timed starts open the app in a browser profile that has had it open before, with one origin (a fixed
  // port): a person's browser, or the desktop app's own window (Electron keeps its session's cache, and V8's code
  // cache for app://, between launches). A new profile per start also timed the setup of a fresh browser context
  // and an empty cache, which no daily start has: those starts are reported on a row of their own.
  const browser = await chromium.launch(launch);
  const profileDir = mkdtempSync(join(tmpdir(), 'forlopsbenk-bench-browser-'));
  const profile = await chromium.launchPersistentContext(profileDir, { ...launch, viewport: { width: 1400, height: 900 } });
  const port = await freePort();
  try {
    const firstOfDay: number[] = [];
    const later: number[] = [];
    const newProfile: number[] = [];
    // Yesterday's use, untimed: the profile has had the app open once.
    if (!keysOnly) {
      const page = await profile.newPage();
      const server = await startServer(dataDir, keyFile, port);
      await page.goto(server.url);
      await page.locator('[role="grid"] [role="row"][aria-rowindex="2"]').waitFor();
      await page.close();
      await server.stop();
    }
    const starts: number[] = [];
    const parts: Record<'first' | 'later', Record<string, number>[]> = { first: [], later: [] };
    let rpcOrder = '';
    // The starts' rows, once the last start is in (`starts` mode after it, `all` after the session in it).
    const startsReported = () => {
      results.push(stats('UI: server start (spawn → URL printed; the core opens beside the page, see the start parts)', size, starts));
      results.push(stats('UI: cold start → interactive worklist, first start of the day', size, firstOfDay));
      results.push(stats('UI: cold start → interactive worklist, later starts', size, later));
      results.push(stats('UI: cold start, later start in a browser profile that never had the app open (not a target)', size, newProfile));
      pushStartParts(results, notes, size, parts, rpcOrder);
    };
    // First starts of a day (no backup from today: the daily one is due, in a worker after the worklist is up)
    // interleaved with later starts (today's backup found). The last start is a later one; `all` continues in it.
    // BENCH_QUICK_STARTS=N (while working on the start): N starts only, the backup due but never waited for.
    const quick = mode === 'starts' ? Number(process.env.BENCH_QUICK_STARTS ?? 0) : 0;
    // `new`: a later start in a browser profile that never had the app (nothing cached), not a target.
    const schedule: ('first' | 'later' | 'new')[] = keysOnly
      ? ['later']
      : quick > 0
        ? Array.from({ length: quick }, () => 'first' as const)
        : ['first', 'later', 'new', 'first', 'later', 'new', 'first', 'later', 'later'];
    const backups = join(dataDir, 'backups');
    for (const [run, kind] of schedule.entries()) {
      const last = run === schedule.length - 1;
      if (run === 0) rmSync(backups, { recursive: true, force: true });
      // A later first-of-day start: today's backup (from run 0) set aside, put back after.
      const setAside = kind === 'first' && run > 0 && existsSync(backups);
      if (setAside) renameSync(backups, `${backups}.today`);
      // The tab first (not part of the start, as before), then the server: spawn → painted is one timeline.
      const page = kind === 'new' ? await browser.newPage({ viewport: { width: 1400, height: 900 } }) : await profile.newPage();
      const startProbe = await installStartProbe(page);
      const server = await startServer(dataDir, keyFile, port);
      const t0 = performance.now();
      await page.goto(server.url);
      await startProbe.painted;
      const seen = performance.now();
      const cold = server.startMs + seen - t0;
      starts.push(server.startMs);
      (kind === 'first' ? firstOfDay : kind === 'later' ? later : newProfile).push(cold);
      const trace = server.trace();
      if (trace && kind !== 'new') {
        const marks = await readPageMarks(page);
        parts[kind].push(startParts(server.spawnEpoch, performance.timeOrigin + t0, performance.timeOrigin + seen, trace, marks));
        rpcOrder = `${marks.rpc.map((r) => `${r.method} ${r.start.toFixed(0)}→${r.end.toFixed(0)}`).join(', ')}; first row ${marks.rowAt.toFixed(0)}, painted ${marks.paintedAt.toFixed(0)}; ${marks.startScripts} start scripts, ${marks.startKb.toFixed(0)} kB`;
      }
      if ((run === 0 && !quick) || keysOnly) {
        // The daily backup runs after the worklist is up; wait for it so later starts find today's backup
        // (and, keys only, so it does not run while keys are timed).
        const t1 = performance.now();
        let state = '';
        while (!['done', 'failed', 'not_due'].includes(state) && performance.now() - t1 < 600_000) {
          const p = await server.rpc('backups.dailyProgress', {});
          state = p.ok ? p.value.state : 'unavailable';
          await new Promise((r) => setTimeout(r, 100));
        }
        if (run === 0)
          notes.push(
            `first start of the day: daily backup finished in the background ${((server.startMs + performance.now() - t0) / 1000).toFixed(1)} s after launch (state ${state})`,
          );
      }
      if (!last || mode === 'starts') {
        await page.close();
        // Stopped at once: a first-of-day start's backup is still waiting its 2 s after the worklist (stop cancels it).
        await server.stop();
        if (setAside) {
          rmSync(backups, { recursive: true, force: true });
          renameSync(`${backups}.today`, backups);
        }
        if (last) {
          startsReported();
        }
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
          if (process.env.BENCH_DEBUG)
            console.error(
              n,
              key,
              await page.evaluate(() =>
                JSON.stringify({
                  a: document.activeElement?.getAttribute('role') ?? document.activeElement?.tagName,
                  p: (window as unknown as { __probe: unknown }).__probe,
                }),
              ),
            );
          await page.waitForFunction((k) => (window as unknown as { __probe: { done: number } }).__probe.done >= k, n, { timeout: 15_000, polling: 20 });
        }
      }
      const probe = await page.evaluate(
        () => (window as unknown as { __probe: { times: number[]; firsts: number[]; unchanged: number; parts: [number, number, number, number][] } }).__probe,
      );
      results.push(stats('UI: keystroke in search → updated list painted', size, probe.times));
      // The first paint that changed the list (a search answered in the renderer paints its result here; a later
      // paint, e.g. rows filled by id, ends the figure above).
      results.push(stats('UI: keystroke, part: key event → first paint of the changed list', size, probe.firsts));
      results.push(
        stats(
          'UI: keystroke, part: key event → request sent (React, fetch)',
          size,
          probe.parts.map((x) => x[0]),
        ),
      );
      results.push(
        stats(
          'UI: keystroke, part: request → response (loopback + server)',
          size,
          probe.parts.map((x) => x[1]),
        ),
      );
      results.push(
        stats(
          'UI: keystroke, part: of which the server dispatch (Server-Timing)',
          size,
          probe.parts.map((x) => x[3]).filter((x) => !Number.isNaN(x)),
        ),
      );
      results.push(
        stats(
          'UI: keystroke, part: response → list painted (React, layout, paint)',
          size,
          probe.parts.map((x) => x[2]),
        ),
      );
      notes.push(
        `keystrokes: ${n} keys, ${probe.times.length} changed the list and are timed, ${probe.unchanged} changed nothing in the grid within 1 s, ${probe.parts.length} called the server before their last paint`,
      );
      await page.waitForTimeout(300);
      if (keysOnly) {
        await page.close();
        await server.stop();
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
      startsReported();
      results.push(stats(`UI: scroll ${scroll.reached} rows, frame time`, size, scroll.frames));
      results.push({
        name: 'UI: long tasks (> 50 ms) while scrolling',
        size,
        medianMs: scroll.long.length,
        p95Ms: Math.max(0, ...scroll.long),
        samples: scroll.long.length,
        note: 'count',
      } as Measured);
      results.push({
        name: 'browser-mode server RSS after a scripted session (searches, 5,000 rows scrolled; MB)',
        size,
        medianMs: server.rssMb(),
        p95Ms: NaN,
        samples: 1,
        note: 'MB',
      } as Measured);
      await page.close();
      await server.stop();
    }
  } finally {
    await browser.close();
    await profile.close();
    rmSync(profileDir, { recursive: true, force: true });
    rmSync(keyFile, { force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
  return { rows: results, notes };
}

// Run as its own process (DOM-typed code stays out of the Node program): prints the results as JSON.
const sizeArg = Number(process.argv[2] ?? '50000');
runUiBench(sizeArg, process.argv.includes('--keys') ? 'keys' : process.argv.includes('--starts') ? 'starts' : 'all')
  .then((r) => process.stdout.write(`${JSON.stringify(r)}\n`))
  .catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
