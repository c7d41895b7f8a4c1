import { app, session, type WebContents } from 'electron';
import { APP_INDEX_URL } from './app-protocol';

/** Our own renderer page, served from the privileged app:// scheme (app-protocol.ts). */
export function appIndexUrl(): string {
  return APP_INDEX_URL;
}

/**
 * The only pages our window may show and the only frames that may call the core: our own renderer
 * page app://forlopsbenk/index.html (exact path, any hash/query) or, in development, the dev server's
 * origin. Compared as parsed URLs: a prefix test would let `http://localhost:5173@evil.example` in; a
 * file:// page (a downloaded copy of index.html) is never ours.
 */
export function isAppUrl(url: string, devServerUrl: string | undefined, indexUrl: string = appIndexUrl()): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (devServerUrl) {
    try {
      const dev = new URL(devServerUrl);
      if (parsed.protocol === dev.protocol && parsed.host === dev.host && parsed.username === '' && parsed.password === '') return true;
    } catch {
      // an unparsable dev server URL allows nothing
    }
  }
  const index = new URL(indexUrl);
  return (
    parsed.protocol === index.protocol && parsed.host === index.host && parsed.username === '' && parsed.password === '' && parsed.pathname === index.pathname
  );
}

/** Deny everything a page could use to leave the app or reach the machine. */
export function hardenApp(devServerUrl: string | undefined): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (e, url) => {
      if (!isAppUrl(url, devServerUrl)) e.preventDefault();
    });
    contents.on('will-redirect', (e) => e.preventDefault());
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
  });
}
