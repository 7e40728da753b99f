import type {
  BreakdownsResult,
  CellValue,
  MetricSetting,
  OverlayResult,
  TrendInfo,
} from '../../../shared/domain/metrics-analysis';

/**
 * What the canvas draws for the overlay, computed once per API answer and shared by identity: the
 * node builder hands each card its own entry, so a card re-renders only when its entry changes.
 */

/** −3 … +3: steps of the diverging scale, negative = worse than target, 0 = at target. */
export type ColourStep = -3 | -2 | -1 | 0 | 1 | 2 | 3;

export interface CellView {
  /** null: no target, so no colour (the badge still shows the value). */
  step: ColourStep | null;
  value: string;
  n: string;
  uncertain: boolean;
  smallSample: boolean;
  /** The whole reading in words, for title and aria-label. */
  description: string;
}

export interface TouchpointView extends CellView {
  metricLabel: string;
  trend: { arrow: '▲' | '▼' | '▶'; significant: boolean; improved: boolean | null; text: string } | null;
  noData: boolean;
}

export interface OverlayView {
  metricLabel: string;
  touchpoints: ReadonlyMap<string, TouchpointView>;
  stages: ReadonlyMap<string, CellView & { metricLabel: string }>;
  /** Flow edges whose hand-off loses customers, with a short label. */
  handoffs: ReadonlyMap<string, string>;
  /** Every touchpoint without data shares this entry. */
  noData: TouchpointView;
}

const MINUS = '−';

export function formatMetricValue(value: number, setting: Pick<MetricSetting, 'definition'>): string {
  const { definition } = setting;
  const sign = (x: string, v: number) =>
    v < 0 ? `${MINUS}${x}` : v > 0 && definition.kind === 'nps' ? `+${x}` : x;
  switch (definition.unit) {
    case '%':
      return `${sign(Math.abs(value).toFixed(value !== 0 && Math.abs(value) < 10 ? 1 : 0), value)}%`;
    case 'score':
      return definition.kind === 'nps'
        ? sign(Math.abs(Math.round(value)).toString(), Math.round(value))
        : sign(Math.abs(value).toFixed(1), value);
    case 'seconds':
      return `${sign(Math.abs(Math.round(value)).toString(), value)} s`;
    case 'currency':
      return sign(Math.abs(value).toLocaleString('en', { maximumFractionDigits: 0 }), value);
    case 'ratio':
      return sign(Math.abs(value).toFixed(2), value);
  }
}

/** A difference in the metric's unit: "+12 points", "−4.5 pp". */
export function formatDifference(difference: number, setting: Pick<MetricSetting, 'definition'>): string {
  const { definition } = setting;
  const abs = Math.abs(difference);
  const sign = difference < 0 ? MINUS : '+';
  if (definition.unit === '%') return `${sign}${abs.toFixed(1)} pp`;
  if (definition.kind === 'nps') return `${sign}${abs.toFixed(0)} points`;
  if (definition.unit === 'seconds') return `${sign}${abs.toFixed(0)} s`;
  return `${sign}${abs.toFixed(abs < 10 ? 1 : 0)}`;
}

export const formatN = (n: number | null) => (n === null ? 'n unknown' : `n ${n.toLocaleString('en')}`);

/**
 * Six steps, three on each side of the target: meeting it (blue) or not (orange), each by up to a
 * third, two thirds, or more of the span. A value just below target is orange, never neutral.
 */
export function colourStep(cell: CellValue, span: number, higherIsBetter: boolean): ColourStep | null {
  if (cell.difference === null || cell.value === null || cell.status === 'no-target') return null;
  const signed = (higherIsBetter ? cell.difference : -cell.difference) / span;
  const magnitude = Math.abs(signed) < 1 / 3 ? 1 : Math.abs(signed) < 2 / 3 ? 2 : 3;
  return (cell.status === 'meets' ? magnitude : -magnitude) as ColourStep;
}

function cellView(cell: CellValue, result: OverlayResult): CellView {
  const setting = result.metric;
  const label = setting.definition.label;
  const higher = setting.definition.direction === 'higher-is-better';
  const value = cell.value === null ? '–' : formatMetricValue(cell.value, setting);
  const parts = [`${label} ${value}`, formatN(cell.n)];
  if (cell.ci)
    parts.push(
      `95% CI ${formatMetricValue(cell.ci.low, setting)} to ${formatMetricValue(cell.ci.high, setting)}`,
    );
  if (setting.target !== null) {
    const target = formatMetricValue(setting.target, setting);
    if (cell.status === 'meets') parts.push(`meets the target ${target}`);
    else if (cell.status === 'below')
      parts.push(`${cell.certainty === 'confirmed' ? 'below' : 'possibly below'} the target ${target}`);
  }
  if (cell.smallSample) parts.push(`small sample (n below ${result.minN})`);
  else if (cell.uncertain && setting.target !== null)
    parts.push('uncertain: the interval reaches across the target');
  return {
    step: colourStep(cell, result.colourSpan, higher),
    value,
    n: formatN(cell.n),
    uncertain: cell.uncertain && (cell.smallSample || setting.target !== null),
    smallSample: cell.smallSample,
    description: parts.join(', '),
  };
}

function trendView(trend: TrendInfo | null, result: OverlayResult): TouchpointView['trend'] {
  if (!trend) return null;
  const arrow = trend.direction === 'up' ? '▲' : trend.direction === 'down' ? '▼' : '▶';
  const change = formatDifference(trend.difference, result.metric);
  const noise = trend.significant ? 'beyond the noise' : 'within the noise';
  return {
    arrow,
    significant: trend.significant,
    improved: trend.improved,
    text: `${change} since ${trend.previousPeriod} (${noise})`,
  };
}

export function buildOverlayView(
  result: OverlayResult,
  breakdowns: BreakdownsResult | null,
  settings: readonly MetricSetting[],
): OverlayView {
  const metricLabel = result.metric.definition.label;
  const touchpoints = new Map<string, TouchpointView>();
  for (const t of result.touchpoints) {
    const cell = cellView(t, result);
    const trend = trendView(t.trend, result);
    touchpoints.set(t.touchpointId, {
      ...cell,
      metricLabel,
      trend,
      noData: false,
      description: trend ? `${cell.description}; ${trend.text}` : cell.description,
    });
  }
  const stages = new Map<string, CellView & { metricLabel: string }>();
  for (const s of result.stages) stages.set(s.stageId, { ...cellView(s, result), metricLabel });
  const handoffs = new Map<string, string>();
  for (const h of breakdowns?.handoffs ?? []) {
    const worst = h.checks[0];
    const setting = worst ? (settings.find((s) => s.key === worst.key) ?? null) : null;
    const drop = worst
      ? `${worst.label} ${setting ? formatDifference(worst.difference, setting) : worst.difference.toFixed(1)}`
      : '';
    handoffs.set(h.edgeId, drop ? `Hand-off breakdown: ${drop}` : 'Hand-off breakdown');
  }
  return {
    metricLabel,
    touchpoints,
    stages,
    handoffs,
    noData: {
      step: null,
      value: 'No data',
      n: '',
      uncertain: false,
      smallSample: false,
      description: `${metricLabel}: no data in this period`,
      metricLabel,
      trend: null,
      noData: true,
    },
  };
}
