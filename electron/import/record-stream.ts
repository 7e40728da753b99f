import Papa from 'papaparse';
import { RowError } from '../../shared/import/row-error';
import type { FileLayout } from './csv-reader';

/**
 * The streaming pass over a whole file, kept apart from the head reading (csv-reader.ts) so the
 * import worker loads only this, the accumulator and PapaParse: not zod, the domain schemas or
 * chardet, which cost the worker's start-up about a tenth of a second.
 */

// Taken with getBuiltinModule, not imported: an ES import of a built-in module reads every one of
// its exports, and node:fs's lazy ones (ReadStream…) load Node's whole stream library into the
// worker at start-up (~2 ms of CPU per worker).
const fs = process.getBuiltinModule('node:fs');
const { createHash } = process.getBuiltinModule('node:crypto');

export const BLOCK_BYTES = 64 * 1024;
/** A record longer than this is a broken file (usually a quote that is never closed). */
export const MAX_RECORD_CHARS = 16 * 1024 * 1024;

export type Newline = '\r\n' | '\n' | '\r';

/** Spreadsheet column letters: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * Where the last complete record of `text` ends: the index of the last newline outside quotes, or
 * -1 when there is none. Quotes are counted with indexOf jumps, not per character.
 */
export function lastRecordEnd(text: string, newline: Newline): number {
  const nl = newline === '\r' ? '\r' : '\n';
  let pos = 0;
  let quoted = false;
  let last = -1;
  for (;;) {
    const q = text.indexOf('"', pos);
    if (q < 0) {
      if (!quoted) {
        const end = text.lastIndexOf(nl);
        if (end >= pos) last = end;
      }
      break;
    }
    if (!quoted) {
      const end = text.lastIndexOf(nl, q);
      if (end >= pos) last = end;
    }
    quoted = !quoted;
    pos = q + 1;
  }
  if (last > 0 && newline === '\r\n' && text.charCodeAt(last - 1) === 13) return last - 1;
  return last;
}

/**
 * Encodings whose quote, CR and LF bytes are never part of another character (UTF-8 and single-byte
 * encodings): there a record end can be found in the raw bytes, before decoding (see streamRecords),
 * and a file can be cut at a newline byte for two workers (split-pass.ts).
 */
export const BYTE_CUT_ENCODINGS: ReadonlySet<string> = new Set([
  'utf-8',
  'windows-1250',
  'windows-1251',
  'windows-1252',
  'iso-8859-1',
  'iso-8859-2',
  'iso-8859-15',
  'koi8-r',
]);

/**
 * lastRecordEnd on the raw bytes of an ASCII-compatible encoding: the index of the last newline
 * byte outside quotes in bytes[0, length) (of its CR for a CRLF), or -1 when there is none, or when
 * a CRLF file's last record ends in a bare LF (there lastRecordEnd cuts one character further, which
 * may be several bytes: the caller falls back to the string path). Buffer.indexOf is a native memchr.
 */
export function lastRecordEndInBytes(bytes: Buffer, length: number, newline: Newline): number {
  const nl = newline === '\r' ? 13 : 10;
  const view = length === bytes.length ? bytes : bytes.subarray(0, length);
  let pos = 0;
  let quoted = false;
  let last = -1;
  for (;;) {
    const q = view.indexOf(34, pos);
    if (q < 0) {
      if (!quoted) {
        const end = view.lastIndexOf(nl);
        if (end >= pos) last = end;
      }
      break;
    }
    if (!quoted && q > pos) {
      const end = view.lastIndexOf(nl, q - 1);
      if (end >= pos) last = end;
    }
    quoted = !quoted;
    pos = q + 1;
  }
  if (last >= 0 && newline === '\r\n') return last > 0 && view[last - 1] === 13 ? last - 1 : -1;
  return last;
}

export function quoteProblem(rowNumber: number, row: readonly string[] | undefined): RowError {
  const column = row ? columnLetter(Math.max(0, row.length - 1)) : 'A';
  return new RowError(
    'Row ',
    rowNumber,
    `, column ${column}: a quoted field is never closed (an unterminated quote), so the ` +
      'rest of the file cannot be read. Close the quote or remove it, and import again. Nothing was imported.',
  );
}

export interface PassProgress {
  rows: number;
  bytes: number;
}

export interface StreamOptions {
  /**
   * sha256 of the whole file's bytes (default true; the benchmark's parse-only baseline and a part
   * read from the middle turn it off).
   */
  hash?: boolean;
  /**
   * Read the records from this byte offset (default 0): the first byte after a newline. Rows are
   * then numbered from 1 at `start` and no header rows are skipped (the caller passes headerRows 0).
   */
  start?: number;
  /**
   * Stop reading records at this byte offset, the first byte after a newline. When that newline
   * turns out to be inside a quoted field, the reader goes on to the end of the file (`overran`).
   * The hash still covers the whole file: the bytes after `end` are read for it alone.
   */
  end?: number;
  /** Bytes read at a time (default BLOCK_BYTES; tests use small blocks to put record ends anywhere). */
  blockBytes?: number;
  /**
   * Find record ends in the bytes (default: for UTF-8 and single-byte encodings) or in the
   * decoded text (tests compare the two).
   */
  byteCuts?: boolean;
}

export interface StreamResult {
  /** '' when not hashed. */
  contentHash: string;
  /** Bytes read as records (from `start` to `end`, or to the end of the file). */
  bytes: number;
  /** Records read, header rows included. */
  records: number;
  /** `end` was inside a quoted field, so the whole rest of the file was read. */
  overran: boolean;
}

export interface RecordSink {
  /** Data records (header rows already skipped) with the file row number of records[0]. */
  (records: string[][], firstRow: number): void;
}

/**
 * Streams every record of the file through `sink` in blocks of 64 KB (small blocks keep the rows of
 * a block short-lived, so the young-generation GC frees them instead of promoting them), hashing the
 * bytes on the way (sha256, for "this file was imported before"; `hash: false` skips it, for the
 * benchmark's parse-only baseline). Synchronous: it runs in a worker thread. `shouldStop` is
 * polled between blocks.
 *
 * Each block goes to one reused PapaParse `Parser` (Papa's core, under Papa.parse and its
 * streamers). Papa.parse per block made a StringStreamer and a ParserHandle per call, and the
 * rows it returned survived young-generation collections: 18 scavenges of up to 100 ms for a
 * million rows instead of ~100 of under 1 ms. Papa.parse also drops a leading U+FEFF of its input;
 * so does this, to read files exactly as before.
 *
 * In UTF-8 and single-byte files (BYTE_CUT_ENCODINGS) the last record end of each block is found in
 * the bytes, and only the bytes up to it are decoded: the bytes after it stay in the buffer, ahead
 * of the next block. Decoding `carry + block` as strings instead made a cons string that V8 copied
 * into a flat one for every 64 KB block (~10 ms of CPU and 60 MB of garbage per million rows). The
 * text given to PapaParse is the same either way. A record longer than a whole block (or a CRLF
 * file's record ending in a bare LF) switches the rest of the part to the string path.
 */
export function streamRecords(
  filePath: string,
  layout: Pick<FileLayout, 'encoding' | 'delimiter' | 'newline' | 'headerRows' | 'fileName'>,
  sink: RecordSink,
  onProgress: (progress: PassProgress) => void = () => {},
  shouldStop: () => boolean = () => false,
  options: StreamOptions = {},
): StreamResult {
  const hash = options.hash === false ? null : createHash('sha256');
  const start = options.start ?? 0;
  const end = options.end ?? Infinity;
  if (hash && start > 0) throw new Error('Only a part read from the start of the file can hash it.');
  const blockBytes = options.blockBytes ?? BLOCK_BYTES;
  const encoding = layout.encoding.encoding;
  let cuts = options.byteCuts ?? BYTE_CUT_ENCODINGS.has(encoding);
  // The string path's decoder, in stream mode (made when that path starts: see below).
  let decoder = cuts ? null : new TextDecoder(encoding);
  // The byte path decodes each record run whole. A stream decoder drops a U+FEFF at the very start
  // of its stream only: so does `firstDecoder`, used until the first record end; `laterDecoder`
  // keeps it.
  const firstDecoder = new TextDecoder(encoding);
  const laterDecoder = new TextDecoder(encoding, { ignoreBOM: true });
  let fresh = true;
  /** The byte path: bytes after the last record end, at the start of `buffer`. */
  let held = 0;
  const newlineBytes = layout.newline.length;
  let buffer = Buffer.allocUnsafe(cuts ? 2 * blockBytes : blockBytes);
  const fd = fs.openSync(filePath, 'r');
  let bytes = 0;
  let position = start;
  let overran = false;
  let carry = '';
  let record = 0; // records seen so far, header rows included
  let skipBom = start === 0 ? layout.encoding.bomLength : 0;
  const parser = new Papa.Parser({ delimiter: layout.delimiter, newline: layout.newline, quoteChar: '"' });
  const parseBlock = (block: string, final: boolean) => {
    const text = block.charCodeAt(0) === 0xfeff ? block.slice(1) : block;
    if (text === '') return;
    const parsed = parser.parse(text, 0, false) as Papa.ParseResult<string[]>;
    const missing = parsed.errors.find((e) => e.code === 'MissingQuotes');
    if (missing && final) throw quoteProblem(record + (missing.row ?? 0) + 1, parsed.data[missing.row ?? 0]);
    let rows = parsed.data;
    let first = record + 1;
    record += rows.length;
    if (first <= layout.headerRows) {
      const skip = Math.min(rows.length, layout.headerRows - first + 1);
      rows = rows.slice(skip);
      first += skip;
    }
    if (rows.length > 0) sink(rows, first);
  };
  try {
    for (;;) {
      if (shouldStop()) break;
      const limit = overran ? blockBytes : Math.min(blockBytes, end - position);
      if (cuts && held + limit > buffer.length) {
        const grown = Buffer.allocUnsafe(Math.max(2 * buffer.length, held + limit));
        buffer.copy(grown, 0, 0, held);
        buffer = grown;
      }
      const offset = cuts ? held : 0;
      const n = fs.readSync(fd, buffer, offset, limit, position);
      const chunk = buffer.subarray(offset, offset + n);
      if (n > 0) hash?.update(chunk);
      bytes += n;
      position += n;
      let text: string;
      if (cuts) {
        let length = held + n;
        if (skipBom > 0) {
          buffer.copyWithin(0, skipBom, length);
          length -= Math.min(skipBom, length);
          skipBom = 0;
        }
        const recordEnd = n > 0 ? lastRecordEndInBytes(buffer, length, layout.newline) : -1;
        if (recordEnd >= 0) {
          const decoded = (fresh ? firstDecoder : laterDecoder).decode(buffer.subarray(0, recordEnd));
          fresh = false;
          const next = recordEnd + newlineBytes;
          held = Math.max(0, length - next);
          if (held > 0) buffer.copyWithin(0, next, length);
          parseBlock(decoded, false);
          onProgress({ rows: Math.max(0, record - layout.headerRows), bytes });
          if (position === end && !overran) {
            if (held === 0) break;
            overran = true; // as below
          }
          continue;
        }
        const rest = buffer.subarray(0, length);
        if (n === 0) text = (fresh ? firstDecoder : laterDecoder).decode(rest);
        else {
          // No record end in the bytes held: the string path from here on, starting from exactly
          // the text it would have had.
          cuts = false;
          decoder = new TextDecoder(encoding, { ignoreBOM: !fresh });
          text = decoder.decode(rest, { stream: true });
        }
        held = 0;
      } else {
        text = carry + decoder!.decode(skipBom > 0 ? chunk.subarray(skipBom) : chunk, { stream: n > 0 });
        skipBom = 0;
      }
      if (n === 0) {
        // The end: whatever is left is the last record (a final newline leaves nothing).
        if (text.endsWith(layout.newline)) text = text.slice(0, -layout.newline.length);
        if (text.length > 0) parseBlock(text, true);
        onProgress({ rows: Math.max(0, record - layout.headerRows), bytes });
        break;
      }
      const recordEnd = lastRecordEnd(text, layout.newline);
      if (recordEnd < 0) {
        carry = text;
        if (carry.length > MAX_RECORD_CHARS) throw quoteProblem(record + 1, undefined);
        if (position === end && !overran) overran = true;
        continue;
      }
      carry = text.slice(recordEnd + layout.newline.length);
      parseBlock(text.slice(0, recordEnd), false);
      if (carry.length > MAX_RECORD_CHARS) throw quoteProblem(record + 1, undefined);
      onProgress({ rows: Math.max(0, record - layout.headerRows), bytes });
      if (position === end && !overran) {
        if (carry === '') break;
        // `end` is inside a quoted field: this part cannot stop there, so it reads on to the end.
        overran = true;
      }
    }
    if (hash && position === end && !overran) {
      for (;;) {
        if (shouldStop()) break;
        const n = fs.readSync(fd, buffer, 0, blockBytes, position);
        if (n === 0) break;
        hash.update(buffer.subarray(0, n));
        position += n;
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return { contentHash: hash ? hash.digest('hex') : '', bytes, records: record, overran };
}
