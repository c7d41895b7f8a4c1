import { app, BrowserWindow, dialog } from 'electron';
import { startCore, type Core } from '../core/app-core';
import { storeFromArgs } from '../core/db/store';
import { StoreNeedsRestoreError } from '../core/db/safe-start';
import { resolveDataDir } from '../core/data-dir';
import { passphraseKeyStore } from '../core/crypto/keys';
import { startupErrorMessage } from '../core/storage-errors';
import { chooseDesktopKeyStore } from './key-store';
import { safeStorageSecrets } from './team-secret';
import { savedStoreConfig } from '../core/store-settings';
import { askPassphrase } from './passphrase-window';
import { APP_VERSION } from '../core/version';
import { registerIpc } from './ipc/register';
import { hardenApp } from './security';
import { installAppProtocol, registerAppScheme } from './app-protocol';
import { createMainWindow } from './window';

const devServerUrl = process.env.ELECTRON_RENDERER_URL;

// Single instance before anything touches the database: two writers on one file is how data gets lost.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme(); // before ready: app:// must be privileged (standard, secure, fetch) from the start
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
      const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData')) ?? app.getPath('userData');
      const chosen = chooseDesktopKeyStore(dataDir, process.argv, process.env);
      const masterKey = chosen === 'ask-passphrase' ? await askPassphrase(dataDir, (p) => passphraseKeyStore(p).load(dataDir)) : chosen.load(dataDir);
      // The team store: --store / FORLOPSBENK_STORE, else the choice saved under Innstillinger, else the local file.
      const secrets = safeStorageSecrets(dataDir);
      const argStore = storeFromArgs(process.argv);
      const store = argStore.kind === 'postgres' ? argStore : (savedStoreConfig(dataDir, secrets) ?? argStore);
      const start = (restoreNewestBackup: boolean) =>
        startCore({
          dataDir,
          masterKey,
          restoreNewestBackup,
          transport: 'electron',
          version: APP_VERSION,
          demo: process.argv.includes('--demo'),
          store,
          secrets,
          log: (line) => console.error(line),
        });
      try {
        core = await start(false);
      } catch (e) {
        // Missing, empty or damaged database with backups present: never a silent new database; offer the restore.
        if (!(e instanceof StoreNeedsRestoreError) || !e.newestBackup) throw e;
        const { response } = await dialog.showMessageBox({
          type: 'warning',
          title: 'Forløpsbenk',
          message: e.message,
          buttons: ['Gjenopprett nyeste sikkerhetskopi', 'Avslutt'],
          defaultId: 1,
          cancelId: 1,
        });
        if (response !== 0) return app.quit();
        core = await start(true);
      }
      registerIpc(core.dispatch, devServerUrl);
      if (!devServerUrl) installAppProtocol();
      win = createMainWindow(devServerUrl);
      // Other desks' changes and the team store's connection, pushed to the page (see renderer/src/api/client.ts).
      core.events.on((e) => {
        if (!win || win.isDestroyed()) return;
        const { channel, ...payload } = e;
        win.webContents.send(channel, payload);
      });
    })
    .catch((e: unknown) => {
      dialog.showErrorBox('Forløpsbenk kunne ikke starte', startupErrorMessage(e));
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
