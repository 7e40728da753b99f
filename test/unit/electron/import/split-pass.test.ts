import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLayout, type FileLayout } from '../../../../electron/import/csv-reader';
import { runImportPass, type PassResult } from '../../../../electron/import/import-pass';
import { canSplit, findSplitPoint } from '../../../../electron/import/split-pass';
import { runSplitPass } from '../../../helpers/split-pass';
import {
  ImportAccumulator,
  MAX_COMMENTS,
  importFromPart,
  type AccumulatedImport,
} from '../../../../shared/import/accumulate';
import { RESPONSES_MAPPING } from '../../../helpers/import-mappings';
import { mergeImportParts } from '../../../../shared/import/merge-parts';

/**
 * A large file is read as two parts by two workers and merged (split-pass.ts, merge-parts.ts). The
 * parts run here one after the other in this thread; the result must be exactly one reader's, for
 * every split point, including those inside a quoted field.
 */

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'js-split-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

const MAPPING = RESPONSES_MAPPING;

const pick = <T>(list: readonly T[], i: number, salt: number): T =>
  list[(i * 7 + salt * 13 + ((i * i) % 11)) % list.length]!;

/** Rows with every kind of problem the report counts, quoted newlines and doubled quotes. */
function messyCsv(rows: number, eol = '\n'): string {
  const touchpoints = [
    'Checkout and payment',
    ' Order confirmation ',
    'Delivery',
    'Unknown desk',
    '',
    'Returns',
  ];
  const dates = [
    '2025-03-14 10:22:31',
    '2025-03-15',
    '14/03/2025',
    '3/4/2025',
    '',
    'not a date',
    '2025-04-01T08:00',
  ];
  const nps = ['9', '10', '0', '9/10', 'N/A', '11', '', ' 7 '];
  const csat = ['5', '4', '1', '', '6', 'x'];
  const plans = ['Gold', 'Silver', '', ' Bronze ', 'Gold'];
  const comments = ['', '', 'Fine', '"Slow,\nbut it worked"', '"She said ""ok"""', '"two\n\nlines"', ''];
  const lines = ['Touchpoint,Date,NPS,CSAT,Plan,Comment'];
  for (let i = 0; i < rows; i++) {
    if (i % 41 === 17) {
      lines.push(''); // a blank line
      continue;
    }
    const cells = [
      pick(touchpoints, i, 1),
      pick(dates, i, 2),
      pick(nps, i, 3),
      pick(csat, i, 4),
      pick(plans, i, 5),
      pick(comments, i, 6),
    ];
    if (i % 37 === 5) cells.push('extra'); // a ragged row
    lines.push(cells.join(','));
  }
  return lines.join(eol) + eol;
}

/** The accumulated pass with its Map as a list, so the order of its entries is compared too. */
function comparable(pass: PassResult): unknown {
  const acc: AccumulatedImport = pass.accumulated;
  return { ...pass, accumulated: { ...acc, touchpointRows: [...acc.touchpointRows] } };
}

/** Every byte offset just after a newline, with whether that newline is inside a quoted field. */
function splitPoints(text: string): { at: number; quoted: boolean }[] {
  const bytes = Buffer.from(text);
  const points: { at: number; quoted: boolean }[] = [];
  let quoted = false;
  for (let i = 0; i < bytes.length - 1; i++) {
    if (bytes[i] === 0x22) quoted = !quoted;
    else if (bytes[i] === 0x0a) points.push({ at: i + 1, quoted });
  }
  return points;
}

function layoutOf(file: string): FileLayout {
  return readLayout(file, path.basename(file));
}

/**
 * The layout of a broken file, from its header row (a small file's head is the whole file, where
 * readLayout itself refuses an unterminated quote; in a large one the pass finds it).
 */
function layoutOfHead(text: string): FileLayout {
  const header = text.slice(0, text.indexOf('\n') + 1);
  return layoutOf(write('head.csv', `${header}Delivery,2025-03-14,9,5,Gold,ok\n`));
}

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the pass to fail');
}

describe('reading a file as two parts', () => {
  it('gives exactly one reader’s result at every split point, quoted newlines included', () => {
    const text = messyCsv(260);
    const file = write('messy.csv', text);
    const layout = layoutOf(file);
    const single = runImportPass(file, layout, MAPPING);
    expect(single.accumulated.rowsRejected).toBeGreaterThan(10);
    expect(Object.keys(single.accumulated.issues).length).toBeGreaterThanOrEqual(6);
    expect(single.accumulated.comments.some((c) => c.text.includes('\n'))).toBe(true);
    const points = splitPoints(text).slice(1); // after the header row
    expect(points.filter((p) => p.quoted).length).toBeGreaterThan(10);
    for (const { at, quoted } of points) {
      const split = runSplitPass(file, layout, MAPPING, at);
      // A split inside a quoted field is found out: the first part reads on to the end.
      expect(split.overran, `split at byte ${at}`).toBe(quoted);
      const { overran: _, ...pass } = split;
      expect(comparable(pass), `split at byte ${at}`).toEqual(comparable(single));
    }
  });

  it('numbers the second part’s rows as the file does: issue examples, group examples, comments', () => {
    const text = messyCsv(200);
    const file = write('rows.csv', text);
    const layout = layoutOf(file);
    const single = runImportPass(file, layout, MAPPING).accumulated;
    const at = splitPoints(text).filter((p) => !p.quoted)[150]!.at;
    const split = runSplitPass(file, layout, MAPPING, at).accumulated;
    // The rows of the examples in the second part are above the first part's rows.
    const rows = Object.values(split.issues).flatMap((t) => t!.examples.map((e) => e.row));
    expect(Math.max(...rows)).toBeGreaterThan(150);
    expect(split.issues).toEqual(single.issues);
    expect(split.groups.map((g) => g.exampleRows)).toEqual(single.groups.map((g) => g.exampleRows));
    expect(split.comments).toEqual(single.comments);
  });

  it('reads Windows line ends and splits only after a whole \\r\\n', () => {
    const text = messyCsv(120, '\r\n');
    const file = write('crlf.csv', text);
    const layout = layoutOf(file);
    expect(layout.newline).toBe('\r\n');
    const single = runImportPass(file, layout, MAPPING);
    for (const { at, quoted } of splitPoints(text).slice(1)) {
      const { overran, ...pass } = runSplitPass(file, layout, MAPPING, at);
      expect(overran).toBe(quoted);
      expect(comparable(pass)).toEqual(comparable(single));
    }
    const point = findSplitPoint(file, layout, fs.statSync(file).size)!;
    expect(text.slice(0, 4096)[Buffer.from(text).subarray(0, point).toString().length - 1]).toBe('\n');
  });

  it('reads a UTF-8 file with a byte-order mark and a Windows-1252 file the same at every split', () => {
    const text = messyCsv(90).replace(/Delivery/g, 'Livraison à domicile');
    const withBom = write('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    const latin = write('cp1252.csv', Buffer.from(text, 'latin1'));
    for (const [file, bytes] of [
      [withBom, 3],
      [latin, 0],
    ] as const) {
      const layout = layoutOf(file);
      expect(layout.encoding.bomLength).toBe(bytes);
      expect(canSplit(layout, MAPPING, 64 * 1024 * 1024)).toBe(true); // both are read by two workers
      const single = runImportPass(file, layout, MAPPING);
      expect([...single.accumulated.touchpointRows.keys()]).toContain('Livraison à domicile');
      const content = fs.readFileSync(file);
      for (let i = 0; i < content.length - 1; i++) {
        if (content[i] !== 0x0a) continue;
        const { overran: _, ...pass } = runSplitPass(file, layout, MAPPING, i + 1);
        expect(comparable(pass), `split at byte ${i + 1}`).toEqual(comparable(single));
      }
    }
  });

  it('stops at the same unterminated quote, with the file’s row number, wherever the split is', () => {
    const text = `${messyCsv(80)}Delivery,2025-03-14,9,5,Gold,"never closed\nDelivery,2025-03-14,9,5,Gold,ok\n`;
    const file = write('open-quote.csv', text);
    const layout = layoutOfHead(text);
    const expected = errorOf(() => runImportPass(file, layout, MAPPING));
    expect(expected).toMatch(/^Row \d+, column F: a quoted field is never closed/);
    for (const { at } of splitPoints(text).slice(1))
      expect(
        errorOf(() => runSplitPass(file, layout, MAPPING, at)),
        `split at byte ${at}`,
      ).toBe(expected);
  });

  it('stops at the first segment value too many, counted over both parts', () => {
    const lines = ['Touchpoint,Date,NPS,CSAT,Plan,Comment'];
    for (let i = 0; i < 90; i++) lines.push(`Delivery,2025-03-14,9,5,Plan ${i % 3 === 0 ? 1 : i},`);
    const text = `${lines.join('\n')}\n`;
    const file = write('plans.csv', text);
    const layout = layoutOf(file);
    const expected = errorOf(() => runImportPass(file, layout, MAPPING));
    expect(expected).toContain('holds more than 50 different values (row ');
    for (const { at } of splitPoints(text).slice(1))
      expect(
        errorOf(() => runSplitPass(file, layout, MAPPING, at)),
        `split at byte ${at}`,
      ).toBe(expected);
  });

  it('reports a segment value too many before a later quote problem in the second part', () => {
    const lines = ['Touchpoint,Date,NPS,CSAT,Plan,Comment'];
    for (let i = 0; i < 60; i++) lines.push(`Delivery,2025-03-14,9,5,Plan ${i},`);
    const text = `${lines.join('\n')}\nDelivery,2025-03-14,9,5,Gold,"never closed\n`;
    const file = write('plans-then-quote.csv', text);
    const layout = layoutOfHead(text);
    const expected = errorOf(() => runImportPass(file, layout, MAPPING));
    expect(expected).toContain('(row 52: “Plan 50”)');
    for (const { at } of splitPoints(text).slice(1))
      expect(
        errorOf(() => runSplitPass(file, layout, MAPPING, at)),
        `split at byte ${at}`,
      ).toBe(expected);
  });

  it('keeps the first comments up to the limit, and counts the rest, across the parts', () => {
    const headers = ['Touchpoint', 'Date', 'NPS', 'CSAT', 'Plan', 'Comment'];
    const rows = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => ['Delivery', '2025-03-14', '9', '5', 'Gold', `c${from + i}`]);
    const firstRows = rows(0, MAX_COMMENTS - 1000);
    const secondRows = rows(MAX_COMMENTS - 1000, 3000);
    const single = new ImportAccumulator(MAPPING, headers);
    single.addRows(firstRows, 2);
    single.addRows(secondRows, 2 + firstRows.length);
    const a = new ImportAccumulator(MAPPING, headers);
    a.addRows(firstRows, 2);
    const b = new ImportAccumulator(MAPPING, headers);
    b.addRows(secondRows, 1);
    const merged = importFromPart(mergeImportParts(a.finishPart(), b.finishPart(), 1 + firstRows.length));
    const expected = single.finish();
    expect(merged.comments.length).toBe(MAX_COMMENTS);
    expect(merged.commentsDropped).toBe(2000);
    expect(merged.comments.at(-1)!.text).toBe(expected.comments.at(-1)!.text);
    expect({ ...merged, comments: merged.comments.length }).toEqual({
      ...expected,
      comments: expected.comments.length,
    });
  });
});

describe('the split point', () => {
  it('is a record start past the middle, not a newline inside a long quoted comment', () => {
    const lines = ['Touchpoint,Date,NPS,CSAT,Plan,Comment'];
    const long = Array.from({ length: 30 }, (_, i) => `line ${i}, still the same comment`).join('\n');
    for (let i = 0; i < 400; i++) lines.push(`Delivery,2025-03-14,9,5,Gold,"${long}"`);
    const text = `${lines.join('\n')}\n`;
    const file = write('long-comments.csv', text);
    const layout = layoutOf(file);
    const size = fs.statSync(file).size;
    const point = findSplitPoint(file, layout, size)!;
    expect(point).toBeGreaterThanOrEqual(size / 2);
    const before = Buffer.from(text).subarray(0, point).toString();
    expect(before.split('"').length % 2).toBe(1); // an even number of quotes: outside a field
    expect(before.endsWith('\n')).toBe(true);
    const { overran } = runSplitPass(file, layout, MAPPING, point);
    expect(overran).toBe(false);
  });

  it('is not looked for in UTF-16, in aggregate files or in small files', () => {
    const utf8 = { encoding: { encoding: 'utf-8', bomLength: 0, label: 'UTF-8' } };
    const utf16 = { encoding: { encoding: 'utf-16le', bomLength: 2, label: 'UTF-16 LE (with BOM)' } };
    const big = 64 * 1024 * 1024;
    expect(canSplit(utf8, { shape: 'responses' }, big)).toBe(true);
    expect(canSplit(utf16, { shape: 'responses' }, big)).toBe(false);
    expect(canSplit(utf8, { shape: 'aggregates' }, big)).toBe(false);
    expect(canSplit(utf8, { shape: 'responses' }, 1024 * 1024)).toBe(false);
  });
});
