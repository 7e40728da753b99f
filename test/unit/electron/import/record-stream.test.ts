import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  lastRecordEnd,
  lastRecordEndInBytes,
  streamRecords,
  type Newline,
  type StreamOptions,
} from '../../../../electron/import/record-stream';

/**
 * streamRecords finds record ends in the raw bytes of UTF-8 and single-byte files (the byte path)
 * and in decoded text otherwise (the string path). Both must hand PapaParse the same texts: every
 * record, batch, progress step, hash and error is compared here, with blocks of a few bytes so that
 * block ends fall everywhere (inside quotes, between CR and LF, inside a multi-byte character).
 */

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'js-record-stream-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let files = 0;
function write(content: Buffer): string {
  const file = path.join(dir, `f${(files += 1)}.csv`);
  fs.writeFileSync(file, content);
  return file;
}

interface Layout {
  encoding: { encoding: string; bomLength: number; label: string };
  delimiter: ',';
  newline: Newline;
  headerRows: number;
  fileName: string;
}

function layoutFor(encoding: string, newline: Newline, bomLength = 0): Layout {
  return {
    encoding: { encoding, bomLength, label: encoding },
    delimiter: ',',
    newline,
    headerRows: 1,
    fileName: 'f.csv',
  };
}

/** Everything streamRecords gives: batches with their first row numbers, progress, result or error. */
function run(file: string, layout: Layout, options: StreamOptions): unknown {
  const batches: [number, string[][]][] = [];
  const progress: [number, number][] = [];
  try {
    const result = streamRecords(
      file,
      layout,
      (records, firstRow) => batches.push([firstRow, records.map((r) => [...r])]),
      (p) => progress.push([p.rows, p.bytes]),
      () => false,
      options,
    );
    return { batches, progress, result };
  } catch (error) {
    return { batches, progress, error: (error as Error).message };
  }
}

/** The byte path and the string path give the same for every block size and split range. */
function expectSamePaths(file: string, layout: Layout, blockSizes: number[], ranges: StreamOptions[] = [{}]) {
  for (const blockBytes of blockSizes)
    for (const range of ranges) {
      const fromStart = (range.start ?? 0) === 0;
      const options = { ...range, hash: fromStart, blockBytes };
      // A part from the middle skips no header rows (as import-pass.ts reads it).
      const partLayout = fromStart ? layout : { ...layout, headerRows: 0 };
      const bytes = run(file, partLayout, { ...options, byteCuts: true });
      const text = run(file, partLayout, { ...options, byteCuts: false });
      expect(bytes, `blocks of ${blockBytes}, range ${JSON.stringify(range)}`).toEqual(text);
    }
}

/** Ranges starting or ending after each newline byte (as split-pass.ts cuts a file). */
function rangesOf(content: Buffer): StreamOptions[] {
  const ranges: StreamOptions[] = [{}];
  for (let i = 0; i < content.length - 1; i++)
    if (content[i] === 0x0a) ranges.push({ start: 0, end: i + 1 }, { start: i + 1 });
  return ranges;
}

const HEADER = 'Touchpoint,Date,NPS,CSAT,Plan,Comment';

/** Rows with quotes, doubled quotes, quoted newlines, blank cells, bad scores, three date formats. */
function messy(eol: string, touchpoint = 'Delivery'): string {
  const rows = [
    HEADER,
    `${touchpoint},2025-03-14 10:22:31,9,5,Gold,Fine`,
    `Checkout and payment,14/03/2025,9/10,,"Silver","Slow,${eol}but it worked"`,
    ` Order confirmation ,3/4/2025,N/A,4,,"She said ""ok"""`,
    '',
    `Returns,2025-04-01T08:00,10,6, Bronze ,"two${eol}${eol}lines"`,
    `,2025-03-15,,,Gold,`,
    `${touchpoint},not a date,7,1,Gold,"a ""quoted"" ${eol}end"`,
    `Delivery,2025-03-14,0,x,"Gold",last`,
  ];
  return rows.join(eol) + eol;
}

/**
 * Blocks shorter than a record (the byte path finds no record end and hands over to the string
 * path at once) and blocks of every size from about one record to a few (it cuts block after block).
 */
const SMALL_BLOCKS = [1, 2, 3, 5, 8, 16, ...Array.from({ length: 40 }, (_, i) => 48 + i * 3), 1000];

describe('streamRecords: record ends found in bytes read exactly as in text', () => {
  it('UTF-8 with LF and CRLF, quotes, blank lines and cells, bad scores, three date formats', () => {
    for (const [eol, newline] of [
      ['\n', '\n'],
      ['\r\n', '\r\n'],
      ['\r', '\r'],
    ] as const) {
      const content = Buffer.from(messy(eol, 'Livraison à domicile 😀'));
      expectSamePaths(write(content), layoutFor('utf-8', newline), SMALL_BLOCKS, rangesOf(content));
    }
  });

  it('a UTF-8 BOM, and a U+FEFF at the start of a record or of a split part', () => {
    const body = messy('\n')
      .replace('Returns', '\uFEFFReturns')
      .replace('\nDelivery,2025-03-14,0', '\n\uFEFF\uFEFFDelivery,2025-03-14,0');
    for (const [content, bom] of [
      [Buffer.from(`\uFEFF${body}`), 3],
      [Buffer.from(`\uFEFF\uFEFF${body}`), 3],
      [Buffer.from(body), 0],
    ] as const)
      expectSamePaths(write(content), layoutFor('utf-8', '\n', bom), SMALL_BLOCKS, rangesOf(content));
  });

  it('Windows-1252 bytes above 0x7f', () => {
    const content = Buffer.from(messy('\r\n', 'Caf\u00e9 \u00bfqu\u00e9 tal\u00bb'), 'latin1');
    expectSamePaths(write(content), layoutFor('windows-1252', '\r\n'), SMALL_BLOCKS, rangesOf(content));
  });

  it('invalid UTF-8 and a multi-byte character cut by block ends', () => {
    const content = Buffer.concat([
      Buffer.from(`${HEADER}\nDelivery,2025-03-14,9,5,Gold,`),
      Buffer.from([0xe2, 0x82]), // the start of "€" only
      Buffer.from('\nDelivery,2025-03-14,9,5,Gold,\u20ac\u{1f600}\n'),
      Buffer.from([0xf0, 0x9f, 0x98]), // an emoji cut short at the end of the file
    ]);
    expectSamePaths(write(content), layoutFor('utf-8', '\n'), SMALL_BLOCKS, rangesOf(content));
  });

  it('a CRLF file with bare LFs, before ASCII and before multi-byte characters', () => {
    const content = Buffer.from(
      `${HEADER}\r\nDelivery,2025-03-14,9,5,Gold,a\nDelivery,2025-03-14,9,5,Gold,b\n\u00e9t\u00e9,2025-03-14,9,5,Gold,c\r\n` +
        `Delivery,2025-03-14,9,5,Gold,d\n\u{1f600}x,2025-03-14,9,5,Gold,e\r\nDelivery,2025-03-15,8,4,,f\r\n`,
    );
    expectSamePaths(write(content), layoutFor('utf-8', '\r\n'), SMALL_BLOCKS, rangesOf(content));
  });

  it('records longer than a block, and an unterminated quote', () => {
    const long = `"${'x'.repeat(300)}\n${'é'.repeat(200)}"`;
    const content = Buffer.from(
      `${HEADER}\n\uFEFF\uFEFFDelivery,2025-03-14,9,5,Gold,${long}\nDelivery,2025-03-14,9,5,Gold,ok\n` +
        `Delivery,2025-03-15,9,5,Gold,"never closed\nDelivery,2025-03-14,9,5,Gold,ok\n`,
    );
    expectSamePaths(write(content), layoutFor('utf-8', '\n'), [...SMALL_BLOCKS, 100, 256], rangesOf(content));
    expect(run(write(content), layoutFor('utf-8', '\n'), { byteCuts: true })).toMatchObject({
      error: expect.stringMatching(/^Row 4, column F: a quoted field is never closed/),
    });
  });

  it('an empty file, a header alone, no final newline', () => {
    for (const text of [
      '',
      HEADER,
      `${HEADER}\n`,
      `${HEADER}\nDelivery,2025-03-14,9,5,Gold,ok`,
      `${HEADER}\n\uFEFF\uFEFFDelivery,2025-03-14,9,5,Gold,ok`,
    ]) {
      const content = Buffer.from(text);
      expectSamePaths(write(content), layoutFor('utf-8', '\n'), [1, 3, 64, 1000], rangesOf(content));
    }
  });

  it('reads a large file the same with the default 64 KB blocks', () => {
    const content = Buffer.from(messy('\n').repeat(3000));
    expectSamePaths(write(content), layoutFor('utf-8', '\n'), [64 * 1024], [{}, { start: 0, end: 100_001 }]);
  });
});

describe('lastRecordEndInBytes', () => {
  it('finds the record end lastRecordEnd finds, on every prefix of ASCII text', () => {
    for (const newline of ['\n', '\r\n', '\r'] as const) {
      const text = messy(newline === '\r\n' ? '\r\n' : newline);
      const bytes = Buffer.from(text);
      for (let length = 0; length <= text.length; length++)
        expect(lastRecordEndInBytes(bytes, length, newline), `${JSON.stringify(newline)} ${length}`).toBe(
          lastRecordEnd(text.slice(0, length), newline),
        );
    }
  });

  it('leaves a CRLF record ending in a bare LF to the string path', () => {
    expect(lastRecordEnd('a,b\nc', '\r\n')).toBe(3);
    expect(lastRecordEndInBytes(Buffer.from('a,b\nc'), 5, '\r\n')).toBe(-1);
    expect(lastRecordEndInBytes(Buffer.from('a,b\r\nc'), 6, '\r\n')).toBe(3);
  });
});
