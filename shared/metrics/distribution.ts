import { z } from 'zod';
import { accepted, type Checked, rejected } from './checked';

/**
 * A score distribution: how many responses gave each integer score on a survey scale.
 *
 *   counts[i] = number of responses with score (min + i),   i = 0 … max − min
 *
 * Keeping counts rather than a percentage is what makes every metric exact and mergeable: NPS, CSAT,
 * CES, their standard errors and their confidence intervals are all functions of the counts, and the
 * counts of two samples add up to the counts of the combined sample.
 */
export interface ScoreScale {
  readonly min: number;
  readonly max: number;
}

export interface ScoreDistribution extends ScoreScale {
  readonly counts: readonly number[];
}

/** A scale has at most this many points (0–100 is the widest survey scale in use). */
export const MAX_SCALE_POINTS = 101;

/** Why a scale is unusable, or null when it is fine: integer bounds, min < max, ≤ 101 points. */
export function scaleRejection(scale: ScoreScale): string | null {
  const { min, max } = scale;
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max))
    return `A scale runs between whole numbers (got ${String(min)}–${String(max)}).`;
  if (min >= max) return `A scale needs its minimum below its maximum (got ${min}–${max}).`;
  if (max - min + 1 > MAX_SCALE_POINTS)
    return `A scale has at most ${MAX_SCALE_POINTS} points (got ${min}–${max}).`;
  return null;
}

/** Why a value is not a valid score on the scale, or null when it is one. */
export function scoreRejection(value: unknown, scale: ScoreScale): string | null {
  if (typeof value !== 'number') {
    const shown = typeof value === 'string' ? `"${value}"` : value === null ? 'nothing' : typeof value;
    return `A score must be a number, got ${shown}.`;
  }
  if (!Number.isFinite(value)) return `A score must be a finite number, got ${String(value)}.`;
  if (!Number.isInteger(value)) return `A score must be a whole number, got ${value}.`;
  if (value < scale.min) return `${value} is below the scale minimum ${scale.min}.`;
  if (value > scale.max) return `${value} is above the scale maximum ${scale.max}.`;
  return null;
}

/** Why a distribution is malformed (wrong length, negative or fractional counts), or null. */
export function distributionRejection(distribution: ScoreDistribution): string | null {
  const scaleProblem = scaleRejection(distribution);
  if (scaleProblem) return scaleProblem;
  const expected = distribution.max - distribution.min + 1;
  if (distribution.counts.length !== expected)
    return `A ${distribution.min}–${distribution.max} distribution needs ${expected} counts, got ${distribution.counts.length}.`;
  const bad = distribution.counts.findIndex((c) => !Number.isSafeInteger(c) || c < 0);
  if (bad >= 0)
    return `The count for score ${distribution.min + bad} must be a whole number ≥ 0, got ${String(distribution.counts[bad])}.`;
  return null;
}

/** Zod schema for a distribution arriving from outside (the API, a stored file). */
export const ScoreDistributionSchema = z
  .object({
    min: z.number().int(),
    max: z.number().int(),
    counts: z.array(z.number().int().nonnegative()),
  })
  .superRefine((value, ctx) => {
    const problem = distributionRejection(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export function emptyDistribution(scale: ScoreScale): Checked<ScoreDistribution> {
  const problem = scaleRejection(scale);
  if (problem) return rejected(problem);
  return accepted({
    min: scale.min,
    max: scale.max,
    counts: new Array<number>(scale.max - scale.min + 1).fill(0),
  });
}

export interface ScoreRejection {
  /** Position of the value in the input list. */
  readonly index: number;
  readonly value: unknown;
  readonly reason: string;
}

/**
 * Counts the valid scores and lists the others with a reason, so that an import can keep the good
 * rows and report the bad ones. Fails only when the scale itself is unusable.
 */
export function tallyScores(
  scores: readonly unknown[],
  scale: ScoreScale,
): Checked<{ distribution: ScoreDistribution; rejected: ScoreRejection[] }> {
  const empty = emptyDistribution(scale);
  if (!empty.ok) return empty;
  const counts = [...empty.value.counts];
  const rejections: ScoreRejection[] = [];
  scores.forEach((value, index) => {
    const reason = scoreRejection(value, scale);
    if (reason !== null) rejections.push({ index, value, reason });
    else counts[(value as number) - scale.min]! += 1;
  });
  return accepted({ distribution: { min: scale.min, max: scale.max, counts }, rejected: rejections });
}

/**
 * Builds a distribution from raw scores, all or nothing: any value that is not an integer on the
 * scale rejects the whole list, with the reason for the first few bad values.
 */
export function distributionFromScores(
  scores: readonly unknown[],
  scale: ScoreScale,
): Checked<ScoreDistribution> {
  const tally = tallyScores(scores, scale);
  if (!tally.ok) return tally;
  const bad = tally.value.rejected;
  if (bad.length === 0) return accepted(tally.value.distribution);
  const shown = bad
    .slice(0, 3)
    .map((r) => `#${r.index + 1}: ${r.reason}`)
    .join(' ');
  const more = bad.length > 3 ? ` (and ${bad.length - 3} more)` : '';
  return rejected(`${bad.length} of ${scores.length} scores rejected. ${shown}${more}`);
}

/**
 * Adds distributions on the same scale: the counts of the combined sample. This is the exact way to
 * pool touchpoints or days (see aggregate.ts).
 */
export function mergeDistributions(distributions: readonly ScoreDistribution[]): Checked<ScoreDistribution> {
  const [first] = distributions;
  if (!first) return rejected('There is nothing to merge.');
  const counts = new Array<number>(first.counts.length).fill(0);
  for (const d of distributions) {
    const problem = distributionRejection(d);
    if (problem) return rejected(problem);
    if (d.min !== first.min || d.max !== first.max)
      return rejected(
        `Cannot merge a ${d.min}–${d.max} distribution into ${first.min}–${first.max}: the scales differ.`,
      );
    d.counts.forEach((c, i) => {
      counts[i]! += c;
    });
  }
  return accepted({ min: first.min, max: first.max, counts });
}

/** n = Σ counts[i]. */
export function distributionN(distribution: ScoreDistribution): number {
  return distribution.counts.reduce((sum, c) => sum + c, 0);
}

/** Number of responses with a score between `from` and `to` inclusive. */
export function countBetween(distribution: ScoreDistribution, from: number, to: number): number {
  return distribution.counts.reduce((sum, c, i) => {
    const score = distribution.min + i;
    return score >= from && score <= to ? sum + c : sum;
  }, 0);
}

export interface SampleSummary {
  readonly n: number;
  /** Σ cᵢ·xᵢ / n; null when n = 0. */
  readonly mean: number | null;
  /** Sample standard deviation √(Σ cᵢ·(xᵢ − mean)² / (n − 1)); null when n < 2. */
  readonly sd: number | null;
}

/**
 * n, mean and sample sd of the responses, each score first passed through `recode` (identity by
 * default; NPS recodes 0–10 to −100 / 0 / +100). Two passes (mean first, then squared deviations)
 * keep the sd exact to rounding even when the mean is large compared with the spread.
 */
export function summarizeDistribution(
  distribution: ScoreDistribution,
  recode: (score: number) => number = (score) => score,
): SampleSummary {
  const n = distributionN(distribution);
  if (n === 0) return { n, mean: null, sd: null };
  const value = (i: number) => recode(distribution.min + i);
  const mean = distribution.counts.reduce((sum, c, i) => sum + c * value(i), 0) / n;
  if (n < 2) return { n, mean, sd: null };
  const squares = distribution.counts.reduce((sum, c, i) => sum + c * (value(i) - mean) ** 2, 0);
  return { n, mean, sd: Math.sqrt(squares / (n - 1)) };
}

/** Mean score, null when there are no responses. */
export function distributionMean(distribution: ScoreDistribution): number | null {
  return summarizeDistribution(distribution).mean;
}

/** Sample standard deviation (n − 1 denominator), null below two responses. */
export function distributionSd(distribution: ScoreDistribution): number | null {
  return summarizeDistribution(distribution).sd;
}

/** n, mean and sample sd of plain numeric observations (handle times, say): same formulas. */
export function summarizeSamples(values: readonly number[]): SampleSummary {
  const n = values.length;
  if (n === 0) return { n, mean: null, sd: null };
  const mean = values.reduce((sum, v) => sum + v, 0) / n;
  if (n < 2) return { n, mean, sd: null };
  const squares = values.reduce((sum, v) => sum + (v - mean) ** 2, 0);
  return { n, mean, sd: Math.sqrt(squares / (n - 1)) };
}
