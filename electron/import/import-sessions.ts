import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { AppError } from '../../shared/api/result';
import type { DatasetSummary } from '../../shared/domain/dataset';
import type { JourneyDocument } from '../../shared/domain/journey';
import {
  MAX_COMMENTS,
  countReport,
  importFromPart,
  resolveDates,
  type ResolvedDates,
} from '../../shared/import/accumulate';
import { buildDatasetRows } from '../../shared/import/build-dataset';
import { unpackComments, type PackedComments } from '../../shared/import/comment-table';
import { guessMapping } from '../../shared/import/guess';
import {
  mappingProblem,
  type ImportMapping,
  type ImportPreview,
  type ImportReport,
  type ImportStatus,
  type TouchpointAssignment,
} from '../../shared/import/mapping';
import { matchTouchpointValues, type MatchableTouchpoint } from '../../shared/import/matching';
import { RowError } from '../../shared/import/row-error';
import { headerSignature } from '../../shared/import/signature';
import type { JourneyRepository } from '../db/journey-repository';
import { findDatasetsByHash, storeDataset } from '../db/metrics-data-repository';
import { findPresetBySignature } from '../db/import-preset-repository';
import { PREVIEW_ROWS, readLayout, type FileLayout } from './csv-reader';
import {
  runImportPass,
  type PartResult,
  type PartRowErrorData,
  type PassRange,
  type PassResult,
} from './import-pass';
import type {
  StartMessage,
  WarmWorkerData,
  WorkerInput,
  WorkerMessage,
  WorkerTimings,
} from './import-worker';
import { cutWithEllipsis } from '../../shared/text/cut';
import type { PassProgress } from './record-stream';
import { canSplit, combineParts, findSplitPoint } from './split-pass';

/**
 * Import sessions: one per file being imported, from the preview to the commit. The full pass over
 * the file runs in a worker thread; the renderer polls `status` for rows and bytes read. Nothing is
 * written to the library until `commit`, which stores everything in one transaction.
 */

export interface ImportSessionsOptions {
  db: Database.Database;
  journeys: JourneyRepository;
  /** The built worker script; without it the pass runs in this thread (tests). */
  workerPath?: string;
  now?: () => Date;
  newId?: () => string;
  /** When a pass has been read and checked: where its time went (the benchmark prints it). */
  onPassTimings?: (timings: PassTimings) => void;
  /** Files from this size on are read by two workers (split-pass.ts); tests lower it. */
  splitMinBytes?: number;
  /** Where unexpected read errors go (stderr, a log file): their detail is never shown to the user. */
  logError?: (where: string, error: unknown) => void;
}

interface Session {
  id: string;
  journeyId: string;
  filePath: string;
  /** An upload we wrote: deleted when the session ends. */
  ownsFile: boolean;
  layout: FileLayout;
  mapping: ImportMapping | null;
  state: ImportStatus['state'];
  rowsRead: number;
  bytesRead: number;
  running: PassRun | null;
  /** Workers started with the preview of a large file, waiting for the pass (see warmUp). */
  warm: WarmWorker[] | null;
  pass: PassResult | null;
  dates: ResolvedDates | null;
  report: ImportReport | null;
  error: string | null;
  touched: number;
}

interface WarmWorker {
  worker: Worker;
  /** It failed or exited before it was given a part. */
  gone: boolean;
}

/** A small young generation keeps a worker's garbage, and so the process's memory, small. */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 32, maxOldGenerationSizeMb: 512 };

/** How a part read by one worker ended. */
type PartOutcome =
  /** `comments`: the part's comments, still packed (see withComments). */
  | { kind: 'done'; result: PartResult; comments: PackedComments }
  | { kind: 'row-error'; error: PartRowErrorData }
  | { kind: 'failed'; message: string }
  | { kind: 'unexpected'; error: unknown };

/**
 * A part's result with its comments unpacked, at most `limit` of them (the room the file's
 * MAX_COMMENTS leaves after the parts before it); the ones left packed are counted as dropped, as
 * the merge would have dropped them. Two workers can each hold up to MAX_COMMENTS comments: only
 * the ones kept become objects in this process.
 */
function withComments(outcome: Extract<PartOutcome, { kind: 'done' }>, limit = Infinity): PartResult {
  const { result, comments } = outcome;
  const kept = Math.max(0, Math.min(limit, comments.count));
  return {
    ...result,
    part: {
      ...result.part,
      comments: unpackComments(result.part, comments, kept),
      commentsDropped: result.part.commentsDropped + comments.count - kept,
    },
  };
}

/** Epoch ms: the pass started, each worker's timings and when its result arrived, the report was ready. */
export interface PassTimings {
  started: number;
  parts: (WorkerTimings & { received: number; bytes: number })[];
  merged: number;
  reported: number;
}

/** The workers of one pass: one per part of the file (two for a large file: split-pass.ts). */
interface PassRun {
  started: number;
  timings: PassTimings['parts'];
  merged: number;
  workers: Worker[];
  ranges: PassRange[];
  outcomes: (PartOutcome | undefined)[];
  progress: PassProgress[];
}

/**
 * Where the first of two parts ends: a little before the middle, because the first worker also
 * hashes the whole file (sha256 of the second part's bytes after its own). 0.45 gives both workers
 * the same CPU time on the bench file (~240 ms each; 0.46 left the first ~7 ms behind).
 */
const SPLIT_FRACTION = 0.45;

const MAX_SESSIONS = 8;

function touchpointsOf(journeys: JourneyRepository, journeyId: string): MatchableTouchpoint[] {
  return touchpointsIn(journeys.get(journeyId));
}

function touchpointsIn(doc: JourneyDocument): MatchableTouchpoint[] {
  return doc.nodes.flatMap((n) =>
    n.kind === 'touchpoint' ? [{ id: n.id, name: n.name, metricKey: n.metricKey }] : [],
  );
}

/**
 * A file's name as shown in messages and stored with the dataset: without control characters
 * (a newline, an escape sequence) or direction overrides (U+202E makes "…vsc.exe" read "exe.csv…").
 */
function displayFileName(name: string): string {
  const clean = name.replace(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, '').trim();
  return clean === '' ? 'unnamed file' : clean;
}

export class ImportSessions {
  private readonly sessions = new Map<string, Session>();
  private readonly options: ImportSessionsOptions;

  constructor(options: ImportSessionsOptions) {
    this.options = options;
  }

  /** Reads the head of a file: layout, preview rows and a first mapping (a saved preset wins). */
  begin(input: { journeyId: string; filePath: string; fileName: string; ownsFile: boolean }): ImportPreview {
    const doc = this.options.journeys.get(input.journeyId); // not-found for an unknown map
    let layout: FileLayout;
    try {
      layout = readLayout(input.filePath, displayFileName(input.fileName));
    } catch (error) {
      if (input.ownsFile) fs.rmSync(input.filePath, { force: true });
      throw error;
    }
    this.evictOld();
    const warm = this.warmUp(layout); // before the mapping is guessed: the threads start meanwhile
    const id = (this.options.newId ?? randomUUID)();
    const touchpoints = touchpointsIn(doc);
    const signature = headerSignature(layout.headers);
    let preset: ReturnType<typeof findPresetBySignature>;
    let mapping: ImportMapping;
    try {
      preset = findPresetBySignature(this.options.db, signature);
      mapping =
        preset && preset.mapping.columns.length === layout.headers.length
          ? preset.mapping
          : guessMapping(layout.headers, layout.subHeaders, layout.sampleRows, touchpoints);
    } catch (error) {
      for (const { worker } of warm ?? []) void worker.terminate();
      throw error;
    }
    this.sessions.set(id, {
      id,
      journeyId: input.journeyId,
      filePath: input.filePath,
      ownsFile: input.ownsFile,
      layout,
      mapping: null,
      state: 'ready',
      rowsRead: 0,
      bytesRead: 0,
      running: null,
      warm,
      pass: null,
      dates: null,
      report: null,
      error: null,
      touched: Date.now(),
    });
    const width = layout.headers.length;
    return {
      sessionId: id,
      fileName: layout.fileName,
      byteSize: layout.byteSize,
      encoding: layout.encoding.label,
      delimiter: layout.delimiter,
      format: layout.format,
      headerRows: layout.headerRows,
      headers: layout.headers,
      subHeaders: layout.subHeaders,
      rows: layout.sampleRows.slice(0, PREVIEW_ROWS).map((row) => {
        const cells = row.slice(0, width).map((c) => cutWithEllipsis(c, 200));
        while (cells.length < width) cells.push('');
        return cells;
      }),
      firstRowNumber: layout.headerRows + 1,
      mapping,
      signature,
      preset,
      warnings: layout.warnings,
    };
  }

  /** Starts the full pass with this mapping (a running pass is stopped first). */
  run(sessionId: string, mapping: ImportMapping): ImportStatus {
    const session = this.session(sessionId);
    if (session.state === 'committed') throw new AppError('conflict', 'This import has already been stored.');
    const problem = mappingProblem(mapping, session.layout.headers);
    if (problem) throw new AppError('invalid-input', problem);
    this.stopWorker(session);
    Object.assign(session, {
      mapping,
      state: 'reading',
      rowsRead: 0,
      bytesRead: 0,
      pass: null,
      dates: null,
      report: null,
      error: null,
    });
    const layout = {
      encoding: session.layout.encoding,
      delimiter: session.layout.delimiter,
      newline: session.layout.newline,
      headerRows: session.layout.headerRows,
      fileName: session.layout.fileName,
      headers: session.layout.headers,
      format: session.layout.format,
    };
    const input = { filePath: session.filePath, layout, mapping };
    if (this.options.workerPath) {
      this.startWorkers(session, this.options.workerPath, input);
    } else {
      // In-thread (tests): still asynchronous, so callers poll status the same way.
      setImmediate(() => {
        if (session.state !== 'reading' || session.mapping !== mapping) return;
        try {
          const result = runImportPass(input.filePath, input.layout, mapping, (p) => {
            session.rowsRead = p.rows;
            session.bytesRead = p.bytes;
          });
          this.finishPass(session, result);
        } catch (error) {
          if (error instanceof AppError) {
            session.state = 'failed';
            session.error = error.message;
          } else this.failUnexpectedly(session, error);
        }
      });
    }
    return this.status(sessionId);
  }

  /**
   * A file large enough to be read by two workers gets them started now, with its preview: their
   * threads start and load their code (~50–100 ms) while the user checks the mapping. Only the
   * newest preview keeps its warm workers.
   */
  private warmUp(layout: FileLayout): WarmWorker[] | null {
    const { workerPath } = this.options;
    if (!workerPath || os.availableParallelism() < 2) return null;
    if (!canSplit(layout, { shape: 'responses' }, layout.byteSize, this.options.splitMinBytes)) return null;
    for (const other of this.sessions.values()) this.dropWarm(other);
    return [0, 1].map(() => {
      const worker = new Worker(workerPath, {
        workerData: { warm: true } satisfies WarmWorkerData,
        resourceLimits: WORKER_LIMITS,
      });
      // A waiting worker does not keep the process from exiting; it is ref()'d when given its part.
      worker.unref();
      const warm: WarmWorker = { worker, gone: false };
      worker.on('error', () => (warm.gone = true));
      worker.on('exit', () => (warm.gone = true));
      return warm;
    });
  }

  private dropWarm(session: Session): void {
    for (const { worker } of session.warm ?? []) void worker.terminate();
    session.warm = null;
  }

  /** One worker per part of the file: two for a large file on a machine with two cores or more. */
  private startWorkers(session: Session, workerPath: string, input: Omit<WorkerInput, 'range'>): void {
    let split: number | null = null;
    const { byteSize } = session.layout;
    if (
      os.availableParallelism() >= 2 &&
      canSplit(input.layout, input.mapping, byteSize, this.options.splitMinBytes)
    ) {
      try {
        split = findSplitPoint(input.filePath, input.layout, byteSize, SPLIT_FRACTION);
      } catch {
        split = null; // the pass reads the file again and says what is wrong with it
      }
    }
    const ranges: PassRange[] =
      split === null ? [{ start: 0 }] : [{ start: 0, end: split }, { start: split }];
    const run: PassRun = {
      started: performance.timeOrigin + performance.now(),
      timings: [],
      merged: 0,
      workers: [],
      ranges,
      outcomes: ranges.map(() => undefined),
      progress: ranges.map(() => ({ rows: 0, bytes: 0 })),
    };
    session.running = run;
    // Workers started with the preview, if they are all still there; otherwise new ones.
    const warm = session.warm?.every((w) => !w.gone) ? session.warm.map((w) => w.worker) : [];
    if (warm.length === 0) this.dropWarm(session);
    session.warm = null;
    for (const extra of warm.slice(ranges.length)) void extra.terminate();
    ranges.forEach((range, index) => {
      let worker = warm[index];
      if (worker) {
        worker.ref();
        worker.postMessage({ type: 'start', input: { ...input, range } } satisfies StartMessage);
      } else
        worker = new Worker(workerPath, {
          workerData: { ...input, range } satisfies WorkerInput,
          resourceLimits: WORKER_LIMITS,
        });
      run.workers.push(worker);
      worker.on('message', (message: WorkerMessage) => {
        if (session.running !== run) return;
        if (message.type === 'progress') {
          run.progress[index] = { rows: message.rows, bytes: message.bytes };
          // A first part that read past the split point reads the whole rest alone.
          const alone = run.progress[0]!.bytes > (ranges[0]!.end ?? Infinity);
          const counted = alone ? run.progress.slice(0, 1) : run.progress;
          session.rowsRead = counted.reduce((sum, p) => sum + p.rows, 0);
          session.bytesRead = counted.reduce((sum, p) => sum + p.bytes, 0);
          return;
        }
        if (message.type === 'done') {
          run.outcomes[index] = { kind: 'done', result: message.result, comments: message.comments };
          run.timings[index] = {
            ...message.timings,
            received: performance.timeOrigin + performance.now(),
            bytes: message.result.bytes,
          };
        } else if (message.rowError) run.outcomes[index] = { kind: 'row-error', error: message.rowError };
        else if (message.expected) run.outcomes[index] = { kind: 'failed', message: message.message };
        else run.outcomes[index] = { kind: 'unexpected', error: new Error(message.message) };
        this.settle(session, run, input);
      });
      worker.on('error', (error) => {
        if (session.running !== run || run.outcomes[index]) return;
        run.outcomes[index] = { kind: 'unexpected', error };
        this.settle(session, run, input);
      });
    });
  }

  /**
   * Once the parts needed are in: the first part decides (its error comes first in the file; if it
   * read past the split point it read everything), then the second part is merged into it.
   */
  private settle(session: Session, run: PassRun, input: Omit<WorkerInput, 'range'>): void {
    const [first, second] = run.outcomes;
    if (!first) return;
    const fail = (outcome: Exclude<PartOutcome, { kind: 'done' }>) => {
      this.stopWorker(session);
      if (outcome.kind === 'unexpected') this.failUnexpectedly(session, outcome.error);
      else {
        session.state = 'failed';
        session.error =
          outcome.kind === 'failed' ? outcome.message : RowError.fromData(outcome.error).message;
      }
    };
    if (first.kind !== 'done') return fail(first);
    if (run.ranges.length === 1 || first.result.overran) {
      this.stopWorker(session);
      const { part, contentHash, bytes } = withComments(first);
      run.merged = performance.timeOrigin + performance.now();
      this.finishPass(session, { accumulated: importFromPart(part), contentHash, bytes });
      return this.reportTimings(run);
    }
    if (!second) return;
    this.stopWorker(session);
    if (second.kind === 'unexpected' || second.kind === 'failed') return fail(second);
    let pass: PassResult;
    try {
      const firstResult = withComments(first);
      const room = MAX_COMMENTS - firstResult.part.comments.length;
      pass = combineParts(
        firstResult,
        second.kind === 'done' ? withComments(second, room) : second.error,
        input.layout,
        input.mapping,
      );
    } catch (error) {
      if (error instanceof AppError) {
        session.state = 'failed';
        session.error = error.message;
      } else this.failUnexpectedly(session, error);
      return;
    }
    run.merged = performance.timeOrigin + performance.now();
    this.finishPass(session, pass);
    this.reportTimings(run);
  }

  private reportTimings(run: PassRun): void {
    this.options.onPassTimings?.({
      started: run.started,
      parts: run.timings.filter((t) => t !== undefined),
      merged: run.merged,
      reported: performance.timeOrigin + performance.now(),
    });
  }

  /**
   * A pass that failed for a reason the reader did not foresee (a read error, the thread running
   * out of memory): the user learns which file and how far the read got, the detail (which can
   * name the temporary upload path) goes to the log only, as dispatch does for internal errors.
   */
  private failUnexpectedly(session: Session, error: unknown): void {
    this.options.logError?.(`import of “${session.layout.fileName}”`, error);
    const code = (error as NodeJS.ErrnoException | null)?.code;
    const where =
      session.rowsRead > 0
        ? ` after reading ${session.rowsRead.toLocaleString('en')} data row${session.rowsRead === 1 ? '' : 's'}`
        : '';
    const why =
      code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? 'it needs more memory than the import may use. Split the file into smaller files and import each one.'
        : 'the file may have changed, moved or been damaged while it was read. Choose the file again; if it still fails, the details are in the log.';
    session.state = 'failed';
    session.error = `Journey Studio could not finish reading “${session.layout.fileName}”${where}: ${why}`;
  }

  private finishPass(session: Session, pass: PassResult): void {
    const acc = pass.accumulated;
    session.rowsRead = acc.rowsRead;
    session.bytesRead = pass.bytes;
    const touchpointColumn =
      session.layout.headers[session.mapping!.columns.findIndex((c) => c.role === 'touchpoint')];
    if (acc.rowsRead === 0) {
      session.state = 'failed';
      session.error = `“${session.layout.fileName}” has a header but no data rows below it: there is nothing to import.`;
      return;
    }
    if (acc.touchpointRows.size === 0 && acc.issues['missing-touchpoint']?.count === acc.rowsRead) {
      session.state = 'failed';
      session.error =
        `The touchpoint column “${touchpointColumn}” is blank in every row (rows ${session.layout.headerRows + 1}` +
        `–${session.layout.headerRows + acc.rowsRead}). Choose the column that names the touchpoint.`;
      return;
    }
    const dates = resolveDates(acc);
    const counts = countReport(acc, dates);
    const warnings: string[] = [];
    if (acc.commentsDropped > 0)
      warnings.push(
        `Only the first ${acc.comments.length.toLocaleString('en')} comments are kept; ` +
          `${acc.commentsDropped.toLocaleString('en')} more are counted in the scores but not stored as text.`,
      );
    if (acc.shape === 'responses' && !acc.hasDate)
      warnings.push('No date column is mapped: every response is dated on the day of the import.');
    if (dates.assumed)
      warnings.push(
        `Every date in the file fits both day/month and month/day: read as ${dates.order === 'mdy' ? 'month/day/year' : 'day/month/year'}. Change it in the mapping if that is wrong.`,
      );
    session.pass = pass;
    session.dates = dates;
    session.report = {
      contentHash: pass.contentHash,
      rowsRead: acc.rowsRead,
      rowsAccepted: counts.rowsAccepted,
      rowsRejected: counts.rowsRejected,
      issues: counts.issues,
      touchpoints: matchTouchpointValues(
        acc.touchpointRows,
        touchpointsOf(this.options.journeys, session.journeyId),
      ),
      dateFormat: dates.order,
      dateFormatAssumed: dates.assumed,
      firstDay: counts.firstDay,
      lastDay: counts.lastDay,
      // Named segments in alphabetical order, "no segment" last: as the overlay bar lists them.
      segments: [...counts.segmentRows]
        .map(([value, rows]) => ({ value, rows }))
        .sort((a, b) => (a.value === '' ? 1 : b.value === '' ? -1 : a.value.localeCompare(b.value, 'en'))),
      metrics: acc.metrics.map((m, i) => ({
        key: m.key,
        label: m.label,
        values: counts.metricValues[i] ?? 0,
      })),
      comments: acc.comments.length,
      warnings,
      duplicates: findDatasetsByHash(this.options.db, session.journeyId, pass.contentHash),
    };
    session.state = 'ready';
  }

  status(sessionId: string): ImportStatus {
    const session = this.session(sessionId);
    session.touched = Date.now();
    return {
      sessionId: session.id,
      state: session.state,
      rowsRead: session.rowsRead,
      bytesRead: session.bytesRead,
      totalBytes: session.layout.byteSize,
      report: session.report,
      error: session.error,
    };
  }

  /** Stops the pass; nothing was written, the session can run again with another mapping. */
  cancel(sessionId: string): ImportStatus {
    const session = this.session(sessionId);
    if (session.state === 'reading') {
      this.stopWorker(session);
      session.state = 'cancelled';
      session.pass = null;
      session.report = null;
    }
    return this.status(sessionId);
  }

  /**
   * Stores the pass as one dataset, in one transaction. Every distinct touchpoint value of the file
   * must be assigned (a touchpoint id, or null to ignore its rows). A file imported into this map
   * before is refused with `conflict` unless `allowDuplicate`.
   */
  commit(
    sessionId: string,
    input: { assignments: readonly TouchpointAssignment[]; name: string; allowDuplicate: boolean },
  ): DatasetSummary {
    const session = this.session(sessionId);
    if (session.state === 'committed') throw new AppError('conflict', 'This import has already been stored.');
    if (session.state !== 'ready' || !session.pass || !session.dates || !session.mapping || !session.report)
      throw new AppError('conflict', 'The file has not been read yet: wait for the check to finish.');
    const acc = session.pass.accumulated;
    const assignment = new Map<string, string | null>();
    for (const a of input.assignments) assignment.set(a.value, a.touchpointId);
    const touchpoints = new Set(touchpointsOf(this.options.journeys, session.journeyId).map((t) => t.id));
    for (const [value, rows] of acc.touchpointRows) {
      if (!assignment.has(value))
        throw new AppError(
          'invalid-input',
          `Decide what to do with the touchpoint “${value}” (${rows} rows): map it, create it, or ignore it.`,
        );
      const id = assignment.get(value);
      if (id && !touchpoints.has(id))
        throw new AppError('invalid-input', `“${value}” is mapped to a touchpoint that is not on this map.`);
    }
    const duplicates = findDatasetsByHash(this.options.db, session.journeyId, session.pass.contentHash);
    if (duplicates.length > 0 && !input.allowDuplicate)
      throw new AppError(
        'conflict',
        `This file was already imported into this map (“${duplicates[0]!.name}”, ${duplicates[0]!.importedAt}).`,
      );
    const ignored = new Set([...assignment].filter(([, id]) => id === null).map(([value]) => value));
    const counts = countReport(acc, session.dates, ignored);
    if (counts.rowsAccepted === 0)
      throw new AppError('invalid-input', 'No row would be imported: every row was rejected or ignored.');
    const now = (this.options.now ?? (() => new Date()))();
    const rows = buildDatasetRows(acc, session.dates, assignment, now.toISOString().slice(0, 10));
    const headers = session.layout.headers;
    const stored = storeDataset(
      this.options.db,
      {
        journeyId: session.journeyId,
        dataset: {
          name: input.name,
          fileName: session.layout.fileName,
          contentHash: session.pass.contentHash,
          byteSize: session.pass.bytes,
          shape: session.mapping.shape,
          sourceFormat: session.layout.format,
          mapping: {
            encoding: session.layout.encoding.label,
            delimiter: session.layout.delimiter,
            headerRows: session.layout.headerRows,
            dateFormat: session.dates.order,
            columns: session.mapping.columns
              .map((c, i) => ({ column: headers[i], ...c }))
              .filter((c) => c.role !== 'ignore'),
            touchpoints: Object.fromEntries(assignment),
          },
          rowsAccepted: counts.rowsAccepted,
          rowsRejected: counts.rowsRejected,
        },
        ...rows,
      },
      { now: () => now },
    );
    session.state = 'committed';
    session.pass = null;
    this.release(session);
    return stored;
  }

  /** Forgets a session (the wizard was closed): stops its pass and deletes an uploaded file. */
  discard(sessionId: string): void {
    const session = this.sessions.get(sessionId);
    if (!session) return;
    this.stopWorker(session);
    this.dropWarm(session);
    this.release(session);
    this.sessions.delete(sessionId);
  }

  /** Ends every session (the app is quitting). */
  close(): void {
    for (const id of [...this.sessions.keys()]) this.discard(id);
  }

  private release(session: Session): void {
    if (session.ownsFile) fs.rmSync(session.filePath, { force: true });
    session.ownsFile = false;
  }

  private stopWorker(session: Session): void {
    const run = session.running;
    if (!run) return;
    session.running = null;
    for (const worker of run.workers) void worker.terminate();
  }

  private evictOld(): void {
    if (this.sessions.size < MAX_SESSIONS) return;
    const oldest = [...this.sessions.values()].sort((a, b) => a.touched - b.touched)[0];
    if (oldest) this.discard(oldest.id);
  }

  private session(sessionId: string): Session {
    const session = this.sessions.get(sessionId);
    if (!session) throw new AppError('not-found', 'This import is no longer open: choose the file again.');
    return session;
  }
}

/** Where the built worker script sits next to the built main entry (out/main). */
export function builtWorkerPath(mainDir: string): string {
  return path.join(mainDir, 'import-worker.js');
}
