import {
  ImportAccumulator,
  importFromPart,
  type AccumulatedImport,
  type ImportPart,
} from '../../shared/import/accumulate';
import type { PackedComments } from '../../shared/import/comment-table';
import type { ImportMapping } from '../../shared/import/mapping';
import { RowError, type RowErrorData } from '../../shared/import/row-error';
import type { FileLayout } from './csv-reader';
import { streamRecords, type PassProgress } from './record-stream';

/**
 * One full pass over a file with a chosen mapping: stream, parse, check and add up every row. Runs
 * in a worker thread in the app (import-worker.ts); tests and the benchmark may call it directly.
 * A large file is read as two parts by two workers (split-pass.ts): `runPassPart` reads one.
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

/** Which bytes a part reads: from `start` (0: the file's start, with its header rows) to `end` (or the end). */
export interface PassRange {
  start: number;
  end?: number;
}

export interface PartResult {
  part: ImportPart;
  /** The whole file's sha256 (the part from the start hashes it all), or ''. */
  contentHash: string;
  bytes: number;
  /** Records read, header rows included: the row offset of the part after this one. */
  records: number;
  /** `range.end` was inside a quoted field: this part read the rest of the file too. */
  overran: boolean;
  /** With `packComments`: the part's comments, packed (`part.comments` is then empty). */
  packedComments?: PackedComments;
}

/**
 * A RowError from a part, with the segment values the part had seen before it (a part's error is
 * only the file's once the segments of the parts before it are counted in: merge-parts.ts).
 */
export class PartRowError extends RowError {
  readonly seen: SegmentsSeen;
  constructor(error: RowErrorData, seen: SegmentsSeen) {
    super(error.before, error.row, error.after);
    this.seen = seen;
  }

  toPartData(): PartRowErrorData {
    return { ...this.toData(), seen: this.seen };
  }
}

export interface SegmentsSeen {
  segments: string[];
  segmentFirstRows: number[];
}

export interface PartRowErrorData extends RowErrorData {
  seen: SegmentsSeen;
}

export function runPassPart(
  filePath: string,
  layout: PassLayout,
  mapping: ImportMapping,
  range: PassRange = { start: 0 },
  onProgress: (progress: PassProgress) => void = () => {},
  shouldStop: () => boolean = () => false,
  options: { packComments?: boolean } = {},
): PartResult {
  const accumulator = new ImportAccumulator(mapping, layout.headers, {
    dateOrderFallback: layout.format === 'surveymonkey' ? 'mdy' : 'dmy',
  });
  const fromStart = range.start === 0;
  try {
    const streamed = streamRecords(
      filePath,
      fromStart ? layout : { ...layout, headerRows: 0 },
      (records, firstRow) => accumulator.addRows(records, firstRow),
      onProgress,
      shouldStop,
      { hash: fromStart, start: range.start, end: range.end },
    );
    const read = {
      contentHash: streamed.contentHash,
      bytes: streamed.bytes,
      records: streamed.records,
      overran: streamed.overran,
    };
    if (!options.packComments) return { part: accumulator.finishPart(), ...read };
    const { part, comments } = accumulator.finishPackedPart();
    return { part, ...read, packedComments: comments };
  } catch (error) {
    if (error instanceof RowError) throw new PartRowError(error, accumulator.segmentsSeen());
    throw error;
  }
}

/** The whole file in this thread (tests, and the app when it has no worker script). */
export function runImportPass(
  filePath: string,
  layout: PassLayout,
  mapping: ImportMapping,
  onProgress: (progress: PassProgress) => void = () => {},
  shouldStop: () => boolean = () => false,
): PassResult {
  const { part, contentHash, bytes } = runPassPart(
    filePath,
    layout,
    mapping,
    { start: 0 },
    onProgress,
    shouldStop,
  );
  return { accumulated: importFromPart(part), contentHash, bytes };
}
