import { afterEach, describe, expect, it, vi } from 'vitest';
import { startFiles, startGate } from '../../electron/server/start-gate';

// Issue #14 (start): the browser-mode server serves the page first and loads its core while the browser parses
// the page's scripts. The gate says when: every start file sent, an API call, or a fallback time.
const HTML = `<!doctype html><html><head>
<script type="module" crossorigin src="./assets/index-AAA.js"></script>
<link rel="modulepreload" crossorigin href="./assets/query-BBB.js">
<link rel="stylesheet" crossorigin href="./assets/index-CCC.css">
</head><body><div id="root"></div></body></html>`;

const opened = async (gate: { open: Promise<void> }) => Promise.race([gate.open.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 0))]);

afterEach(() => {
  vi.useRealTimers();
});

describe('the start gate', () => {
  it('knows the start files from index.html', () => {
    expect([...startFiles(HTML)].sort()).toEqual(['/', '/assets/index-AAA.js', '/assets/index-CCC.css', '/assets/query-BBB.js']);
  });

  it('opens once every start file was sent, not before', async () => {
    const gate = startGate(HTML, { beforePageMs: 60_000, pageMs: 60_000 });
    for (const p of ['/index.html', '/assets/index-AAA.js', '/assets/index-CCC.css', '/favicon.ico']) gate.served(p);
    expect(await opened(gate)).toBe(false);
    gate.served('/assets/query-BBB.js');
    expect(await opened(gate)).toBe(true);
  });

  it('tells when index.html was sent, by either of its paths, and not for an API call or an asset', async () => {
    const settled = async (p: Promise<void>) => Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 0))]);
    const gate = startGate(HTML, { beforePageMs: 60_000, pageMs: 60_000 });
    gate.served('/rpc');
    gate.served('/assets/index-AAA.js');
    expect(await settled(gate.pageSent)).toBe(false);
    gate.served('/index.html');
    expect(await settled(gate.pageSent)).toBe(true);
  });

  it('opens at the first API call (a page from before needs the core now)', async () => {
    const gate = startGate(HTML, { beforePageMs: 60_000, pageMs: 60_000 });
    gate.served('/rpc');
    expect(await opened(gate)).toBe(true);
  });

  it('opens after a short wait when nobody opens the page', async () => {
    vi.useFakeTimers();
    const gate = startGate(HTML, { beforePageMs: 300, pageMs: 2000 });
    let open = false;
    void gate.open.then(() => {
      open = true;
    });
    await vi.advanceTimersByTimeAsync(299);
    expect(open).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(open).toBe(true);
  });

  it('once the page was sent, waits longer for its start files (a busy machine), then opens anyway', async () => {
    vi.useFakeTimers();
    const gate = startGate(HTML, { beforePageMs: 300, pageMs: 2000 });
    let open = false;
    void gate.open.then(() => {
      open = true;
    });
    await vi.advanceTimersByTimeAsync(200);
    gate.served('/');
    gate.served('/assets/index-AAA.js');
    await vi.advanceTimersByTimeAsync(1999);
    expect(open).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(open).toBe(true);
  });
});
