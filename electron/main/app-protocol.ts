import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mimeOf, resolveStaticPath, STATIC_HEADERS } from '../core/static-assets';

/**
 * The packaged window loads the renderer from app://forlopsbenk/, not file:// (Electron's security
 * checklist, item 18): module scripts load (plain Chromium blocks them from file:// while the
 * GrantFileProtocolExtraPrivileges fuse is off), the page has a real origin for its CSP's 'self', and only
 * the files under out/renderer can be reached.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'forlopsbenk';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Must run before the app is ready. `codeCache`: V8 keeps the compiled start script between launches (as a
 * browser does for a site it has seen), so a start after the first does not parse and compile ~400 kB of
 * JavaScript again (issue #14; the bench's starts model this with a browser profile that has had the app open).
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
}

const plain = (status: number, text: string) => new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...STATIC_HEADERS } });

/** Answers one app:// request from the files under `rendererDir`; nothing outside it, no other host. */
export function appProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return plain(400, 'Bad request');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return plain(404, 'Not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const target = resolveStaticPath(rendererDir, url.pathname);
    if ('status' in target) return plain(target.status, target.status === 400 ? 'Bad request' : 'Not found');
    const content = await readFile(target.file).catch(() => null);
    if (!content) return plain(404, 'Not found');
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(content), {
      status: 200,
      headers: { 'Content-Type': mimeOf(target.file), ...STATIC_HEADERS },
    });
  };
}

/** Serves app:// (call once the app is ready, before the window loads). */
export function installAppProtocol(rendererDir: string = join(__dirname, '../renderer')): void {
  protocol.handle(APP_SCHEME, appProtocolHandler(rendererDir));
}
