import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import pkg from './package.json' with { type: 'json' };

/**
 * out/main/package.json saying the files there are ES modules. In a package, out/main is unpacked
 * from app.asar (see electron-builder.yml) so Node can start the import worker from disk; there
 * the root package.json, and its `"type": "module"`, stay inside the archive.
 */
function moduleTypeMarker(): Plugin {
  return {
    name: 'journey-studio:module-type-marker',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'package.json', source: '{ "type": "module" }\n' });
    },
  };
}

/**
 * One build for three targets. `main` also emits `web.js`, the browser-mode host, so both
 * transports ship from the same compiled handler table. The preload is CommonJS because sandboxed
 * preloads cannot be ES modules.
 */
export default defineConfig({
  main: {
    plugins: [moduleTypeMarker()],
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          web: resolve('electron/web/web-main.ts'),
          'import-worker': resolve('electron/import/import-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      minify: true,
      chunkSizeWarningLimit: 1500,
      rolldownOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
