import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtWorkerPath } from '../../../../electron/import/import-sessions';
import { unpackedPath } from '../../../../electron/main/packaged-paths';

/**
 * The packaged app cannot be launched here (no Electron binary), so these read the packaging
 * configuration: the import worker must be started from disk, with everything it imports.
 */

const root = path.resolve(__dirname, '../../../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

/** The `asarUnpack` globs of electron-builder.yml. */
function asarUnpackGlobs(): string[] {
  const lines = read('electron-builder.yml').split('\n');
  const start = lines.findIndex((line) => line.startsWith('asarUnpack:'));
  expect(start).toBeGreaterThanOrEqual(0);
  const globs: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const item = /^\s+-\s+'?([^']+?)'?\s*$/.exec(line);
    if (!item) break;
    globs.push(item[1]!);
  }
  return globs;
}

/** The npm packages the worker loads at run time, following its relative imports through the source. */
function workerPackages(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/^(?:import|export)\s+(type\s+)?[^'";]*?from\s+'([^']+)'/gm)) {
      if (match[1]) continue; // type-only: erased from the build
      const specifier = match[2]!;
      if (specifier.startsWith('.')) {
        visit(path.resolve(path.dirname(file), specifier.replace(/\.js$/, '')) + '.ts');
      } else if (!specifier.startsWith('node:') && !builtinModules.includes(specifier)) {
        const parts = specifier.split('/');
        packages.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
      }
    }
  };
  visit(path.join(root, entry));
  return packages;
}

describe('packaged paths', () => {
  it('starts a script inside app.asar from its unpacked twin', () => {
    expect(unpackedPath('/opt/Journey Studio/resources/app.asar/out/main/import-worker.js')).toBe(
      '/opt/Journey Studio/resources/app.asar.unpacked/out/main/import-worker.js',
    );
    expect(
      unpackedPath('C:\\Program Files\\Journey Studio\\resources\\app.asar\\out\\main\\import-worker.js'),
    ).toBe('C:\\Program Files\\Journey Studio\\resources\\app.asar.unpacked\\out\\main\\import-worker.js');
  });

  it('leaves paths outside an archive alone (development, browser mode)', () => {
    const dev = '/work/journey-studio/out/main/import-worker.js';
    expect(unpackedPath(dev)).toBe(dev);
    expect(unpackedPath('/home/a/app.asarnot/x.js')).toBe('/home/a/app.asarnot/x.js');
    expect(unpackedPath(builtWorkerPath('/r/app.asar/out/main'))).toBe(
      path.join('/r/app.asar.unpacked/out/main', 'import-worker.js'),
    );
  });
});

describe('electron-builder packaging', () => {
  const globs = asarUnpackGlobs();

  it('unpacks the native SQLite module and the built main folder with the worker', () => {
    expect(globs).toContain('**/node_modules/better-sqlite3/**');
    expect(globs).toContain('out/main/**');
    // The worker is an entry of the main build, under the name builtWorkerPath looks for.
    expect(read('electron.vite.config.ts')).toContain(
      "'import-worker': resolve('electron/import/import-worker.ts')",
    );
    expect(path.basename(builtWorkerPath('/x'))).toBe('import-worker.js');
  });

  it('unpacks every package the import worker imports, so it resolves from the unpacked copy', () => {
    const packages = workerPackages('electron/import/import-worker.ts');
    // The worker's graph is kept small (record-stream.ts, no zod or chardet) for its start-up time.
    expect([...packages].sort()).toEqual(expect.arrayContaining(['papaparse']));
    for (const name of packages) expect(globs, name).toContain(`node_modules/${name}/**`);
  });

  it('marks out/main as ES modules, since the root package.json stays in the archive', () => {
    expect(read('electron.vite.config.ts')).toMatch(
      /fileName: 'package\.json', source: '\{ "type": "module" \}/,
    );
  });
});
