import { describe, expect, it } from 'vitest';
import { guessMapping } from '../../../../shared/import/guess';
import { mappingProblem } from '../../../../shared/import/mapping';
import { matchTouchpointValues, normalizeName } from '../../../../shared/import/matching';
import { headerSignature } from '../../../../shared/import/signature';

const touchpoints = [
  { id: 'tp-checkout', name: 'Checkout and payment', metricKey: '' },
  { id: 'tp-support', name: 'Wrong item: support call', metricKey: 'SUPPORT_LINE' },
  { id: 'tp-ship', name: 'Shipping updates', metricKey: '' },
];

describe('touchpoint matching', () => {
  it('ignores case, spacing and punctuation', () => {
    expect(normalizeName('  Check-out & Payment! ')).toBe('checkoutandpayment');
  });

  it('matches by metric key first, then by name; suggests the closest names for the rest', () => {
    const result = matchTouchpointValues(
      new Map([
        ['support line', 40],
        ['CHECKOUT AND PAYMENT', 30],
        ['Shiping update', 12],
        ['Lunch', 3],
      ]),
      touchpoints,
    );
    const by = Object.fromEntries(result.map((r) => [r.value, r]));
    expect(by['support line']!.match).toEqual({ touchpointId: 'tp-support', by: 'metric-key' });
    expect(by['CHECKOUT AND PAYMENT']!.match).toEqual({ touchpointId: 'tp-checkout', by: 'name' });
    expect(by['Shiping update']!.match).toBeNull();
    expect(by['Shiping update']!.suggestions[0]).toMatchObject({ touchpointId: 'tp-ship' });
    expect(by['Lunch']!.suggestions).toEqual([]);
    // Unmatched first, by rows: they need a decision.
    expect(result.map((r) => r.value)).toEqual([
      'Shiping update',
      'Lunch',
      'support line',
      'CHECKOUT AND PAYMENT',
    ]);
  });
});

describe('guessing a mapping', () => {
  it('reads roles and scales from header names and values', () => {
    const headers = [
      'Respondent',
      'Touchpoint',
      'Submitted',
      'How likely to recommend',
      'Satisfaction',
      'Effort',
      'Why?',
    ];
    const rows = [
      ['1', 'Checkout and payment', '2025-01-02', '9', '4', '6', 'Fast and friendly staff on the phone'],
      ['2', 'Shipping updates', '2025-01-03', '3', '2', '2', 'Nobody told me where my parcel was'],
    ];
    const mapping = guessMapping(
      headers,
      headers.map(() => ''),
      rows,
      touchpoints,
    );
    expect(mapping.shape).toBe('responses');
    expect(mapping.columns.map((c) => c.role)).toEqual([
      'ignore',
      'touchpoint',
      'date',
      'score',
      'score',
      'score',
      'comment',
    ]);
    expect(mapping.columns.map((c) => c.metric?.kind)).toEqual([
      undefined,
      undefined,
      undefined,
      'nps',
      'csat',
      'ces',
      undefined,
    ]);
    expect(mapping.columns[4]!.metric).toMatchObject({ scaleMin: 1, scaleMax: 5, topBoxMin: 4 });
    expect(mapping.columns[5]!.metric).toMatchObject({ scaleMin: 1, scaleMax: 7, topBoxMin: 5 });
    expect(mappingProblem(mapping, headers)).toBeNull();
  });

  it('finds the touchpoint column from the map names when the header does not say', () => {
    const mapping = guessMapping(['Step', 'NPS'], ['', ''], [['Shipping updates', '9']], touchpoints);
    expect(mapping.columns.map((c) => c.role)).toEqual(['touchpoint', 'score']);
    const byValues = guessMapping(['Where', 'NPS'], ['', ''], [['Shipping updates', '9']], touchpoints);
    expect(byValues.columns[0]!.role).toBe('touchpoint');
  });

  it('recognises an aggregate file', () => {
    const mapping = guessMapping(
      ['Touchpoint', 'Metric', 'Value', 'n', 'Quarter'],
      [],
      [['Checkout and payment', 'Churn', '4%', '100', '2025-Q1']],
    );
    expect(mapping.shape).toBe('aggregates');
    expect(mapping.columns.map((c) => c.role)).toEqual(['touchpoint', 'metric', 'value', 'n', 'period']);
  });

  it('widens a CSAT scale only when many values need it', () => {
    const rows = [
      ['a', '6'],
      ['a', '7'],
      ['a', '2'],
    ];
    const mapping = guessMapping(['Touchpoint', 'CSAT'], [], rows);
    expect(mapping.columns[1]!.metric).toMatchObject({ scaleMin: 1, scaleMax: 7, topBoxMin: 6 });
  });

  it('says what is missing from a mapping', () => {
    expect(
      mappingProblem({ shape: 'responses', columns: [{ role: 'ignore' }], dateFormat: 'auto' }, ['a']),
    ).toBe('Choose exactly one column as the touchpoint.');
  });
});

describe('header signature', () => {
  it('ignores case and spacing, not order', () => {
    expect(headerSignature(['Touchpoint', 'NPS '])).toBe(headerSignature(['touchpoint', 'nps']));
    expect(headerSignature(['NPS', 'Touchpoint'])).not.toBe(headerSignature(['Touchpoint', 'NPS']));
  });
});
