import { useOverlay } from './use-overlay';
import { formatMetricValue } from './overlay-view';
import { segmentName } from './SegmentField';

const STEPS = [-3, -2, -1, 1, 2, 3] as const;

/** What the overlay's colours, marks and arrows mean, for the metric and period shown. */
export function OverlayLegend() {
  const overlay = useOverlay((s) => s.overlay);
  const metricKey = useOverlay((s) => s.metricKey);
  if (!overlay || overlay.metric.key !== metricKey) return null;
  const { metric, colourSpan, minN } = overlay;
  const label = metric.definition.label;
  const higher = metric.definition.direction === 'higher-is-better';
  const at = (k: number) => formatMetricValue((metric.target ?? 0) + (higher ? k : -k) * colourSpan, metric);
  const period = overlay.period === 'all' ? 'all time' : overlay.period;
  const title = `${label} · ${period}${overlay.segment !== null ? ` · ${segmentName(overlay.segment)}` : ''}`;
  return (
    <section className="ov-legend" aria-label="Overlay legend" data-testid="overlay-legend">
      <div className="ov-legend__head">
        <h2 className="ov-legend__title" title={title}>
          {title}
        </h2>
        <details className="ov-legend__more">
          <summary className="ov-legend__more-toggle" title="What the hatching, arrows and marks mean">
            Key
          </summary>
          <ul className="ov-legend__keys">
            <li>
              <span className="ov-legend__hatch" aria-hidden="true" />≈ uncertain: n below {minN}, or the 95%
              interval reaches across the target
            </li>
            <li>
              <span className="ov-legend__glyph" aria-hidden="true">
                ▲▼
              </span>
              change since the previous period beyond the noise; △▽ within it
            </li>
            <li>
              <span className="ov-legend__edge" aria-hidden="true" />
              hand-off that loses customers
            </li>
            <li>Stage headers: the stage’s n-weighted value</li>
          </ul>
        </details>
      </div>
      {metric.target === null ? (
        <p className="ov-legend__note">No target set: values are shown without colour. Set one above.</p>
      ) : (
        <>
          <div className="ov-legend__scale" aria-hidden="true">
            {STEPS.map((step) => (
              <span key={step} className="ov-legend__swatch" data-step={step} />
            ))}
          </div>
          <div className="ov-legend__ticks">
            <span>{at(-1)}</span>
            <span className="ov-legend__target">target {formatMetricValue(metric.target, metric)}</span>
            <span>{at(1)}</span>
          </div>
          <p className="ov-legend__note">
            Orange: below target · blue: meets it{higher ? '' : ' (lower is better)'}
          </p>
        </>
      )}
    </section>
  );
}
