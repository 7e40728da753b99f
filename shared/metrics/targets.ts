import type { MetricValue } from './compute';

/**
 * A value against its target, read through the metric's direction (domain.md: "mark values whose
 * sample is small or whose confidence interval straddles the target as uncertain").
 *
 * Write the good side as "value ≥ target" for higher-is-better and "value ≤ target" for
 * lower-is-better (meeting the target exactly meets it). Then:
 *
 * - status 'meets' when the value is on the good side, 'below' when it is on the bad side (for a
 *   lower-is-better metric "below" means numerically above the target: below par);
 * - certainty of a 'below': 'confirmed' when the whole CI lies on the bad side (higher-is-better:
 *   ci.high < target), 'possible' when the CI reaches the target or beyond, or when there is no CI
 *   (CLV, an aggregate mean without sd: nothing can confirm it); null for 'meets';
 * - ciStraddles: the CI has points on both sides (higher-is-better: ci.low < target ≤ ci.high);
 * - uncertain: small sample, or CI straddling the target, or no CI at all.
 *
 * A zero-width CI (NPS with all responses in one category) is taken at face value.
 */
export type TargetStatus = 'meets' | 'below' | 'no-data';
export type Certainty = 'confirmed' | 'possible';

export interface TargetComparison {
  readonly target: number;
  readonly status: TargetStatus;
  readonly certainty: Certainty | null;
  readonly uncertain: boolean;
  readonly ciStraddles: boolean;
  readonly smallSample: boolean;
  /** value − target (raw, not direction-adjusted); null without data. */
  readonly difference: number | null;
}

export function compareToTarget(
  metric: Pick<MetricValue, 'value' | 'ci' | 'direction' | 'smallSample'>,
  target: number,
): TargetComparison {
  const { value, ci, smallSample } = metric;
  if (value === null)
    return {
      target,
      status: 'no-data',
      certainty: null,
      uncertain: true,
      ciStraddles: false,
      smallSample,
      difference: null,
    };
  // Flip lower-is-better metrics so that "good" is always "≥ target".
  const sign = metric.direction === 'higher-is-better' ? 1 : -1;
  const good = (x: number) => sign * x >= sign * target;
  const ciGood =
    ci === null ? null : { worst: sign === 1 ? ci.low : ci.high, best: sign === 1 ? ci.high : ci.low };
  const ciStraddles = ciGood !== null && !good(ciGood.worst) && good(ciGood.best);
  const status: TargetStatus = good(value) ? 'meets' : 'below';
  const certainty: Certainty | null =
    status === 'meets' ? null : ciGood !== null && !good(ciGood.best) ? 'confirmed' : 'possible';
  return {
    target,
    status,
    certainty,
    uncertain: smallSample || ciStraddles || ci === null,
    ciStraddles,
    smallSample,
    difference: value - target,
  };
}
