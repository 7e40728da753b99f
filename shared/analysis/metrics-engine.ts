import type {
  BreakdownsResult,
  CellValue,
  GranularityName,
  MetricSetting,
  OverlayResult,
  TouchpointDetail,
  TrendInfo,
} from '../domain/metrics-analysis';
import {
  aggregateMetric,
  classifyBreakdown,
  compareToTarget,
  compareTrend,
  computeMetric,
  handoffBreakdown,
  NPS_DETRACTOR_MAX,
  NPS_PROMOTER_MIN,
  periodBounds,
  periodKey,
  previousPeriodKey,
  surveyScale,
  type MetricDefinition,
  type MetricInput,
  type MetricValue,
  type ScoreDistribution,
} from '../metrics';

/**
 * The analysis behind the overlay, the breakdowns and the touchpoint detail: pure functions over an
 * index of the map's imported data. The index keeps, per metric and touchpoint, the days with data
 * and prefix sums of their score counts, so the distribution of any period (a day, a week, a
 * quarter, all time) is two binary searches and one subtraction per scale point: recomputing the
 * overlay for another period, threshold or target never touches the database.
 */

export interface ScoreDayInput {
  touchpointId: string;
  metricKey: string;
  /** The responses' segment; '' or absent: no segment. */
  segment?: string;
  day: string;
  min: number;
  max: number;
  counts: readonly number[];
}

export interface AggregateInputRow {
  touchpointId: string;
  metricKey: string;
  periodStart: string;
  periodEnd: string;
  value: number;
  n: number | null;
}

export interface StructureInput {
  stages: readonly { id: string; name: string; order: number }[];
  departments: readonly { id: string; name: string }[];
  touchpoints: readonly { id: string; name: string; stageId: string | null; departmentId: string | null }[];
  flows: readonly { id: string; sourceId: string; targetId: string }[];
}

interface Series {
  min: number;
  max: number;
  width: number;
  days: string[];
  /** prefix[(i) * width + s]: responses scoring min + s over days[0 … i − 1]. */
  prefix: Float64Array;
}

interface MetricData {
  /** Per touchpoint, one series per scale the data came on. */
  series: Map<string, Series[]>;
  aggregates: Map<string, AggregateInputRow[]>;
  /** Every day holding score data, sorted, distinct. */
  days: string[];
}

export interface MetricsIndex {
  metrics: Map<string, MetricData>;
  rows: number;
  /**
   * The segments holding data, sorted, '' (responses without a segment, and aggregate rows) last;
   * empty when no response has a segment.
   */
  segments: string[];
  /** The same index over one segment's data alone, built with the whole one. */
  bySegment: Map<string, MetricsIndex>;
}

export interface Range {
  start: string;
  end: string;
}

const ALL: Range = { start: '0000-00-00', end: '9999-99-99' };

/**
 * The index of a map's data: all of it, and when responses carry segments, one index per segment
 * too, so that the overlay of one segment is computed from prefix sums exactly like the whole
 * (recomputing for another segment costs what recomputing for another period costs).
 */
export function buildMetricsIndex(
  scoreDays: readonly ScoreDayInput[],
  aggregates: readonly AggregateInputRow[],
): MetricsIndex {
  const whole = buildIndexOf(scoreDays, aggregates);
  const bySegmentRows = new Map<string, ScoreDayInput[]>();
  for (const row of scoreDays) {
    const segment = row.segment ?? '';
    const list = bySegmentRows.get(segment);
    if (list) list.push(row);
    else bySegmentRows.set(segment, [row]);
  }
  if (bySegmentRows.size === 0 || (bySegmentRows.size === 1 && bySegmentRows.has(''))) return whole;
  if (aggregates.length > 0 && !bySegmentRows.has('')) bySegmentRows.set('', []);
  const segments = [...bySegmentRows.keys()].sort((a, b) =>
    a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'en'),
  );
  for (const segment of segments)
    whole.bySegment.set(segment, buildIndexOf(bySegmentRows.get(segment)!, segment === '' ? aggregates : []));
  whole.segments = segments;
  return whole;
}

const EMPTY_INDEX: MetricsIndex = { metrics: new Map(), rows: 0, segments: [], bySegment: new Map() };

/**
 * The index to compute from for a segment choice: null or undefined is every segment; '' the
 * responses without a segment (on a map whose data has no segments at all, that is all of it).
 * A segment without data gives an empty index: no values, not an error.
 */
export function segmentIndex(index: MetricsIndex, segment: string | null | undefined): MetricsIndex {
  if (segment === null || segment === undefined) return index;
  if (index.segments.length === 0) return segment === '' ? index : EMPTY_INDEX;
  return index.bySegment.get(segment) ?? EMPTY_INDEX;
}

function buildIndexOf(
  scoreDays: readonly ScoreDayInput[],
  aggregates: readonly AggregateInputRow[],
): MetricsIndex {
  const grouped = new Map<string, Map<string, Map<string, ScoreDayInput[]>>>();
  for (const row of scoreDays) {
    const byTp = grouped.get(row.metricKey) ?? new Map<string, Map<string, ScoreDayInput[]>>();
    grouped.set(row.metricKey, byTp);
    const byScale = byTp.get(row.touchpointId) ?? new Map<string, ScoreDayInput[]>();
    byTp.set(row.touchpointId, byScale);
    const scale = `${row.min}:${row.max}`;
    const list = byScale.get(scale) ?? [];
    byScale.set(scale, list);
    list.push(row);
  }
  const metrics = new Map<string, MetricData>();
  const dataFor = (key: string) => {
    let data = metrics.get(key);
    if (!data) {
      data = { series: new Map(), aggregates: new Map(), days: [] };
      metrics.set(key, data);
    }
    return data;
  };
  for (const [metricKey, byTp] of grouped) {
    const data = dataFor(metricKey);
    const days = new Set<string>();
    for (const [tp, byScale] of byTp) {
      const list: Series[] = [];
      for (const rows of byScale.values()) {
        const { min, max } = rows[0]!;
        const width = max - min + 1;
        // Several datasets may hold the same day: add them up first.
        const perDay = new Map<string, number[]>();
        for (const r of rows) {
          const counts = perDay.get(r.day) ?? new Array<number>(width).fill(0);
          for (let i = 0; i < width; i++) counts[i]! += r.counts[i] ?? 0;
          perDay.set(r.day, counts);
        }
        const sortedDays = [...perDay.keys()].sort();
        const prefix = new Float64Array((sortedDays.length + 1) * width);
        sortedDays.forEach((day, i) => {
          const counts = perDay.get(day)!;
          for (let s = 0; s < width; s++) prefix[(i + 1) * width + s] = prefix[i * width + s]! + counts[s]!;
          days.add(day);
        });
        list.push({ min, max, width, days: sortedDays, prefix });
      }
      data.series.set(tp, list);
    }
    data.days = [...days].sort();
  }
  for (const row of aggregates) {
    const data = dataFor(row.metricKey);
    const list = data.aggregates.get(row.touchpointId) ?? [];
    list.push(row);
    data.aggregates.set(row.touchpointId, list);
  }
  return { metrics, rows: scoreDays.length + aggregates.length, segments: [], bySegment: new Map() };
}

/** First index with days[i] >= day. */
function lowerBound(days: readonly string[], day: string): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
/** First index with days[i] > day. */
function upperBound(days: readonly string[], day: string): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid]! <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function distributionIn(series: Series, range: Range): ScoreDistribution | null {
  const lo = lowerBound(series.days, range.start);
  const hi = upperBound(series.days, range.end);
  if (hi <= lo) return null;
  const counts = new Array<number>(series.width);
  let n = 0;
  for (let s = 0; s < series.width; s++) {
    const c = series.prefix[hi * series.width + s]! - series.prefix[lo * series.width + s]!;
    counts[s] = c;
    n += c;
  }
  return n > 0 ? { min: series.min, max: series.max, counts } : null;
}

const fits = (row: AggregateInputRow, range: Range) =>
  row.periodStart >= range.start && row.periodEnd <= range.end;

interface Gathered {
  inputs: MetricInput[];
  /** Aggregate rows without n: used only when nothing else is there. */
  unknownN: number[];
}

function gather(
  definition: MetricDefinition,
  data: MetricData | undefined,
  tp: string,
  range: Range,
): Gathered {
  const out: Gathered = { inputs: [], unknownN: [] };
  if (!data) return out;
  const scale = surveyScale(definition);
  if (scale) {
    for (const series of data.series.get(tp) ?? []) {
      if (series.min !== scale.min || series.max !== scale.max) continue;
      const d = distributionIn(series, range);
      if (d) out.inputs.push(d);
    }
  }
  for (const row of data.aggregates.get(tp) ?? []) {
    if (!fits(row, range)) continue;
    if (row.n === null) out.unknownN.push(row.value);
    else if (row.n > 0) out.inputs.push({ source: 'aggregate', value: row.value, n: row.n });
  }
  return out;
}

function merge(parts: readonly Gathered[]): Gathered {
  return { inputs: parts.flatMap((p) => p.inputs), unknownN: parts.flatMap((p) => p.unknownN) };
}

interface Valued {
  metric: MetricValue;
  nUnknown: boolean;
}

function valueOf(definition: MetricDefinition, gathered: Gathered, minN: number): Valued | null {
  if (gathered.inputs.length > 0) {
    const result = aggregateMetric(definition, gathered.inputs, { minN });
    return result.ok && result.value.value !== null ? { metric: result.value, nUnknown: false } : null;
  }
  if (gathered.unknownN.length === 0) return null;
  const mean = gathered.unknownN.reduce((s, v) => s + v, 0) / gathered.unknownN.length;
  const result = computeMetric(definition, { source: 'aggregate', value: mean, n: 1 }, { minN });
  if (!result.ok) return null;
  return {
    metric: {
      ...result.value,
      n: 0,
      sd: null,
      ci: null,
      ciUnavailable: 'no-spread',
      smallSample: true,
      formula: `${definition.label} = ${mean} (aggregate without n: nothing can be said about its precision)`,
    },
    nUnknown: true,
  };
}

function cellOf(valued: Valued | null, target: number | null): CellValue {
  if (!valued)
    return {
      value: null,
      n: 0,
      ci: null,
      smallSample: true,
      uncertain: true,
      status: 'no-data',
      certainty: null,
      difference: null,
      formula: 'no data in this period',
    };
  const { metric, nUnknown } = valued;
  const base = {
    value: metric.value,
    n: nUnknown ? null : metric.n,
    ci: metric.ci ? { low: metric.ci.low, high: metric.ci.high } : null,
    smallSample: metric.smallSample,
    formula: metric.formula,
  };
  if (target === null)
    return {
      ...base,
      uncertain: metric.smallSample || metric.ci === null,
      status: 'no-target',
      certainty: null,
      difference: null,
    };
  const c = compareToTarget(metric, target);
  return {
    ...base,
    uncertain: c.uncertain,
    status: c.status,
    certainty: c.certainty,
    difference: c.difference,
  };
}

/** Periods of the granularity that hold data for the metric, oldest first. */
export function periodsWithData(
  index: MetricsIndex,
  metricKey: string,
  granularity: GranularityName,
): string[] {
  const data = index.metrics.get(metricKey);
  if (!data) return [];
  const keys = new Set<string>();
  let last = '';
  for (const day of data.days) {
    const key = periodKey(day, granularity);
    if (key.ok && key.value !== last) {
      keys.add(key.value);
      last = key.value;
    }
  }
  for (const rows of data.aggregates.values()) {
    for (const row of rows) {
      const key = periodKey(row.periodStart, granularity);
      if (!key.ok) continue;
      const bounds = periodBounds(key.value);
      if (bounds.ok && row.periodEnd <= bounds.value.end) keys.add(key.value);
    }
  }
  return [...keys].sort();
}

export interface PeriodRequest {
  granularity: GranularityName;
  /** 'latest', 'all' or a period key. */
  period: string;
  minN: number;
  /** The segment the index was narrowed to (segmentIndex), reported back; null: every segment. */
  segment?: string | null;
}

interface ResolvedPeriod {
  period: string;
  range: Range | null;
  previous: { period: string; range: Range } | null;
}

function resolvePeriod(choice: string, periods: readonly string[]): ResolvedPeriod {
  const period = choice === 'latest' ? (periods[periods.length - 1] ?? 'all') : choice;
  if (period === 'all') return { period, range: null, previous: null };
  const bounds = periodBounds(period);
  if (!bounds.ok) return { period: 'all', range: null, previous: null };
  const prev = previousPeriodKey(period);
  const prevBounds = prev.ok ? periodBounds(prev.value) : null;
  return {
    period,
    range: bounds.value,
    previous: prev.ok && prevBounds?.ok ? { period: prev.value, range: prevBounds.value } : null,
  };
}

/** How far from the target the colour scale reaches its strongest step, in the metric's unit. */
export function colourSpan(definition: MetricDefinition, target: number | null): number {
  if (definition.kind === 'nps') return 50;
  if (definition.unit === '%') return 25;
  const scale = surveyScale(definition);
  if (scale) return (scale.max - scale.min) / 3;
  return Math.max(Math.abs(target ?? 0) / 2, 1);
}

function trendOf(current: Valued | null, previous: Valued | null, previousPeriod: string): TrendInfo | null {
  if (!current || !previous || current.nUnknown || previous.nUnknown) return null;
  const t = compareTrend(current.metric, previous.metric);
  if (t.direction === null || t.difference === null || previous.metric.value === null) return null;
  return {
    direction: t.direction,
    difference: t.difference,
    improved: t.improved,
    significant: t.significant,
    previousPeriod,
    previousValue: previous.metric.value,
    previousN: previous.metric.n,
    pValue: t.test.pValue,
  };
}

const orderedStages = (structure: StructureInput) => [...structure.stages].sort((a, b) => a.order - b.order);

/** The overlay of one metric in one period. */
export function computeOverlay(
  index: MetricsIndex,
  structure: StructureInput,
  setting: MetricSetting,
  request: PeriodRequest,
): OverlayResult {
  const { definition, target } = setting;
  const data = index.metrics.get(setting.key);
  const periods = periodsWithData(index, setting.key, request.granularity);
  const resolved = resolvePeriod(request.period, periods);
  const range = resolved.range ?? ALL;
  const gathered = new Map<string, Gathered>();
  const touchpoints: OverlayResult['touchpoints'] = [];
  for (const tp of structure.touchpoints) {
    const g = gather(definition, data, tp.id, range);
    gathered.set(tp.id, g);
    const current = valueOf(definition, g, request.minN);
    if (!current) continue;
    const previous = resolved.previous
      ? valueOf(definition, gather(definition, data, tp.id, resolved.previous.range), request.minN)
      : null;
    touchpoints.push({
      touchpointId: tp.id,
      ...cellOf(current, target),
      trend: resolved.previous ? trendOf(current, previous, resolved.previous.period) : null,
    });
  }
  const stages: OverlayResult['stages'] = [];
  for (const stage of orderedStages(structure)) {
    const parts = structure.touchpoints.filter((t) => t.stageId === stage.id).map((t) => gathered.get(t.id)!);
    const valued = valueOf(definition, merge(parts), request.minN);
    if (valued) stages.push({ stageId: stage.id, ...cellOf(valued, target) });
  }
  const journey = cellOf(valueOf(definition, merge([...gathered.values()]), request.minN), target);
  return {
    metric: setting,
    segment: request.segment ?? null,
    granularity: request.granularity,
    period: resolved.period,
    previousPeriod: resolved.previous?.period ?? null,
    range: resolved.range,
    periods,
    minN: request.minN,
    touchpoints,
    stages,
    journey,
    colourSpan: colourSpan(definition, target),
  };
}

/** The latest period holding data for any of the metrics (for the breakdowns' 'latest'). */
function latestPeriodOverall(
  index: MetricsIndex,
  settings: readonly MetricSetting[],
  g: GranularityName,
): string[] {
  const all = new Set<string>();
  for (const s of settings) for (const p of periodsWithData(index, s.key, g)) all.add(p);
  return [...all].sort();
}

function assess(
  settings: readonly MetricSetting[],
  index: MetricsIndex,
  gatherFor: (setting: MetricSetting, data: MetricData | undefined) => Gathered,
  minN: number,
) {
  const inputs: { metric: MetricValue; target: number | null; setting: MetricSetting; nUnknown: boolean }[] =
    [];
  for (const setting of settings) {
    const valued = valueOf(setting.definition, gatherFor(setting, index.metrics.get(setting.key)), minN);
    if (valued)
      inputs.push({ metric: valued.metric, target: setting.target, setting, nUnknown: valued.nUnknown });
  }
  const breakdown = classifyBreakdown(inputs.map((i) => ({ metric: i.metric, target: i.target })));
  const metrics = breakdown.assessments.map((a) => {
    const input = inputs.find((i) => i.setting.key === a.key)!;
    return {
      key: a.key,
      label: input.setting.definition.label,
      family: a.family,
      unit: input.metric.unit,
      value: input.metric.value!,
      n: input.nUnknown ? null : input.metric.n,
      ci: input.metric.ci ? { low: input.metric.ci.low, high: input.metric.ci.high } : null,
      target: a.comparison.target,
      status: a.comparison.status,
      certainty: a.comparison.certainty,
      smallSample: a.comparison.smallSample,
    };
  });
  return {
    class: breakdown.class,
    certainty: breakdown.certainty,
    uncertain: breakdown.uncertain,
    serviceStatus: breakdown.service.status,
    experienceStatus: breakdown.experience.status,
    metrics,
    n: metrics.reduce((max, m) => Math.max(max, m.n ?? 0), 0),
    values: inputs,
  };
}

/** Every touchpoint and stage classified, and the hand-offs that lose customers, in one period. */
export function computeBreakdowns(
  index: MetricsIndex,
  structure: StructureInput,
  settings: readonly MetricSetting[],
  request: PeriodRequest,
): BreakdownsResult {
  const resolved = resolvePeriod(request.period, latestPeriodOverall(index, settings, request.granularity));
  const range = resolved.range ?? ALL;
  const valuesByTp = new Map<string, MetricValue[]>();
  const touchpoints: BreakdownsResult['touchpoints'] = [];
  for (const tp of structure.touchpoints) {
    const { values, ...result } = assess(
      settings,
      index,
      (s, data) => gather(s.definition, data, tp.id, range),
      request.minN,
    );
    valuesByTp.set(
      tp.id,
      values.filter((v) => !v.nUnknown).map((v) => v.metric),
    );
    if (values.length > 0) touchpoints.push({ touchpointId: tp.id, ...result });
  }
  const stages: BreakdownsResult['stages'] = [];
  for (const stage of orderedStages(structure)) {
    const members = structure.touchpoints.filter((t) => t.stageId === stage.id);
    const { values, ...result } = assess(
      settings,
      index,
      (s, data) => merge(members.map((t) => gather(s.definition, data, t.id, range))),
      request.minN,
    );
    if (values.length > 0) stages.push({ stageId: stage.id, ...result });
  }
  const nodes = new Map(structure.touchpoints.map((t) => [t.id, t]));
  const labels = new Map(settings.map((s) => [s.key, s.definition.label]));
  const handoffs: BreakdownsResult['handoffs'] = [];
  for (const flow of structure.flows) {
    const source = nodes.get(flow.sourceId);
    const target = nodes.get(flow.targetId);
    if (!source || !target || !source.departmentId || !target.departmentId) continue;
    if (source.departmentId === target.departmentId) continue;
    const result = handoffBreakdown(valuesByTp.get(source.id) ?? [], valuesByTp.get(target.id) ?? []);
    if (!result.flagged) continue;
    const up = new Map((valuesByTp.get(source.id) ?? []).map((v) => [v.key, v]));
    const down = new Map((valuesByTp.get(target.id) ?? []).map((v) => [v.key, v]));
    const checks = result.checks
      .filter((c) => c.worse === true)
      .map((c) => {
        const u = up.get(c.key)!;
        const d = down.get(c.key)!;
        return {
          key: c.key,
          label: labels.get(c.key) ?? c.key,
          unit: d.unit,
          upstream: u.value!,
          upstreamN: u.n,
          downstream: d.value!,
          downstreamN: d.n,
          difference: d.value! - u.value!,
          pValue: c.test.pValue,
          flagged: c.flagged,
        };
      });
    handoffs.push({
      edgeId: flow.id,
      sourceId: source.id,
      targetId: target.id,
      checks,
      n: checks.reduce((max, c) => Math.max(max, Math.min(c.upstreamN, c.downstreamN)), 0),
    });
  }
  return {
    period: resolved.period,
    granularity: request.granularity,
    range: resolved.range,
    touchpoints,
    stages,
    handoffs,
  };
}

/** Scores read as good / bad on the distribution chart. */
function goodBad(definition: MetricDefinition): { goodFrom: number | null; badTo: number | null } {
  if (definition.kind === 'nps') return { goodFrom: NPS_PROMOTER_MIN, badTo: NPS_DETRACTOR_MAX };
  if (definition.kind === 'csat') return { goodFrom: definition.topBoxMin, badTo: null };
  if (definition.kind === 'ces') {
    if (definition.version === '1.0') return { goodFrom: null, badTo: null };
    return { goodFrom: definition.topBoxMin, badTo: null };
  }
  return { goodFrom: null, badTo: null };
}

/** Every metric of one touchpoint over time, with the distribution of the chosen period. */
export function computeTouchpointDetail(
  index: MetricsIndex,
  settings: readonly MetricSetting[],
  touchpointId: string,
  request: PeriodRequest,
  commentCount: number,
): TouchpointDetail {
  const metrics: TouchpointDetail['metrics'] = [];
  for (const setting of settings) {
    const { definition, target } = setting;
    const data = index.metrics.get(setting.key);
    if (!data || (!data.series.has(touchpointId) && !data.aggregates.has(touchpointId))) continue;
    const periods = periodsWithData(index, setting.key, request.granularity);
    const series: TouchpointDetail['metrics'][number]['series'] = [];
    for (const period of periods) {
      const bounds = periodBounds(period);
      if (!bounds.ok) continue;
      const valued = valueOf(definition, gather(definition, data, touchpointId, bounds.value), request.minN);
      if (valued) series.push({ period, ...cellOf(valued, target) });
    }
    if (series.length === 0) continue;
    const resolved = resolvePeriod(request.period, periods);
    const range = resolved.range ?? ALL;
    const g = gather(definition, data, touchpointId, range);
    const current = valueOf(definition, g, request.minN);
    const scale = surveyScale(definition);
    const distributions = g.inputs.filter((i): i is ScoreDistribution => 'counts' in i);
    let distribution: ScoreDistribution | null = null;
    if (scale && distributions.length > 0) {
      const counts = new Array<number>(scale.max - scale.min + 1).fill(0);
      for (const d of distributions) d.counts.forEach((c, i) => (counts[i]! += c));
      distribution = { min: scale.min, max: scale.max, counts };
    }
    metrics.push({
      key: setting.key,
      kind: definition.kind,
      label: definition.label,
      unit: definition.unit,
      direction: definition.direction,
      family: definition.family,
      target,
      series,
      period: resolved.period,
      current: current ? cellOf(current, target) : null,
      distribution: distribution ? { ...distribution, counts: [...distribution.counts] } : null,
      ...goodBad(definition),
    });
  }
  return { touchpointId, granularity: request.granularity, metrics, commentCount };
}
