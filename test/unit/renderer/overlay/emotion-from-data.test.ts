import { describe, expect, it } from 'vitest';
import { buildMetricsIndex, computeOverlay } from '../../../../shared/analysis/metrics-engine';
import type { MetricSetting, OverlayResult } from '../../../../shared/domain/metrics-analysis';
import { defineMetric, type MetricDefinitionInput } from '../../../../shared/metrics';
import {
  generateOnlineStoreSample,
  SAMPLE_METRICS,
} from '../../../../shared/sample-data/online-store-sample';
import { emotionCurve, seriesPath, seriesRuns } from '../../../../renderer/src/canvas/emotion-curve';
import {
  dataEmotionSeries,
  emotionScale,
  segmentScope,
  valueToEmotion,
} from '../../../../renderer/src/overlay/emotion-from-data';
import { openSampleMap } from '../state/journey-fixtures';

const setting = (definition: MetricDefinitionInput, target: number | null): MetricSetting => {
  const parsed = defineMetric(definition);
  if (!parsed.ok) throw new Error(parsed.reason);
  return { key: parsed.value.key, definition: parsed.value, target, hasData: true };
};
const nps = (target: number | null) => setting({ kind: 'nps', key: 'nps', label: 'NPS' }, target);
const csat = (target: number | null) =>
  setting({ kind: 'csat', key: 'csat', label: 'CSAT', scaleMin: 1, scaleMax: 5 }, target);
const ces = (target: number | null) =>
  setting({ kind: 'ces', key: 'ces', label: 'CES', scaleMin: 1, scaleMax: 7, report: 'mean' }, target);
const emotion = (value: number, s: MetricSetting, values: number[] = []) =>
  valueToEmotion(value, emotionScale(s, values)).value;

describe('a metric on the emotion axis', () => {
  it('puts a value on target at 0 and steps a quarter of the metric’s scale per emotion point', () => {
    // NPS −100 … +100: 50 points per step, centred on the target 30.
    expect(emotion(30, nps(30))).toBe(0);
    expect(emotion(80, nps(30))).toBe(1);
    expect(emotion(-20, nps(30))).toBe(-1);
    expect(emotion(45, nps(30))).toBe(0.3);
    // CSAT in %: 25 pp per step.
    expect(emotion(90, csat(80))).toBe(0.4);
    expect(emotion(55, csat(80))).toBe(-1);
    // A CES mean on 1–7: 1.5 per step.
    expect(emotion(3.5, ces(5))).toBe(-1);
    expect(emotion(6.5, ces(5))).toBe(1);
  });

  it('centres on the middle of the scale when the map has no target', () => {
    expect(emotion(0, nps(null))).toBe(0);
    expect(emotion(50, csat(null))).toBe(0);
    expect(emotion(75, csat(null))).toBe(1);
    expect(emotion(4, ces(null))).toBe(0);
  });

  it('turns the axis round for lower-is-better metrics', () => {
    const churn = setting({ kind: 'churn-rate', key: 'churn', label: 'Churn' }, 5);
    // Churn is a % (0–100): 25 pp per step; 10 % against a 5 % target is worse, so negative.
    expect(emotion(10, churn)).toBe(-0.2);
    expect(emotion(0, churn)).toBe(0.2);
  });

  it('spreads metrics without a fixed scale over their values and the target', () => {
    const aht = setting({ kind: 'handle-time', key: 'aht', label: 'Handle time' }, 300);
    // Values 200 … 600 with the target 300: a step is (600 − 200) / 4 = 100 s; lower is better.
    expect(emotion(500, aht, [200, 600])).toBe(-2);
    expect(emotion(200, aht, [200, 600])).toBe(1);
  });

  it('draws values beyond the lane at its edge and says so', () => {
    expect(valueToEmotion(-100, emotionScale(nps(30)))).toEqual({ value: -2, clipped: true });
    expect(valueToEmotion(130, emotionScale(nps(30)))).toEqual({ value: 2, clipped: false });
  });
});

describe('the data-derived curve of the sample map', () => {
  const sampleOverlay = async (
    metricKey: string,
    minN = 30,
  ): Promise<{
    result: OverlayResult;
    names: Map<string, string>;
    doc: Awaited<ReturnType<typeof openSampleMap>>['doc'];
  }> => {
    const { doc } = await openSampleMap();
    const touchpoints = doc.nodes.flatMap((n) => (n.kind === 'touchpoint' ? [n] : []));
    const index = buildMetricsIndex(generateOnlineStoreSample(touchpoints).scoreDays, []);
    const m = SAMPLE_METRICS.find((s) => s.key === metricKey)!;
    const result = computeOverlay(
      index,
      {
        stages: doc.stages,
        departments: doc.departments,
        touchpoints,
        flows: doc.edges.filter((e) => e.kind === 'flow'),
      },
      setting(m.definition, m.target),
      { granularity: 'quarter', period: 'latest', minN },
    );
    return { result, names: new Map(touchpoints.map((t) => [t.id, t.name])), doc };
  };

  it('places each touchpoint’s NPS against the target, with n and the interval in its name', async () => {
    const { result, names } = await sampleOverlay('nps');
    const series = dataEmotionSeries(result);
    expect(series.label).toBe('NPS (data)');
    const byName = new Map(series.points.map((p) => [names.get(p.touchpointId), p]));
    const support = byName.get('Wrong item: support call')!;
    // Q4: NPS −42 against +30: (−42 − 30) / 50 = −1.44.
    expect(support.value).toBeCloseTo(-1.44, 1);
    expect(support.n).toBe(250);
    expect(support.description).toMatch(/^NPS −4\d, n 250, 95% CI −\d+ to −\d+, below the target \+30/);
    expect(byName.get('Shipping updates')!.value).toBeGreaterThan(0);
    // Touchpoints that carry no NPS (the chatbot asks CSAT) get no point: a gap, not 0.
    expect(byName.has('Chatbot / knowledge base')).toBe(false);
  });

  it('names the segment the curve shows, and nothing when it shows every segment', async () => {
    const { result } = await sampleOverlay('nps');
    expect(dataEmotionSeries(result).scope).toBeUndefined();
    expect(dataEmotionSeries({ ...result, segment: 'Premium' }).scope).toEqual({
      shown: 'Premium',
      spoken: 'segment Premium',
    });
    expect(segmentScope('')).toEqual({ shown: 'No segment', spoken: 'responses without a segment' });
    expect(segmentScope(null)).toBeUndefined();
  });

  it('leaves a gap for values below the minimum n, and breaks the line there', async () => {
    const { result, doc } = await sampleOverlay('nps', 300);
    const series = dataEmotionSeries(result);
    // Only touchpoints with at least 300 responses in Q4 keep a point.
    expect(series.points.every((p) => p.n! >= 300)).toBe(true);
    expect(series.points.length).toBeGreaterThan(0);
    const curve = emotionCurve(doc.stages, doc.nodes);
    const { points, runs } = seriesRuns(curve, series);
    expect(points.length).toBe(series.points.length);
    expect(runs.length).toBeGreaterThan(1);
    // Each run of two or more points is one sub-path; single points are markers only.
    const moves = (seriesPath(runs).match(/M/g) ?? []).length;
    expect(moves).toBe(runs.filter((r) => r.length > 1).length);
  });

  it('marks uncertain values (interval across the target) for the hatch', async () => {
    const { result } = await sampleOverlay('nps');
    const fake: OverlayResult = {
      ...result,
      touchpoints: result.touchpoints.map((t, i) => (i === 0 ? { ...t, uncertain: true } : t)),
    };
    const point = dataEmotionSeries(fake).points.find(
      (p) => p.touchpointId === result.touchpoints[0]!.touchpointId,
    )!;
    expect(point.uncertain).toBe(true);
    expect(point.description).toContain('uncertain');
  });
});
