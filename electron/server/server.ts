import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { normalize } from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import type { Dispatch } from '../core/dispatch';
import { CSP, mimeOf, resolveStaticPath, STATIC_HEADERS } from '../core/static-assets';
import type { CoreEvents } from '../core/team-live';

// Not `import … from 'node:http'`: Node's ESM wrapper of a built-in reads all its exports, and node:http's lazy
// WebSocket/fetch getters then load undici (tens of ms at every start). The CommonJS module has no such wrapper.
const { createServer } = process.getBuiltinModule('node:http');

export const MAX_BODY_BYTES = 1_000_000;
const LOOPBACK = '127.0.0.1';

/** Same policy as the meta tag in renderer/index.html, also sent as a header. */
export { CSP };

export interface BrowserServerOptions {
  dispatch: Dispatch;
  staticDir: string;
  token: string;
  port?: number;
  /** The core's pushes (other desks' changes, the team store's connection), streamed on GET /events. */
  events?: CoreEvents;
  /** Told each path answered (a static file once sent; /rpc and /events when they arrive): see start-gate.ts. */
  onServed?: (pathname: string) => void;
}

export interface RunningServer {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...extra });
  res.end(body);
}

function tokenMatches(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Accepts only loopback names on our own port: a foreign Host is DNS rebinding, refuse it. */
function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `${LOOPBACK}:${port}` || host === `localhost:${port}`;
}

function originAllowed(origin: string | undefined, port: number): boolean {
  return origin === undefined || origin === `http://${LOOPBACK}:${port}` || origin === `http://localhost:${port}`;
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Server-sent events: one `data:` line of JSON per push ({ channel, … }), a comment every 15 s so proxies and
 * the browser keep the stream open. The page reads it with fetch (the token goes in the header, as for /rpc).
 */
function streamEvents(res: ServerResponse, events: CoreEvents | undefined): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    Connection: 'keep-alive',
  });
  res.write(': forlopsbenk\n\n');
  const off = events?.on((e) => res.write(`data: ${JSON.stringify(e)}\n\n`)) ?? (() => {});
  const beat = setInterval(() => res.write(': \n\n'), 15_000);
  res.on('close', () => {
    clearInterval(beat);
    off();
  });
}

/**
 * Browser mode: the built renderer and the same dispatcher over HTTP, bound to 127.0.0.1 only,
 * behind a per-run token (Authorization: Bearer) and Host/Origin checks.
 */
export function startBrowserServer(opts: BrowserServerOptions): Promise<RunningServer> {
  let port = 0;
  const root = normalize(opts.staticDir);

  const server = createServer(async (req, res) => {
    try {
      if (!hostAllowed(req.headers.host, port)) return send(res, 403, 'Forbidden host');
      if (!originAllowed(req.headers.origin, port)) return send(res, 403, 'Forbidden origin');
      const url = new URL(req.url ?? '/', `http://${LOOPBACK}:${port}`);

      if (url.pathname === '/rpc' || url.pathname === '/events') opts.onServed?.(url.pathname);
      if (url.pathname === '/rpc') {
        if (req.method !== 'POST') return send(res, 405, 'Method not allowed');
        const auth = req.headers.authorization;
        if (!tokenMatches(auth?.startsWith('Bearer ') ? auth.slice(7) : undefined, opts.token)) return send(res, 401, 'Unauthorized');
        const raw = await readBody(req);
        if (raw === null) return send(res, 413, 'Payload too large');
        let body: unknown;
        try {
          body = JSON.parse(raw);
        } catch {
          return send(res, 400, 'Invalid JSON');
        }
        const { method, input } = (typeof body === 'object' && body !== null ? body : {}) as { method?: unknown; input?: unknown };
        const t = performance.now();
        const envelope = await opts.dispatch(method, input);
        const json = JSON.stringify(envelope);
        // How long the core took (a duration only): the bench splits a keystroke's round trip with it.
        return send(res, 200, json, 'application/json; charset=utf-8', { 'Server-Timing': `dispatch;dur=${(performance.now() - t).toFixed(2)}` });
      }

      if (url.pathname === '/events') {
        if (req.method !== 'GET') return send(res, 405, 'Method not allowed');
        const auth = req.headers.authorization;
        if (!tokenMatches(auth?.startsWith('Bearer ') ? auth.slice(7) : undefined, opts.token)) return send(res, 401, 'Unauthorized');
        return streamEvents(res, opts.events);
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
      const target = resolveStaticPath(root, url.pathname);
      if ('status' in target) return send(res, target.status, target.status === 400 ? 'Bad request' : 'Not found');
      // A browser keeps the files under /assets and asks each time whether its copy is current (a 304 on loopback
      // costs a few ms; the copy and V8's compiled code for it are used). Asked, not assumed (`immutable`): the
      // request for a start file is how the server learns the page no longer needs it and the core may load
      // (start-gate.ts); a page whose scripts came from the cache unasked made the core wait for its first call.
      // index.html, which names the files, is never stored.
      let cache = {};
      if (url.pathname.startsWith('/assets/')) {
        const info = await stat(target.file).catch(() => null);
        if (!info) return send(res, 404, 'Not found');
        const etag = `"${info.size.toString(36)}-${Math.trunc(info.mtimeMs).toString(36)}"`;
        cache = { 'Cache-Control': 'private, no-cache', ETag: etag };
        if (req.headers['if-none-match'] === etag) {
          res.writeHead(304, { ...STATIC_HEADERS, ...cache });
          res.end(() => opts.onServed?.(url.pathname));
          return;
        }
      }
      const content = await readFile(target.file).catch(() => null);
      if (!content) return send(res, 404, 'Not found');
      res.writeHead(200, { 'Content-Type': mimeOf(target.file), ...STATIC_HEADERS, ...cache });
      res.end(content, () => opts.onServed?.(url.pathname));
    } catch {
      if (!res.headersSent) send(res, 500, 'Internal error');
    }
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, LOOPBACK, () => {
      const address = server.address();
      port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        server,
        port,
        url: `http://${LOOPBACK}:${port}/#token=${opts.token}`,
        close: () =>
          new Promise<void>((r) => {
            server.close(() => r());
            // Browsers keep connections alive; without this, close() waits for them indefinitely.
            server.closeAllConnections();
          }),
      });
    });
  });
}
