import { describe, expect, it } from 'vitest';
import { computeMetric, type MetricInput, type MetricValue } from '../../../../shared/metrics/compute';
import type { MetricDefinition } from '../../../../shared/metrics/definitions';
import { metric, unwrap } from './metric-fixtures';

const compute = (definition: MetricDefinition, input: MetricInput, options = {}): MetricValue =>
  unwrap(computeMetric(definition, input, options));
const reason = (definition: MetricDefinition, input: MetricInput): string => {
  const result = computeMetric(definition, input);
  return result.ok ? 'accepted' : result.reason;
};

const nps = metric({ kind: 'nps' });
// 0–10 counts: one 1, one 4 (detractors), two 7, one 8 (passives), five 10 (promoters).
const NPS_5_3_2 = { min: 0, max: 10, counts: [0, 1, 0, 0, 1, 0, 0, 2, 1, 0, 5] };

describe('NPS', () => {
  it('5 promoters, 3 passives, 2 detractors → 30 with its normal interval', () => {
    // NPS = 5/10 − 2/10 = 50 % − 20 % = 30.
    // Recoded: five +100, three 0, two −100 → mean 30;
    // Σ(x − 30)² = 5·70² + 3·30² + 2·130² = 61000, sd = √(61000/9) = 82.3273,
    // SE = 82.3273/√10 = 26.0342, CI = 30 ± 1.959964·26.0342 = 30 ± 51.0260 → [−21.0260, 81.0260].
    const v = compute(nps, NPS_5_3_2);
    expect(v.value).toBe(30);
    expect(v.n).toBe(10);
    expect(v.sd).toBeCloseTo(82.3273, 4);
    expect(v.ci?.low).toBeCloseTo(-21.026, 3);
    expect(v.ci?.high).toBeCloseTo(81.026, 3);
    expect(v).toMatchObject({
      key: 'nps',
      family: 'experience',
      direction: 'higher-is-better',
      unit: 'score',
      scaleMin: 0,
      scaleMax: 10,
      estimator: 'mean',
      smallSample: true,
      ciUnavailable: null,
    });
    expect(v.formula).toContain('50% − 20% = 30');
    expect(v.formula).toContain('82.3273 ÷ √10 = 26.0342');
  });

  it('clips the interval to [−100, 100]', () => {
    // 3 promoters, 1 detractor: NPS 50, recoded sd = √((3·50² + 150²)/3) = 100, SE = 50,
    // 50 ± 98.0 → [−48.0, 148.0] → high clipped to 100.
    const v = compute(nps, { min: 0, max: 10, counts: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3] });
    expect(v.value).toBe(50);
    expect(v.ci?.high).toBe(100);
    expect(v.ci?.low).toBeCloseTo(50 - 1.959964 * 50, 4);
  });

  it('all promoters: sd 0, the interval collapses to [100, 100] as the formula says', () => {
    const v = compute(nps, { min: 0, max: 10, counts: [0, 0, 0, 0, 0, 0, 0, 0, 0, 12, 28] });
    expect(v.value).toBe(100);
    expect(v.sd).toBe(0);
    expect(v.ci).toEqual({ low: 100, high: 100 });
    expect(v.smallSample).toBe(false);
  });

  it('n = 0: no value, no interval; n = 1: a value, no interval', () => {
    const empty = compute(nps, { min: 0, max: 10, counts: new Array<number>(11).fill(0) });
    expect(empty).toMatchObject({ value: null, n: 0, ci: null, ciUnavailable: 'no-data', smallSample: true });
    const single = compute(nps, { min: 0, max: 10, counts: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] });
    expect(single).toMatchObject({ value: -100, n: 1, sd: null, ci: null, ciUnavailable: 'single-response' });
  });

  it('from an aggregate row: interval only when the recoded sd comes with it', () => {
    // 30 ± 1.959964 · 80/√100 = 30 ± 15.6797 → [14.3203, 45.6797].
    const v = compute(nps, { source: 'aggregate', value: 30, n: 100, sd: 80 });
    expect(v.ci?.low).toBeCloseTo(14.3203, 4);
    expect(v.ci?.high).toBeCloseTo(45.6797, 4);
    expect(compute(nps, { source: 'aggregate', value: 30, n: 100 })).toMatchObject({
      ci: null,
      ciUnavailable: 'no-spread',
    });
    expect(reason(nps, { source: 'aggregate', value: 130, n: 100 })).toMatch(/−100…100/);
  });

  it('refuses responses on another scale', () => {
    expect(reason(nps, { min: 1, max: 5, counts: [1, 1, 1, 1, 1] })).toMatch(/1–5 scale.*0–10/);
  });
});

describe('CSAT', () => {
  const csat = metric({ kind: 'csat' });

  it('1–5, top box 4–5: 8 of 10 → 80 % with Wilson [49.02, 94.33]', () => {
    // counts 1:1, 2:0, 3:1, 4:3, 5:5 → top box 3 + 5 = 8 of 10. Wilson 8/10 as in intervals tests.
    const v = compute(csat, { min: 1, max: 5, counts: [1, 0, 1, 3, 5] });
    expect(v.value).toBe(80);
    expect(v.ci?.low).toBeCloseTo(49.02, 2);
    expect(v.ci?.high).toBeCloseTo(94.33, 2);
    expect(v).toMatchObject({
      unit: '%',
      estimator: 'proportion',
      family: 'service',
      scaleMin: 1,
      scaleMax: 5,
    });
    // The same from counts and from an aggregate row (p = 80/100, n = 10).
    expect(compute(csat, { source: 'proportion-counts', successes: 8, n: 10 }).ci).toEqual(v.ci);
    const row = compute(csat, { source: 'aggregate', value: 80, n: 10 });
    expect(row.ci?.low).toBeCloseTo(v.ci?.low ?? Number.NaN, 10);
  });

  it('1–7 with top box 6–7: 6 of 10 → 60 % with Wilson [31.27, 83.18]', () => {
    // counts 2:1, 3:1, 4:1, 5:1, 6:4, 7:2 → top box 4 + 2 = 6 of 10.
    // Wilson 6/10: centre = (0.6 + 0.19207)/1.38415 = 0.57225,
    // half = 1.41601 · √(0.024 + 0.0096037) = 0.25957 → [0.3127, 0.8318].
    const csat7 = metric({ kind: 'csat', scaleMax: 7, topBoxMin: 6 });
    const v = compute(csat7, { min: 1, max: 7, counts: [0, 1, 1, 1, 1, 4, 2] });
    expect(v.value).toBe(60);
    expect(v.ci?.low).toBeCloseTo(31.27, 2);
    expect(v.ci?.high).toBeCloseTo(83.18, 2);
    expect(v.formula).toContain('responses 6–7 ÷ all responses = 6 ÷ 10 = 60%');
  });

  it('takes the small-sample threshold and the confidence level as options', () => {
    const d = { min: 1, max: 5, counts: [1, 0, 1, 3, 5] };
    expect(compute(csat, d, { minN: 10 }).smallSample).toBe(false);
    // 90 %: z = 1.644854 → Wilson 8/10 = [0.5408, 0.9314].
    const v90 = compute(csat, d, { confidence: 0.9 });
    expect(v90.confidence).toBe(0.9);
    expect(v90.ci?.low).toBeCloseTo(54.08, 2);
    expect(v90.ci?.high).toBeCloseTo(93.14, 2);
    expect(computeMetric(csat, d, { confidence: 95 }).ok).toBe(false);
  });
});

describe('CES', () => {
  it('mean with a t-interval: 3, 4, 5, 5, 6, 7 → 5, [3.5159, 6.4841]', () => {
    // n = 6, Σ = 30, mean 5, s = √2, SE = √2/√6 = 0.57735,
    // t(0.975, 5) = 2.5706 (table) → 5 ± 1.48413.
    const ces = metric({ kind: 'ces' });
    const v = compute(ces, { min: 1, max: 7, counts: [0, 0, 1, 1, 2, 1, 1] });
    expect(v.value).toBe(5);
    expect(v.sd).toBeCloseTo(Math.SQRT2, 12);
    expect(v.ci?.low).toBeCloseTo(3.5159, 4);
    expect(v.ci?.high).toBeCloseTo(6.4841, 4);
    expect(v.formula).toContain('30 ÷ 6 = 5');
    expect(v.formula).toContain('5 ± 2.5706 × 1.4142 ÷ √6');
  });

  it('clips the mean interval to the scale', () => {
    // 6, 7, 7: mean 6.6667, s = √(1/3) = 0.57735, t(0.975, 2) = 4.3027,
    // half = 4.3027 · 0.57735/√3 = 1.43422 → [5.2324, 8.1009] → high clipped to 7.
    const v = compute(metric({ kind: 'ces' }), { min: 1, max: 7, counts: [0, 0, 0, 0, 0, 1, 2] });
    expect(v.value).toBeCloseTo(6.6667, 4);
    expect(v.ci?.low).toBeCloseTo(5.2324, 4);
    expect(v.ci?.high).toBe(7);
  });

  it('as % agreeing (5–7) with Wilson, and CES 1.0 as lower-is-better', () => {
    // 3, 4, 5, 5, 6, 7 → 4 of 6 agree = 66.67 %; Wilson 4/6 = [29.9993, 90.3229].
    const agree = metric({ kind: 'ces', report: 'top-box' });
    const v = compute(agree, { min: 1, max: 7, counts: [0, 0, 1, 1, 2, 1, 1] });
    expect(v.value).toBeCloseTo(66.6667, 4);
    expect(v.ci?.low).toBeCloseTo(29.9993, 4);
    expect(v.ci?.high).toBeCloseTo(90.3229, 4);
    expect(v.formula).toContain('% agreeing');
    const effort = metric({ kind: 'ces', version: '1.0', scaleMax: 5 });
    expect(compute(effort, { min: 1, max: 5, counts: [2, 1, 0, 0, 0] })).toMatchObject({
      value: 4 / 3,
      direction: 'lower-is-better',
    });
  });

  it('mean from n = 1 has a value and an explicit missing interval', () => {
    const v = compute(metric({ kind: 'ces' }), { min: 1, max: 7, counts: [0, 0, 0, 0, 0, 1, 0] });
    expect(v).toMatchObject({ value: 6, n: 1, ci: null, ciUnavailable: 'single-response' });
  });
});

describe('customer metrics users bring', () => {
  it('churn 50 / 1000 = 5 %, Wilson [3.81, 6.53], lower is better', () => {
    // Wilson 50/1000: centre = (0.05 + 0.0019207)/1.0038415 = 0.051722,
    // half = 1.95246 · √(0.0000475 + 0.00000096) = 0.013592 → [0.03813, 0.06531].
    const v = compute(metric({ kind: 'churn-rate' }), { source: 'churn-counts', lost: 50, atStart: 1000 });
    expect(v.value).toBe(5);
    expect(v.ci?.low).toBeCloseTo(3.813, 3);
    expect(v.ci?.high).toBeCloseTo(6.5314, 3);
    expect(v).toMatchObject({ n: 1000, direction: 'lower-is-better', family: 'experience', scaleMin: null });
    expect(
      reason(metric({ kind: 'churn-rate' }), { source: 'churn-counts', lost: 1001, atStart: 1000 }),
    ).toMatch(/^lost: customers lost cannot exceed/);
  });

  it('retention (1100 − 200) / 1000 = 90 %', () => {
    // retained = 900 of 1000; Wilson 900/1000 = [0.87985, 0.91709].
    const retention = metric({ kind: 'retention-rate' });
    const v = compute(retention, { source: 'retention-counts', atStart: 1000, atEnd: 1100, acquired: 200 });
    expect(v.value).toBe(90);
    expect(v.ci?.low).toBeCloseTo(87.985, 3);
    expect(v.ci?.high).toBeCloseTo(91.709, 3);
    expect(v.formula).toContain('(1100 − 200) ÷ 1000');
    expect(
      reason(retention, { source: 'retention-counts', atStart: 1000, atEnd: 1300, acquired: 200 }),
    ).toMatch(/cannot exceed customers at the start/);
    expect(
      reason(retention, { source: 'retention-counts', atStart: 1000, atEnd: 100, acquired: 200 }),
    ).toMatch(/new customers cannot exceed/);
  });

  it('CLV, both forms, with no interval', () => {
    const clv = metric({ kind: 'clv' });
    // 50 per order × 4 orders a year × 3 years × 30 % margin = 180.
    const transactional = compute(clv, {
      source: 'clv-transactional',
      averageOrderValue: 50,
      purchaseFrequency: 4,
      lifespan: 3,
      margin: 0.3,
      n: 400,
    });
    expect(transactional.value).toBeCloseTo(180, 10);
    expect(transactional).toMatchObject({ ci: null, ciUnavailable: 'not-applicable', estimator: 'none' });
    // Margin left out: revenue CLV 50 × 4 × 3 = 600.
    const revenue = compute(clv, {
      source: 'clv-transactional',
      averageOrderValue: 50,
      purchaseFrequency: 4,
      lifespan: 3,
      n: 400,
    });
    expect(revenue.value).toBe(600);
    // ARPU 30 a month × 80 % margin ÷ 5 % monthly churn = 480.
    const subscription = compute(clv, {
      source: 'clv-subscription',
      arpu: 30,
      margin: 0.8,
      churnRate: 0.05,
      n: 400,
    });
    expect(subscription.value).toBeCloseTo(480, 10);
    expect(subscription.formula).toContain('30 × 0.8 ÷ 0.05 = 480');
    // A churn of "5" meant as 5 % is refused rather than read as 500 %.
    expect(reason(clv, { source: 'clv-subscription', arpu: 30, margin: 0.8, churnRate: 5, n: 400 })).toMatch(
      /^churnRate: /,
    );
    expect(reason(clv, { source: 'clv-subscription', arpu: 30, margin: 0.8, churnRate: 0, n: 400 })).toMatch(
      /infinite/,
    );
  });

  it('first-contact resolution 170 / 200 = 85 %', () => {
    // Wilson 170/200 = [0.79394, 0.89286].
    const v = compute(metric({ kind: 'fcr' }), { source: 'proportion-counts', successes: 170, n: 200 });
    expect(v.value).toBe(85);
    expect(v.ci?.low).toBeCloseTo(79.394, 3);
    expect(v.ci?.high).toBeCloseTo(89.286, 3);
  });

  it('handle time from raw seconds: mean with a t-interval clipped at 0', () => {
    // 100, 200, 300 s: mean 200, s = 100, t(0.975, 2) = 4.3027,
    // half = 4.3027 · 100/√3 = 248.414 → [−48.41, 448.41] → low clipped to 0.
    const v = compute(metric({ kind: 'handle-time' }), { source: 'samples', values: [100, 200, 300] });
    expect(v).toMatchObject({ value: 200, sd: 100, unit: 'seconds', direction: 'lower-is-better' });
    expect(v.ci?.low).toBe(0);
    expect(v.ci?.high).toBeCloseTo(448.414, 3);
    expect(v.formula).toContain('Σ seconds ÷ n = 600 ÷ 3 = 200');
    expect(reason(metric({ kind: 'handle-time' }), { source: 'samples', values: [100, -5] })).toMatch(
      /negative/,
    );
  });

  it('time to first response from an aggregate: interval only with an sd', () => {
    // 120 ± t(0.975, 49) · 60/√50 = 120 ± 2.009575 · 8.485281 = 120 ± 17.0518.
    const frt = metric({ kind: 'first-response-time' });
    const v = compute(frt, { source: 'aggregate', value: 120, n: 50, sd: 60 });
    expect(v.ci?.low).toBeCloseTo(102.9482, 4);
    expect(v.ci?.high).toBeCloseTo(137.0518, 4);
    expect(compute(frt, { source: 'aggregate', value: 120, n: 50 })).toMatchObject({
      ci: null,
      ciUnavailable: 'no-spread',
    });
  });

  it('custom metrics follow their declared interval', () => {
    const base = { kind: 'custom', family: 'experience', direction: 'higher-is-better' };
    const onTime = metric({ ...base, key: 'on-time', unit: '%', interval: 'proportion' });
    expect(compute(onTime, { source: 'aggregate', value: 80, n: 10 }).ci?.low).toBeCloseTo(49.02, 2);
    const basket = metric({ ...base, key: 'basket', unit: 'currency', interval: 'mean' });
    expect(compute(basket, { source: 'samples', values: [10, 20, 30] }).ci?.low).toBeCloseTo(20 - 24.8414, 3);
    const score = metric({ ...base, key: 'score', unit: 'ratio' });
    expect(compute(score, { source: 'aggregate', value: 1.7, n: 3 })).toMatchObject({
      value: 1.7,
      ci: null,
      ciUnavailable: 'not-applicable',
    });
  });

  it('refuses inputs that do not fit the metric, with a reason', () => {
    expect(reason(metric({ kind: 'churn-rate' }), { min: 1, max: 5, counts: [1, 1, 1, 1, 1] })).toBe(
      'A churn-rate metric cannot be computed from a score distribution.',
    );
    expect(reason(nps, { source: 'churn-counts', lost: 1, atStart: 2 })).toMatch(/'churn-counts' input/);
    expect(reason(metric({ kind: 'fcr' }), { source: 'proportion-counts', successes: 3, n: 2 })).toMatch(
      /^successes: /,
    );
    expect(reason(metric({ kind: 'fcr' }), { source: 'aggregate', value: 85, n: -1 })).toMatch(/^n: /);
    expect(reason(metric({ kind: 'fcr' }), { source: 'aggregate', value: 185, n: 10 })).toMatch(/0–100/);
    expect(reason(nps, { min: 0, max: 10, counts: [1] })).toMatch(/needs 11 counts/);
  });

  it('an aggregate row with n = 0 means no data, whatever its value', () => {
    const v = compute(metric({ kind: 'ces' }), { source: 'aggregate', value: 0, n: 0 });
    expect(v).toMatchObject({ value: null, n: 0, ciUnavailable: 'no-data', estimator: 'mean' });
  });
});
