import { z } from 'zod';
import { accepted, type Checked, describeIssues, rejected } from './checked';
import { MAX_SCALE_POINTS } from './distribution';

/**
 * The metrics Journey Studio computes, each with a zod schema for its configuration.
 * Definitions follow ../../docs/domain.md ("Metrics: exact definitions").
 *
 * Every parsed definition carries key, label, family, direction and unit, so that a stored value can
 * always say what it measures. Family has a default per kind and the user may change it; direction
 * and unit are fixed by the kind (CES: by its version and report; custom: chosen by the user), and a
 * definition that contradicts them is refused rather than silently "corrected".
 */

export const METRIC_KINDS = [
  'nps',
  'csat',
  'ces',
  'churn-rate',
  'retention-rate',
  'clv',
  'fcr',
  'handle-time',
  'first-response-time',
  'custom',
] as const;
export const MetricKind = z.enum(METRIC_KINDS);
export type MetricKind = z.infer<typeof MetricKind>;

export const MetricFamily = z.enum(['service', 'experience']);
export type MetricFamily = z.infer<typeof MetricFamily>;

export const MetricDirection = z.enum(['higher-is-better', 'lower-is-better']);
export type MetricDirection = z.infer<typeof MetricDirection>;

export const MetricUnit = z.enum(['%', 'score', 'seconds', 'currency', 'ratio']);
export type MetricUnit = z.infer<typeof MetricUnit>;

/** Family per kind (domain.md): CSAT, CES, FCR, handle time, time to first response describe service. */
export const DEFAULT_FAMILY: Record<Exclude<MetricKind, 'custom'>, MetricFamily> = {
  nps: 'experience',
  csat: 'service',
  ces: 'service',
  'churn-rate': 'experience',
  'retention-rate': 'experience',
  clv: 'experience',
  fcr: 'service',
  'handle-time': 'service',
  'first-response-time': 'service',
};

export const METRIC_KIND_LABELS: Record<MetricKind, string> = {
  nps: 'Net Promoter Score',
  csat: 'Customer satisfaction (CSAT)',
  ces: 'Customer effort score (CES)',
  'churn-rate': 'Churn rate',
  'retention-rate': 'Retention rate',
  clv: 'Customer lifetime value',
  fcr: 'First-contact resolution',
  'handle-time': 'Average handle time',
  'first-response-time': 'Time to first response',
  custom: 'Custom metric',
};

/** NPS categories on the 0–10 scale. */
export const NPS_SCALE = { min: 0, max: 10 } as const;
export const NPS_PROMOTER_MIN = 9;
export const NPS_DETRACTOR_MAX = 6;

/** Key used to match imported data to this metric: short, printable, no spaces or markup. */
export const MetricKey = z
  .string()
  .min(1, 'a metric key cannot be empty')
  .max(64, 'a metric key is at most 64 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'a metric key may hold only letters, digits, ".", "-" and "_"');

const Label = z.string().trim().min(1, 'a label cannot be empty').max(200, 'at most 200 characters');
const ScalePoint = z.number().int('a scale point is a whole number').min(-1000).max(1000);

const common = { key: MetricKey, label: Label };
const family = (kind: Exclude<MetricKind, 'custom'>) => MetricFamily.default(DEFAULT_FAMILY[kind]);
const fixedDirection = <D extends MetricDirection>(d: D) =>
  z.literal(d, { error: `this metric is always ${d}` }).default(d);
const fixedUnit = <U extends MetricUnit>(u: U) =>
  z.literal(u, { error: `this metric is always measured in ${u}` }).default(u);

function checkScale(
  value: { scaleMin: number; scaleMax: number; topBoxMin?: number | undefined },
  ctx: z.RefinementCtx,
): void {
  if (value.scaleMin >= value.scaleMax)
    ctx.addIssue({
      code: 'custom',
      path: ['scaleMax'],
      message: 'the scale maximum must exceed its minimum',
    });
  else if (value.scaleMax - value.scaleMin + 1 > MAX_SCALE_POINTS)
    ctx.addIssue({
      code: 'custom',
      path: ['scaleMax'],
      message: `a scale has at most ${MAX_SCALE_POINTS} points`,
    });
  const top = value.topBoxMin;
  if (top !== undefined && (top <= value.scaleMin || top > value.scaleMax))
    ctx.addIssue({
      code: 'custom',
      path: ['topBoxMin'],
      message: `the top box starts above the scale minimum and at most at its maximum (${value.scaleMin + 1}–${value.scaleMax})`,
    });
}

/**
 * NPS: 0–10 "how likely are you to recommend us". Promoters 9–10, passives 7–8, detractors 0–6.
 * NPS = %promoters − %detractors ∈ [−100, 100].
 */
export const NpsDefinition = z.object({
  kind: z.literal('nps'),
  ...common,
  family: family('nps'),
  direction: fixedDirection('higher-is-better'),
  unit: fixedUnit('score'),
  scaleMin: z.literal(NPS_SCALE.min).default(NPS_SCALE.min),
  scaleMax: z.literal(NPS_SCALE.max).default(NPS_SCALE.max),
});
export type NpsDefinition = z.infer<typeof NpsDefinition>;

/**
 * CSAT: % of responses in the top box. Default scale 1–5 with top box 4–5; when only the scale is
 * given, the top box defaults to its two highest points (1–7 → 6–7, 1–10 → 9–10).
 */
export const CsatDefinition = z
  .object({
    kind: z.literal('csat'),
    ...common,
    family: family('csat'),
    direction: fixedDirection('higher-is-better'),
    unit: fixedUnit('%'),
    scaleMin: ScalePoint.default(1),
    scaleMax: ScalePoint.default(5),
    topBoxMin: ScalePoint.optional(),
  })
  .superRefine(checkScale)
  .transform((c) => ({ ...c, topBoxMin: c.topBoxMin ?? c.scaleMax - 1 }));
export type CsatDefinition = z.infer<typeof CsatDefinition>;

/**
 * CES. Version 2.0 ("the company made it easy…", agreement 1–7): higher is better. Version 1.0
 * ("how much effort…"): lower is better. Reported either as the mean score (unit 'score', t-interval)
 * or as the % of responses at or above `topBoxMin` ('top-box', unit '%', Wilson interval): for 2.0
 * that is "% agreeing" (default 5–7 on 1–7, i.e. every point above the midpoint), for 1.0 it is
 * "% reporting high effort", which is why the direction follows the version in both reports.
 */
export const CesDefinition = z
  .object({
    kind: z.literal('ces'),
    ...common,
    family: family('ces'),
    version: z.enum(['2.0', '1.0']).default('2.0'),
    report: z.enum(['mean', 'top-box']).default('mean'),
    direction: MetricDirection.optional(),
    unit: MetricUnit.optional(),
    scaleMin: ScalePoint.default(1),
    scaleMax: ScalePoint.default(7),
    topBoxMin: ScalePoint.optional(),
  })
  .superRefine((c, ctx) => {
    checkScale(c, ctx);
    const direction = c.version === '1.0' ? 'lower-is-better' : 'higher-is-better';
    if (c.direction !== undefined && c.direction !== direction)
      ctx.addIssue({ code: 'custom', path: ['direction'], message: `CES ${c.version} is ${direction}` });
    const unit = c.report === 'mean' ? 'score' : '%';
    if (c.unit !== undefined && c.unit !== unit)
      ctx.addIssue({
        code: 'custom',
        path: ['unit'],
        message: `a CES reported as ${c.report} is in ${unit}`,
      });
  })
  .transform((c) => ({
    ...c,
    direction: (c.version === '1.0' ? 'lower-is-better' : 'higher-is-better') as MetricDirection,
    unit: (c.report === 'mean' ? 'score' : '%') as MetricUnit,
    topBoxMin: c.topBoxMin ?? Math.floor((c.scaleMin + c.scaleMax) / 2) + 1,
  }));
export type CesDefinition = z.infer<typeof CesDefinition>;

/** Churn rate = customers lost in the period ÷ customers at its start (%). */
export const ChurnRateDefinition = z.object({
  kind: z.literal('churn-rate'),
  ...common,
  family: family('churn-rate'),
  direction: fixedDirection('lower-is-better'),
  unit: fixedUnit('%'),
});
export type ChurnRateDefinition = z.infer<typeof ChurnRateDefinition>;

/** Retention rate = (customers at end − new customers) ÷ customers at start (%). */
export const RetentionRateDefinition = z.object({
  kind: z.literal('retention-rate'),
  ...common,
  family: family('retention-rate'),
  direction: fixedDirection('higher-is-better'),
  unit: fixedUnit('%'),
});
export type RetentionRateDefinition = z.infer<typeof RetentionRateDefinition>;

/**
 * CLV ≈ average order value × purchase frequency × customer lifespan × margin, or for subscriptions
 * ARPU × margin ÷ churn rate. Which form is used is decided by the input (see compute.ts).
 */
export const ClvDefinition = z.object({
  kind: z.literal('clv'),
  ...common,
  family: family('clv'),
  direction: fixedDirection('higher-is-better'),
  unit: fixedUnit('currency'),
});
export type ClvDefinition = z.infer<typeof ClvDefinition>;

/** First-contact resolution = contacts resolved at the first contact ÷ contacts (%). */
export const FcrDefinition = z.object({
  kind: z.literal('fcr'),
  ...common,
  family: family('fcr'),
  direction: fixedDirection('higher-is-better'),
  unit: fixedUnit('%'),
});
export type FcrDefinition = z.infer<typeof FcrDefinition>;

/** Average handle time in seconds (mean over contacts). */
export const HandleTimeDefinition = z.object({
  kind: z.literal('handle-time'),
  ...common,
  family: family('handle-time'),
  direction: fixedDirection('lower-is-better'),
  unit: fixedUnit('seconds'),
});
export type HandleTimeDefinition = z.infer<typeof HandleTimeDefinition>;

/** Time to first response in seconds (mean over contacts). */
export const FirstResponseTimeDefinition = z.object({
  kind: z.literal('first-response-time'),
  ...common,
  family: family('first-response-time'),
  direction: fixedDirection('lower-is-better'),
  unit: fixedUnit('seconds'),
});
export type FirstResponseTimeDefinition = z.infer<typeof FirstResponseTimeDefinition>;

/**
 * A named numeric metric the user brings. Family, direction and unit are the user's to state. The
 * `interval` says how its uncertainty can be estimated: 'proportion' (a % of n: Wilson; unit must be
 * '%'), 'mean' (a mean of n observations: t-interval when an sd is supplied) or 'none'.
 */
export const CustomDefinition = z
  .object({
    kind: z.literal('custom'),
    ...common,
    family: MetricFamily,
    direction: MetricDirection,
    unit: MetricUnit,
    interval: z.enum(['proportion', 'mean', 'none']).default('none'),
  })
  .superRefine((c, ctx) => {
    if (c.interval === 'proportion' && c.unit !== '%')
      ctx.addIssue({ code: 'custom', path: ['unit'], message: "a proportion metric is measured in '%'" });
  });
export type CustomDefinition = z.infer<typeof CustomDefinition>;

export const MetricDefinition = z.discriminatedUnion('kind', [
  NpsDefinition,
  CsatDefinition,
  CesDefinition,
  ChurnRateDefinition,
  RetentionRateDefinition,
  ClvDefinition,
  FcrDefinition,
  HandleTimeDefinition,
  FirstResponseTimeDefinition,
  CustomDefinition,
]);
/** A validated definition, every default filled in. */
export type MetricDefinition = z.infer<typeof MetricDefinition>;
/** What a caller may write: defaults may be left out. */
export type MetricDefinitionInput = z.input<typeof MetricDefinition>;

/** Validates a definition; the reason names the field, as in "topBoxMin: …". */
export function defineMetric(input: unknown): Checked<MetricDefinition> {
  const parsed = MetricDefinition.safeParse(input);
  return parsed.success ? accepted(parsed.data) : rejected(describeIssues(parsed.error));
}

/** The response scale of a survey metric (NPS, CSAT, CES); null for the others. */
export function surveyScale(definition: MetricDefinition): { min: number; max: number } | null {
  switch (definition.kind) {
    case 'nps':
    case 'csat':
    case 'ces':
      return { min: definition.scaleMin, max: definition.scaleMax };
    default:
      return null;
  }
}
