import { describe, expect, it } from 'vitest';
import {
  countReport,
  ImportAccumulator,
  MAX_SEGMENTS,
  resolveDates,
} from '../../../../shared/import/accumulate';
import { buildDatasetRows } from '../../../../shared/import/build-dataset';
import { guessMapping } from '../../../../shared/import/guess';
import { mappingProblem, type ImportMapping } from '../../../../shared/import/mapping';

/** The segment column of raw responses: guessed, checked, counted per segment, built into rows. */

const nps = { kind: 'nps', key: 'nps', label: 'NPS', scaleMin: 0, scaleMax: 10 } as const;
const mapping: ImportMapping = {
  shape: 'responses',
  dateFormat: 'auto',
  columns: [
    { role: 'touchpoint' },
    { role: 'date' },
    { role: 'score', metric: nps },
    { role: 'segment' },
    { role: 'comment' },
  ],
};
const headers = ['Touchpoint', 'Date', 'NPS', 'Plan', 'Comment'];

describe('guessing the segment column', () => {
  it('takes a header naming a customer group over short text values', () => {
    for (const header of ['Segment', 'Plan', 'Tier', 'Region', 'Customer type', 'customer_segment']) {
      const guessed = guessMapping(
        ['Touchpoint', 'Date', 'NPS', header],
        ['', '', '', ''],
        [
          ['Checkout', '2025-01-02', '9', 'Premium'],
          ['Checkout', '2025-01-03', '3', 'Standard'],
        ],
      );
      expect(guessed.columns.map((c) => c.role)).toEqual(['touchpoint', 'date', 'score', 'segment']);
    }
  });

  it('leaves numbers, dates and other headers alone', () => {
    const roles = (header: string, values: string[]) =>
      guessMapping(
        ['Touchpoint', 'NPS', header],
        ['', '', ''],
        values.map((v) => ['Checkout', '9', v]),
      ).columns[2]!.role;
    expect(roles('Region', ['12', '14'])).toBe('ignore');
    expect(roles('Type', ['Premium', 'Standard'])).toBe('ignore');
    expect(roles('Plan', ['Premium', 'Standard'])).toBe('segment');
  });

  it('allows one segment column, and only in files of raw responses', () => {
    const two: ImportMapping = { ...mapping, columns: [...mapping.columns, { role: 'segment' }] };
    expect(mappingProblem(two, [...headers, 'Region'])).toBe('Choose at most one segment column.');
    expect(mappingProblem(mapping, headers)).toBeNull();
    const aggregates: ImportMapping = {
      shape: 'aggregates',
      dateFormat: 'auto',
      columns: [
        { role: 'touchpoint' },
        { role: 'metric' },
        { role: 'value' },
        { role: 'period' },
        { role: 'segment' },
      ],
    };
    expect(mappingProblem(aggregates, ['a', 'b', 'c', 'd', 'e'])).toMatch(
      /segment columns belong to files of raw responses/,
    );
  });
});

describe('the pass with a segment column', () => {
  const rows = [
    ['Checkout', '2025-01-02', '10', 'Premium', 'Easy'],
    ['Checkout', '2025-01-02', '2', 'Standard', 'Awful'],
    ['Checkout', '2025-01-02', '9', ' Premium ', ''], // spaces around: the same segment
    ['Checkout', '2025-01-02', '0', '', 'No plan given'], // blank: no segment, counted
    ['Checkout', '2025-01-03', '8', 'Standard', ''],
    ['Checkout', '2025-01-03', 'N/A', '', ''], // rejected (no score): its blank segment is not counted
  ];

  it('keeps one group per touchpoint, segment and date, and counts blank segments without rejecting them', () => {
    const acc = new ImportAccumulator(mapping, headers);
    acc.addRows(rows, 2);
    const result = acc.finish();
    expect(result.rowsRejected).toBe(1);
    expect(result.hasSegment).toBe(true);
    expect(result.groups.map((g) => [g.segment, g.date, g.rows])).toEqual([
      ['Premium', '2025-01-02', 2],
      ['Standard', '2025-01-02', 1],
      ['', '2025-01-02', 1],
      ['Standard', '2025-01-03', 1],
    ]);
    expect(result.issues['blank-segment']).toEqual({
      count: 1,
      examples: [{ row: 5, column: 'Plan', value: null }],
    });
    expect(result.comments.map((c) => [c.text, c.segment])).toEqual([
      ['Easy', 'Premium'],
      ['Awful', 'Standard'],
      ['No plan given', ''],
    ]);

    const dates = resolveDates(result);
    const report = countReport(result, dates);
    expect(report.rowsAccepted).toBe(5);
    expect([...report.segmentRows]).toEqual([
      ['Premium', 2],
      ['Standard', 2],
      ['', 1],
    ]);
    // The blank-segment note comes after the row-rejecting reasons.
    expect(report.issues[0]!.reason).toBe('no-score');
    expect(
      report.issues
        .slice(1)
        .map((i) => i.reason)
        .sort(),
    ).toEqual(['blank-segment', 'not-a-number']);

    const built = buildDatasetRows(result, dates, new Map([['Checkout', 'tp-1']]), '2025-06-01');
    expect(built.scoreDays.map((d) => [d.segment, d.day, d.counts.reduce((a, b) => a + b, 0)])).toEqual([
      ['Premium', '2025-01-02', 2],
      ['Standard', '2025-01-02', 1],
      ['', '2025-01-02', 1],
      ['Standard', '2025-01-03', 1],
    ]);
    expect(built.comments.map((c) => c.segment)).toEqual(['Premium', 'Standard', '']);
  });

  it('has no segments without a segment column', () => {
    const plain: ImportMapping = {
      ...mapping,
      columns: mapping.columns.map((c) => (c.role === 'segment' ? { role: 'ignore' } : c)),
    };
    const acc = new ImportAccumulator(plain, headers);
    acc.addRows(rows, 2);
    const result = acc.finish();
    expect(result.hasSegment).toBe(false);
    expect(new Set(result.groups.map((g) => g.segment))).toEqual(new Set(['']));
    expect(result.issues['blank-segment']).toBeUndefined();
    expect(countReport(result, resolveDates(result)).segmentRows.size).toBe(0);
  });

  it('stops with a clear message when the column holds more values than a segment can', () => {
    const acc = new ImportAccumulator(mapping, headers);
    const many = Array.from({ length: MAX_SEGMENTS + 1 }, (_, i) => [
      'Checkout',
      '2025-01-02',
      '9',
      `customer-${i}`,
      '',
    ]);
    expect(() => acc.addRows(many, 2)).toThrow(
      `The segment column “Plan” holds more than ${MAX_SEGMENTS} different values (row ${MAX_SEGMENTS + 2}: “customer-${MAX_SEGMENTS}”).`,
    );
  });
});
