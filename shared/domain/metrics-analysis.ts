import { z } from 'zod';
import { MetricDefinition, MetricFamily, MetricKey, MetricKind } from '../metrics/definitions';
import { Id } from './journey';

/**
 * What the `metrics.*` API answers: the map's metric settings, the overlay (one metric, one period:
 * every touchpoint's value with n, CI, flags and trend, the stages' and the journey's n-weighted
 * values), the breakdown analysis and a touchpoint's detail. Values come from shared/metrics.
 */

export const GranularitySchema = z.enum(['day', 'week', 'month', 'quarter']);
export type GranularityName = z.infer<typeof GranularitySchema>;

/** A period key ('2025-Q3', '2025-07', '2025-W27', '2025-07-01'), 'latest' or 'all' (every day). */
export const PeriodChoice = z
  .string()
  .max(20)
  .regex(
    /^(latest|all|\d{4}-(Q[1-4]|W\d{2}|\d{2}(-\d{2})?))$/,
    'a period is latest, all or a key like 2025-Q3',
  );

/**
 * Which responses an analysis reads: null (or absent) every segment, '' the responses without a
 * segment, else one segment's name as imported.
 */
export const SegmentChoice = z.string().max(200, 'a segment is at most 200 characters').nullable();
export type SegmentChoice = z.infer<typeof SegmentChoice>;

export const MinN = z.number().int().min(1, 'the minimum n is at least 1').max(100_000, 'at most 100000');

export const MetricSetting = z.object({
  key: MetricKey,
  definition: MetricDefinition,
  target: z.number().nullable(),
  /** The metric has data somewhere on this map. */
  hasData: z.boolean(),
});
export type MetricSetting = z.infer<typeof MetricSetting>;

export const MetricSettings = z.object({
  metrics: z.array(MetricSetting),
  minN: MinN,
  datasetCount: z.number().int().min(0),
  /** Segments holding data, '' (no segment) last; empty when the data has no segments. */
  segments: z.array(z.string()),
});
export type MetricSettings = z.infer<typeof MetricSettings>;

/** What a user may change about a metric on this map. */
export const MetricSettingsPatch = z
  .object({
    family: MetricFamily.optional(),
    target: z.number().finite().nullable().optional(),
    scaleMin: z.number().int().optional(),
    scaleMax: z.number().int().optional(),
    topBoxMin: z.number().int().optional(),
    /** CES only: 1.0 (effort, lower is better) or 2.0 (ease, higher is better). */
    version: z.enum(['2.0', '1.0']).optional(),
    /** CES only: the mean score or the % in the top box. */
    report: z.enum(['mean', 'top-box']).optional(),
    label: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
export type MetricSettingsPatch = z.infer<typeof MetricSettingsPatch>;

export const IntervalSchema = z.object({ low: z.number(), high: z.number() });

export const TrendSchema = z.object({
  direction: z.enum(['up', 'down', 'flat']),
  /** current − previous, in the metric's unit. */
  difference: z.number(),
  improved: z.boolean().nullable(),
  /** Beyond the noise: the two-sample test at 95 % rejects "no change". */
  significant: z.boolean(),
  previousPeriod: z.string(),
  previousValue: z.number(),
  previousN: z.number(),
  pValue: z.number().nullable(),
});
export type TrendInfo = z.infer<typeof TrendSchema>;

/** One metric's value somewhere (a touchpoint, a stage, the journey) in one period. */
export const CellValue = z.object({
  value: z.number().nullable(),
  /** null when an aggregate row came without its n. */
  n: z.number().nullable(),
  ci: IntervalSchema.nullable(),
  smallSample: z.boolean(),
  /** Small sample, CI straddling the target, or no CI at all. */
  uncertain: z.boolean(),
  status: z.enum(['meets', 'below', 'no-target', 'no-data']),
  certainty: z.enum(['confirmed', 'possible']).nullable(),
  /** value − target in the metric's unit; null without a target. */
  difference: z.number().nullable(),
  formula: z.string(),
});
export type CellValue = z.infer<typeof CellValue>;

export const OverlayRequest = z
  .object({
    journeyId: Id,
    metricKey: MetricKey,
    granularity: GranularitySchema.default('quarter'),
    period: PeriodChoice.default('latest'),
    minN: MinN.optional(),
    segment: SegmentChoice.optional(),
  })
  .strict();
export type OverlayRequest = z.input<typeof OverlayRequest>;

export const OverlayResult = z.object({
  metric: MetricSetting,
  /** The segment the values describe (null: every segment). */
  segment: SegmentChoice,
  granularity: GranularitySchema,
  /** The period shown ('all' or a key), and the one the trend compares with. */
  period: z.string(),
  previousPeriod: z.string().nullable(),
  /** First and last day of the period shown. */
  range: z.object({ start: z.string(), end: z.string() }).nullable(),
  /** Periods of this granularity holding data for this metric, oldest first. */
  periods: z.array(z.string()),
  minN: MinN,
  touchpoints: z.array(CellValue.extend({ touchpointId: Id, trend: TrendSchema.nullable() })),
  stages: z.array(CellValue.extend({ stageId: Id })),
  journey: CellValue,
  /** Span of the colour scale on each side of the target, in the metric's unit. */
  colourSpan: z.number(),
});
export type OverlayResult = z.infer<typeof OverlayResult>;
export type TouchpointOverlay = OverlayResult['touchpoints'][number];
export type StageOverlay = OverlayResult['stages'][number];

export const BreakdownClassSchema = z.enum(['healthy', 'service', 'experience', 'both', 'no-data']);

export const AssessedMetric = z.object({
  key: MetricKey,
  label: z.string(),
  family: MetricFamily,
  unit: z.string(),
  value: z.number(),
  n: z.number().nullable(),
  ci: IntervalSchema.nullable(),
  target: z.number(),
  status: z.enum(['meets', 'below', 'no-data']),
  certainty: z.enum(['confirmed', 'possible']).nullable(),
  smallSample: z.boolean(),
});
export type AssessedMetric = z.infer<typeof AssessedMetric>;

const BreakdownBase = {
  class: BreakdownClassSchema,
  certainty: z.enum(['confirmed', 'possible']).nullable(),
  uncertain: z.boolean(),
  serviceStatus: z.enum(['meets', 'below', 'absent']),
  experienceStatus: z.enum(['meets', 'below', 'absent']),
  metrics: z.array(AssessedMetric),
  /** Responses behind the assessment (the largest n among its metrics): the entry's volume. */
  n: z.number(),
};

export const HandoffCheckSchema = z.object({
  key: MetricKey,
  label: z.string(),
  unit: z.string(),
  upstream: z.number(),
  upstreamN: z.number(),
  downstream: z.number(),
  downstreamN: z.number(),
  difference: z.number(),
  pValue: z.number().nullable(),
  flagged: z.boolean(),
});

export const BreakdownsResult = z.object({
  period: z.string(),
  granularity: GranularitySchema,
  range: z.object({ start: z.string(), end: z.string() }).nullable(),
  touchpoints: z.array(z.object({ touchpointId: Id, ...BreakdownBase })),
  stages: z.array(z.object({ stageId: Id, ...BreakdownBase })),
  /** Flow edges across lanes whose downstream touchpoint drops significantly against the upstream one. */
  handoffs: z.array(
    z.object({
      edgeId: Id,
      sourceId: Id,
      targetId: Id,
      checks: z.array(HandoffCheckSchema),
      n: z.number(),
    }),
  ),
});
export type BreakdownsResult = z.infer<typeof BreakdownsResult>;
export type TouchpointBreakdown = BreakdownsResult['touchpoints'][number];
export type HandoffFinding = BreakdownsResult['handoffs'][number];

export const TouchpointDetailRequest = z
  .object({
    journeyId: Id,
    touchpointId: Id,
    granularity: GranularitySchema.default('quarter'),
    period: PeriodChoice.default('latest'),
    minN: MinN.optional(),
    segment: SegmentChoice.optional(),
  })
  .strict();

export const TouchpointDetail = z.object({
  touchpointId: Id,
  granularity: GranularitySchema,
  metrics: z.array(
    z.object({
      key: MetricKey,
      kind: MetricKind,
      label: z.string(),
      unit: z.string(),
      direction: z.enum(['higher-is-better', 'lower-is-better']),
      family: MetricFamily,
      target: z.number().nullable(),
      series: z.array(CellValue.extend({ period: z.string() })),
      /** The period the distribution and `current` describe. */
      period: z.string(),
      current: CellValue.nullable(),
      /** Responses per score in that period (survey metrics), else null. */
      distribution: z.object({ min: z.number(), max: z.number(), counts: z.array(z.number()) }).nullable(),
      /** Scores counted as good (top box, promoters) for the distribution's colouring. */
      goodFrom: z.number().nullable(),
      badTo: z.number().nullable(),
    }),
  ),
  commentCount: z.number().int(),
});
export type TouchpointDetail = z.infer<typeof TouchpointDetail>;

export const CommentsRequest = z
  .object({
    journeyId: Id,
    touchpointId: Id,
    search: z.string().max(200).default(''),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(100).default(20),
    segment: SegmentChoice.optional(),
  })
  .strict();

export const CommentsResult = z.object({
  total: z.number().int(),
  items: z.array(
    z.object({
      id: z.number().int(),
      day: z.string().nullable(),
      metricKey: z.string().nullable(),
      score: z.number().nullable(),
      text: z.string(),
    }),
  ),
});
export type CommentsResult = z.infer<typeof CommentsResult>;
