import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { AppError } from '../../shared/api/result';
import type { PackedComments } from '../../shared/import/comment-table';
import type { ImportMapping } from '../../shared/import/mapping';
import {
  PartRowError,
  runPassPart,
  type PartResult,
  type PartRowErrorData,
  type PassLayout,
  type PassRange,
} from './import-pass';

/**
 * The worker thread that reads an import file (or one part of it: split-pass.ts), so the process
 * that serves the UI never blocks. In: { filePath, layout, mapping, range }. Out: 'progress'
 * messages (about ten a second), then one 'done' with the part read, or 'failed' with a message
 * for the user (and, for a problem at a row, the row, to be moved to the file's row number).
 * Cancel = terminate().
 */

export interface WorkerInput {
  filePath: string;
  layout: PassLayout;
  mapping: ImportMapping;
  range: PassRange;
}

/**
 * A worker started before its input is known (when a large file's preview is shown): it loads
 * its code, then waits for one { type: 'start', input } message.
 */
export interface WarmWorkerData {
  warm: true;
}

export interface StartMessage {
  type: 'start';
  input: WorkerInput;
}

/**
 * When the thread started, had loaded its code, was given its part and had read it (epoch ms),
 * and its CPU time.
 */
export interface WorkerTimings {
  started: number;
  loaded: number;
  began: number;
  done: number;
  cpuMs: number;
}

export type WorkerMessage =
  | { type: 'progress'; rows: number; bytes: number }
  /** The part's comments travel packed (`comments`); `result.part.comments` is empty. */
  | { type: 'done'; result: PartResult; comments: PackedComments; timings: WorkerTimings }
  | { type: 'failed'; message: string; expected: boolean; rowError?: PartRowErrorData };

const loaded = performance.timeOrigin + performance.now();

function read(port: MessagePort, input: WorkerInput): void {
  const began = performance.timeOrigin + performance.now();
  let last = 0;
  try {
    const result = runPassPart(
      input.filePath,
      input.layout,
      input.mapping,
      input.range,
      (progress) => {
        const now = Date.now();
        if (now - last < 100) return;
        last = now;
        port.postMessage({ type: 'progress', ...progress } satisfies WorkerMessage);
      },
      undefined,
      // Comments are collected packed (comment-table.ts): no object per comment, no packing pass.
      { packComments: true },
    );
    const cpu = process.threadCpuUsage();
    const timings: WorkerTimings = {
      started: performance.timeOrigin,
      loaded,
      began,
      done: performance.timeOrigin + performance.now(),
      cpuMs: (cpu.user + cpu.system) / 1000,
    };
    const { packedComments: comments, ...sent } = result;
    port.postMessage({ type: 'done', result: sent, comments: comments!, timings } satisfies WorkerMessage);
  } catch (error) {
    const expected = error instanceof AppError;
    port.postMessage({
      type: 'failed',
      message: error instanceof Error ? error.message : String(error),
      expected,
      ...(error instanceof PartRowError ? { rowError: error.toPartData() } : {}),
    } satisfies WorkerMessage);
  }
}

const port = parentPort;
if (port) {
  const data = workerData as WorkerInput | WarmWorkerData;
  if ('warm' in data) port.once('message', (message: StartMessage) => read(port, message.input));
  else read(port, data);
}
