import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../shared/api/result';
import type { ImportMapping } from '../../shared/import/mapping';
import { runImportPass, type PassLayout } from './import-pass';

/**
 * The worker thread that reads an import file, so the process that serves the UI never blocks.
 * In: { filePath, layout, mapping }. Out: 'progress' messages (about ten a second), then one
 * 'done' with the accumulated pass, or 'failed' with a message for the user. Cancel = terminate().
 */

export interface WorkerInput {
  filePath: string;
  layout: PassLayout;
  mapping: ImportMapping;
}

export type WorkerMessage =
  | { type: 'progress'; rows: number; bytes: number }
  | { type: 'done'; result: ReturnType<typeof runImportPass> }
  | { type: 'failed'; message: string; expected: boolean };

const port = parentPort;
if (port) {
  const input = workerData as WorkerInput;
  let last = 0;
  try {
    const result = runImportPass(input.filePath, input.layout, input.mapping, (progress) => {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      port.postMessage({ type: 'progress', ...progress } satisfies WorkerMessage);
    });
    port.postMessage({ type: 'done', result } satisfies WorkerMessage);
  } catch (error) {
    const expected = error instanceof AppError;
    port.postMessage({
      type: 'failed',
      message: error instanceof Error ? error.message : String(error),
      expected,
    } satisfies WorkerMessage);
  }
}
