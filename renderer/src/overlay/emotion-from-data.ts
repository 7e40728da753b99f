import type { MetricSetting, OverlayResult } from '../../../shared/domain/metrics-analysis';
import { EMOTION_MAX, EMOTION_MIN, type EmotionSeries } from '../canvas/emotion-curve';
import { formatMetricValue, formatN } from './overlay-view';
import { segmentName } from './SegmentField';

/**
 * The data-derived emotion curve: each touchpoint's value of the overlay's metric placed on the
 * emotion lane's −2 … +2 axis, next to the designed emotion.
 *
 * The mapping is linear over the metric's scale and centred on the map's target:
 *
 *   emotion = clamp(±(value − centre) / step, −2, +2)
 *
 * - centre: the metric's target on this map, so "on target" sits at 0; without a target, the middle
 *   of the metric's scale (NPS 0, percentages 50 %, a CES mean the middle of its 1–7 scale).
 * - step (one emotion point): a quarter of the metric's whole scale, so the scale's width spans the
 *   lane's four points: NPS 50 points (−100 … +100), percentages 25 pp, a CES mean on 1–7 1.5.
 *   Metrics without a fixed scale (handle time, CLV, custom) use a quarter of the spread of the
 *   values shown and the target (at least 1).
 * - the sign follows the metric's direction: for lower-is-better metrics (churn, handle time,
 *   CES 1.0) a value above the target is a negative emotion.
 * - values beyond two steps are drawn at the lane's edge (`clipped`); their names say the value.
 *
 * Touchpoints without data in the period, or whose n is below the map's minimum (or unknown), get
 * no point: the curve has a gap there rather than a false zero.
 */

export interface EmotionScale {
  centre: number;
  /** Metric units per emotion point. */
  step: number;
  sign: 1 | -1;
}

/** The whole scale a metric's values live on, or null when it has none (handle time, CLV …). */
function metricRange(setting: Pick<MetricSetting, 'definition'>): { min: number; max: number } | null {
  const d = setting.definition;
  if (d.kind === 'nps') return { min: -100, max: 100 };
  if (d.unit === '%') return { min: 0, max: 100 };
  if (d.kind === 'ces') return { min: d.scaleMin, max: d.scaleMax };
  return null;
}

/** How a metric's values are placed on the emotion axis (see the module comment). */
export function emotionScale(
  setting: Pick<MetricSetting, 'definition' | 'target'>,
  values: readonly number[] = [],
): EmotionScale {
  const sign = setting.definition.direction === 'lower-is-better' ? -1 : 1;
  const range = metricRange(setting);
  if (range) {
    const centre = setting.target ?? (range.min + range.max) / 2;
    return { centre, step: (range.max - range.min) / 4, sign };
  }
  const seen = setting.target === null ? [...values] : [...values, setting.target];
  const low = seen.length > 0 ? Math.min(...seen) : 0;
  const high = seen.length > 0 ? Math.max(...seen) : 0;
  const centre = setting.target ?? (low + high) / 2;
  return { centre, step: Math.max((high - low) / 4, 1), sign };
}

/** A value's place on the emotion axis, and whether it lies beyond it. */
export function valueToEmotion(value: number, scale: EmotionScale): { value: number; clipped: boolean } {
  const raw = (scale.sign * (value - scale.centre)) / scale.step;
  const clamped = Math.max(EMOTION_MIN, Math.min(EMOTION_MAX, raw));
  return { value: Math.round(clamped * 1000) / 1000, clipped: clamped !== raw };
}

/**
 * The segment a result is limited to, as the lane shows it (under the curve's label) and says it
 * (in accessible names and tooltips); undefined for every segment.
 */
export function segmentScope(segment: string | null | undefined): EmotionSeries['scope'] {
  if (segment === null || segment === undefined) return undefined;
  return {
    shown: segmentName(segment),
    spoken: segment === '' ? 'responses without a segment' : `segment ${segment}`,
  };
}

/** The label of the data curve in the lane's legend. */
export const dataCurveLabel = (result: Pick<OverlayResult, 'metric'>) =>
  `${result.metric.definition.label} (data)`;

/**
 * The overlay's metric as a second emotion series: one point per touchpoint with a trustworthy
 * value, each with its n, 95 % interval and a description for its tooltip and accessible name.
 */
export function dataEmotionSeries(result: OverlayResult): EmotionSeries {
  const setting = result.metric;
  const label = setting.definition.label;
  const usable = result.touchpoints.filter(
    (t) => t.value !== null && t.n !== null && !t.smallSample && t.status !== 'no-data',
  );
  const scale = emotionScale(
    setting,
    usable.map((t) => t.value!),
  );
  const fmt = (v: number) => formatMetricValue(v, setting);
  const scope = segmentScope(result.segment);
  return {
    label: dataCurveLabel(result),
    ...(scope ? { scope } : {}),
    points: usable.map((t) => {
      const placed = valueToEmotion(t.value!, scale);
      const parts = [`${label} ${fmt(t.value!)}`, formatN(t.n)];
      if (t.ci) parts.push(`95% CI ${fmt(t.ci.low)} to ${fmt(t.ci.high)}`);
      if (setting.target !== null) {
        const target = fmt(setting.target);
        if (t.status === 'meets') parts.push(`meets the target ${target}`);
        else if (t.status === 'below')
          parts.push(`${t.certainty === 'confirmed' ? 'below' : 'possibly below'} the target ${target}`);
      }
      if (t.uncertain) parts.push('uncertain: the interval reaches across the target');
      if (placed.clipped) parts.push('beyond the lane, drawn at its edge');
      return {
        touchpointId: t.touchpointId,
        value: placed.value,
        n: t.n!,
        uncertain: t.uncertain,
        clipped: placed.clipped,
        description: parts.join(', '),
      };
    }),
  };
}
