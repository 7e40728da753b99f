import { normalQuantile, studentTQuantile } from './probability';

export { normalQuantile, studentTQuantile } from './probability';

/**
 * Confidence intervals. Every function returns an explicit estimate state instead of NaN or ±∞:
 *
 * - 'none': no data (n = 0), nothing to estimate;
 * - 'unbounded': the estimate exists but its spread cannot be estimated (a mean from n = 1: the
 *   sample sd has n − 1 = 0 degrees of freedom, so the t-interval is (−∞, +∞));
 * - 'bounded': a proper interval [low, high].
 */
export interface Interval {
  readonly low: number;
  readonly high: number;
}

export type IntervalEstimate =
  | { readonly kind: 'none'; readonly reason: 'no-data' }
  | { readonly kind: 'unbounded'; readonly reason: 'single-observation' }
  | ({ readonly kind: 'bounded' } & Interval);

export const DEFAULT_CONFIDENCE = 0.95;

/** z for a two-sided 95% interval: Φ⁻¹(0.975). */
export const Z_95 = 1.959963984540054;

const NO_DATA: IntervalEstimate = { kind: 'none', reason: 'no-data' };
const UNBOUNDED: IntervalEstimate = { kind: 'unbounded', reason: 'single-observation' };

function checkConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1))
    throw new RangeError(`A confidence level lies strictly between 0 and 1, got ${confidence}.`);
}

/** Two-sided critical value of the standard normal: z = Φ⁻¹(1 − (1 − confidence)/2). */
export function criticalZ(confidence: number = DEFAULT_CONFIDENCE): number {
  checkConfidence(confidence);
  return confidence === DEFAULT_CONFIDENCE ? Z_95 : normalQuantile(1 - (1 - confidence) / 2);
}

/**
 * Two-sided critical value of Student's t with `df` degrees of freedom:
 * t = F⁻¹(1 − (1 − confidence)/2; df). df may be fractional (Welch) or ∞ (the normal z).
 */
export function criticalT(df: number, confidence: number = DEFAULT_CONFIDENCE): number {
  checkConfidence(confidence);
  if (!(df > 0)) throw new RangeError(`Degrees of freedom must be positive, got ${df}.`);
  if (df === Number.POSITIVE_INFINITY) return criticalZ(confidence);
  return studentTQuantile(1 - (1 - confidence) / 2, df);
}

/**
 * Wilson score interval for a proportion p = successes / n:
 *
 *   centre    = (p + z²/(2n)) / (1 + z²/n)
 *   halfWidth = z / (1 + z²/n) · √( p(1 − p)/n + z²/(4n²) )
 *
 * It stays inside [0, 1] and keeps a sensible width at p = 0 or 1 and for small n, where the plain
 * p ± z√(p(1−p)/n) collapses or overshoots. `successes` may be fractional (a percentage and n from an
 * aggregate). n = 0 gives 'none'.
 */
export function wilsonInterval(
  successes: number,
  n: number,
  confidence: number = DEFAULT_CONFIDENCE,
): IntervalEstimate {
  if (n === 0) return NO_DATA;
  if (!(n > 0) || !(successes >= 0) || successes > n)
    throw new RangeError(`A proportion needs 0 ≤ successes ≤ n, got ${successes} of ${n}.`);
  const z = criticalZ(confidence);
  const p = successes / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const halfWidth = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return { kind: 'bounded', low: Math.max(0, centre - halfWidth), high: Math.min(1, centre + halfWidth) };
}

/**
 * t-interval for a mean: mean ± t(1 − α/2; n − 1) · sd / √n.
 * n = 0 → 'none'; n = 1 → 'unbounded' (the mean is defined, its spread is not); sd = 0 → a zero-width
 * interval [mean, mean] (every observation identical).
 */
export function meanInterval(
  mean: number,
  sd: number | null,
  n: number,
  confidence: number = DEFAULT_CONFIDENCE,
): IntervalEstimate {
  if (n === 0) return NO_DATA;
  if (n === 1 || sd === null) return UNBOUNDED;
  const halfWidth = (criticalT(n - 1, confidence) * sd) / Math.sqrt(n);
  return { kind: 'bounded', low: mean - halfWidth, high: mean + halfWidth };
}

/** Normal (Wald) interval: estimate ± z · se. */
export function normalInterval(
  estimate: number,
  standardError: number,
  confidence: number = DEFAULT_CONFIDENCE,
): Interval {
  const halfWidth = criticalZ(confidence) * standardError;
  return { low: estimate - halfWidth, high: estimate + halfWidth };
}

/** Clips an interval to [min, max]: a metric's interval cannot leave the range the metric can take. */
export function clampInterval(interval: Interval, min: number, max: number): Interval {
  return {
    low: Math.min(Math.max(interval.low, min), max),
    high: Math.max(Math.min(interval.high, max), min),
  };
}

/** Multiplies both ends (a proportion's interval to percentage points, say). */
export function scaleInterval(interval: Interval, factor: number): Interval {
  return { low: interval.low * factor, high: interval.high * factor };
}
