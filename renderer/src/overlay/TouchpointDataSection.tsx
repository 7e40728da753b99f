import { useEffect, useId, useState } from 'react';
import type {
  CommentsResult,
  MetricSetting,
  TouchpointDetail,
} from '../../../shared/domain/metrics-analysis';
import { useCommands } from '../commands/commands-context';
import { useDocument } from '../state/stores-context';
import { formatMetricValue, formatN } from './overlay-view';
import { useOverlay } from './use-overlay';

type MetricDetail = TouchpointDetail['metrics'][number];

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A definition-like object for formatting a detail's values. */
const settingOf = (m: MetricDetail): Pick<MetricSetting, 'definition'> =>
  ({ definition: { kind: m.kind, unit: m.unit } }) as Pick<MetricSetting, 'definition'>;

/**
 * The touchpoint's imported data in the inspector: every metric over time (value, 95% interval as
 * whiskers, the target as a dashed line), the distribution of scores in the chosen period, and the
 * comments, lowest scores first, searchable. Follows the overlay's period choice.
 */
export function TouchpointDataSection({ touchpointId }: { touchpointId: string }) {
  const { ctx } = useCommands();
  const journeyId = useDocument((s) => s.doc?.journey.id ?? null);
  const granularity = useOverlay((s) => s.granularity);
  const period = useOverlay((s) => s.period);
  const segment = useOverlay((s) => s.segment);
  const dataVersion = useOverlay((s) => s.dataVersion);
  const minN = useOverlay((s) => s.settings?.minN);
  const [detail, setDetail] = useState<TouchpointDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!journeyId) return;
    let cancelled = false;
    ctx.api
      .call('metrics.touchpointDetail', {
        journeyId,
        touchpointId,
        granularity,
        period,
        segment,
        ...(minN ? { minN } : {}),
      })
      .then((d) => {
        if (!cancelled) {
          setDetail(d);
          setError(null);
        }
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(messageOf(e));
      });
    return () => {
      cancelled = true;
    };
  }, [ctx, journeyId, touchpointId, granularity, period, segment, minN, dataVersion]);

  if (!journeyId) return null;
  return (
    <section className="tp-data" aria-label="Data" data-testid="touchpoint-data">
      <h3 className="tp-data__title">Data</h3>
      {error && (
        <p className="field__hint" role="alert">
          Couldn't load the data: {error}
        </p>
      )}
      {detail && detail.metrics.length === 0 && (
        <p className="field__hint">
          No imported data for this touchpoint. Its metric key matches rows on import.
        </p>
      )}
      {detail?.metrics.map((m) => (
        <MetricBlock key={m.key} metric={m} />
      ))}
      {detail && detail.commentCount > 0 && (
        <Comments
          key={`${touchpointId}:${dataVersion}:${segment}`}
          journeyId={journeyId}
          touchpointId={touchpointId}
          segment={segment}
          total={detail.commentCount}
        />
      )}
    </section>
  );
}

function MetricBlock({ metric }: { metric: MetricDetail }) {
  const setting = settingOf(metric);
  const current = metric.current;
  const periodText = metric.period === 'all' ? 'all time' : metric.period;
  return (
    <div className="tp-data__metric" data-testid="metric-detail">
      <div className="tp-data__metric-head">
        <span className="tp-data__metric-name">{metric.label}</span>
        {current?.value !== null && current !== null && (
          <span className="tp-data__metric-value">
            {formatMetricValue(current.value!, setting)}{' '}
            <span className="tp-data__muted">
              {formatN(current.n)} · {periodText}
            </span>
          </span>
        )}
      </div>
      <TrendChart metric={metric} />
      {metric.distribution && <DistributionChart metric={metric} />}
    </div>
  );
}

const W = 280;
const H = 112;
const PAD = { left: 34, right: 8, top: 8, bottom: 20 };

/** Values over time with 95% whiskers and the target line. Small samples are drawn hollow. */
function TrendChart({ metric }: { metric: MetricDetail }) {
  const setting = settingOf(metric);
  const points = metric.series.filter((p) => p.value !== null);
  if (points.length === 0) return null;
  const values = points.flatMap((p) => [p.value!, p.ci?.low ?? p.value!, p.ci?.high ?? p.value!]);
  if (metric.target !== null) values.push(metric.target);
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (hi - lo < 1e-9) {
    lo -= 1;
    hi += 1;
  }
  const margin = (hi - lo) * 0.08;
  lo -= margin;
  hi += margin;
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length === 1 ? innerW / 2 : (i * innerW) / (points.length - 1));
  const y = (v: number) => PAD.top + ((hi - v) / (hi - lo)) * innerH;
  const path = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value!).toFixed(1)}`)
    .join(' ');
  const labelEvery = Math.ceil(points.length / 6);
  const summary = points
    .map((p) => `${p.period}: ${formatMetricValue(p.value!, setting)} (${formatN(p.n)})`)
    .join('; ');
  return (
    <svg
      className="tp-chart"
      viewBox={`0 0 ${W} ${H}`}
      width="100%"
      role="img"
      aria-label={`${metric.label} over time. ${summary}${metric.target !== null ? `. Target ${formatMetricValue(metric.target, setting)}` : ''}`}
    >
      <line
        className="tp-chart__axis"
        x1={PAD.left}
        x2={W - PAD.right}
        y1={H - PAD.bottom}
        y2={H - PAD.bottom}
      />
      <text className="tp-chart__tick" x={PAD.left - 4} y={y(hi - margin) + 4} textAnchor="end">
        {formatMetricValue(hi - margin, setting)}
      </text>
      <text className="tp-chart__tick" x={PAD.left - 4} y={y(lo + margin) + 4} textAnchor="end">
        {formatMetricValue(lo + margin, setting)}
      </text>
      {metric.target !== null && (
        <g>
          <line
            className="tp-chart__target"
            x1={PAD.left}
            x2={W - PAD.right}
            y1={y(metric.target)}
            y2={y(metric.target)}
          />
          <text
            className="tp-chart__target-label"
            x={W - PAD.right}
            y={y(metric.target) - 3}
            textAnchor="end"
          >
            target
          </text>
        </g>
      )}
      {points.map((p, i) =>
        p.ci ? (
          <line
            key={`ci-${p.period}`}
            className="tp-chart__ci"
            x1={x(i)}
            x2={x(i)}
            y1={y(p.ci.low)}
            y2={y(p.ci.high)}
          />
        ) : null,
      )}
      <path className="tp-chart__line" d={path} />
      {points.map((p, i) => (
        <circle
          key={p.period}
          className={`tp-chart__point${p.smallSample ? ' is-small' : ''}${p.status === 'below' ? ' is-below' : ''}`}
          cx={x(i)}
          cy={y(p.value!)}
          r={3.5}
        >
          <title>{`${p.period}: ${formatMetricValue(p.value!, setting)}, ${formatN(p.n)}${p.ci ? `, 95% CI ${formatMetricValue(p.ci.low, setting)} to ${formatMetricValue(p.ci.high, setting)}` : ''}`}</title>
        </circle>
      ))}
      {points.map((p, i) =>
        i % labelEvery === 0 || i === points.length - 1 ? (
          <text key={`l-${p.period}`} className="tp-chart__tick" x={x(i)} y={H - 5} textAnchor="middle">
            {p.period.replace(/^\d{4}-/, '')}
          </text>
        ) : null,
      )}
    </svg>
  );
}

/** Responses per score in the chosen period: good scores blue, bad ones orange. */
function DistributionChart({ metric }: { metric: MetricDetail }) {
  const d = metric.distribution!;
  const max = Math.max(1, ...d.counts);
  const total = d.counts.reduce((s, c) => s + c, 0);
  const tone = (score: number) =>
    metric.goodFrom !== null && score >= metric.goodFrom
      ? 'good'
      : metric.badTo !== null && score <= metric.badTo
        ? 'bad'
        : metric.badTo === null && metric.goodFrom !== null
          ? 'bad'
          : 'neutral';
  const bw = (W - PAD.left - PAD.right) / d.counts.length;
  const h = 64;
  return (
    <svg
      className="tp-chart tp-chart--bars"
      viewBox={`0 0 ${W} ${h + 16}`}
      width="100%"
      role="img"
      aria-label={`Distribution of ${metric.label} scores: ${d.counts.map((c, i) => `${d.min + i}: ${c}`).join(', ')}`}
    >
      {d.counts.map((c, i) => {
        const bh = (c / max) * h;
        const score = d.min + i;
        return (
          <g key={score}>
            <rect
              className={`tp-chart__bar tp-chart__bar--${tone(score)}`}
              x={PAD.left + i * bw + 1}
              y={h - bh}
              width={Math.max(1, bw - 2)}
              height={bh}
            >
              <title>{`Score ${score}: ${c} responses (${total ? Math.round((100 * c) / total) : 0}%)`}</title>
            </rect>
            <text className="tp-chart__tick" x={PAD.left + i * bw + bw / 2} y={h + 12} textAnchor="middle">
              {score}
            </text>
          </g>
        );
      })}
      <text className="tp-chart__tick" x={PAD.left - 4} y={10} textAnchor="end">
        {max}
      </text>
    </svg>
  );
}

const PAGE = 20;

function Comments({
  journeyId,
  touchpointId,
  segment,
  total,
}: {
  journeyId: string;
  touchpointId: string;
  /** The overlay's segment choice: its comments only. */
  segment: string | null;
  total: number;
}) {
  const { ctx } = useCommands();
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState<CommentsResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  useEffect(() => {
    const timer = setTimeout(() => setQuery(search), 200);
    return () => clearTimeout(timer);
  }, [search]);

  useEffect(() => {
    let cancelled = false;
    ctx.api
      .call('metrics.comments', { journeyId, touchpointId, search: query, offset: 0, limit: PAGE, segment })
      .then((result) => {
        if (!cancelled) {
          setPage(result);
          setError(null);
        }
      })
      .catch((e: unknown) => !cancelled && setError(messageOf(e)));
    return () => {
      cancelled = true;
    };
  }, [ctx, journeyId, touchpointId, query, segment]);

  const more = () => {
    if (!page) return;
    ctx.api
      .call('metrics.comments', {
        journeyId,
        touchpointId,
        search: query,
        offset: page.items.length,
        limit: PAGE,
        segment,
      })
      .then((next) => setPage({ total: next.total, items: [...page.items, ...next.items] }))
      .catch((e: unknown) => setError(messageOf(e)));
  };

  return (
    <div className="tp-comments">
      <label className="field__label" htmlFor={id}>
        Comments ({total.toLocaleString('en')})
      </label>
      <input
        id={id}
        type="search"
        className="tp-comments__search"
        placeholder="Search comments"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      {error && (
        <p className="field__hint" role="alert">
          {error}
        </p>
      )}
      {page && (
        <>
          <p className="tp-data__muted" aria-live="polite">
            {query.trim()
              ? `${page.total.toLocaleString('en')} matching “${query.trim()}”`
              : 'Lowest scores first'}
          </p>
          <ul className="tp-comments__list">
            {page.items.map((c) => (
              <li key={c.id} className="tp-comment" data-testid="comment">
                <span className="tp-comment__meta">
                  {c.score !== null && (
                    <span className="tp-comment__score" title={`${c.metricKey ?? 'score'} ${c.score}`}>
                      {(c.metricKey ?? '').toUpperCase()} {c.score}
                    </span>
                  )}
                  {c.day && <span>{c.day}</span>}
                </span>
                <span className="tp-comment__text">{c.text}</span>
              </li>
            ))}
          </ul>
          {page.items.length < page.total && (
            <button type="button" className="button button--small" onClick={more}>
              Show more ({(page.total - page.items.length).toLocaleString('en')} left)
            </button>
          )}
        </>
      )}
    </div>
  );
}
