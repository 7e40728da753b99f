import { describe, expect, it } from 'vitest';
import { aggregateMetric, poolValues } from '../../../../shared/metrics/aggregate';
import { computeMetric } from '../../../../shared/metrics/compute';
import { distributionFromScores } from '../../../../shared/metrics/distribution';
import { metric, unwrap } from './metric-fixtures';

const NPS = { min: 0, max: 10 };
const nps = metric({ kind: 'nps' });
// Touchpoint A: 10 responses, 5 promoters, 3 passives, 2 detractors → NPS 30.
const rawA = [10, 10, 10, 9, 9, 8, 7, 7, 4, 1];
// Touchpoint B: 2 responses, both detractors → NPS −100.
const rawB = [0, 3];

describe('stage aggregation', () => {
  it('merging distributions gives the NPS of the concatenated raw responses', () => {
    const a = unwrap(distributionFromScores(rawA, NPS));
    const b = unwrap(distributionFromScores(rawB, NPS));
    const stage = unwrap(aggregateMetric(nps, [a, b]));
    const together = unwrap(computeMetric(nps, unwrap(distributionFromScores([...rawA, ...rawB], NPS))));
    // 5 promoters, 3 passives, 4 detractors of 12: (5 − 4)/12 = 8.33.
    expect(stage.value).toBeCloseTo(100 / 12, 12);
    expect(stage.n).toBe(12);
    expect({ ...stage, formula: '' }).toEqual({ ...together, formula: '' });
    expect(stage.formula).toMatch(/^merged 2 distributions: /);
    // Averaging the two NPS values would say (30 − 100)/2 = −35: the 2-response touchpoint
    // would weigh as much as the 10-response one.
    expect(stage.value).not.toBeCloseTo(-35, 0);
  });

  it('n-weights aggregate rows: CSAT 80 % of 10 and 50 % of 30 → 23/40 = 57.5 %', () => {
    // (80·10 + 50·30)/40 = 2300/40 = 57.5 = the pooled proportion (8 + 15)/40; Wilson 23/40 = [42.195, 71.491].
    const csat = metric({ kind: 'csat' });
    const stage = unwrap(
      aggregateMetric(csat, [
        { source: 'aggregate', value: 80, n: 10 },
        { source: 'aggregate', value: 50, n: 30 },
      ]),
    );
    expect(stage.value).toBeCloseTo(57.5, 12);
    expect(stage.n).toBe(40);
    expect(stage.ci?.low).toBeCloseTo(42.195, 3);
    expect(stage.ci?.high).toBeCloseTo(71.491, 3);
    const counts = unwrap(computeMetric(csat, { source: 'proportion-counts', successes: 23, n: 40 }));
    expect(stage.ci?.low).toBeCloseTo(counts.ci?.low ?? Number.NaN, 10);
    expect(stage.formula).toContain('(80 × 10 + 50 × 30) ÷ 40 = 57.5');
  });

  it('pools means exactly from n, mean and sd (within + between sums of squares)', () => {
    const a = unwrap(distributionFromScores(rawA, NPS));
    const b = unwrap(distributionFromScores([0, 3, 10, 8, 9], NPS));
    const partB = unwrap(computeMetric(nps, b));
    // One touchpoint as raw responses, the other as an aggregate row with its recoded sd.
    const mixed = unwrap(
      aggregateMetric(nps, [a, { source: 'aggregate', value: partB.value ?? 0, n: partB.n, sd: partB.sd }]),
    );
    const merged = unwrap(aggregateMetric(nps, [a, b]));
    expect(mixed.value).toBeCloseTo(merged.value ?? Number.NaN, 10);
    expect(mixed.sd).toBeCloseTo(merged.sd ?? Number.NaN, 10);
    expect(mixed.ci?.low).toBeCloseTo(merged.ci?.low ?? Number.NaN, 10);
  });

  it('adds counts: churn 50/1000 and 30/500 → 80/1500 = 5.33 %', () => {
    const stage = unwrap(
      aggregateMetric(metric({ kind: 'churn-rate' }), [
        { source: 'churn-counts', lost: 50, atStart: 1000 },
        { source: 'churn-counts', lost: 30, atStart: 500 },
      ]),
    );
    expect(stage.value).toBeCloseTo(16 / 3, 12);
    expect(stage.n).toBe(1500);
  });

  it('n-weights values without a sampling model: CLV 180 (n 400) and 480 (n 100) → 240', () => {
    // (180·400 + 480·100)/500 = (72000 + 48000)/500 = 240.
    const clv = metric({ kind: 'clv' });
    const stage = unwrap(
      aggregateMetric(clv, [
        {
          source: 'clv-transactional',
          averageOrderValue: 50,
          purchaseFrequency: 4,
          lifespan: 3,
          margin: 0.3,
          n: 400,
        },
        { source: 'clv-subscription', arpu: 30, margin: 0.8, churnRate: 0.05, n: 100 },
      ]),
    );
    expect(stage.value).toBeCloseTo(240, 10);
    expect(stage).toMatchObject({ n: 500, ci: null, ciUnavailable: 'not-applicable' });
  });

  it('concatenates raw samples; rows without sd pool to a mean without interval', () => {
    const aht = metric({ kind: 'handle-time' });
    const stage = unwrap(
      aggregateMetric(aht, [
        { source: 'samples', values: [100, 200] },
        { source: 'samples', values: [300] },
      ]),
    );
    expect(stage).toMatchObject({ value: 200, sd: 100, n: 3 });
    const rows = unwrap(
      aggregateMetric(aht, [
        { source: 'aggregate', value: 300, n: 10 },
        { source: 'aggregate', value: 600, n: 20 },
      ]),
    );
    expect(rows).toMatchObject({ value: 500, n: 30, sd: null, ci: null, ciUnavailable: 'no-spread' });
  });

  it('no parts, or only empty ones, means no data; bad parts are refused with their reason', () => {
    expect(unwrap(aggregateMetric(nps, []))).toMatchObject({ value: null, n: 0, ciUnavailable: 'no-data' });
    expect(unwrap(poolValues(nps, []))).toMatchObject({ value: null, n: 0 });
    const csatValue = unwrap(
      computeMetric(metric({ kind: 'csat' }), { source: 'aggregate', value: 80, n: 10 }),
    );
    expect(poolValues(nps, [csatValue]).ok).toBe(false);
    const refused = aggregateMetric(nps, [
      { min: 0, max: 10, counts: new Array<number>(11).fill(1) },
      { min: 1, max: 5, counts: [1, 1, 1, 1, 1] },
    ]);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.reason).toMatch(/scales differ/);
  });
});
