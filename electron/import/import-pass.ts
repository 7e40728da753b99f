import { ImportAccumulator, type AccumulatedImport } from '../../shared/import/accumulate';
import type { ImportMapping } from '../../shared/import/mapping';
import type { FileLayout } from './csv-reader';
import { streamRecords, type PassProgress } from './record-stream';

/**
 * One full pass over a file with a chosen mapping: stream, parse, check and add up every row. Runs
 * in a worker thread in the app (import-worker.ts); tests and the benchmark may call it directly.
 */

export type PassLayout = Pick<
  FileLayout,
  'encoding' | 'delimiter' | 'newline' | 'headerRows' | 'fileName' | 'headers' | 'format'
>;

export interface PassResult {
  accumulated: AccumulatedImport;
  contentHash: string;
  bytes: number;
}

export function runImportPass(
  filePath: string,
  layout: PassLayout,
  mapping: ImportMapping,
  onProgress: (progress: PassProgress) => void = () => {},
  shouldStop: () => boolean = () => false,
): PassResult {
  const accumulator = new ImportAccumulator(mapping, layout.headers, {
    dateOrderFallback: layout.format === 'surveymonkey' ? 'mdy' : 'dmy',
  });
  const { contentHash, bytes } = streamRecords(
    filePath,
    layout,
    (records, firstRow) => accumulator.addRows(records, firstRow),
    onProgress,
    shouldStop,
  );
  return { accumulated: accumulator.finish(), contentHash, bytes };
}
