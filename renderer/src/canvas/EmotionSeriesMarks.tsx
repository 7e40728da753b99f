import { emotionY, seriesPath, seriesRuns, type EmotionPoint, type EmotionSeries } from './emotion-curve';
import { cutWithEllipsis } from '../../../shared/text/cut';

/**
 * A further series on the emotion lane (the data-derived curve of the overlay's metric): a dashed
 * line broken where a touchpoint has no trustworthy value, a hollow diamond per point with its n
 * beside it, hatched when the value is uncertain (like the cards), and a legend naming both
 * curves. Points are read-only: each carries its reading as tooltip and accessible name. They are
 * drawn over the designed points but only their outline takes the pointer, so the designed point
 * beneath stays draggable.
 */

const DIAMOND = 10;
/** What fits in the axis column beside a legend swatch. */
const LEGEND_CHARS = 16;

export function SeriesHatch({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={id} patternUnits="userSpaceOnUse" width={5} height={5} patternTransform="rotate(45)">
        <rect className="emotion-series__hatch-bg" width={5} height={5} />
        <line className="emotion-series__hatch" x1={0} y1={0} x2={0} y2={5} />
      </pattern>
    </defs>
  );
}

/**
 * The legend in the lane's axis column, under its title: each row sits halfway between two ticks of
 * the axis (+1 and 0, 0 and −1), so a long label never runs into a tick.
 */
export function EmotionLegend({ series }: { series: readonly EmotionSeries[] }) {
  const y0 = (emotionY(1) + emotionY(0)) / 2;
  const rowStep = emotionY(0) - emotionY(1);
  return (
    <g className="emotion-legend" role="list" aria-label="Curves">
      <g role="listitem" aria-label="Designed emotion: solid line">
        <line className="emotion-lane__line" x1={14} x2={30} y1={y0} y2={y0} />
        <text className="emotion-legend__text" x={35} y={y0} dy="0.35em">
          Designed emotion
        </text>
      </g>
      {series.map((s, i) => {
        const y = y0 + rowStep * (i + 1);
        const cut = s.label.length > LEGEND_CHARS || (s.scope?.shown.length ?? 0) > LEGEND_CHARS;
        return (
          <g key={s.label} role="listitem" aria-label={`${seriesName(s)}: dashed line with diamonds`}>
            {cut && <title>{seriesName(s)}</title>}
            <line className="emotion-series__line" x1={14} x2={30} y1={y} y2={y} />
            <path className="emotion-series__legend-mark" d={diamond(22, y, 4.5)} />
            <text className="emotion-legend__text" x={35} y={y} dy="0.35em">
              {cutWithEllipsis(s.label, LEGEND_CHARS)}
            </text>
            {s.scope && (
              <text className="emotion-legend__scope" x={35} y={y + 13} dy="0.35em">
                {cutWithEllipsis(s.scope.shown, LEGEND_CHARS)}
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
}

/** A series' whole name: its label and, when it shows part of the data, which part. */
const seriesName = (s: EmotionSeries) => (s.scope ? `${s.label}, ${s.scope.spoken}` : s.label);

const diamond = (x: number, y: number, r: number) =>
  `M${x} ${y - r}L${x + r} ${y}L${x} ${y + r}L${x - r} ${y}Z`;

export function EmotionSeriesMarks({
  curve,
  series,
  drawPoints,
  hatchId,
}: {
  curve: readonly EmotionPoint[];
  series: EmotionSeries;
  drawPoints: boolean;
  hatchId: string;
}) {
  const { points, runs } = seriesRuns(curve, series);
  return (
    <g
      className="emotion-series"
      data-testid="emotion-data-series"
      aria-label={seriesName(series)}
      role="group"
    >
      <path className="emotion-series__line" d={seriesPath(runs)} />
      {drawPoints &&
        points.map((p) => {
          const y = emotionY(p.value);
          const label = `${seriesName(series)} at ${p.name}: ${p.description ?? p.value}`;
          return (
            <g key={p.touchpointId} className="emotion-series__point" data-touchpoint-id={p.touchpointId}>
              <path
                className={`emotion-series__mark${p.uncertain ? ' is-uncertain' : ''}`}
                d={diamond(p.x, y, DIAMOND)}
                fill={p.uncertain ? `url(#${hatchId})` : undefined}
                role="img"
                aria-label={label}
              >
                <title>{label}</title>
              </path>
              {p.n !== undefined && (
                <text
                  className="emotion-series__n"
                  x={p.x + DIAMOND + 3}
                  y={p.value < -1 ? y - 8 : y + 12}
                  aria-hidden="true"
                >
                  {`n ${p.n.toLocaleString('en')}`}
                </text>
              )}
            </g>
          );
        })}
    </g>
  );
}
