import type { CellView, TouchpointView } from './overlay-view';

/**
 * The overlay's reading on a touchpoint card: value, n and the trend arrow. A filled arrow is a
 * change beyond the noise; a hollow one is within it. "≈" marks a small or uncertain sample.
 */
export function OverlayBadge({ view }: { view: TouchpointView }) {
  if (view.noData)
    return (
      <span className="ov-badge ov-badge--empty" title={view.description} data-testid="overlay-badge">
        {view.metricLabel}: no data
      </span>
    );
  return (
    <span
      className="ov-badge"
      title={view.description}
      aria-label={view.description}
      data-testid="overlay-badge"
    >
      <span className="ov-badge__value">
        {view.metricLabel} {view.value}
      </span>
      <span className="ov-badge__n">{view.n}</span>
      {view.uncertain && (
        <span className="ov-badge__uncertain" aria-hidden="true">
          ≈
        </span>
      )}
      {view.trend && (
        <span
          className={`ov-trend${view.trend.significant ? ' ov-trend--significant' : ''}${
            view.trend.improved === true
              ? ' ov-trend--better'
              : view.trend.improved === false
                ? ' ov-trend--worse'
                : ''
          }`}
          aria-hidden="true"
        >
          {view.trend.significant ? view.trend.arrow : { '▲': '△', '▼': '▽', '▶': '▷' }[view.trend.arrow]}
        </span>
      )}
    </span>
  );
}

/** A stage's n-weighted value, in its header. */
export function StageAggregate({ view }: { view: CellView & { metricLabel: string } }) {
  return (
    <div
      className={`ov-stage${view.uncertain ? ' is-uncertain' : ''}`}
      data-step={view.step ?? undefined}
      title={`Stage (n-weighted): ${view.description}`}
      data-testid="stage-aggregate"
    >
      <span className="ov-stage__swatch" aria-hidden="true" />
      <span className="ov-stage__value">
        {view.metricLabel} {view.value}
      </span>
      <span className="ov-stage__n">{view.n}</span>
      {view.uncertain && <span aria-hidden="true">≈</span>}
    </div>
  );
}
