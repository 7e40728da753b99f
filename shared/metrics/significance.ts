import type { MetricValue } from './compute';
import { criticalT, criticalZ, DEFAULT_CONFIDENCE } from './intervals';
import { normalUpperTail, studentTUpperTail } from './probability';

/**
 * Is the difference between two values of the same metric (two touchpoints along a hand-off, two
 * periods) larger than sampling noise? Two-sided tests at the given confidence (95 % by default):
 *
 * - proportions (CSAT, CES top-box, FCR, churn, retention, custom proportions): the pooled
 *   two-proportion z-test,
 *     p̂ = (x₁ + x₂) / (n₁ + n₂),  z = (p₂ − p₁) / √( p̂(1 − p̂)(1/n₁ + 1/n₂) ),  significant when |z| > z₀.₉₇₅;
 * - means (NPS as the mean of its ±100/0 recoding, CES mean, handle times): Welch's t-test,
 *     t = (m₂ − m₁) / √(s₁²/n₁ + s₂²/n₂),
 *     ν = (s₁²/n₁ + s₂²/n₂)² / ( (s₁²/n₁)²/(n₁ − 1) + (s₂²/n₂)²/(n₂ − 1) )   (Welch–Satterthwaite),
 *     significant when |t| > t(0.975; ν). It needs n ≥ 2 and an sd on both sides.
 * - metrics without a sampling model (CLV, custom 'none'), or with a side lacking data: no test, never
 *   significant, with the reason in `note`.
 *
 * Degenerate cases: if the pooled proportion is 0 or 1 the two proportions are equal (z = 0, not
 * significant). If both sds are 0 (every response identical on each side, e.g. all promoters upstream
 * and all detractors downstream), the standard error is 0: equal means are not significant, different
 * means are (t = ±∞, p = 0); small samples stay flagged by `smallSample` on the values themselves.
 */
export type TwoSampleTestName = 'two-proportion-z' | 'welch-t' | 'none';

export interface TwoSampleTest {
  readonly test: TwoSampleTestName;
  /** Second minus first, in the metric's unit (percentage points for proportions); null without data. */
  readonly difference: number | null;
  /** z or t. */
  readonly statistic: number | null;
  /** Welch degrees of freedom (t-test only). */
  readonly df: number | null;
  /** Two-sided p-value. */
  readonly pValue: number | null;
  readonly significant: boolean;
  /** Why no test was run, when test is 'none'. */
  readonly note: string | null;
}

const noTest = (note: string, difference: number | null = null): TwoSampleTest => ({
  test: 'none',
  difference,
  statistic: null,
  df: null,
  pValue: null,
  significant: false,
  note,
});

/** Pooled two-proportion z-test of x₂/n₂ against x₁/n₁ (difference in proportion units, 0–1). */
export function twoProportionZTest(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  confidence: number = DEFAULT_CONFIDENCE,
): TwoSampleTest {
  if (!(n1 > 0) || !(n2 > 0)) return noTest('both sides need at least one response');
  const difference = x2 / n2 - x1 / n1;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0)
    return {
      test: 'two-proportion-z',
      difference,
      statistic: 0,
      df: null,
      pValue: 1,
      significant: false,
      note: null,
    };
  const z = difference / se;
  return {
    test: 'two-proportion-z',
    difference,
    statistic: z,
    df: null,
    pValue: Math.min(1, 2 * normalUpperTail(Math.abs(z))),
    significant: Math.abs(z) > criticalZ(confidence),
    note: null,
  };
}

export interface MeanSample {
  readonly mean: number;
  readonly sd: number;
  readonly n: number;
}

/** Welch's unequal-variance t-test of b's mean against a's. */
export function welchTTest(
  a: MeanSample,
  b: MeanSample,
  confidence: number = DEFAULT_CONFIDENCE,
): TwoSampleTest {
  const difference = b.mean - a.mean;
  if (a.n < 2 || b.n < 2) return noTest('a mean test needs at least 2 responses on each side', difference);
  const va = (a.sd * a.sd) / a.n;
  const vb = (b.sd * b.sd) / b.n;
  const se = Math.sqrt(va + vb);
  if (se === 0) {
    const differs = difference !== 0;
    return {
      test: 'welch-t',
      difference,
      statistic: differs ? Math.sign(difference) * Infinity : 0,
      df: null,
      pValue: differs ? 0 : 1,
      significant: differs,
      note: 'no spread on either side',
    };
  }
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  const t = difference / se;
  return {
    test: 'welch-t',
    difference,
    statistic: t,
    df,
    pValue: Math.min(1, 2 * studentTUpperTail(Math.abs(t), df)),
    significant: Math.abs(t) > criticalT(df, confidence),
    note: null,
  };
}

/**
 * Tests `second` against `first` (two values of the same metric), choosing the test by the values'
 * estimator; `difference` is second − first in the metric's unit.
 */
export function compareMetricValues(
  first: MetricValue,
  second: MetricValue,
  confidence: number = DEFAULT_CONFIDENCE,
): TwoSampleTest {
  if (first.kind !== second.kind || first.unit !== second.unit || first.estimator !== second.estimator)
    return noTest(`cannot compare ${first.kind} (${first.unit}) with ${second.kind} (${second.unit})`);
  if (first.value === null || second.value === null) return noTest('no data on one side');
  const difference = second.value - first.value;
  switch (first.estimator) {
    case 'proportion': {
      const test = twoProportionZTest(
        (first.value / 100) * first.n,
        first.n,
        (second.value / 100) * second.n,
        second.n,
        confidence,
      );
      return { ...test, difference };
    }
    case 'mean':
      if (first.sd === null || second.sd === null)
        return noTest('a mean test needs the standard deviation on both sides', difference);
      return welchTTest(
        { mean: first.value, sd: first.sd, n: first.n },
        { mean: second.value, sd: second.sd, n: second.n },
        confidence,
      );
    case 'none':
      return noTest(`${first.kind} has no sampling model to test against`, difference);
  }
}
