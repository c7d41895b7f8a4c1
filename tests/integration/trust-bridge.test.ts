import { request } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, startBrowserServer, type RunningServer } from '../../electron/server/server';
import { makeCore, type TestCore } from '../fixtures/core';

const TOKEN = 'test-token-0123456789abcdefghij';

interface Reply {
  status: number;
  body: string;
}

function send(port: number, opts: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: opts.method ?? 'POST', path: opts.path ?? '/rpc', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

describe('browser-mode bridge', () => {
  let core: TestCore;
  let server: RunningServer;
  let good: Record<string, string>;
  beforeAll(async () => {
    core = await makeCore();
    const staticDir = mkdtempSync(join(tmpdir(), 'forlopsbenk-static-'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>x</title>');
    server = await startBrowserServer({ dispatch: core.dispatch, staticDir, token: TOKEN });
    good = { host: `127.0.0.1:${server.port}`, authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
  });
  afterAll(async () => {
    await server.close();
    await core.dispose();
  });

  const rpc = (method: unknown, input: unknown = {}) => JSON.stringify({ method, input });

  it('binds 127.0.0.1 only', () => {
    const address = server.server.address();
    expect(address).toMatchObject({ address: '127.0.0.1', family: 'IPv4' });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=/);
  });

  it('answers a correct call', async () => {
    const res = await send(server.port, { headers: good, body: rpc('app.info') });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { transport: 'browser' } });
  });

  it('no token and a wrong token: 401', async () => {
    const { authorization: _, ...noToken } = good;
    expect((await send(server.port, { headers: noToken, body: rpc('app.info') })).status).toBe(401);
    expect((await send(server.port, { headers: { ...good, authorization: `Bearer ${TOKEN.slice(0, -1)}x` }, body: rpc('app.info') })).status).toBe(401);
    expect((await send(server.port, { headers: { ...good, authorization: `Bearer ${TOKEN}x` }, body: rpc('app.info') })).status).toBe(401);
    expect((await send(server.port, { headers: { ...good, authorization: TOKEN }, body: rpc('app.info') })).status).toBe(401);
  });

  it('a foreign Origin and a non-loopback Host (DNS rebinding): 403', async () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${server.port + 1}`, 'null', `https://127.0.0.1:${server.port}`]) {
      expect((await send(server.port, { headers: { ...good, origin }, body: rpc('app.info') })).status).toBe(403);
    }
    for (const host of [
      'evil.example',
      `evil.example:${server.port}`,
      `192.168.1.10:${server.port}`,
      `127.0.0.1:${server.port + 1}`,
      `0.0.0.0:${server.port}`,
    ]) {
      expect((await send(server.port, { headers: { ...good, host }, body: rpc('app.info') })).status).toBe(403);
    }
    expect((await send(server.port, { method: 'GET', path: '/', headers: { host: 'evil.example' } })).status).toBe(403);
    expect((await send(server.port, { headers: { ...good, origin: `http://127.0.0.1:${server.port}` }, body: rpc('app.info') })).status).toBe(200);
  });

  it('an oversized body: 413, and nothing runs', async () => {
    const before = core.handle.sqlite.prepare('select count(*) as n from audit_log').get();
    const big = rpc('profile.save', { coordinatorName: 'x'.repeat(MAX_BODY_BYTES + 10), unitName: 'y', unitPhone: '22334455' });
    expect((await send(server.port, { headers: good, body: big })).status).toBe(413);
    expect(core.handle.sqlite.prepare('select count(*) as n from audit_log').get()).toEqual(before);
  });

  it('invalid JSON: 400; unknown method and a non-object body: a clean unknown_method envelope', async () => {
    for (const body of ['{', 'not json', '{"method": "app.info",}', '\u0000']) {
      expect((await send(server.port, { headers: good, body })).status).toBe(400);
    }
    for (const body of [rpc('nope.nothing'), rpc('__proto__'), rpc('constructor'), '"app.info"', 'null', '[1,2]', '42']) {
      const res = await send(server.port, { headers: good, body });
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toEqual({ ok: false, error: { code: 'unknown_method', message: 'Ukjent metode' } });
    }
  });

  it('only POST reaches /rpc; static files cannot escape their folder', async () => {
    expect((await send(server.port, { method: 'GET', headers: good })).status).toBe(405);
    expect((await send(server.port, { method: 'GET', path: '/../../etc/passwd', headers: { host: good.host! } })).status).toBe(404);
    expect((await send(server.port, { method: 'GET', path: '/%2e%2e/%2e%2e/etc/passwd', headers: { host: good.host! } })).status).toBe(404);
    // A malformed escape is the client's mistake: 400, not an internal error.
    for (const path of ['/%', '/assets/%E0%A4%A', '/%zz.js']) {
      expect((await send(server.port, { method: 'GET', path, headers: { host: good.host! } })).status, path).toBe(400);
    }
    const page = await send(server.port, { method: 'GET', path: '/', headers: { host: good.host! } });
    expect(page.status).toBe(200);
  });
});
