import type { MetricValue } from '../../../../shared/metrics/compute';
import { defineMetric, type MetricDefinition } from '../../../../shared/metrics/definitions';

/** A validated definition, or a thrown error naming what is wrong (tests only). */
export function metric(input: Record<string, unknown>): MetricDefinition {
  const result = defineMetric({ key: String(input.kind), label: String(input.kind), ...input });
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

/** Unwraps a Checked value in a test, failing loudly with the reason. */
export function unwrap<T>(result: { ok: true; value: T } | { ok: false; reason: string }): T {
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

/** Builds a MetricValue by hand for target / breakdown / trend tests. */
export function value(overrides: Partial<MetricValue> & Pick<MetricValue, 'value' | 'n'>): MetricValue {
  return {
    key: 'csat',
    kind: 'csat',
    family: 'service',
    direction: 'higher-is-better',
    unit: '%',
    sd: null,
    estimator: 'proportion',
    ci: null,
    ciUnavailable: null,
    confidence: 0.95,
    scaleMin: 1,
    scaleMax: 5,
    formula: '',
    smallSample: overrides.n < 30,
    ...overrides,
  };
}
