import type { Page } from '@playwright/test';

/**
 * Where a cold start's time goes, from the server's spawn to the worklist's first row painted. Server side from
 * its `start-trace` line (FORLOPSBENK_START_TRACE, ms since the process began); page side from Navigation and
 * Resource Timing, a fetch wrapper naming each /rpc call, and a row observer that notes the paint after the
 * first row appears (requestAnimationFrame + MessageChannel). All times on one clock: ms since the spawn.
 */
export interface StartTrace {
  timeOrigin: number;
  bootstrapped: number;
  modulesLoaded: number;
  keyLoaded: number;
  coreStarted: number;
  /** Servers that listen first (the core loads after the page's start files were sent, electron/server/start-gate.ts). */
  coreLoading?: number;
  coreModulesLoaded?: number;
  listening: number;
  /** CPU time of the server process (all threads) until the core started (listening and core started, in either order). */
  cpuMs: number;
}

/**
 * Installed before the page's own scripts (plain JS text: tsx would add a __name() helper the page lacks).
 * `painted` resolves when the page reports the first row painted, through a binding: waiting with a Playwright
 * locator instead injected Playwright's own script (50–70 ms of the page's main thread) into the start it timed.
 */
export async function installStartProbe(page: Page): Promise<{ painted: Promise<void> }> {
  let resolve!: () => void;
  const painted = new Promise<void>((r) => {
    resolve = r;
  });
  await page.exposeBinding('__startPainted', () => resolve());
  await page.addInitScript(`(() => {
    const p = (window.__start = { rpc: [], rowAt: -1, paintedAt: -1 });
    const f = window.fetch.bind(window);
    window.fetch = (url, init) => {
      let method = String(url);
      try { method = JSON.parse((init && init.body) || '{}').method || method; } catch {}
      p.rpc.push({ method, start: performance.now() });
      return f(url, init);
    };
    const obs = new MutationObserver(() => {
      if (p.rowAt >= 0 || !document.querySelector('[role="grid"] [role="row"][aria-rowindex="2"]')) return;
      p.rowAt = performance.now();
      obs.disconnect();
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => { p.paintedAt = performance.now(); window.__startPainted(); };
        ch.port2.postMessage(0);
      });
    });
    obs.observe(document, { childList: true, subtree: true });
  })()`);
  return { painted };
}

export interface PageMarks {
  timeOrigin: number;
  htmlEnd: number;
  cssEnd: number;
  scriptsEnd: number;
  startScripts: number;
  startKb: number;
  firstRpc: number;
  rpc: { method: string; start: number; end: number }[];
  rowAt: number;
  paintedAt: number;
}

/** Reads the probe once the first row is painted (waits for that paint). */
export async function readPageMarks(page: Page): Promise<PageMarks> {
  await page.waitForFunction('window.__start.paintedAt >= 0', null, { polling: 10 });
  return (await page.evaluate(`(() => {
    const p = window.__start;
    const nav = performance.getEntriesByType('navigation')[0];
    const res = performance.getEntriesByType('resource');
    const before = (r) => r.startTime <= p.rowAt;
    const scripts = res.filter((r) => before(r) && r.name.endsWith('.js'));
    const rpcs = res.filter((r) => r.name.endsWith('/rpc')).sort((a, b) => a.startTime - b.startTime);
    // Calls and their timing entries in the same order (a call still in flight has no entry yet: the last ones).
    const calls = p.rpc.filter((c) => c.method !== '/events');
    const rpc = calls.map((c, i) => ({ method: c.method, start: c.start, end: rpcs[i] ? rpcs[i].responseEnd : NaN })).filter((c) => c.start <= p.rowAt);
    return {
      timeOrigin: performance.timeOrigin,
      htmlEnd: nav.responseEnd,
      cssEnd: Math.max(0, ...res.filter((r) => before(r) && r.name.endsWith('.css')).map((r) => r.responseEnd)),
      scriptsEnd: Math.max(0, ...scripts.map((r) => r.responseEnd)),
      startScripts: scripts.length,
      startKb: scripts.reduce((n, r) => n + r.decodedBodySize, 0) / 1024,
      firstRpc: rpc.length ? rpc[0].start : NaN,
      rpc,
      rowAt: p.rowAt,
      paintedAt: p.paintedAt,
    };
  })()`)) as PageMarks;
}

/**
 * One start's parts, in ms (consecutive; they add up to `total`). A server that loads its core after serving the
 * page's start files (coreLoading in its trace) does that beside the page's parts: those rows say "beside the
 * page" and are not parts; the page's first call waiting for the core shows in "first /rpc sent → answered".
 */
export function startParts(spawnEpoch: number, gotoEpoch: number, seenEpoch: number, server: StartTrace, pageMarks: PageMarks): Record<string, number> {
  const nav = pageMarks.timeOrigin;
  const worklist = pageMarks.rpc.find((r) => r.method === 'worklist.list');
  // The answers the first row waited for: every start call answered before the row appeared.
  const lastResponse = Math.max(...pageMarks.rpc.map((r) => r.end).filter((end) => end <= pageMarks.rowAt));
  const coreFirst = server.coreLoading === undefined;
  const serverParts: Record<string, number> = coreFirst
    ? {
        'server: key → startCore done (open, migrate, audit head)': server.coreStarted - server.keyLoaded,
        'server: core → listening': server.listening - server.coreStarted,
      }
    : { 'server: key → listening (serves the page; the core loads beside it)': server.listening - server.keyLoaded };
  const beside: Record<string, number> = coreFirst
    ? {}
    : {
        'server, beside the page (not a part): listening → start files sent, core loading begins': server.coreLoading! - server.listening,
        'server, beside the page (not a part): core modules loaded': server.coreModulesLoaded! - server.coreLoading!,
        'server, beside the page (not a part): startCore (open, migrate, audit head)': server.coreStarted - server.coreModulesLoaded!,
        // Negative: the page's first call came before the core was up and waited for it.
        'server, beside the page (not a part): core ready → first /rpc sent': nav + pageMarks.firstRpc - (server.timeOrigin + server.coreStarted),
      };
  return {
    'server: spawn → Node bootstrapped': server.timeOrigin + server.bootstrapped - spawnEpoch,
    'server: bootstrapped → modules loaded': server.modulesLoaded - server.bootstrapped,
    'server: modules loaded → key read': server.keyLoaded - server.modulesLoaded,
    ...serverParts,
    'server: listening → URL read by the bench, page.goto': gotoEpoch - (server.timeOrigin + server.listening),
    'page: goto → navigation start': nav - gotoEpoch,
    'page: navigation → HTML received': pageMarks.htmlEnd,
    'page: HTML → start scripts and CSS received': Math.max(pageMarks.scriptsEnd, pageMarks.cssEnd) - pageMarks.htmlEnd,
    'page: scripts received → parsed, run, first /rpc sent': pageMarks.firstRpc - Math.max(pageMarks.scriptsEnd, pageMarks.cssEnd),
    'page: first /rpc sent → worklist.list answered': (worklist?.end ?? NaN) - pageMarks.firstRpc,
    'page: worklist answered → last start /rpc answered': lastResponse - (worklist?.end ?? NaN),
    'page: last answer → first row in the DOM': pageMarks.rowAt - lastResponse,
    'page: row in the DOM → painted': pageMarks.paintedAt - pageMarks.rowAt,
    'bench: painted → the bench told (binding)': seenEpoch - (nav + pageMarks.paintedAt),
    total: seenEpoch - spawnEpoch,
    // The row on screen by the page's own clock; `total` adds the bench hearing of it.
    'spawn → first row painted (in-page mark; not a part)': nav + pageMarks.paintedAt - spawnEpoch,
    ...beside,
    'server CPU time until startCore done (all threads; not a part of the timeline)': server.cpuMs,
  };
}
