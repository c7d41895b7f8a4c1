import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';

// The Electron runtime cannot be downloaded here: the shell's wiring is tested against a stand-in `electron`.
const electron = vi.hoisted(() => {
  const appHandlers = new Map<string, (...args: unknown[]) => void>();
  return {
    appHandlers,
    permissionRequest: null as null | ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void),
    permissionCheck: null as null | ((...args: unknown[]) => boolean),
    ipcHandlers: new Map<string, (...args: unknown[]) => unknown>(),
  };
});
vi.mock('electron', () => ({
  app: {
    on: (event: string, fn: (...args: unknown[]) => void) => electron.appHandlers.set(event, fn),
    whenReady: () => Promise.resolve(),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (fn: typeof electron.permissionRequest) => (electron.permissionRequest = fn),
      setPermissionCheckHandler: (fn: typeof electron.permissionCheck) => (electron.permissionCheck = fn),
    },
  },
  ipcMain: { handle: (channel: string, fn: (...args: unknown[]) => unknown) => electron.ipcHandlers.set(channel, fn) },
  protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined },
}));

const { hardenApp, isAppUrl } = await import('../../electron/main/security');
const { registerIpc } = await import('../../electron/main/ipc/register');

const INDEX = 'app://forlopsbenk/index.html';

describe('isAppUrl: only our own page and, in development, the dev server', () => {
  it('accepts the renderer file itself, with any hash or query', () => {
    expect(isAppUrl(INDEX, undefined, INDEX)).toBe(true);
    expect(isAppUrl(`${INDEX}#/patient/3`, undefined, INDEX)).toBe(true);
    expect(isAppUrl('http://localhost:5173/src/x.tsx', 'http://localhost:5173', INDEX)).toBe(true);
  });
  it('refuses everything else, including look-alikes a prefix test would let through', () => {
    for (const url of [
      'https://evil.example/',
      'http://localhost:5173@evil.example/',
      'http://localhost:5173.evil.example/',
      'http://localhost:5174/',
      'file:///tmp/download/out/renderer/index.html',
      'file:///home/x/renderer/index.html',
      'file:///opt/Forl%C3%B8psbenk/resources/app.asar/out/renderer/index.html', // the old file:// page is not ours any more
      'app://evil/index.html',
      'app://forlopsbenk/other.html',
      'app://user@forlopsbenk/index.html',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'not a url',
      '',
    ]) {
      expect(isAppUrl(url, 'http://localhost:5173', INDEX), url).toBe(false);
    }
    expect(isAppUrl('http://localhost:5173/', undefined, INDEX)).toBe(false);
  });
  it('by default, our page is the app:// one', () => {
    expect(isAppUrl('app://forlopsbenk/index.html#/worklist', undefined)).toBe(true);
    expect(isAppUrl('file:///x/out/renderer/index.html', undefined)).toBe(false);
  });
});

describe('hardenApp: navigation, new windows, webviews and permissions are refused', () => {
  beforeAll(() => hardenApp(undefined));

  function newContents() {
    const contents = Object.assign(new EventEmitter(), {
      openHandler: null as null | ((d: { url: string }) => { action: string }),
      setWindowOpenHandler(fn: (d: { url: string }) => { action: string }) {
        this.openHandler = fn;
      },
    });
    electron.appHandlers.get('web-contents-created')!({}, contents);
    return contents;
  }
  const fire = (contents: EventEmitter, event: string, ...args: unknown[]) => {
    const e = {
      prevented: false,
      preventDefault() {
        this.prevented = true;
      },
    };
    contents.emit(event, e, ...args);
    return e.prevented;
  };

  it('prevents navigation away from the app, redirects and webviews; denies window.open', () => {
    const contents = newContents();
    expect(fire(contents, 'will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire(contents, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire(contents, 'will-redirect', 'https://evil.example/')).toBe(true);
    expect(fire(contents, 'will-attach-webview', {}, {})).toBe(true);
    expect(contents.openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: INDEX })).toEqual({ action: 'deny' });
  });

  it('answers every permission request and check with no', async () => {
    await Promise.resolve();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let answer: boolean | null = null;
      electron.permissionRequest!({}, permission, (ok) => (answer = ok));
      expect(answer).toBe(false);
    }
    expect(electron.permissionCheck!({}, 'media')).toBe(false);
  });
});

describe('IPC: only our own frame reaches the dispatcher', () => {
  it('refuses a call from an unexpected sender and passes our own through', async () => {
    const calls: unknown[] = [];
    registerIpc(async (method) => {
      calls.push(method);
      return { ok: true, value: null };
    }, undefined);
    const handler = electron.ipcHandlers.get('rpc')!;
    const refused = await handler({ senderFrame: { url: 'https://evil.example/' } }, 'worklist.list', {});
    expect(refused).toMatchObject({ ok: false, error: { message: 'Avvist: ukjent avsender' } });
    expect(await handler({ senderFrame: null }, 'worklist.list', {})).toMatchObject({ ok: false });
    expect(calls).toEqual([]);
  });
});

describe('the built main process and preload (static checks of what electron-vite produced)', () => {
  const out = process.env.FORLOPSBENK_OUT_DIR ?? 'out';
  const mainFile = join(out, 'main', 'index.js');
  const preloadFile = join(out, 'preload', 'index.cjs');

  it('the build exists (npm test builds before the unit tests)', () => {
    expect(existsSync(mainFile), `${mainFile} missing: run the build first`).toBe(true);
  });

  it('creates the window with context isolation, sandbox, no Node, no webview', () => {
    const main = readFileSync(mainFile, 'utf8');
    expect(main).toMatch(/contextIsolation:\s*true/);
    expect(main).toMatch(/sandbox:\s*true/);
    expect(main).toMatch(/nodeIntegration:\s*false/);
    expect(main).toMatch(/webviewTag:\s*false/);
    expect(main).toMatch(/disableBlinkFeatures:\s*"Auxclick"/);
    for (const bad of [
      /sandbox:\s*false/,
      /contextIsolation:\s*false/,
      /nodeIntegration:\s*true/,
      /webSecurity:\s*false/,
      /allowRunningInsecureContent:\s*true/,
      /nodeIntegrationInSubFrames:\s*true/,
      /experimentalFeatures:\s*true/,
    ]) {
      expect(main).not.toMatch(bad);
    }
    expect(main).toMatch(/setWindowOpenHandler\(\(\) => \(\{ action: "deny" \}\)\)/);
    expect(main).toMatch(/"will-navigate"/);
    expect(main).toMatch(/setPermissionRequestHandler\(\(_wc, _permission, callback\) => callback\(false\)\)/);
    expect(main).toMatch(/setPermissionCheckHandler\(\(\) => false\)/);
    // Single instance before the database opens.
    expect(main.indexOf('requestSingleInstanceLock')).toBeGreaterThan(-1);
    expect(main.indexOf('requestSingleInstanceLock')).toBeLessThan(main.indexOf('startCore({'));
  });

  it('the preload exposes exactly { invoke, on } and nothing of Node', () => {
    const preload = readFileSync(preloadFile, 'utf8');
    const exposures = preload.match(/exposeInMainWorld\(/g) ?? [];
    expect(exposures).toHaveLength(1);
    expect(preload).toMatch(/exposeInMainWorld\("forlopsbenk", \{\s*invoke:[\s\S]*on:/);
    expect(preload).not.toMatch(/require\("(fs|child_process|node:fs|node:child_process)"\)/);
  });
});

describe('packaging fuses (scripts/after-pack.mjs)', () => {
  it('sets RunAsNode, NODE_OPTIONS and --inspect off, asar-only with integrity on', async () => {
    const { FUSE_SETTINGS } = await import('../../scripts/after-pack.mjs');
    expect(FUSE_SETTINGS).toMatchObject({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      OnlyLoadAppFromAsar: true,
      EnableEmbeddedAsarIntegrityValidation: true,
    });
  });

  it('flips exactly those fuses in a binary with an Electron fuse wire', async () => {
    const { afterPack } = await import('../../scripts/after-pack.mjs');
    const { FuseV1Options, FuseState, getCurrentFuseWire } = await import('@electron/fuses');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    // A stand-in binary: the sentinel, wire version 1, nine fuses all ENABLE, surrounded by other bytes.
    const dir = mkdtempSync(join(tmpdir(), 'forlopsbenk-fuses-'));
    const wire = Buffer.concat([
      Buffer.alloc(4096, 7),
      Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'),
      Buffer.from([1, 9]),
      Buffer.alloc(9, FuseState.ENABLE),
      Buffer.alloc(4096, 7),
    ]);
    writeFileSync(join(dir, 'forlopsbenk'), wire);
    await afterPack({
      appOutDir: dir,
      electronPlatformName: 'linux',
      arch: 1,
      packager: { appInfo: { productFilename: 'Forløpsbenk' }, executableName: 'forlopsbenk' },
    });
    const fuses = await getCurrentFuseWire(join(dir, 'forlopsbenk'));
    expect(fuses[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
  });

  it('electron-builder runs the hook and packs an asar', () => {
    const config = readFileSync('electron-builder.yml', 'utf8');
    expect(config).toMatch(/^afterPack: \.\/scripts\/after-pack\.mjs$/m);
    expect(config).toMatch(/^asar: true$/m);
    expect(JSON.parse(readFileSync('package.json', 'utf8')).scripts.dist).toMatch(/electron-builder/);
  });
});
