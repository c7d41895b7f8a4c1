import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

// Parallel work (several builds at once) can point each build at its own folder.
const OUT = process.env.FORLOPSBENK_OUT_DIR ?? 'out';

export default defineConfig({
  main: {
    build: {
      outDir: `${OUT}/main`,
      // Only the native addon stays in node_modules. Pure-JS dependencies are bundled (and tree-shaken): loading
      // them as hundreds of separate ESM files from node_modules cost about a second at every start.
      externalizeDeps: { exclude: ['kysely', 'zod', 'date-fns', 'papaparse', '@navikt/fnrvalidator'] },
      // Entries: the Electron shell, the browser-mode server (plain Node, no Electron), and the daily backup's
      // worker thread (electron/core/daily-backup.ts finds it beside the bundle).
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          server: resolve(__dirname, 'electron/server/cli.ts'),
          'daily-backup-worker': resolve(__dirname, 'electron/core/daily-backup.worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: `${OUT}/preload`,
      // A sandboxed preload must be one CommonJS file.
      rolldownOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, OUT, 'renderer'),
      // electron-vite leaves output unminified by default; the page parses every byte at start-up.
      minify: true,
      sourcemap: !!process.env.ANALYZE,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'renderer/index.html') },
        // Everything the start imports statically in one chunk beside the entry (not one file per shared module):
        // the page fetches two scripts, not sixteen, before it runs. Screens and dialogs stay their own chunks.
        output: { codeSplitting: { groups: [{ name: 'start', tags: ['$initial'] }] } },
      },
    },
  },
});
