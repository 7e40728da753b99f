import fs from 'node:fs';
import { importFromPart } from '../../shared/import/accumulate';
import type { ImportMapping } from '../../shared/import/mapping';
import { mergeImportParts, segmentOverflow } from '../../shared/import/merge-parts';
import { RowError } from '../../shared/import/row-error';
import type { PartResult, PartRowErrorData, PassLayout, PassResult } from './import-pass';
import { BYTE_CUT_ENCODINGS } from './record-stream';

/**
 * A large file read by two workers at once: the first reads from the start to a split point (and
 * hashes the whole file), the second from the split point to the end; their parts are merged into
 * exactly what one reader gives (shared/import/merge-parts.ts).
 *
 * The split point is the first byte after a newline near the middle. Whether that newline ends a
 * record or sits inside a quoted field depends on every quote before it, so the choice is checked,
 * not assumed: the first part stops there only if its reader is between records at that byte;
 * otherwise it reads on to the end of the file alone (`overran`) and the second part is dropped.
 * To make that rare, the split point is a newline after which the next record, read as if it
 * started there, has as many fields as the header.
 *
 * UTF-8 and single-byte encodings only: there a newline or quote byte is never part of another
 * character. UTF-16 files, aggregate files (whose duplicate check spans the file) and small files
 * are read by one worker.
 */

/** Files smaller than this are read by one worker: a second one's start-up would cost more than it saves. */
export const SPLIT_MIN_BYTES = 8 * 1024 * 1024;
/** How far past the middle the split point is looked for. */
const WINDOW_BYTES = 256 * 1024;
/** Candidate newlines checked for a record of the header's width after them. */
const CANDIDATES = 64;

export function canSplit(
  layout: Pick<PassLayout, 'encoding'>,
  mapping: Pick<ImportMapping, 'shape'>,
  byteSize: number,
  minBytes = SPLIT_MIN_BYTES,
): boolean {
  return (
    mapping.shape === 'responses' && BYTE_CUT_ENCODINGS.has(layout.encoding.encoding) && byteSize >= minBytes
  );
}

/**
 * The number of fields of the record starting at `from` (read as if no quote were open there), or
 * -1 when it does not end inside `bytes`.
 */
function fieldsAt(bytes: Uint8Array, from: number, delimiter: number, newline: number): number {
  let quoted = false;
  let fields = 1;
  for (let i = from; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x22) quoted = !quoted;
    else if (!quoted && b === delimiter) fields += 1;
    else if (!quoted && b === newline) return fields;
  }
  return -1;
}

/**
 * Where the second part starts: the first byte after a newline at or after `fraction` of the file,
 * preferring one followed by a record as wide as the header. Null when there is no newline near.
 */
export function findSplitPoint(
  filePath: string,
  layout: Pick<PassLayout, 'delimiter' | 'newline' | 'headers'>,
  byteSize: number,
  fraction = 0.5,
): number | null {
  const from = Math.floor(byteSize * fraction);
  const bytes = Buffer.alloc(Math.min(WINDOW_BYTES, byteSize - from));
  const fd = fs.openSync(filePath, 'r');
  let read = 0;
  try {
    while (read < bytes.length) {
      const n = fs.readSync(fd, bytes, read, bytes.length - read, from + read);
      if (n === 0) break;
      read += n;
    }
  } finally {
    fs.closeSync(fd);
  }
  const window = bytes.subarray(0, read);
  const newline = layout.newline === '\r' ? 0x0d : 0x0a;
  const delimiter = layout.delimiter.charCodeAt(0);
  const width = layout.headers.length;
  let first: number | null = null;
  let candidates = 0;
  for (
    let i = window.indexOf(newline);
    i >= 0 && candidates < CANDIDATES;
    i = window.indexOf(newline, i + 1)
  ) {
    if (layout.newline === '\r\n' && (i === 0 || window[i - 1] !== 0x0d)) continue;
    const start = from + i + 1;
    if (start >= byteSize) break;
    candidates += 1;
    first ??= start;
    if (fieldsAt(window, i + 1, delimiter, newline) === width) return start;
  }
  return first;
}

/** The column label the accumulator names in its segment message. */
function segmentColumn(layout: PassLayout, mapping: ImportMapping): string {
  const index = mapping.columns.findIndex((c) => c.role === 'segment');
  return layout.headers[index] ?? `column ${index + 1}`;
}

/**
 * The file's result from a first part that stopped at the split point and the second part (its
 * result, or the row error it stopped at): the merged parts, or the error one reader would have
 * stopped at first (thrown as a RowError with the file's row number).
 */
export function combineParts(
  first: PartResult,
  second: PartResult | PartRowErrorData,
  layout: PassLayout,
  mapping: ImportMapping,
): PassResult {
  const offset = first.records;
  if (!('part' in second)) {
    const overflow = segmentOverflow(first.part, second.seen, offset, segmentColumn(layout, mapping));
    if (overflow && overflow.row < second.row + offset) throw overflow;
    throw RowError.fromData(second, offset);
  }
  const overflow = segmentOverflow(first.part, second.part, offset, segmentColumn(layout, mapping));
  if (overflow) throw overflow;
  return {
    accumulated: importFromPart(mergeImportParts(first.part, second.part, offset)),
    contentHash: first.contentHash,
    bytes: first.bytes + second.bytes,
  };
}
