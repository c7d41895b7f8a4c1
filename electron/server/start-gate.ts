/**
 * When the browser-mode server loads the core. The core's modules (zod schemas of the whole contract, Kysely,
 * every service) take about 120 ms to evaluate, and evaluation blocks the event loop: done before listening,
 * the page waits for it; done while the page's start files are being requested, they wait instead. Done right
 * after the start files were sent, it runs while the browser parses and runs them (issue #14: spawn → worklist
 * ≤ 800 ms). The page's first call waits for the core in any case (the dispatcher is the core's).
 *
 * Opens on the first of: every start file of index.html sent (a 304 for a browser's own copy counts: server.ts
 * makes the browser ask); a call to /rpc or /events (a page from before, or a client without the page);
 * `beforePageMs` after listening while nobody has asked for the page; `pageMs` after the page was sent (a start
 * file never asked for).
 */
export interface StartGate {
  /** A response for `pathname` was sent (or an API request arrived). */
  served: (pathname: string) => void;
  /** Resolves once, when the core should load. */
  readonly open: Promise<void>;
  /** Resolves once, when index.html was first sent (the browser then starts the page). */
  readonly pageSent: Promise<void>;
}

/** The paths index.html makes the browser fetch before it can run the app: its scripts, preloads and styles. */
export function startFiles(indexHtml: string): Set<string> {
  const files = new Set<string>(['/']);
  for (const m of indexHtml.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="\.?(\/assets\/[^"]+)"/g)) files.add(m[1]!);
  return files;
}

export function startGate(indexHtml: string, waits: { beforePageMs: number; pageMs: number }): StartGate {
  const waiting = startFiles(indexHtml);
  let release: () => void = () => {};
  const open = new Promise<void>((resolve) => {
    release = resolve;
  });
  let sent: () => void = () => {};
  const pageSent = new Promise<void>((resolve) => {
    sent = resolve;
  });
  let timer = setTimeout(() => release(), waits.beforePageMs);
  void open.then(() => clearTimeout(timer));
  return {
    open,
    pageSent,
    served: (pathname) => {
      if (pathname === '/rpc' || pathname === '/events') return release();
      const file = pathname === '/index.html' ? '/' : pathname;
      if (file === '/') sent();
      if (file === '/' && waiting.has('/')) {
        // A page is loading: wait for its start files (on a busy machine they can take longer than beforePageMs).
        clearTimeout(timer);
        timer = setTimeout(() => release(), waits.pageMs);
      }
      waiting.delete(file);
      if (waiting.size === 0) release();
    },
  };
}
