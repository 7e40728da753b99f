import { describe, expect, it } from 'vitest';
import { ImportAccumulator, resolveDates } from '../../../../shared/import/accumulate';
import { buildDatasetRows } from '../../../../shared/import/build-dataset';
import type { ImportMapping } from '../../../../shared/import/mapping';

/** The rows an import stores: one per touchpoint × metric × segment × day, counts added where they meet. */

const mapping: ImportMapping = {
  shape: 'responses',
  dateFormat: 'auto',
  columns: [
    { role: 'touchpoint' },
    { role: 'date' },
    {
      role: 'score',
      metric: { kind: 'csat', key: 'csat', label: 'CSAT', scaleMin: 1, scaleMax: 5, topBoxMin: 4 },
    },
  ],
};

function rowsOf(cells: string[][], assignment: Record<string, string | null>) {
  const acc = new ImportAccumulator(mapping, ['Touchpoint', 'Date', 'CSAT']);
  acc.addRows(cells, 2);
  const accumulated = acc.finish();
  return buildDatasetRows(
    accumulated,
    resolveDates(accumulated),
    new Map(Object.entries(assignment)),
    '2025-01-01',
  ).scoreDays.map((d) => [d.touchpointId, d.day, d.counts.join('')]);
}

describe('buildDatasetRows', () => {
  it('stores each touchpoint and day as its own row when nothing meets', () => {
    expect(
      rowsOf(
        [
          ['Checkout', '2025-03-14', '5'],
          ['Support', '2025-03-14', '1'],
          ['Checkout', '2025-03-15', '4'],
          ['Returns', '2025-03-15', '3'],
        ],
        { Checkout: 'tp-1', Support: 'tp-2', Returns: null },
      ),
    ).toEqual([
      ['tp-1', '2025-03-14', '00001'],
      ['tp-1', '2025-03-15', '00010'],
      ['tp-2', '2025-03-14', '10000'],
    ]);
  });

  it('adds up values mapped onto one touchpoint, and one day written two ways', () => {
    expect(
      rowsOf(
        [
          ['Checkout', '2025-03-14', '5'],
          ['Check-out', '2025-03-14', '5'],
          ['Checkout', '14/03/2025', '4'],
          ['Support', '2025-03-15', '1'],
        ],
        { Checkout: 'tp-1', 'Check-out': 'tp-1', Support: 'tp-2' },
      ),
    ).toEqual([
      ['tp-1', '2025-03-14', '00012'],
      ['tp-2', '2025-03-15', '10000'],
    ]);
    expect(
      rowsOf(
        [
          ['Checkout', '2025-03-14', '5'],
          ['Checkout', '14/03/2025', '4'],
        ],
        { Checkout: 'tp-1' },
      ),
    ).toEqual([['tp-1', '2025-03-14', '00011']]);
  });
});
