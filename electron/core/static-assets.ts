import { extname, join, normalize, sep } from 'node:path';

/** Content types of the files the renderer build contains. Anything else is served as a download type. */
export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

export function mimeOf(file: string): string {
  return MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Same policy as the meta tag in renderer/index.html, also sent as a header by both transports. */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export const STATIC_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
} as const;

/**
 * Maps a URL path to a file under `root`, or says why not: 400 for a path that does not decode
 * (a malformed `%`), 404 for anything outside the root (`..`, encoded or not, backslashes, NUL).
 */
export function resolveStaticPath(root: string, pathname: string): { file: string } | { status: 400 | 404 } {
  let rel: string;
  try {
    rel = pathname === '/' || pathname === '' ? '/index.html' : decodeURIComponent(pathname);
  } catch {
    return { status: 400 };
  }
  if (rel.includes('\0') || rel.includes('\\')) return { status: 404 };
  const base = normalize(root);
  const file = normalize(join(base, rel));
  if (!file.startsWith(base.endsWith(sep) ? base : base + sep)) return { status: 404 };
  return { file };
}
