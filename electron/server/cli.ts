import { existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Core } from '../core/app-core';
import { masterKeyFromEnvironment } from '../core/crypto/key-source';
import { resolveDataDir } from '../core/data-dir';
import { APP_VERSION } from '../core/version';
import { startBrowserServer } from './server';
import { startGate } from './start-gate';
import { warmTimeZoneData } from './warm-up';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const rendererDir = join(projectRoot, process.env.FORLOPSBENK_OUT_DIR ?? 'out', 'renderer');

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/**
 * FORLOPSBENK_START_TRACE=1: one stderr line `start-trace {json}` with where the start's time went, in ms since
 * the process began (Node's own bootstrap, this file's modules loaded, key, listening, the core's loading begun,
 * its modules loaded, core started). The bench splits starts with it.
 */
const trace: Record<string, number> = { bootstrapped: performance.nodeTiming.bootstrapComplete, modulesLoaded: performance.now() };
const mark = (name: string) => {
  trace[name] = performance.now();
};

async function main(): Promise<void> {
  const dataDir = resolveDataDir(process.argv, process.env);
  if (!dataDir) {
    console.error('Oppgi datamappe: npm run start:browser -- --data-dir MAPPE [--port N] [--demo] [--key-file FIL] [--restore-newest]');
    process.exit(2);
  }
  const portArg = argValue('--port');
  const port = portArg === undefined ? 0 : Number(portArg);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error('--port må være et heltall mellom 0 og 65535');
    process.exit(2);
  }
  if (!existsSync(join(rendererDir, 'index.html'))) {
    console.error('Fant ikke det bygde brukergrensesnittet. Kjør npm run build, eller start med npm run start:browser.');
    process.exit(1);
  }
  const { key: masterKey } = await masterKeyFromEnvironment(resolve(dataDir), process.argv, process.env);
  mark('keyLoaded');
  // The page is served before the core is loaded: the core's modules load while the browser parses the page's
  // scripts (start-gate.ts), and every call waits for the core. A core that fails to start ends the process
  // with its message, as before; the page then shows that the connection failed.
  const gate = startGate(readFileSync(join(rendererDir, 'index.html'), 'utf8'), { beforePageMs: 300, pageMs: 2000 });
  let coreStarted: (c: Core) => void = () => {};
  let coreFailed: (e: unknown) => void = () => {};
  const core = new Promise<Core>((resolve, reject) => {
    coreStarted = resolve;
    coreFailed = reject;
  });
  // Handled where it is awaited (main's catch); this only keeps an early failure from being "unhandled".
  core.catch(() => {});
  const token = randomBytes(24).toString('base64url');
  const running = await startBrowserServer({
    dispatch: async (method, input) => (await core).dispatch(method, input),
    events: {
      on(listener) {
        let off: (() => void) | null = null;
        let gone = false;
        void core.then((c) => {
          if (!gone) off = c.events.on(listener);
        });
        return () => {
          gone = true;
          off?.();
        };
      },
    },
    staticDir: rendererDir,
    token,
    port,
    onServed: gate.served,
  });
  mark('listening');
  // The page is out: ICU's zone data loads while the browser starts the page (warm-up.ts).
  void gate.pageSent.then(() => setImmediate(warmTimeZoneData));
  // The one line a person (or a test) reads: where to open the app.
  console.log(`Forløpsbenk kjører på ${running.url}`);
  const stop = async () => {
    await running.close();
    // A core still starting is closed once started: a start cut short would look like a crash to the next one.
    await core.then((c) => c.close()).catch(() => {});
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  await gate.open;
  mark('coreLoading');
  try {
    const [{ startCore }, { storeFromArgs }] = await Promise.all([import('../core/app-core'), import('../core/db/store')]);
    mark('coreModulesLoaded');
    coreStarted(
      await startCore({
        dataDir: resolve(dataDir),
        masterKey,
        restoreNewestBackup: process.argv.includes('--restore-newest'),
        transport: 'browser',
        version: APP_VERSION,
        demo: process.argv.includes('--demo'),
        store: storeFromArgs(process.argv),
        log: (line) => console.error(line),
      }),
    );
  } catch (e) {
    coreFailed(e);
    throw e;
  }
  mark('coreStarted');
  if (process.env.FORLOPSBENK_START_TRACE) {
    // CPU time too (all threads): on a busy machine it says more about the start's own work than the clock does.
    const cpu = process.cpuUsage();
    console.error(`start-trace ${JSON.stringify({ timeOrigin: performance.timeOrigin, ...trace, cpuMs: (cpu.user + cpu.system) / 1000 })}`);
  }
}

main().catch(async (e: unknown) => {
  // Loaded only on a failed start: it brings the team store's connection code, which a start without one never needs.
  const { startupErrorMessage } = await import('../core/storage-errors');
  console.error(startupErrorMessage(e));
  if (e instanceof Error && e.name === 'StoreNeedsRestoreError' && 'newestBackup' in e && e.newestBackup) {
    console.error('Start på nytt med --restore-newest for å gjenopprette den nyeste kontrollerte sikkerhetskopien.');
  }
  process.exit(1);
});
