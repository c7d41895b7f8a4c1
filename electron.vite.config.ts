import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

// Parallel work (several builds at once) can point each build at its own folder.
const OUT = process.env.FORLOPSBENK_OUT_DIR ?? 'out';

export default defineConfig({
  main: {
    build: {
      outDir: `${OUT}/main`,
      // Native and heavy server-side packages stay in node_modules, loaded at run time.
      externalizeDeps: true,
      // Two entries: the Electron shell, and the browser-mode server (plain Node, no Electron).
      rolldownOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts'), server: resolve(__dirname, 'electron/server/cli.ts') } },
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
      rolldownOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
