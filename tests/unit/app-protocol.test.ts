import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// The Electron runtime cannot be downloaded here: the protocol wiring is tested against a stand-in `electron`.
const electron = vi.hoisted(() => ({
  schemes: [] as unknown[],
  handlers: new Map<string, (request: Request) => Promise<Response>>(),
}));
vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => electron.schemes.push(...schemes),
    handle: (scheme: string, fn: (request: Request) => Promise<Response>) => electron.handlers.set(scheme, fn),
  },
}));

const { APP_INDEX_URL, installAppProtocol, registerAppScheme } = await import('../../electron/main/app-protocol');
const { CSP } = await import('../../electron/core/static-assets');

describe('app:// serves the renderer, and nothing else', () => {
  let dir: string;
  let handle: (request: Request) => Promise<Response>;
  const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'forlopsbenk-app-protocol-'));
    const renderer = join(dir, 'out', 'renderer');
    mkdirSync(join(renderer, 'assets'), { recursive: true });
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Forløpsbenk</title>');
    writeFileSync(join(renderer, 'assets', 'index-abc.js'), 'export {}');
    writeFileSync(join(renderer, 'assets', 'index-abc.css'), 'body{}');
    writeFileSync(join(renderer, 'assets', 'logo.svg'), '<svg/>');
    writeFileSync(join(renderer, 'assets', 'font.woff2'), 'w');
    writeFileSync(join(renderer, 'assets', 'data.bin'), 'b');
    writeFileSync(join(dir, 'out', 'secret.txt'), 'SECRET');
    writeFileSync(join(dir, 'out', 'renderer-evil.txt'), 'SECRET');
    registerAppScheme();
    installAppProtocol(renderer);
    handle = electron.handlers.get('app')!;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('registers app as a privileged standard, secure scheme with fetch and V8 code cache', () => {
    expect(electron.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
    expect(APP_INDEX_URL).toBe('app://forlopsbenk/index.html');
  });

  it('serves index.html and assets with their MIME types, the CSP and nosniff', async () => {
    for (const [path, type] of [
      ['/index.html', 'text/html; charset=utf-8'],
      ['/', 'text/html; charset=utf-8'],
      ['/assets/index-abc.js', 'text/javascript; charset=utf-8'],
      ['/assets/index-abc.css', 'text/css; charset=utf-8'],
      ['/assets/logo.svg', 'image/svg+xml'],
      ['/assets/font.woff2', 'font/woff2'],
      ['/assets/data.bin', 'application/octet-stream'],
    ] as const) {
      const res = await get(`app://forlopsbenk${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toBe(type);
      expect(res.headers.get('content-security-policy')).toBe(CSP);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(await (await get(APP_INDEX_URL)).text()).toContain('Forløpsbenk');
  });

  it('refuses path traversal in every spelling', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%5c..%5c..%5csecret.txt',
      '/assets/%00.js',
      '/..%2frenderer-evil.txt',
      '/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    ]) {
      const res = await get(`app://forlopsbenk${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toContain('SECRET');
    }
  });

  it('answers unknown paths 404, a malformed escape 400, another host 404, a POST 405', async () => {
    expect((await get('app://forlopsbenk/nope.js')).status).toBe(404);
    expect((await get('app://forlopsbenk/assets')).status).toBe(404);
    expect((await get('app://forlopsbenk/%')).status).toBe(400);
    expect((await get('app://forlopsbenk/%E0%A4%A')).status).toBe(400);
    expect((await get('app://evil/index.html')).status).toBe(404);
    expect((await get('app://forlopsbenk/index.html', 'POST')).status).toBe(405);
  });
});
