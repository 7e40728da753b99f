import { accepted, type Checked, rejected } from './checked';
import {
  type ComputeOptions,
  computeMetric,
  formatNumber as fmt,
  type MetricInput,
  type MetricValue,
} from './compute';
import type { MetricDefinition } from './definitions';
import { mergeDistributions, type ScoreDistribution } from './distribution';

/**
 * n-weighted aggregation: touchpoint values → a stage value, daily values → a month.
 *
 * Why pool the data instead of averaging the touchpoints' percentages: a plain average gives a
 * touchpoint with 3 responses the same say as one with 3 000; it has no n, so no interval and no
 * small-sample flag; and for NPS or a CES mean the average of the parts' spreads is not the spread of
 * the whole (it misses the differences between touchpoints). Adding the distributions' counts gives
 * exactly the distribution of all responses together, so value, n, sd and CI are those of the
 * combined sample, computed by the same code as for one touchpoint. The same holds for counts
 * (churn, retention, top-box, FCR: sum numerators and denominators) and raw samples (concatenate).
 *
 * Aggregate rows (value and n only) cannot be merged that way; they are pooled by n:
 *
 *   value = Σ nᵢ·vᵢ / Σ nᵢ
 *
 * which for a proportion is exactly the pooled proportion Σ xᵢ / Σ nᵢ (so its Wilson interval is
 * exact too), and for a mean is the exact grand mean. When every part of a mean carries its sd, the
 * pooled sd is exact as well:
 *
 *   sd² = ( Σ (nᵢ − 1)·sᵢ² + Σ nᵢ·(vᵢ − v)² ) / (Σ nᵢ − 1)
 *
 * (within-part plus between-part sums of squares). Mixed inputs (some distributions, some rows) take
 * this route too, each part first computed on its own. Parts with n = 0 carry no weight.
 */
export function aggregateMetric(
  definition: MetricDefinition,
  inputs: readonly MetricInput[],
  options: ComputeOptions = {},
): Checked<MetricValue> {
  if (inputs.length === 0) return computeMetric(definition, { source: 'aggregate', value: 0, n: 0 }, options);
  const merged = mergeSameShape(inputs);
  if (merged) {
    if (!merged.ok) return merged;
    const result = computeMetric(definition, merged.value.input, options);
    return prefixed(result, `merged ${inputs.length} ${merged.value.what}: `);
  }
  const parts: MetricValue[] = [];
  for (const input of inputs) {
    const part = computeMetric(definition, input, options);
    if (!part.ok) return part;
    if (part.value.value !== null && part.value.n > 0) parts.push(part.value);
  }
  return poolValues(definition, parts, options);
}

/**
 * Pools already computed values of one metric by n (for values that arrive as MetricValue, such as
 * stored aggregates); see aggregateMetric for the formulas.
 */
export function poolValues(
  definition: MetricDefinition,
  values: readonly MetricValue[],
  options: ComputeOptions = {},
): Checked<MetricValue> {
  const foreign = values.find((v) => v.kind !== definition.kind);
  if (foreign) return rejected(`Cannot pool a ${foreign.kind} value into a ${definition.kind} metric.`);
  const parts = values.filter((v): v is MetricValue & { value: number } => v.value !== null && v.n > 0);
  const n = parts.reduce((sum, p) => sum + p.n, 0);
  if (n === 0) return computeMetric(definition, { source: 'aggregate', value: 0, n: 0 }, options);
  const weighted = parts.reduce((sum, p) => sum + p.n * p.value, 0) / n;
  // Rounding must not push the mean outside the range of its parts (a CES mean of 7.000000000000001).
  const low = Math.min(...parts.map((p) => p.value));
  const high = Math.max(...parts.map((p) => p.value));
  const value = Math.min(Math.max(weighted, low), high);
  const sd = pooledSd(parts, value, n);
  const result = computeMetric(definition, { source: 'aggregate', value, n, sd }, options);
  const terms = parts.map((p) => `${fmt(p.value)} × ${p.n}`).join(' + ');
  return prefixed(result, `n-weighted over ${parts.length} parts: (${terms}) ÷ ${n} = ${fmt(value)}; `);
}

/** Exact pooled sd from each part's n, mean and sd; null if a part with n ≥ 2 lacks its sd. */
function pooledSd(
  parts: readonly (MetricValue & { value: number })[],
  mean: number,
  n: number,
): number | null {
  if (n < 2 || parts.some((p) => p.estimator !== 'mean' || (p.sd === null && p.n > 1))) return null;
  const within = parts.reduce((sum, p) => sum + (p.n - 1) * (p.sd ?? 0) ** 2, 0);
  const between = parts.reduce((sum, p) => sum + p.n * (p.value - mean) ** 2, 0);
  return Math.sqrt((within + between) / (n - 1));
}

function prefixed(result: Checked<MetricValue>, prefix: string): Checked<MetricValue> {
  return result.ok ? accepted({ ...result.value, formula: prefix + result.value.formula }) : result;
}

const isDistribution = (input: MetricInput): input is ScoreDistribution => 'counts' in input;

/** When every input has the same mergeable shape, the single combined input; otherwise null. */
function mergeSameShape(
  inputs: readonly MetricInput[],
): Checked<{ input: MetricInput; what: string }> | null {
  if (inputs.every(isDistribution)) {
    const merged = mergeDistributions(inputs);
    return merged.ok ? accepted({ input: merged.value, what: 'distributions' }) : merged;
  }
  type Sourced = Exclude<MetricInput, ScoreDistribution>;
  const sourced = inputs.filter((i): i is Sourced => !isDistribution(i));
  if (sourced.length !== inputs.length) return null;
  const sum = <T>(list: readonly T[], pick: (item: T) => number) =>
    list.reduce((s, item) => s + pick(item), 0);
  const all = <S extends Sourced['source']>(source: S): Extract<Sourced, { source: S }>[] | null => {
    const matching = sourced.filter((i): i is Extract<Sourced, { source: S }> => i.source === source);
    return matching.length === sourced.length ? matching : null;
  };
  const proportions = all('proportion-counts');
  if (proportions)
    return accepted({
      input: {
        source: 'proportion-counts',
        successes: sum(proportions, (i) => i.successes),
        n: sum(proportions, (i) => i.n),
      },
      what: 'count pairs',
    });
  const churn = all('churn-counts');
  if (churn)
    return accepted({
      input: {
        source: 'churn-counts',
        lost: sum(churn, (i) => i.lost),
        atStart: sum(churn, (i) => i.atStart),
      },
      what: 'count pairs',
    });
  const retention = all('retention-counts');
  if (retention)
    return accepted({
      input: {
        source: 'retention-counts',
        atStart: sum(retention, (i) => i.atStart),
        atEnd: sum(retention, (i) => i.atEnd),
        acquired: sum(retention, (i) => i.acquired),
      },
      what: 'customer counts',
    });
  const samples = all('samples');
  if (samples)
    return accepted({
      input: { source: 'samples', values: samples.flatMap((i) => i.values) },
      what: 'samples',
    });
  return null;
}
