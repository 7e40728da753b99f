import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { closeLibraryDatabase, openLibraryDatabase } from '../../electron/db/connection';
import { JourneyRepository } from '../../electron/db/journey-repository';
import { readLayout } from '../../electron/import/csv-reader';
import { streamRecords } from '../../electron/import/record-stream';
import { ImportSessions, type PassTimings } from '../../electron/import/import-sessions';
import { MetricsAnalysis } from '../../electron/db/metrics-analysis';
import { templateContent } from '../../shared/templates';

/**
 * `npm run bench:import`: 1,000,000 generated raw responses (about 70 MB) imported the way the app
 * does it (head read, a worker thread streaming and checking every row, matching, one transaction),
 * against the same file parsed by PapaParse alone, read the same way, in the same run. The import
 * runs in a fresh process of its own, so its peak RSS is the import's. Then the overlay through
 * the app's MetricsAnalysis: the map's first (reading the stored score days), then recomputes for
 * another top box, period and granularity. Parse-only and the import are measured RUNS times
 * (default 3), alternately, and the medians are compared. Prints figures; asserts nothing. The
 * last line is one JSON object.
 */

const ROWS = Number(process.env.ROWS ?? 1_000_000);
/**
 * Parse-only and the import are each measured RUNS times, one after the other (so both see the
 * same machine), and their medians compared: on a shared machine one run of either can be off by
 * half.
 */
const RUNS = Math.max(1, Number(process.env.RUNS ?? 3));
/** Set in the import's own process (see importChild): the parent's folder with the generated file. */
/** Set in a measuring child process (`--import` or `--parse-only`, see inChild): the parent's folder. */
const childMode = process.argv[2];
const childDir = childMode === '--import' || childMode === '--parse-only' ? process.argv[3] : undefined;
const dir = childDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'js-bench-import-'));
const csvPath = path.join(dir, 'responses.csv');
const workerPath = path.resolve('out/main/import-worker.js');
if (!fs.existsSync(workerPath)) {
  console.error('Build first: npx electron-vite build (the benchmark runs the built import worker).');
  process.exit(1);
}

let peakRss = 0;
const sample = () => {
  const rss = process.memoryUsage.rss();
  if (rss > peakRss) peakRss = rss;
};
const sampler = setInterval(sample, 10);

function generate(touchpoints: string[]): number {
  // A deterministic generator (LCG), so every run reads the same file.
  let x = 12345;
  const step = () => (x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff);
  // A whole number below n from the generator's high bits: its low bits repeat with short periods
  // (bit k with period 2^(k+1)), so `step() % 20` held once in the whole file.
  const next = (n: number) => Math.floor((step() / 0x80000000) * n);
  const comments = ['"Slow, but it worked"', 'Great service', '"Confusing; too many steps"', 'Lovely'];
  const fd = fs.openSync(csvPath, 'w');
  let chunk = 'ResponseId,Touchpoint,RecordedDate,NPS,CSAT,CES,Comment\n';
  const start = Date.UTC(2025, 0, 1);
  for (let i = 0; i < ROWS; i++) {
    const at = new Date(start + next(365) * 86_400_000 + next(86_400) * 1000);
    const stamp = at.toISOString().slice(0, 19).replace('T', ' ');
    const comment = next(20) === 0 ? comments[next(comments.length)]! : '';
    chunk += `R_${step().toString(36).padStart(8, '0')}${(i % 1000).toString(36)},${touchpoints[next(touchpoints.length)]},${stamp},${next(11)},${1 + next(5)},${1 + next(7)},${comment}\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(fd, chunk);
      chunk = '';
    }
  }
  fs.writeSync(fd, chunk);
  fs.closeSync(fd);
  return fs.statSync(csvPath).size;
}

/**
 * The parse-only baseline: PapaParse reading the file exactly as the import does (the same head
 * read, 64 KB blocks, decoding, record-boundary cuts and the same reused Papa Parser, via the
 * import's own streamRecords), with none of the import's work: no hashing, checking, matching,
 * adding up or storing. Run in the main thread of a fresh process (`--parse-only`), as the import
 * runs in a fresh process: a process that has parsed the file before runs Papa's already-optimised
 * code (0.25 s here instead of 0.3-0.45 s), which no import gets. It does not pay a worker's start-up.
 */
function parseOnly(): { seconds: number; rows: number } {
  const started = performance.now();
  let rows = 0;
  const layout = readLayout(csvPath, 'responses.csv');
  streamRecords(
    csvPath,
    layout,
    (records) => {
      rows += records.length;
    },
    undefined,
    undefined,
    { hash: false },
  );
  return { seconds: (performance.now() - started) / 1000, rows };
}

/** For reference only: Papa's own Node-stream API on the same file (1 MB chunks). */
function papaStream(): Promise<{ seconds: number; rows: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let rows = 0;
    Papa.parse(fs.createReadStream(csvPath, { encoding: 'utf8', highWaterMark: 1 << 20 }), {
      delimiter: ',',
      chunk: (result: Papa.ParseResult<unknown>) => {
        rows += result.data.length;
      },
      complete: () => resolve({ seconds: (performance.now() - started) / 1000, rows }),
      error: reject,
    });
  });
}

/** The online-store map's touchpoint names, which the generated file uses. */
function touchpointNames(): string[] {
  let n = 0;
  const made = templateContent('online-store', () => `bench-${++n}`);
  return made.content.nodes.filter((node) => node.kind === 'touchpoint').map((node) => node.name);
}

interface ImportFigures {
  importSeconds: number;
  readSeconds: number;
  storeSeconds: number;
  rowsAccepted: number;
  rssBeforeMb: number;
  peakRssMb: number;
  recomputeMs: number;
  /** The first overlay: reads the stored score days, builds the map's index. */
  firstOverlayMs: number;
  /** Each later overlay (another top box, period, granularity): see importChild. */
  recomputes: number[];
  touchpoints: number;
  /** CPU time of the importing process (all threads, GC included): wall time minus waiting. */
  cpuSeconds: number;
  phases: Phases;
}

/** Where the import's wall time went, in ms (see printPhases). */
interface Phases {
  begin: number;
  /** startup: from run() until the worker begins its part (a worker started with the preview only waits for its message). */
  parts: { startup: number; read: number; cpu: number; transfer: number; mb: number }[];
  merge: number;
  report: number;
  commit: number;
  /** CPU time of the commit (main thread): steadier than its wall time on a busy machine. */
  commitCpu: number;
}

function printPhases(phases: Phases): void {
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  console.log('Phases of the import (wall time):');
  console.log(`  begin (head read, layout, guessed mapping)  ${ms(phases.begin)}`);
  phases.parts.forEach((part, i) => {
    const name = phases.parts.length > 1 ? `worker ${i + 1} (${part.mb.toFixed(1)} MB)` : 'worker';
    console.log(
      `  ${name}: start-up ${ms(part.startup)}, read + check + add up${i === 0 ? ' + sha256' : ''} ` +
        `${ms(part.read)} (${ms(part.cpu)} CPU), result to the main thread ${ms(part.transfer)}`,
    );
  });
  console.log(`  merge parts ${ms(phases.merge)}, report (dates, counts, matching) ${ms(phases.report)}`);
  console.log(
    `  commit (rows built, checked, stored in one transaction) ${ms(phases.commit)} (${ms(phases.commitCpu)} CPU)`,
  );
}

/**
 * The import, in a process of its own (`--import <dir>`), so its peak memory is the import's and
 * not the generator's or the baselines' garbage: what the app's process (browser mode's Node
 * server, or Electron's main process on top of its own baseline) reaches. The peak is the
 * kernel's high-water mark for the process (getrusage maxRSS, the worker thread included), not a
 * sample.
 */
async function importChild(): Promise<ImportFigures> {
  const db = await openLibraryDatabase(path.join(dir, `library-${process.argv[4] ?? 1}.sqlite`));
  const journeys = new JourneyRepository(db);
  let n = 0;
  const made = templateContent('online-store', () => `bench-${++n}`);
  const journeyId = journeys.create({
    name: made.name,
    description: made.description,
    content: made.content,
  }).id;
  await new Promise((resolve) => setTimeout(resolve, 100));
  sample();
  const rssBefore = process.memoryUsage.rss();

  let timings: PassTimings | null = null;
  const sessions = new ImportSessions({ db, journeys, workerPath, onPassTimings: (t) => (timings = t) });
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const preview = sessions.begin({
    journeyId,
    filePath: csvPath,
    fileName: 'responses.csv',
    ownsFile: false,
  });
  const begun = performance.now();
  sessions.run(preview.sessionId, preview.mapping);
  let status = sessions.status(preview.sessionId);
  while (status.state === 'reading') {
    await new Promise((resolve) => setTimeout(resolve, 5));
    status = sessions.status(preview.sessionId);
  }
  if (status.state !== 'ready' || !status.report) throw new Error(status.error ?? status.state);
  const readAt = performance.now();
  const assignments = status.report.touchpoints.map((t) => ({
    value: t.value,
    touchpointId: t.match?.touchpointId ?? null,
  }));
  const committing = performance.now();
  const commitCpu = process.threadCpuUsage();
  const stored = sessions.commit(preview.sessionId, { name: 'Bench', assignments, allowDuplicate: false });
  const done = performance.now();
  const commitCpuUsed = process.threadCpuUsage(commitCpu);
  const pass = timings as PassTimings | null;
  if (!pass) throw new Error('the pass reported no timings');
  const lastReceived = Math.max(...pass.parts.map((p) => p.received));
  const phases: Phases = {
    begin: begun - started,
    parts: pass.parts.map((p) => ({
      startup: p.began - pass.started,
      read: p.done - p.began,
      cpu: p.cpuMs,
      transfer: p.received - p.done,
      mb: p.bytes / 1024 / 1024,
    })),
    merge: pass.merged - lastReceived,
    report: pass.reported - pass.merged,
    commit: done - committing,
    commitCpu: (commitCpuUsed.user + commitCpuUsed.system) / 1000,
  };
  const cpu = process.cpuUsage(cpuBefore);
  sample();
  clearInterval(sampler);
  const peak = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);

  // The overlay as the app computes it (MetricsAnalysis, behind metrics.overlay). The first call
  // reads the stored score days and builds the map's index; each later one, for another top box,
  // period, granularity or segment, is a recompute from counts.
  const analysis = new MetricsAnalysis(db);
  const firstStart = performance.now();
  const first = analysis.overlay(journeyId, 'nps', { granularity: 'quarter', period: 'latest' });
  const firstOverlayMs = performance.now() - firstStart;
  analysis.updateMetric(journeyId, 'csat', { topBoxMin: 5 });
  const recomputes = [
    () => analysis.overlay(journeyId, 'csat', { granularity: 'quarter', period: '2025-Q2' }),
    () => analysis.overlay(journeyId, 'csat', { granularity: 'month', period: '2025-03' }),
    () => analysis.overlay(journeyId, 'nps', { granularity: 'week', period: 'latest' }),
    () => analysis.overlay(journeyId, 'ces', { granularity: 'day', period: 'latest' }),
    () => analysis.overlay(journeyId, 'nps', { granularity: 'quarter', period: 'all' }),
  ].map((recompute) => {
    const started = performance.now();
    const overlay = recompute();
    if (overlay.touchpoints.length !== first.touchpoints.length)
      throw new Error('an overlay lost touchpoints');
    return performance.now() - started;
  });
  const recomputeMs = median(recomputes);
  sessions.close();
  closeLibraryDatabase(db);
  return {
    importSeconds: (done - started) / 1000,
    readSeconds: (readAt - started) / 1000,
    storeSeconds: (done - readAt) / 1000,
    rowsAccepted: stored.rowsAccepted,
    rssBeforeMb: rssBefore / 1024 / 1024,
    peakRssMb: peak / 1024 / 1024,
    recomputeMs,
    firstOverlayMs,
    recomputes,
    touchpoints: first.touchpoints.length,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    phases,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Runs this script in a fresh process in `mode` and returns the JSON object it prints last. */
function inChild<T>(mode: '--import' | '--parse-only', run: number): T {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), mode, dir, String(run)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`the ${mode} process failed (${child.status})`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as T;
}

async function main() {
  clearInterval(sampler);
  const bytes = generate(touchpointNames());
  console.log(`Generated ${ROWS.toLocaleString('en')} responses: ${(bytes / 1024 / 1024).toFixed(1)} MB`);

  const stream = await papaStream();
  console.log(
    `PapaParse's Node-stream API (reference): ${stream.seconds.toFixed(2)} s, ${stream.rows.toLocaleString('en')} rows`,
  );

  const parses: number[] = [];
  const runs: ImportFigures[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const parse = inChild<{ seconds: number; rows: number }>('--parse-only', run);
    parses.push(parse.seconds);
    const figures = inChild<ImportFigures>('--import', run);
    runs.push(figures);
    console.log(
      `Run ${run}: PapaParse alone, read as the import reads: ${parse.seconds.toFixed(3)} s (${parse.rows.toLocaleString('en')} data rows); ` +
        `import: ${figures.importSeconds.toFixed(3)} s (${(figures.importSeconds / parse.seconds).toFixed(2)}×)`,
    );
  }
  const parseSeconds = median(parses);
  const importSeconds = median(runs.map((r) => r.importSeconds));
  const nearest = (r: ImportFigures) => Math.abs(r.importSeconds - importSeconds);
  const figures = runs.reduce((best, r) => (nearest(r) < nearest(best) ? r : best));
  console.log(
    `Medians of ${RUNS} runs: parse-only ${parseSeconds.toFixed(3)} s, import ${importSeconds.toFixed(3)} s`,
  );
  console.log('The median import run:');
  console.log(
    `Import (read + check + match + store): ${figures.importSeconds.toFixed(2)} s ` +
      `(${figures.readSeconds.toFixed(2)} s reading in the worker, ${figures.storeSeconds.toFixed(2)} s storing), ` +
      `${Math.round(figures.rowsAccepted / figures.importSeconds).toLocaleString('en')} rows/s, ${figures.rowsAccepted.toLocaleString('en')} rows stored; ` +
      `${figures.cpuSeconds.toFixed(2)} s of CPU`,
  );
  printPhases(figures.phases);
  const peakRssMb = Math.max(...runs.map((r) => r.peakRssMb));
  console.log(
    `Peak RSS of the importing process: ${peakRssMb.toFixed(0)} MB, the highest of the runs ` +
      `(${figures.rssBeforeMb.toFixed(0)} MB before the import: Node, SQLite, the library open)`,
  );
  const recomputeMs = median(runs.map((r) => r.recomputeMs));
  console.log(
    `Overlay (MetricsAnalysis, ${figures.touchpoints} touchpoints): the first, reading the stored days, ${figures.firstOverlayMs.toFixed(1)} ms; ` +
      `recomputes for another top box, period or granularity: ${figures.recomputes.map((ms) => ms.toFixed(1)).join(', ')} ms ` +
      `(median of the runs' medians ${recomputeMs.toFixed(1)} ms)`,
  );

  fs.rmSync(dir, { recursive: true, force: true });
  const result = {
    rows: figures.rowsAccepted,
    import_s: Number(importSeconds.toFixed(3)),
    parse_only_s: Number(parseSeconds.toFixed(3)),
    ratio: Number((importSeconds / parseSeconds).toFixed(2)),
    peak_rss_mb: Math.round(peakRssMb),
    recompute_ms: Number(recomputeMs.toFixed(1)),
  };
  console.log(JSON.stringify(result));
}

if (childMode === '--parse-only') {
  clearInterval(sampler);
  console.log(JSON.stringify(parseOnly()));
} else if (childDir) {
  importChild().then(
    (figures) => console.log(JSON.stringify(figures)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
} else {
  main().catch((error: unknown) => {
    fs.rmSync(dir, { recursive: true, force: true });
    console.error(error);
    process.exit(1);
  });
}
