import { describe, expect, it } from 'vitest';
import { ImportAccumulator } from '../../../../shared/import/accumulate';
import type { ImportMapping } from '../../../../shared/import/mapping';

const mapping: ImportMapping = {
  shape: 'responses',
  dateFormat: 'auto',
  columns: [
    { role: 'touchpoint' },
    { role: 'date' },
    { role: 'score', metric: { kind: 'nps', key: 'nps', label: 'NPS', scaleMin: 0, scaleMax: 10 } },
    {
      role: 'score',
      metric: { kind: 'csat', key: 'csat', label: 'CSAT', scaleMin: 1, scaleMax: 5, topBoxMin: 4 },
    },
    { role: 'comment' },
  ],
};
const headers = ['Touchpoint', 'Date', 'NPS', 'CSAT', 'Comment'];

describe('ImportAccumulator (the per-row pass)', () => {
  it('counts scores per touchpoint value and date as written, with example rows', () => {
    const acc = new ImportAccumulator(mapping, headers);
    acc.addRows(
      [
        ['Checkout', '2025-03-14 10:22:31', '9', '5', 'Quick and easy, thank you'],
        ['Support', '14/03/2025', '3', '', ''],
        ['Checkout', ' 2025-03-14', '10', '4', ''], // the same day, written with a space
        ['Checkout', '2025-03-15T08:00:00', '', '2', ''],
        ['', '2025-03-15', '5', '5', ''], // no touchpoint
        ['Support', '14/03/2025', 'N/A', '9', ''], // no valid score
        ['Returns', '2025-03-16', '7', '3'], // ragged
      ],
      2,
    );
    const result = acc.finish();
    expect(result.rowsRead).toBe(7);
    expect(result.rowsRejected).toBe(3);
    expect([...result.touchpointRows]).toEqual([
      ['Checkout', 3],
      ['Support', 1],
    ]);
    expect(result.groups).toEqual([
      {
        touchpoint: 'Checkout',
        segment: '',
        date: '2025-03-14',
        rows: 2,
        counts: [
          [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1],
          [0, 0, 0, 1, 1],
        ],
        exampleRows: [2, 4],
      },
      {
        touchpoint: 'Checkout',
        segment: '',
        date: '2025-03-15',
        rows: 1,
        counts: [null, [0, 1, 0, 0, 0]],
        exampleRows: [5],
      },
      {
        touchpoint: 'Support',
        segment: '',
        date: '14/03/2025',
        rows: 1,
        counts: [[0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0], null],
        exampleRows: [3],
      },
    ]);
    expect(result.issues['missing-touchpoint']).toEqual({
      count: 1,
      examples: [{ row: 6, column: 'Touchpoint', value: null }],
    });
    expect(result.issues['not-a-number']?.examples).toEqual([{ row: 7, column: 'NPS', value: 'N/A' }]);
    expect(result.issues['out-of-range']?.examples).toEqual([{ row: 7, column: 'CSAT', value: '9' }]);
    expect(result.issues['no-score']?.examples).toEqual([{ row: 7, column: null, value: null }]);
    expect(result.issues['ragged-row']?.count).toBe(1);
    expect(result.comments).toEqual([
      {
        touchpoint: 'Checkout',
        segment: '',
        date: '2025-03-14',
        metricKey: 'nps',
        score: 9,
        text: 'Quick and easy, thank you',
      },
    ]);
  });

  it('keeps at most five example rows per group, and adds up blocks of rows', () => {
    const acc = new ImportAccumulator(mapping, headers);
    for (let block = 0; block < 3; block++)
      acc.addRows(
        Array.from({ length: 1000 }, (_, i) => ['Checkout', '2025-03-14', String(i % 11), '', '']),
        2 + block * 1000,
      );
    const [group] = acc.finish().groups;
    expect(group!.rows).toBe(3000);
    expect(group!.exampleRows).toEqual([2, 3, 4, 5, 6]);
    expect(group!.counts[0]!.reduce((s, c) => s + c, 0)).toBe(3000);
    expect(group!.counts[1]).toBeNull();
  });

  it('tells apart touchpoints and dates that the quick look-ups put in one slot', () => {
    const acc = new ImportAccumulator(mapping, headers);
    // Same length, first, middle and last characters: one touchpoint slot for both.
    const a = 'Axxxmxxxz';
    const b = 'Ayyymyyyz';
    const dates = [
      '2025-03-14',
      '2025-03-14 23:59:59',
      '2025-13-01', // no month 13: read as written, not as January of the next year
      '2026-01-01',
      '2025-02-31',
      '1999-12-31',
      '2025-03-14x', // not a timestamp
      '2O25-03-14', // a letter O
    ];
    const rows = dates.flatMap((date) => [
      [a, date, '9', '5', ''],
      [b, date, '8', '4', ''],
    ]);
    acc.addRows([...rows, ...rows], 2);
    const result = acc.finish();
    expect([...result.touchpointRows]).toEqual([
      [a, 16],
      [b, 16],
    ]);
    const groups = result.groups.map((g) => [g.touchpoint, g.date, g.rows]);
    expect(groups).toEqual(
      [a, b].flatMap((tp) => [
        [tp, '2025-03-14', 4],
        [tp, '2025-13-01', 2],
        [tp, '2026-01-01', 2],
        [tp, '2025-02-31', 2],
        [tp, '1999-12-31', 2],
        [tp, '2025-03-14x', 2],
        [tp, '2O25-03-14', 2],
      ]),
    );
  });

  it('groups rows the same past the 64 touchpoints and the dates the quick group look-up holds', () => {
    const acc = new ImportAccumulator(mapping, headers);
    const touchpoints = Array.from({ length: 70 }, (_, i) => `Touchpoint ${i}`);
    const days = ['2025-01-01', '2025-01-02', '03/01/2025'];
    const rows = days.flatMap((day) => touchpoints.map((tp, i) => [tp, day, String(i % 11), '', '']));
    acc.addRows([...rows, ...rows.reverse()], 2);
    const result = acc.finish();
    expect(result.groups).toHaveLength(70 * 3);
    expect(result.groups.every((g) => g.rows === 2)).toBe(true);
    expect(result.groups.slice(0, 3).map((g) => [g.touchpoint, g.date])).toEqual(
      days.map((day) => ['Touchpoint 0', day]),
    );
    expect(result.groups.at(-1)).toMatchObject({ touchpoint: 'Touchpoint 69', date: '03/01/2025' });
  });
});
