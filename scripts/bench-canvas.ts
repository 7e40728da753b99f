/**
 * `npm run bench:canvas [-- --no-build] [-- --trace]`: builds the app (browser mode), the benchmark
 * and its bare React Flow page, then runs test/bench/canvas-bench.ts. Run with Node 24 (it strips
 * the types of this file). The bench and the bare page are built into out/bench/, never into the
 * app. `--trace` writes Chromium traces of both pans to out/bench/pan-trace*.json and of both loads to
 * out/bench/load-trace*.json (open them in
 * DevTools' Performance panel).
 */
import { resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import config from '../playwright.config.ts';
import type { CanvasBenchOptions } from '../test/bench/canvas-bench.ts';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, 'out/bench');

if (!process.argv.includes('--no-build')) {
  console.log('Building the app (electron-vite build)…');
  const built = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

console.log('Building the benchmark and the bare React Flow page…');
await build({
  configFile: false,
  root,
  logLevel: 'warn',
  build: {
    ssr: resolve(root, 'test/bench/canvas-bench.ts'),
    outDir: resolve(out, 'node'),
    emptyOutDir: true,
    target: 'node22',
    rolldownOptions: { output: { entryFileNames: 'canvas-bench.mjs' } },
  },
});
await build({
  configFile: false,
  root: resolve(root, 'test/bench/bare'),
  base: './',
  logLevel: 'warn',
  plugins: [react()],
  build: { outDir: resolve(out, 'bare'), emptyOutDir: true, minify: true, chunkSizeWarningLimit: 2000 },
});

const bench = (await import(pathToFileURL(resolve(out, 'node/canvas-bench.mjs')).href)) as {
  runCanvasBench(options: CanvasBenchOptions): Promise<void>;
};

const use = config.use ?? {};
await bench.runCanvasBench({
  launchOptions: use.launchOptions ?? {},
  viewport: use.viewport ?? { width: 1440, height: 900 },
  webEntry: resolve(root, 'out/main/web.js'),
  bareDir: resolve(out, 'bare'),
  ...(process.argv.includes('--trace') ? { tracePath: resolve(out, 'pan-trace.json') } : {}),
});
