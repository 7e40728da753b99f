// Bundles the benchmarks for plain Node (better-sqlite3 stays external: it is a native module).
export default {
  input: { 'import-bench': 'test/bench/import-bench.ts' },
  platform: 'node',
  external: ['better-sqlite3'],
  output: { dir: 'out/bench', format: 'esm', entryFileNames: '[name].mjs' },
};
