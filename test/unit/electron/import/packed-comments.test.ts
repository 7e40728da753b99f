import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readLayout } from '../../../../electron/import/csv-reader';
import { runPassPart } from '../../../../electron/import/import-pass';
import Papa from 'papaparse';
import type { PendingComment } from '../../../../shared/import/accumulate';
import { unpackComments } from '../../../../shared/import/comment-table';
import { RESPONSES_MAPPING } from '../../../helpers/import-mappings';
import { datePart, parseScore } from '../../../../shared/import/values';
import { cutWithEllipsis } from '../../../../shared/text/cut';

/**
 * A worker reads its part with the comments collected straight into their packed form
 * (runPassPart's packComments): unpacked, they must be exactly the comments one reader keeps.
 */

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'js-packed-comments-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const MAPPING = RESPONSES_MAPPING;

/** The comments of a file with MAPPING's columns, by the rules the report states, row by row. */
function expectedComments(text: string): PendingComment[] {
  const rows = Papa.parse<string[]>(text, { delimiter: ',', newline: '\r\n' }).data.slice(1);
  const comments: PendingComment[] = [];
  const scales = [
    ['nps', 0, 10],
    ['csat', 1, 5],
  ] as const;
  for (const [touchpointCell, dateCell, npsCell, csatCell, segmentCell, commentCell] of rows) {
    if (commentCell === undefined) continue; // a blank line or a ragged row
    const touchpoint = touchpointCell!.trim();
    const date = datePart(dateCell!);
    if (touchpoint === '' || date === '') continue;
    const scored = [npsCell!, csatCell!]
      .map((cell, m) => ({ key: scales[m]![0], score: parseScore(cell), m }))
      .find(({ score, m }) => typeof score === 'number' && score >= scales[m]![1] && score <= scales[m]![2]);
    if (!scored) continue;
    const comment = commentCell.trim();
    if (comment === '') continue;
    comments.push({
      touchpoint,
      segment: segmentCell!.trim(),
      date,
      metricKey: scored.key,
      score: scored.score as number,
      text: cutWithEllipsis(comment, 2000),
    });
  }
  return comments;
}

it('hands over packed exactly the comments of the file, over many blocks, with every kind of row', () => {
  const touchpoints = [
    'Checkout and payment',
    ' Order confirmation ',
    'Delivery',
    '',
    'Livraison à domicile',
  ];
  const dates = ['2025-03-14 10:22:31', '2025-03-15', '14/03/2025', '3/4/2025', '', 'not a date'];
  const nps = ['9', '10', '0', '9/10', 'N/A', '11', '', ' 7 '];
  const csat = ['5', '4', '', '6', 'x'];
  const plans = ['Gold', 'Silver', '', ' Bronze '];
  const comments = [
    '',
    'Fine',
    '"Slow,\nbut it worked"',
    '"She said ""ok"" 😀"',
    '  padded  ',
    `"${'long '.repeat(500)}"`, // cut to 2000 characters with an ellipsis
    '',
    '',
  ];
  const lines = ['Touchpoint,Date,NPS,CSAT,Plan,Comment'];
  for (let i = 0; i < 40_000; i++) {
    const pick = <T>(list: readonly T[], salt: number) =>
      list[(i * 7 + salt * 13 + ((i * i) % 11)) % list.length]!;
    lines.push(
      [
        pick(touchpoints, 1),
        pick(dates, 2),
        pick(nps, 3),
        pick(csat, 4),
        pick(plans, 5),
        pick(comments, 6),
      ].join(','),
    );
  }
  const file = path.join(dir, 'comments.csv');
  fs.writeFileSync(file, `${lines.join('\r\n')}\r\n`);
  const layout = readLayout(file, 'comments.csv');
  const objects = runPassPart(file, layout, MAPPING);
  const packed = runPassPart(file, layout, MAPPING, { start: 0 }, undefined, undefined, {
    packComments: true,
  });
  expect(objects.part.comments.length).toBeGreaterThan(10_000);
  const expected = expectedComments(fs.readFileSync(file, 'utf8'));
  expect(objects.part.comments).toEqual(expected);
  expect(packed.part.comments).toEqual([]);
  const { packedComments, ...rest } = packed;
  expect(unpackComments(packed.part, packedComments!)).toEqual(expected);
  expect({ ...rest, part: { ...rest.part, comments: objects.part.comments } }).toEqual(objects);
});
