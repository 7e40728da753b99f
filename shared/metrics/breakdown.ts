import type { MetricValue } from './compute';
import type { MetricFamily } from './definitions';
import { DEFAULT_CONFIDENCE } from './intervals';
import { compareMetricValues, type TwoSampleTest } from './significance';
import { type Certainty, compareToTarget, type TargetComparison } from './targets';

/**
 * Where service and experience break down (domain.md), for a touchpoint or, after n-weighted
 * aggregation of each metric (aggregate.ts), for a stage.
 *
 * Each metric with a value and a target is compared with compareToTarget (targets.ts); metrics without
 * a target or without data are skipped. Per family (service / experience):
 *   'below'  if at least one of its metrics is below target,
 *   'meets'  if it has assessed metrics and none is below,
 *   'absent' if none of its metrics could be assessed.
 *
 * Classes:
 *   'both'        service below and experience below;
 *   'service'     service below, experience meets or absent;
 *   'experience'  experience below while service meets ("nice reps, broken journey") — or service is
 *                 absent (see below);
 *   'healthy'     at least one metric assessed and none below;
 *   'no-data'     nothing could be assessed (no metric has both a value and a target). We do not call
 *                 a touchpoint healthy on no evidence.
 *
 * Service metrics absent: "experience below target while service meets its targets" is read as
 * "experience below target and no service metric below its target". A touchpoint with no service
 * metrics at all (a search ad, a checkout page: often the experience-mode touchpoints where this
 * analysis matters most) with NPS below target is therefore an experience breakdown, and the result
 * says `service.status === 'absent'` so the UI can word it as "experience below target; no service
 * metrics here" rather than claim the reps are nice.
 *
 * Certainty: a family below is 'confirmed' when at least one of its below-target metrics is confirmed
 * (its whole CI on the bad side), 'possible' otherwise. The class is 'confirmed' when every family it
 * names is confirmed ('both' needs both), 'possible' otherwise; null for 'healthy' and 'no-data'.
 * `uncertain` is true when any assessed metric is uncertain (small sample, CI straddling, no CI).
 */
export type BreakdownClass = 'healthy' | 'service' | 'experience' | 'both' | 'no-data';
export type FamilyStatus = 'meets' | 'below' | 'absent';

export interface MetricAssessmentInput {
  readonly metric: MetricValue;
  readonly target: number | null;
  /** Overrides metric.family (a user may file a metric under the other family for one map). */
  readonly family?: MetricFamily;
}

export interface MetricAssessment {
  readonly key: string;
  readonly family: MetricFamily;
  readonly comparison: TargetComparison;
}

export interface FamilySummary {
  readonly status: FamilyStatus;
  /** 'confirmed' | 'possible' when below, else null. */
  readonly certainty: Certainty | null;
  /** Metrics of this family with a value and a target. */
  readonly assessed: number;
  readonly below: number;
}

export interface Breakdown {
  readonly class: BreakdownClass;
  readonly certainty: Certainty | null;
  readonly uncertain: boolean;
  readonly service: FamilySummary;
  readonly experience: FamilySummary;
  readonly assessments: readonly MetricAssessment[];
  /** Keys of metrics left out for lack of a target or of data. */
  readonly skipped: readonly string[];
}

function summarizeFamily(assessments: readonly MetricAssessment[], family: MetricFamily): FamilySummary {
  const mine = assessments.filter((a) => a.family === family);
  const below = mine.filter((a) => a.comparison.status === 'below');
  if (mine.length === 0) return { status: 'absent', certainty: null, assessed: 0, below: 0 };
  if (below.length === 0) return { status: 'meets', certainty: null, assessed: mine.length, below: 0 };
  const confirmed = below.some((a) => a.comparison.certainty === 'confirmed');
  return {
    status: 'below',
    certainty: confirmed ? 'confirmed' : 'possible',
    assessed: mine.length,
    below: below.length,
  };
}

/** Classifies a touchpoint (or a stage, from aggregated values) from its metrics and targets. */
export function classifyBreakdown(inputs: readonly MetricAssessmentInput[]): Breakdown {
  const assessments: MetricAssessment[] = [];
  const skipped: string[] = [];
  for (const { metric, target, family } of inputs) {
    if (target === null || !Number.isFinite(target) || metric.value === null) {
      skipped.push(metric.key);
      continue;
    }
    assessments.push({
      key: metric.key,
      family: family ?? metric.family,
      comparison: compareToTarget(metric, target),
    });
  }
  const service = summarizeFamily(assessments, 'service');
  const experience = summarizeFamily(assessments, 'experience');
  const uncertain = assessments.some((a) => a.comparison.uncertain);
  const base = { uncertain, service, experience, assessments, skipped };
  const serviceBelow = service.status === 'below';
  const experienceBelow = experience.status === 'below';
  if (serviceBelow && experienceBelow) {
    const both = service.certainty === 'confirmed' && experience.certainty === 'confirmed';
    return { ...base, class: 'both', certainty: both ? 'confirmed' : 'possible' };
  }
  if (serviceBelow) return { ...base, class: 'service', certainty: service.certainty };
  if (experienceBelow) return { ...base, class: 'experience', certainty: experience.certainty };
  return { ...base, class: assessments.length > 0 ? 'healthy' : 'no-data', certainty: null };
}

/**
 * Hand-off breakdown along a flow edge (whether the edge crosses department lanes is the graph's
 * business: shared/graph/rules isHandoff). For one metric measured on both touchpoints:
 *
 *   worse:   the downstream value is on the bad side of the upstream one given the direction;
 *   flagged: worse AND the difference is significant at the confidence level (95 %) by
 *            compareMetricValues — a two-sided two-proportion z-test for proportions, Welch's t-test
 *            for means (see significance.ts). Requiring the bad direction of a two-sided 95 % test
 *            is a one-sided test at 2.5 %: a drop is flagged only when noise is an unlikely
 *            explanation. Metrics without a sampling model (CLV) are never flagged.
 */
export interface HandoffCheck {
  readonly key: string;
  readonly worse: boolean | null;
  readonly flagged: boolean;
  readonly test: TwoSampleTest;
}

export function handoffCheck(
  upstream: MetricValue,
  downstream: MetricValue,
  confidence: number = DEFAULT_CONFIDENCE,
): HandoffCheck {
  const test = compareMetricValues(upstream, downstream, confidence);
  if (upstream.key !== downstream.key)
    return {
      key: downstream.key,
      worse: null,
      flagged: false,
      test: {
        ...test,
        test: 'none',
        significant: false,
        note: `metric keys differ: ${upstream.key}, ${downstream.key}`,
      },
    };
  const worse =
    test.difference === null
      ? null
      : downstream.direction === 'higher-is-better'
        ? test.difference < 0
        : test.difference > 0;
  return { key: downstream.key, worse, flagged: worse === true && test.significant, test };
}

export interface HandoffBreakdown {
  /** Some metric drops significantly from upstream to downstream. */
  readonly flagged: boolean;
  readonly checks: readonly HandoffCheck[];
}

/** Checks every metric key present on both touchpoints of an edge. */
export function handoffBreakdown(
  upstream: readonly MetricValue[],
  downstream: readonly MetricValue[],
  confidence: number = DEFAULT_CONFIDENCE,
): HandoffBreakdown {
  const byKey = new Map(upstream.map((m) => [m.key, m]));
  const checks = downstream.flatMap((down) => {
    const up = byKey.get(down.key);
    return up ? [handoffCheck(up, down, confidence)] : [];
  });
  return { flagged: checks.some((c) => c.flagged), checks };
}
