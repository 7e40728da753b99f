import { describe, expect, it } from 'vitest';
import { compareMetricValues, twoProportionZTest, welchTTest } from '../../../../shared/metrics/significance';
import { value } from './metric-fixtures';

describe('two-sample tests', () => {
  it('two-proportion z: 180/200 vs 160/200 is significant, 18/20 vs 16/20 is not', () => {
    // p̂ = 340/400 = 0.85, SE = √(0.85·0.15·(1/200 + 1/200)) = 0.035707, z = −0.10/0.035707 = −2.8006.
    const big = twoProportionZTest(180, 200, 160, 200);
    expect(big.statistic).toBeCloseTo(-2.8006, 4);
    expect(big.pValue).toBeCloseTo(0.0051, 4);
    expect(big.significant).toBe(true);
    // Same rates, n = 20: SE = √(0.1275·0.1) = 0.112916, z = −0.8856.
    const small = twoProportionZTest(18, 20, 16, 20);
    expect(small.statistic).toBeCloseTo(-0.8856, 4);
    expect(small.significant).toBe(false);
  });

  it('two-proportion z: equal all-or-nothing proportions are no difference', () => {
    expect(twoProportionZTest(10, 10, 20, 20)).toMatchObject({ statistic: 0, pValue: 1, significant: false });
    expect(twoProportionZTest(0, 0, 3, 4)).toMatchObject({ test: 'none', significant: false });
  });

  it('Welch t: 40 (sd 80, n 200) vs 10 (sd 90, n 150)', () => {
    // va = 6400/200 = 32, vb = 8100/150 = 54, SE = √86 = 9.2736, t = −30/9.2736 = −3.2350,
    // ν = 86² / (32²/199 + 54²/149) = 7396 / 24.7162 = 299.24, p = 0.00135.
    const w = welchTTest({ mean: 40, sd: 80, n: 200 }, { mean: 10, sd: 90, n: 150 });
    expect(w.statistic).toBeCloseTo(-3.235, 3);
    expect(w.df).toBeCloseTo(299.237, 3);
    expect(w.pValue).toBeCloseTo(0.001353, 6);
    expect(w.significant).toBe(true);
  });

  it('Welch t with no spread: different means differ, equal means do not; n < 2 has no test', () => {
    expect(welchTTest({ mean: 100, sd: 0, n: 5 }, { mean: -100, sd: 0, n: 5 })).toMatchObject({
      significant: true,
      pValue: 0,
      statistic: Number.NEGATIVE_INFINITY,
    });
    expect(welchTTest({ mean: 7, sd: 0, n: 5 }, { mean: 7, sd: 0, n: 5 }).significant).toBe(false);
    expect(welchTTest({ mean: 7, sd: 1, n: 1 }, { mean: 3, sd: 1, n: 5 })).toMatchObject({ test: 'none' });
  });

  it('picks the test from the metric values and reports the difference in their unit', () => {
    const a = value({ value: 90, n: 200 });
    const b = value({ value: 80, n: 200 });
    expect(compareMetricValues(a, b)).toMatchObject({
      test: 'two-proportion-z',
      difference: -10,
      significant: true,
    });
    const m1 = value({ kind: 'nps', unit: 'score', estimator: 'mean', value: 40, sd: 80, n: 200 });
    const m2 = value({ kind: 'nps', unit: 'score', estimator: 'mean', value: 10, sd: 90, n: 150 });
    expect(compareMetricValues(m1, m2)).toMatchObject({ test: 'welch-t', difference: -30 });
    expect(compareMetricValues(m1, { ...m2, sd: null }).test).toBe('none');
    expect(compareMetricValues(a, m2).note).toMatch(/cannot compare/);
  });
});
