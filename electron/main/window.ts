import { BrowserWindow } from 'electron';
import { join } from 'node:path';
import { APP_INDEX_URL } from './app-protocol';

export function createMainWindow(devServerUrl: string | undefined): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    // A fixed title: never the patient's name (window titles reach task bars and screen sharing).
    title: 'Forløpsbenk',
    show: false,
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click (auxclick) would try to open links in a new window; refuse it at the source too.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.on('page-title-updated', (e) => e.preventDefault());
  win.once('ready-to-show', () => win.show());
  if (devServerUrl) void win.loadURL(devServerUrl);
  else void win.loadURL(APP_INDEX_URL); // served by app-protocol.ts, never file://
  return win;
}
