import { z } from 'zod';
import { accepted, type Checked, describeIssues, rejected } from './checked';
import {
  type MetricDefinition,
  type MetricDirection,
  type MetricFamily,
  type MetricKind,
  type MetricUnit,
  NPS_DETRACTOR_MAX,
  NPS_PROMOTER_MIN,
  surveyScale,
} from './definitions';
import {
  countBetween,
  distributionN,
  type ScoreDistribution,
  ScoreDistributionSchema,
  summarizeDistribution,
  summarizeSamples,
} from './distribution';
import {
  clampInterval,
  criticalT,
  criticalZ,
  DEFAULT_CONFIDENCE,
  type Interval,
  meanInterval,
  normalInterval,
  wilsonInterval,
} from './intervals';

/**
 * computeMetric: one metric definition + its data → a value that carries everything needed to read it
 * honestly (domain.md: "store with every value the scale, the direction and the formula used, and
 * the sample size n").
 *
 * Units: '%' metrics are in percent (CSAT 80 means 80 %), their intervals in percentage points; NPS is
 * in NPS points (−100 … 100); CES means and custom scores in scale points; times in seconds.
 */

/** How the value's uncertainty is modelled; it decides which interval and which two-sample test apply. */
export type Estimator = 'proportion' | 'mean' | 'none';

/** Why `ci` is null. */
export type CiUnavailable =
  /** n = 0: there is no value either. */
  | 'no-data'
  /** n = 1: the value exists but a spread cannot be estimated from one response (t has 0 df). */
  | 'single-response'
  /** an aggregate mean came without its standard deviation. */
  | 'no-spread'
  /** the metric has no sampling model (CLV, a custom metric with interval 'none'). */
  | 'not-applicable';

export interface MetricValue {
  readonly key: string;
  readonly kind: MetricKind;
  readonly family: MetricFamily;
  readonly direction: MetricDirection;
  readonly unit: MetricUnit;
  /** null when there is no data (n = 0). */
  readonly value: number | null;
  /** Responses, contacts or customers the value rests on. */
  readonly n: number;
  /** Sample sd of the per-response values behind a mean (NPS: of the ±100/0 recoding), else null. */
  readonly sd: number | null;
  readonly estimator: Estimator;
  /** Confidence interval at `confidence`, in the value's unit; null with the reason in ciUnavailable. */
  readonly ci: Interval | null;
  readonly ciUnavailable: CiUnavailable | null;
  readonly confidence: number;
  /** The survey question's response scale (NPS 0–10, CSAT 1–5 …); null for non-survey metrics. */
  readonly scaleMin: number | null;
  readonly scaleMax: number | null;
  /** The formula with this value's numbers substituted, for tooltips and exports. */
  readonly formula: string;
  /** n < minN (default 30): the value is shown as uncertain whatever its interval says. */
  readonly smallSample: boolean;
}

export const DEFAULT_MIN_N = 30;

export interface ComputeOptions {
  /** Samples smaller than this are flagged `smallSample` (default 30). */
  readonly minN?: number;
  /** Two-sided confidence level of `ci` (default 0.95). */
  readonly confidence?: number;
}

const Count = z.number().int('a count is a whole number').nonnegative('a count cannot be negative');
const NonNegative = z.number().nonnegative('cannot be negative');
const Fraction = z
  .number()
  .min(0, 'a fraction lies in 0–1')
  .max(1, 'a fraction lies in 0–1 (write 30 % as 0.3)');

/** A value already computed elsewhere (an imported aggregate row): value, n and, for means, sd. */
export const AggregateInput = z.object({
  source: z.literal('aggregate'),
  value: z.number(),
  n: Count,
  sd: NonNegative.nullable().optional(),
});
export type AggregateInput = z.input<typeof AggregateInput>;

/** successes out of n: CSAT or CES top-box counts, FCR (resolved at first contact ÷ contacts). */
export const ProportionCounts = z
  .object({ source: z.literal('proportion-counts'), successes: Count, n: Count })
  .refine((c) => c.successes <= c.n, { message: 'successes cannot exceed n', path: ['successes'] });
export type ProportionCounts = z.input<typeof ProportionCounts>;

/** Churn rate = lost ÷ atStart. */
export const ChurnCounts = z
  .object({ source: z.literal('churn-counts'), lost: Count, atStart: Count })
  .refine((c) => c.lost <= c.atStart, {
    message: 'customers lost cannot exceed customers at the start',
    path: ['lost'],
  });
export type ChurnCounts = z.input<typeof ChurnCounts>;

/** Retention rate = (atEnd − acquired) ÷ atStart. */
export const RetentionCounts = z
  .object({ source: z.literal('retention-counts'), atStart: Count, atEnd: Count, acquired: Count })
  .refine((c) => c.atEnd >= c.acquired, {
    message: 'new customers cannot exceed customers at the end',
    path: ['acquired'],
  })
  .refine((c) => c.atEnd - c.acquired <= c.atStart, {
    message: 'customers at the end minus new customers cannot exceed customers at the start',
    path: ['atEnd'],
  });
export type RetentionCounts = z.input<typeof RetentionCounts>;

/**
 * CLV = average order value × purchase frequency × lifespan × margin. Frequency and lifespan in the
 * same time unit (orders per year × years); margin as a fraction, 1 (the default) for revenue CLV.
 * n: customers the averages describe.
 */
export const ClvTransactionalInput = z.object({
  source: z.literal('clv-transactional'),
  averageOrderValue: NonNegative,
  purchaseFrequency: NonNegative,
  lifespan: NonNegative,
  margin: Fraction.default(1),
  n: Count,
});
export type ClvTransactionalInput = z.input<typeof ClvTransactionalInput>;

/** Subscription CLV = ARPU × margin ÷ churn rate, ARPU and churn per the same period, both fractions. */
export const ClvSubscriptionInput = z.object({
  source: z.literal('clv-subscription'),
  arpu: NonNegative,
  margin: Fraction,
  churnRate: Fraction.refine((c) => c > 0, 'a churn rate of 0 gives an infinite lifetime'),
  n: Count,
});
export type ClvSubscriptionInput = z.input<typeof ClvSubscriptionInput>;

/** Raw observations (handle times in seconds, one per contact). */
export const SamplesInput = z.object({ source: z.literal('samples'), values: z.array(z.number()) });
export type SamplesInput = z.input<typeof SamplesInput>;

const SourcedInput = z.discriminatedUnion('source', [
  AggregateInput,
  ProportionCounts,
  ChurnCounts,
  RetentionCounts,
  ClvTransactionalInput,
  ClvSubscriptionInput,
  SamplesInput,
]);
type SourcedInput = z.output<typeof SourcedInput>;

/** What computeMetric accepts: a score distribution (survey metrics) or one of the sourced inputs. */
export type MetricInput =
  | ScoreDistribution
  | AggregateInput
  | ProportionCounts
  | ChurnCounts
  | RetentionCounts
  | ClvTransactionalInput
  | ClvSubscriptionInput
  | SamplesInput;
export const MetricInputSchema = z.union([ScoreDistributionSchema, SourcedInput]);

type Parsed = ScoreDistribution | SourcedInput;
const isDistribution = (input: Parsed): input is ScoreDistribution => 'counts' in input;

/** The part of a MetricValue that depends on the data. */
interface Estimate {
  value: number | null;
  n: number;
  sd: number | null;
  estimator: Estimator;
  ci: Interval | null;
  ciUnavailable: CiUnavailable | null;
  formula: string;
}

/** Numbers in formulas: at most 4 decimals, no trailing zeros, no "-0". */
export function formatNumber(x: number, decimals = 4): string {
  const rounded = Number(x.toFixed(decimals));
  return String(Object.is(rounded, -0) ? 0 : rounded);
}
const fmt = formatNumber;
const sumOf = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0);
const pct = (level: number) => `${fmt(level * 100, 2)}%`;

const noData = (estimator: Estimator, formula: string): Estimate => ({
  value: null,
  n: 0,
  sd: null,
  estimator,
  ci: null,
  ciUnavailable: 'no-data',
  formula: `${formula}; no data (n = 0)`,
});

/** value = 100 · successes / n; CI: Wilson score interval, in percentage points. */
function proportionEstimate(successes: number, n: number, formula: string, confidence: number): Estimate {
  if (n === 0) return noData('proportion', formula);
  const value = (100 * successes) / n;
  const wilson = wilsonInterval(successes, n, confidence);
  const ci = wilson.kind === 'bounded' ? { low: 100 * wilson.low, high: 100 * wilson.high } : null;
  return {
    value,
    n,
    sd: null,
    estimator: 'proportion',
    ci,
    ciUnavailable: null,
    formula: `${formula} = ${fmt(successes)} ÷ ${fmt(n)} = ${fmt(value)}%; ${pct(confidence)} CI: Wilson score interval`,
  };
}

/**
 * A mean with a t-interval, mean ± t(1 − α/2; n − 1) · sd / √n, clipped to the range the mean can take
 * (a CES mean cannot leave its scale, a duration cannot go below 0).
 */
function meanEstimate(
  summary: { n: number; mean: number | null; sd: number | null },
  formula: string,
  range: { min: number; max: number },
  confidence: number,
): Estimate {
  const { n, mean, sd } = summary;
  if (n === 0 || mean === null) return noData('mean', formula);
  const base = { value: mean, n, sd, estimator: 'mean' as const };
  const shown = `${formula} = ${fmt(mean)}`;
  const interval = meanInterval(mean, sd, n, confidence);
  if (interval.kind !== 'bounded' || sd === null) {
    const reason = n === 1 ? 'single-response' : 'no-spread';
    const why = n === 1 ? 'one response has no spread' : 'no standard deviation given';
    return { ...base, ci: null, ciUnavailable: reason, formula: `${shown}; no CI: ${why}` };
  }
  const t = criticalT(n - 1, confidence);
  const ci = clampInterval(interval, range.min, range.max);
  const bound = (x: number) => (x === Infinity ? '∞' : x === -Infinity ? '−∞' : fmt(x));
  const clipped =
    Number.isFinite(range.min) || Number.isFinite(range.max)
      ? `, clipped to [${bound(range.min)}, ${bound(range.max)}]`
      : '';
  return {
    ...base,
    ci,
    ciUnavailable: null,
    formula:
      `${shown}; ${pct(confidence)} CI = mean ± t(df ${n - 1}) × sd ÷ √n = ` +
      `${fmt(mean)} ± ${fmt(t)} × ${fmt(sd)} ÷ √${n}${clipped}`,
  };
}

/**
 * NPS from a mean and sd of the ±100 / 0 recoding: SE = sd / √n, CI = NPS ± z · SE clipped to
 * [−100, 100] (domain.md; z = 1.959964 at 95 %, which domain.md rounds to 1.96). With every response
 * in one category the sd is 0 and the interval collapses to the value itself: that is what the
 * prescribed formula gives, and we report it as such rather than invent a spread; `smallSample` is
 * what warns against over-reading a few identical answers.
 */
function npsEstimate(
  n: number,
  value: number,
  sd: number | null,
  head: string,
  confidence: number,
): Estimate {
  const base = { value, n, sd, estimator: 'mean' as const };
  if (n === 1 || sd === null) {
    const reason = n === 1 ? 'single-response' : 'no-spread';
    const why = n === 1 ? 'one response has no spread' : 'no standard deviation given';
    return { ...base, ci: null, ciUnavailable: reason, formula: `${head}; no CI: ${why}` };
  }
  const se = sd / Math.sqrt(n);
  const ci = clampInterval(normalInterval(value, se, confidence), -100, 100);
  return {
    ...base,
    ci,
    ciUnavailable: null,
    formula:
      `${head}; SE = sd(recoded +100/0/−100) ÷ √n = ${fmt(sd)} ÷ √${n} = ${fmt(se)}; ` +
      `${pct(confidence)} CI = NPS ± ${fmt(criticalZ(confidence))} × SE, clipped to [−100, 100]`,
  };
}

const notApplicable = (value: number, n: number, formula: string): Estimate =>
  n === 0
    ? noData('none', formula)
    : { value, n, sd: null, estimator: 'none', ci: null, ciUnavailable: 'not-applicable', formula };

type Kind<K extends MetricKind> = Extract<MetricDefinition, { kind: K }>;

function unsupported(definition: MetricDefinition, input: Parsed): Checked<never> {
  const what = isDistribution(input) ? 'a score distribution' : `'${input.source}' input`;
  return rejected(`A ${definition.kind} metric cannot be computed from ${what}.`);
}

function checkScale(definition: { scaleMin: number; scaleMax: number }, d: ScoreDistribution): string | null {
  if (d.min === definition.scaleMin && d.max === definition.scaleMax) return null;
  return `The responses are on a ${d.min}–${d.max} scale but the metric expects ${definition.scaleMin}–${definition.scaleMax}.`;
}

function percentAggregate(
  input: z.output<typeof AggregateInput>,
  head: string,
  confidence: number,
): Checked<Estimate> {
  if (input.value < 0 || input.value > 100)
    return rejected(`value: a percentage lies in 0–100, got ${input.value}.`);
  return accepted(
    proportionEstimate((input.value / 100) * input.n, input.n, `${head} (aggregate)`, confidence),
  );
}

function computeNps(definition: Kind<'nps'>, input: Parsed, confidence: number): Checked<Estimate> {
  const head = `NPS = %promoters (${NPS_PROMOTER_MIN}–10) − %detractors (0–${NPS_DETRACTOR_MAX})`;
  if (isDistribution(input)) {
    const problem = checkScale(definition, input);
    if (problem) return rejected(problem);
    const n = distributionN(input);
    if (n === 0) return accepted(noData('mean', head));
    const promoters = countBetween(input, NPS_PROMOTER_MIN, 10);
    const detractors = countBetween(input, 0, NPS_DETRACTOR_MAX);
    // NPS = 100·(P − D)/n, computed from the counts so that it is exact (e.g. 30, not 30.000000000000004).
    const value = (100 * (promoters - detractors)) / n;
    const recoded = summarizeDistribution(input, (s) =>
      s >= NPS_PROMOTER_MIN ? 100 : s <= NPS_DETRACTOR_MAX ? -100 : 0,
    );
    const shown = `${head} = ${fmt((100 * promoters) / n)}% − ${fmt((100 * detractors) / n)}% = ${fmt(value)}`;
    return accepted(npsEstimate(n, value, recoded.sd, shown, confidence));
  }
  if (input.source !== 'aggregate') return unsupported(definition, input);
  if (input.value < -100 || input.value > 100)
    return rejected(`value: an NPS lies in −100…100, got ${input.value}.`);
  if (input.n === 0) return accepted(noData('mean', head));
  return accepted(
    npsEstimate(
      input.n,
      input.value,
      input.sd ?? null,
      `${head} = ${fmt(input.value)} (aggregate)`,
      confidence,
    ),
  );
}

function computeTopBox(
  definition: Kind<'csat'> | Kind<'ces'>,
  input: Parsed,
  head: string,
  confidence: number,
): Checked<Estimate> {
  if (isDistribution(input)) {
    const problem = checkScale(definition, input);
    if (problem) return rejected(problem);
    const top = countBetween(input, definition.topBoxMin, definition.scaleMax);
    return accepted(proportionEstimate(top, distributionN(input), head, confidence));
  }
  if (input.source === 'proportion-counts')
    return accepted(proportionEstimate(input.successes, input.n, head, confidence));
  if (input.source === 'aggregate') return percentAggregate(input, head, confidence);
  return unsupported(definition, input);
}

function computeCes(definition: Kind<'ces'>, input: Parsed, confidence: number): Checked<Estimate> {
  const { scaleMin: min, scaleMax: max } = definition;
  if (definition.report === 'top-box') {
    const what = definition.version === '1.0' ? '% reporting high effort' : '% agreeing';
    return computeTopBox(
      definition,
      input,
      `CES ${what} = responses ${definition.topBoxMin}–${max} ÷ all responses`,
      confidence,
    );
  }
  const range = { min, max };
  if (isDistribution(input)) {
    const problem = checkScale(definition, input);
    if (problem) return rejected(problem);
    const summary = summarizeDistribution(input);
    const sum = input.counts.reduce((s, c, i) => s + c * (min + i), 0);
    const head = `CES = mean score (${min}–${max}) = Σ scores ÷ n = ${fmt(sum)} ÷ ${summary.n}`;
    return accepted(meanEstimate(summary, head, range, confidence));
  }
  if (input.source !== 'aggregate') return unsupported(definition, input);
  if (input.value < min || input.value > max)
    return rejected(`value: a mean on the ${min}–${max} scale lies in ${min}–${max}, got ${input.value}.`);
  const summary = { n: input.n, mean: input.value, sd: input.sd ?? null };
  return accepted(meanEstimate(summary, `CES = mean score (${min}–${max}) (aggregate)`, range, confidence));
}

function computeDuration(
  definition: Kind<'handle-time'> | Kind<'first-response-time'>,
  input: Parsed,
  confidence: number,
): Checked<Estimate> {
  const what = definition.kind === 'handle-time' ? 'average handle time' : 'time to first response';
  const range = { min: 0, max: Number.POSITIVE_INFINITY };
  if (isDistribution(input)) return unsupported(definition, input);
  if (input.source === 'samples') {
    const negative = input.values.findIndex((v) => v < 0);
    if (negative >= 0) return rejected(`values.${negative}: a duration cannot be negative.`);
    const summary = summarizeSamples(input.values);
    const head = `${what} = Σ seconds ÷ n = ${fmt(sumOf(input.values))} ÷ ${summary.n}`;
    return accepted(meanEstimate(summary, head, range, confidence));
  }
  if (input.source !== 'aggregate') return unsupported(definition, input);
  if (input.value < 0) return rejected(`value: a duration cannot be negative, got ${input.value}.`);
  const summary = { n: input.n, mean: input.value, sd: input.sd ?? null };
  return accepted(meanEstimate(summary, `${what} (aggregate, seconds)`, range, confidence));
}

function computeClv(definition: Kind<'clv'>, input: Parsed): Checked<Estimate> {
  if (isDistribution(input)) return unsupported(definition, input);
  switch (input.source) {
    case 'clv-transactional': {
      const { averageOrderValue: aov, purchaseFrequency: f, lifespan: l, margin: m, n } = input;
      const value = aov * f * l * m;
      const formula = `CLV = average order value × purchase frequency × lifespan × margin = ${fmt(aov)} × ${fmt(f)} × ${fmt(l)} × ${fmt(m)} = ${fmt(value)}`;
      return accepted(notApplicable(value, n, formula));
    }
    case 'clv-subscription': {
      const { arpu, margin, churnRate, n } = input;
      const value = (arpu * margin) / churnRate;
      const formula = `CLV = ARPU × margin ÷ churn rate = ${fmt(arpu)} × ${fmt(margin)} ÷ ${fmt(churnRate)} = ${fmt(value)}`;
      return accepted(notApplicable(value, n, formula));
    }
    case 'aggregate':
      return accepted(notApplicable(input.value, input.n, `CLV = ${fmt(input.value)} (aggregate)`));
    default:
      return unsupported(definition, input);
  }
}

function computeCustom(definition: Kind<'custom'>, input: Parsed, confidence: number): Checked<Estimate> {
  const head = definition.label;
  if (isDistribution(input)) return unsupported(definition, input);
  if (definition.interval === 'proportion') {
    if (input.source === 'proportion-counts')
      return accepted(proportionEstimate(input.successes, input.n, `${head} = successes ÷ n`, confidence));
    if (input.source === 'aggregate') return percentAggregate(input, head, confidence);
    return unsupported(definition, input);
  }
  const range = { min: Number.NEGATIVE_INFINITY, max: Number.POSITIVE_INFINITY };
  if (definition.interval === 'mean') {
    if (input.source === 'samples')
      return accepted(
        meanEstimate(
          summarizeSamples(input.values),
          `${head} = Σ values ÷ n = ${fmt(sumOf(input.values))} ÷ ${input.values.length}`,
          range,
          confidence,
        ),
      );
    if (input.source === 'aggregate')
      return accepted(
        meanEstimate(
          { n: input.n, mean: input.value, sd: input.sd ?? null },
          `${head} (aggregate)`,
          range,
          confidence,
        ),
      );
    return unsupported(definition, input);
  }
  if (input.source !== 'aggregate') return unsupported(definition, input);
  return accepted(notApplicable(input.value, input.n, `${head} = ${fmt(input.value)} (aggregate)`));
}

/** The sampling model of a metric as configured. */
export function estimatorFor(definition: MetricDefinition): Estimator {
  switch (definition.kind) {
    case 'nps':
    case 'handle-time':
    case 'first-response-time':
      return 'mean';
    case 'ces':
      return definition.report === 'mean' ? 'mean' : 'proportion';
    case 'clv':
      return 'none';
    case 'custom':
      return definition.interval === 'proportion'
        ? 'proportion'
        : definition.interval === 'mean'
          ? 'mean'
          : 'none';
    default:
      return 'proportion';
  }
}

function estimate(definition: MetricDefinition, input: Parsed, confidence: number): Checked<Estimate> {
  // An aggregate row with n = 0 carries no information, whatever its value column says.
  if (!isDistribution(input) && input.source === 'aggregate' && input.n === 0)
    return accepted(noData(estimatorFor(definition), definition.label));
  switch (definition.kind) {
    case 'nps':
      return computeNps(definition, input, confidence);
    case 'csat':
      return computeTopBox(
        definition,
        input,
        `CSAT = responses ${definition.topBoxMin}–${definition.scaleMax} ÷ all responses`,
        confidence,
      );
    case 'ces':
      return computeCes(definition, input, confidence);
    case 'churn-rate': {
      const head = 'churn rate = customers lost ÷ customers at start';
      if (isDistribution(input)) return unsupported(definition, input);
      if (input.source === 'churn-counts')
        return accepted(proportionEstimate(input.lost, input.atStart, head, confidence));
      if (input.source === 'aggregate') return percentAggregate(input, 'churn rate', confidence);
      return unsupported(definition, input);
    }
    case 'retention-rate': {
      if (isDistribution(input)) return unsupported(definition, input);
      if (input.source === 'retention-counts') {
        const { atStart, atEnd, acquired } = input;
        const head = `retention rate = (customers at end − new customers) ÷ customers at start = (${atEnd} − ${acquired}) ÷ ${atStart}`;
        return accepted(proportionEstimate(atEnd - acquired, atStart, head, confidence));
      }
      if (input.source === 'aggregate') return percentAggregate(input, 'retention rate', confidence);
      return unsupported(definition, input);
    }
    case 'clv':
      return computeClv(definition, input);
    case 'fcr': {
      const head = 'FCR = contacts resolved at first contact ÷ contacts';
      if (isDistribution(input)) return unsupported(definition, input);
      if (input.source === 'proportion-counts')
        return accepted(proportionEstimate(input.successes, input.n, head, confidence));
      if (input.source === 'aggregate') return percentAggregate(input, 'FCR', confidence);
      return unsupported(definition, input);
    }
    case 'handle-time':
    case 'first-response-time':
      return computeDuration(definition, input, confidence);
    case 'custom':
      return computeCustom(definition, input, confidence);
  }
}

/**
 * Computes a metric's value, n, confidence interval and formula.
 *
 * - Survey metrics from a distribution: NPS (normal interval on the ±100/0 recoding), CSAT and
 *   CES top-box (Wilson), CES mean (t-interval, clipped to the scale).
 * - Aggregates with value and n: proportions (every '%' metric except where noted) get a Wilson
 *   interval from p = value/100 and n; means get a t-interval (NPS: the normal interval) only when an
 *   sd is supplied; CLV and custom 'none' metrics have none.
 * - Counts (churn, retention, FCR, top-box): the exact proportion and its Wilson interval.
 *
 * Never throws on bad data: returns the reason instead.
 */
export function computeMetric(
  definition: MetricDefinition,
  input: MetricInput,
  options: ComputeOptions = {},
): Checked<MetricValue> {
  const minN = options.minN ?? DEFAULT_MIN_N;
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
  if (!(minN >= 0)) return rejected(`minN must be 0 or more, got ${minN}.`);
  if (!(confidence > 0 && confidence < 1))
    return rejected(`confidence lies strictly between 0 and 1, got ${confidence}.`);
  // Parse the two shapes separately so that a reason names the real problem, not "no union member".
  const isCounts = typeof input === 'object' && input !== null && 'counts' in input;
  const parsed = isCounts ? ScoreDistributionSchema.safeParse(input) : SourcedInput.safeParse(input);
  if (!parsed.success) return rejected(describeIssues(parsed.error));
  const result = estimate(definition, parsed.data, confidence);
  if (!result.ok) return result;
  const scale = surveyScale(definition);
  return accepted({
    key: definition.key,
    kind: definition.kind,
    family: definition.family,
    direction: definition.direction,
    unit: definition.unit,
    ...result.value,
    confidence,
    scaleMin: scale?.min ?? null,
    scaleMax: scale?.max ?? null,
    smallSample: result.value.n < minN,
  });
}
