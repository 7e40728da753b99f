import fs from 'node:fs';
import Papa from 'papaparse';
import { AppError } from '../../shared/api/result';
import { DELIMITERS, MAX_COLUMNS, type Delimiter, type FileFormat } from '../../shared/import/mapping';
import { columnLetter, lastRecordEnd, quoteProblem, type Newline } from './record-stream';
import { detectEncoding, type DetectedEncoding } from './text-encoding';

/**
 * Reading delimited text files: the dialect (delimiter, line ends), the header rows of survey
 * exports, and a streaming pass over the records in blocks, so a file of any size is read in
 * bounded memory. Parsing is PapaParse's (it reports unterminated quotes with the row, which a
 * user needs to fix a file); we cut the text into blocks that end on a record boundary (a newline
 * outside quotes) and hand each block to Papa.
 */

export const HEAD_BYTES = 256 * 1024;
export const PREVIEW_ROWS = 20;

export interface FileLayout {
  fileName: string;
  byteSize: number;
  encoding: DetectedEncoding;
  delimiter: Delimiter;
  newline: Newline;
  format: FileFormat;
  headerRows: number;
  headers: string[];
  subHeaders: string[];
  /** Data rows from the head of the file (at most PREVIEW_ROWS × 10, for guessing). */
  sampleRows: string[][];
  warnings: string[];
}

export function detectNewline(text: string): Newline {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  if (cr >= 0 && (lf < 0 || cr < lf)) return text[cr + 1] === '\n' ? '\r\n' : '\r';
  return '\n';
}

/** Counts the delimiter outside quotes on each of the first lines; the steadiest, most frequent wins. */
export function detectDelimiter(text: string, newline: Newline): Delimiter {
  const lines: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length && lines.length < 30; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    if (!quoted && c === newline[0]) {
      lines.push(current);
      current = '';
      if (newline === '\r\n') i += 1;
      continue;
    }
    if (!quoted) current += c;
  }
  if (current !== '' && lines.length < 30) lines.push(current);
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    const counts = lines.filter((l) => l.length > 0).map((l) => l.split(delimiter).length - 1);
    if (counts.length === 0) continue;
    const first = counts[0]!;
    if (first === 0) continue;
    const steady = counts.filter((c) => c === first).length / counts.length;
    const score = steady * 10 + Math.min(first, 50) / 50;
    if (score > bestScore) {
      bestScore = score;
      best = delimiter;
    }
  }
  return best;
}

function isQualtrics(rows: string[][]): boolean {
  const third = rows[2];
  if (!third) return false;
  const filled = third.filter((c) => c.trim() !== '');
  return (
    filled.length > 0 && filled.filter((c) => /^\{\s*"ImportId"/.test(c.trim())).length >= filled.length * 0.8
  );
}

function isSurveyMonkey(rows: string[][]): boolean {
  const first = (rows[0] ?? []).map((c) => c.trim().toLowerCase());
  return first.includes('respondent id') && (first.includes('collector id') || first.includes('start date'));
}

/** "Score", "Score" → "Score", "Score (2)", with a warning naming the columns. */
export function uniqueHeaders(raw: readonly string[]): { headers: string[]; warnings: string[] } {
  const seen = new Map<string, number[]>();
  const headers = raw.map((h, index) => {
    const name = h.trim() === '' ? `Column ${columnLetter(index)}` : h.trim();
    const key = name.toLowerCase();
    const list = seen.get(key) ?? [];
    list.push(index);
    seen.set(key, list);
    return list.length > 1 ? `${name} (${list.length})` : name;
  });
  const warnings: string[] = [];
  for (const [, indexes] of seen) {
    if (indexes.length < 2) continue;
    const name = raw[indexes[0]!]!.trim();
    warnings.push(
      `${indexes.length} columns are named “${name}” (columns ${indexes.map(columnLetter).join(', ')}); ` +
        `they are shown as ${indexes.map((_, i) => (i === 0 ? `“${name}”` : `“${name} (${i + 1})”`)).join(', ')}.`,
    );
  }
  return { headers, warnings };
}

function readHeadBytes(filePath: string, byteSize: number): Uint8Array {
  const length = Math.min(byteSize, HEAD_BYTES);
  const buffer = Buffer.alloc(length);
  const fd = fs.openSync(filePath, 'r');
  try {
    let read = 0;
    while (read < length) {
      const n = fs.readSync(fd, buffer, read, length - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads the head of a file and works out its layout, or says clearly why it cannot be imported. */
export function readLayout(filePath: string, fileName: string): FileLayout {
  let byteSize: number;
  try {
    byteSize = fs.statSync(filePath).size;
  } catch {
    throw new AppError('not-found', `The file “${fileName}” could not be opened.`);
  }
  if (byteSize === 0)
    throw new AppError('invalid-input', `“${fileName}” is empty: there is nothing to import.`);
  const head = readHeadBytes(filePath, byteSize);
  const encoding = detectEncoding(head, `“${fileName}”`);
  const whole = head.length >= byteSize;
  let text = new TextDecoder(encoding.encoding).decode(head.subarray(encoding.bomLength), { stream: !whole });
  if (text.trim() === '')
    throw new AppError('invalid-input', `“${fileName}” is empty: there is nothing to import.`);
  const newline = detectNewline(text);
  const delimiter = detectDelimiter(text, newline);
  if (!whole) {
    const end = lastRecordEnd(text, newline);
    if (end < 0)
      throw new AppError(
        'invalid-input',
        `Row 1 of “${fileName}” is longer than ${HEAD_BYTES / 1024} KB: this does not look like a table ` +
          '(or a quote is never closed).',
      );
    text = text.slice(0, end);
  }
  const parsed = Papa.parse<string[]>(text, { delimiter, newline, quoteChar: '"' });
  const rows = parsed.data.filter((r, i) => !(r.length === 1 && r[0] === '' && i === parsed.data.length - 1));
  const missing = parsed.errors.find((e) => e.code === 'MissingQuotes');
  if (missing && whole) throw quoteProblem((missing.row ?? 0) + 1, rows[missing.row ?? 0]);
  const format: FileFormat = isQualtrics(rows)
    ? 'qualtrics'
    : isSurveyMonkey(rows)
      ? 'surveymonkey'
      : delimiter === '\t'
        ? 'tsv'
        : 'csv';
  const headerRows = format === 'qualtrics' ? 3 : format === 'surveymonkey' ? 2 : 1;
  const rawHeaders = rows[0] ?? [];
  if (rawHeaders.length > MAX_COLUMNS)
    throw new AppError(
      'invalid-input',
      `Row 1 of “${fileName}” has ${rawHeaders.length.toLocaleString('en')} columns; Journey Studio imports ` +
        `at most ${MAX_COLUMNS.toLocaleString('en')}. Remove the columns you do not need, or check the delimiter.`,
    );
  let headerCells = rawHeaders;
  let subHeaders = rawHeaders.map(() => '');
  if (format === 'qualtrics') subHeaders = (rows[1] ?? []).map((c) => c.trim());
  if (format === 'surveymonkey') {
    // Question text spans its answer columns: carry it forward, the second row names the option.
    let carried = '';
    headerCells = rawHeaders.map((cell, i) => {
      if (cell.trim() !== '') carried = cell.trim();
      const sub = (rows[1]?.[i] ?? '').trim();
      return cell.trim() !== '' ? cell : sub && sub !== 'Response' ? `${carried} – ${sub}` : carried;
    });
    subHeaders = (rows[1] ?? []).map((c) => c.trim());
  }
  const { headers, warnings } = uniqueHeaders(headerCells);
  const sampleRows = rows.slice(headerRows, headerRows + PREVIEW_ROWS * 10);
  if (sampleRows.length === 0 && whole)
    throw new AppError(
      'invalid-input',
      `“${fileName}” has a header row but no data rows below it: there is nothing to import.`,
    );
  if (headers.length < 2)
    throw new AppError(
      'invalid-input',
      `Row 1 of “${fileName}” has a single column: Journey Studio could not find a comma, semicolon, ` +
        'tab or pipe between the columns. An import needs at least a touchpoint column and a score or value column.',
    );
  return {
    fileName,
    byteSize,
    encoding,
    delimiter,
    newline,
    format,
    headerRows,
    headers,
    subHeaders: headers.map((_, i) => subHeaders[i] ?? ''),
    sampleRows,
    warnings,
  };
}
