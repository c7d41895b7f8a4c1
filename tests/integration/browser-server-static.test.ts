import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBrowserServer, type RunningServer } from '../../electron/server/server';

// The browser-mode server's static side: hashed assets may be cached, the page never; each answer is reported
// (the start gate loads the core after the page's start files were sent); a call waits for a dispatcher that is
// not ready yet (the core loads after the page was served).
describe('browser-mode server, static files and a late core', () => {
  let server: RunningServer;
  let dir: string;
  const served: string[] = [];
  let coreReady: () => void = () => {};
  const core = new Promise<void>((r) => {
    coreReady = r;
  });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'forlopsbenk-static-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(join(dir, 'assets', 'index-AAA.js'), 'export {};');
    server = await startBrowserServer({
      dispatch: async () => {
        await core;
        return { ok: true, value: 'svar' };
      },
      staticDir: dir,
      token: 'tok',
      onServed: (p) => served.push(p),
    });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets the browser keep assets if it asks (a 304 for its copy, still seen by the start gate), never the page', async () => {
    const page = await fetch(`http://127.0.0.1:${server.port}/`);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const asset = await fetch(`http://127.0.0.1:${server.port}/assets/index-AAA.js`);
    expect(asset.headers.get('cache-control')).toBe('private, no-cache');
    expect(asset.headers.get('content-security-policy')).toBeTruthy();
    const etag = asset.headers.get('etag');
    expect(etag).toMatch(/^"[0-9a-z]+-[0-9a-z]+"$/);
    const body = await asset.text();
    expect(body.length).toBeGreaterThan(0);
    expect(served).toEqual(expect.arrayContaining(['/', '/assets/index-AAA.js']));

    served.length = 0;
    const again = await fetch(`http://127.0.0.1:${server.port}/assets/index-AAA.js`, { headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    // The gate counts a file the browser had as sent: the page needs nothing more from the server.
    await expect.poll(() => served).toEqual(['/assets/index-AAA.js']);
    const stale = await fetch(`http://127.0.0.1:${server.port}/assets/index-AAA.js`, { headers: { 'If-None-Match': '"other"' } });
    expect(stale.status).toBe(200);
    expect((await stale.text()).length).toBe(body.length);
  });

  it('answers a call once the core is up', async () => {
    let answered = false;
    const call = fetch(`http://127.0.0.1:${server.port}/rpc`, {
      method: 'POST',
      headers: { authorization: 'Bearer tok', 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'app.info', input: {} }),
    }).then(async (r) => {
      answered = true;
      return r.json();
    });
    // The call arrived (and was reported) but is not answered while the core is not up.
    await vi.waitFor(() => expect(served).toContain('/rpc'), { timeout: 10_000 });
    await new Promise((r) => setTimeout(r, 20));
    expect(answered).toBe(false);
    coreReady();
    expect(await call).toEqual({ ok: true, value: 'svar' });
  });
});
