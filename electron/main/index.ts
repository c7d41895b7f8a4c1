import { app, BrowserWindow, dialog } from 'electron';
import { startCore, type Core } from '../core/app-core';
import { resolveDataDir } from '../core/data-dir';
import { APP_VERSION } from '../core/version';
import { registerIpc } from './ipc/register';
import { hardenApp } from './security';
import { createMainWindow } from './window';

const devServerUrl = process.env.ELECTRON_RENDERER_URL;

// Single instance before anything touches the database: two writers on one file is how data gets lost.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  hardenApp(devServerUrl);
  let core: Core | null = null;
  let win: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  app
    .whenReady()
    .then(async () => {
      const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'));
      core = await startCore({
        dataDir: dataDir ?? app.getPath('userData'),
        transport: 'electron',
        version: APP_VERSION,
        demo: process.argv.includes('--demo'),
        log: (line) => console.error(line),
      });
      registerIpc(core.dispatch, devServerUrl);
      win = createMainWindow(devServerUrl);
    })
    .catch((e: unknown) => {
      dialog.showErrorBox('Forløpsbenk kunne ikke starte', e instanceof Error ? e.message : 'Ukjent feil');
      app.quit();
    });

  app.on('window-all-closed', () => app.quit());
  // Closing waits for a daily backup the worker is writing, so quitting never leaves half a copy behind.
  let closing = false;
  app.on('will-quit', (event) => {
    if (!core || closing) return;
    closing = true;
    event.preventDefault();
    void core.close().finally(() => app.exit(0));
  });
}
