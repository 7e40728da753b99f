import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { canTakeSample } from '../../../shared/sample-data/online-store-sample';
import type {
  GranularityName,
  MetricSetting,
  MetricSettingsPatch,
} from '../../../shared/domain/metrics-analysis';
import { useCommand, useCommands } from '../commands/commands-context';
import { Icon } from '../panels/Icon';
import { parseDecimalInput, parseWholeInput } from '../panels/decimal-input';
import { cutWithEllipsis } from '../../../shared/text/cut';
import { useDocument } from '../state/stores-context';
import { useOverlay, useOverlayStore } from './use-overlay';
import { formatMetricValue } from './overlay-view';
import { SegmentField } from './SegmentField';

const GRANULARITIES: { value: GranularityName; label: string }[] = [
  { value: 'quarter', label: 'Quarter' },
  { value: 'month', label: 'Month' },
  { value: 'week', label: 'Week' },
  { value: 'day', label: 'Day' },
];

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The top bar's switch for the data overlay. */
export function OverlayToggleButton() {
  const command = useCommand('view.dataOverlay');
  const enabled = useOverlay((s) => s.enabled);
  return (
    <button
      type="button"
      className={`icon-button icon-button--toolbar${enabled ? ' is-pressed' : ''}`}
      aria-pressed={enabled}
      aria-label={command.label}
      title={`${command.label}: imported data on the map`}
      onClick={command.run}
      disabled={!command.enabled}
    >
      <Icon name="chart" />
    </button>
  );
}

/** Whether the open map can take the generated sample data (its touchpoints carry the story's keys). */
function useSampleFits(): boolean {
  return useDocument((s) =>
    s.doc ? canTakeSample(s.doc.nodes.flatMap((n) => (n.kind === 'touchpoint' ? [n] : []))) : false,
  );
}

/** Loads the generated sample dataset into the open map, once. */
export function LoadSampleButton({ journeyId }: { journeyId: string }) {
  const { ctx } = useCommands();
  const store = useOverlayStore();
  const [busy, setBusy] = useState(false);
  const load = () => {
    setBusy(true);
    ctx.api
      .call('metrics.loadSample', { journeyId })
      .then((result) => {
        store.getState().patch({ enabled: true });
        store.getState().dataChanged();
        ctx.uiStore
          .getState()
          .notify(
            `Sample data loaded: ${result.responses.toLocaleString('en')} responses over four quarters.`,
          );
      })
      .catch((error: unknown) =>
        ctx.uiStore.getState().notify(`Couldn't load the sample: ${messageOf(error)}`, 'error'),
      )
      .finally(() => setBusy(false));
  };
  return (
    <button type="button" className="button button--small button--primary" onClick={load} disabled={busy}>
      <Icon name="sparkle" size={16} />
      {busy ? 'Loading sample data…' : 'Load sample data'}
    </button>
  );
}

/** The overlay's picker: metric, period, target, small-sample minimum, breakdowns, off. */
export function OverlayBar({ journeyId }: { journeyId: string }) {
  const store = useOverlayStore();
  const settings = useOverlay((s) => s.settings);
  const metricKey = useOverlay((s) => s.metricKey);
  const granularity = useOverlay((s) => s.granularity);
  const period = useOverlay((s) => s.period);
  const overlay = useOverlay((s) => s.overlay);
  const breakdowns = useOverlay((s) => s.breakdowns);
  const breakdownsOpen = useOverlay((s) => s.breakdownsOpen);
  const error = useOverlay((s) => s.error);
  const toggle = useCommand('view.dataOverlay');
  const sampleFits = useSampleFits();
  const id = useId();

  const metric = settings?.metrics.find((m) => m.key === metricKey) ?? null;
  const findings =
    (breakdowns?.touchpoints.filter((t) => t.class !== 'healthy' && t.class !== 'no-data').length ?? 0) +
    (breakdowns?.handoffs.length ?? 0);
  const noData = settings !== null && settings.datasetCount === 0;
  const periods =
    overlay && overlay.metric.key === metricKey && overlay.granularity === granularity ? overlay.periods : [];
  const latest = periods[periods.length - 1];

  return (
    <div className="ov-bar" role="region" aria-label="Data overlay">
      {/* The fields wrap among themselves when the bar is narrow; the actions keep the top-right corner. */}
      <div className="ov-bar__fields">
        <span className="ov-bar__title" title="Data overlay">
          <Icon name="chart" size={16} />
          <span className="ov-bar__title-text">Data overlay</span>
        </span>
        {noData ? (
          <p className="ov-bar__empty">
            This map has no data yet.{' '}
            {sampleFits
              ? 'Load the generated sample survey, or import your own.'
              : 'Import survey or operations data.'}
          </p>
        ) : settings === null ? (
          <p className="ov-bar__empty">Loading…</p>
        ) : (
          <>
            <label className="ov-field">
              <span className="ov-field__label">Metric</span>
              <select
                value={metricKey ?? ''}
                onChange={(e) => store.getState().setMetric(e.target.value)}
                aria-label="Overlay metric"
              >
                {settings.metrics.map((m) => (
                  <option key={m.key} value={m.key}>
                    {m.definition.label}
                    {m.hasData ? '' : ' (no data)'}
                  </option>
                ))}
              </select>
            </label>
            {/* One visible word for the two period choices; each select names itself. */}
            <div className="ov-field">
              <span className="ov-field__label" aria-hidden="true">
                Period
              </span>
              <select
                value={granularity}
                onChange={(e) => store.getState().setGranularity(e.target.value as GranularityName)}
                aria-label="Period length"
              >
                {GRANULARITIES.map((g) => (
                  <option key={g.value} value={g.value}>
                    {g.label}
                  </option>
                ))}
              </select>
              <select
                value={period}
                onChange={(e) => store.getState().setPeriod(e.target.value)}
                aria-label="Period"
              >
                <option value="latest">Latest{latest ? ` (${latest})` : ''}</option>
                {[...periods].reverse().map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
                <option value="all">All time</option>
              </select>
            </div>
            <SegmentField />
            {metric && (
              <TargetField key={`${metric.key}:${metric.target}`} journeyId={journeyId} metric={metric} />
            )}
            <OverlaySettings
              title={metric ? `Minimum n and ${metric.definition.label} settings` : 'Minimum n'}
            >
              <MinNField journeyId={journeyId} minN={settings.minN} id={`${id}-minn`} />
              {metric && <MetricOptions key={metric.key} journeyId={journeyId} metric={metric} />}
            </OverlaySettings>
          </>
        )}
        {error && (
          <span className="ov-bar__error" role="alert">
            {error}
          </span>
        )}
      </div>
      <div className="ov-bar__actions">
        {noData && sampleFits && <LoadSampleButton journeyId={journeyId} />}
        {!noData && settings !== null && (
          <button
            type="button"
            className={`button button--small${breakdownsOpen ? ' is-pressed' : ''}`}
            aria-pressed={breakdownsOpen}
            onClick={() => store.getState().setBreakdownsOpen(!breakdownsOpen)}
          >
            Breakdowns
            <span className="ov-count" aria-label={`${findings} found`}>
              {findings}
            </span>
          </button>
        )}
        <button
          type="button"
          className="icon-button"
          aria-label="Turn the data overlay off"
          title="Turn the data overlay off"
          onClick={toggle.run}
        >
          <Icon name="close" />
        </button>
      </div>
    </div>
  );
}

/**
 * The less-used settings (the small-sample minimum, the metric's family and scale) in a popover,
 * so the bar stays one line. Escape or a click outside closes it; focus returns to its button.
 */
function OverlaySettings({ title, children }: { title: string; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (event: PointerEvent) => {
      const details = ref.current;
      if (details?.open && !details.contains(event.target as Node)) details.open = false;
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, []);
  return (
    <details
      ref={ref}
      className="ov-options"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !ref.current?.open) return;
        event.preventDefault();
        event.stopPropagation();
        ref.current.open = false;
        ref.current.querySelector('summary')?.focus();
      }}
    >
      <summary className="button button--small" title={title}>
        Settings
      </summary>
      <div className="ov-options__body" role="group" aria-label="Overlay settings">
        {children}
      </div>
    </details>
  );
}

function targetRange(metric: MetricSetting): { min: number; max: number } {
  const d = metric.definition;
  if (d.kind === 'nps') return { min: -100, max: 100 };
  if (d.unit === '%') return { min: 0, max: 100 };
  if (d.kind === 'ces') return { min: d.scaleMin, max: d.scaleMax };
  if (d.unit === 'seconds' || d.unit === 'currency') return { min: 0, max: Number.MAX_SAFE_INTEGER };
  return { min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER };
}

/** How much of a refused value the message quotes back: enough to spot the typo, not a paste. */
const ECHO_CHARS = 24;

/** The metric's target on this map: Enter or leaving the field saves it; empty means no target. */
function TargetField({ journeyId, metric }: { journeyId: string; metric: MetricSetting }) {
  const { ctx } = useCommands();
  const store = useOverlayStore();
  const [text, setText] = useState(metric.target === null ? '' : String(metric.target));
  const [problem, setProblem] = useState<string | null>(null);
  const range = targetRange(metric);
  const save = (event?: FormEvent) => {
    event?.preventDefault();
    const trimmed = text.trim();
    const target = trimmed === '' ? null : parseDecimalInput(trimmed);
    if (target === null && trimmed !== '')
      return setProblem(
        `Type a decimal number like 45 or 7.5, not “${cutWithEllipsis(trimmed, ECHO_CHARS)}” (empty: no target).`,
      );
    if (target !== null && (target < range.min || target > range.max))
      return setProblem(`A ${metric.definition.label} target lies between ${range.min} and ${range.max}.`);
    setProblem(null);
    if (target === metric.target) return;
    ctx.api
      .call('metrics.updateMetric', { journeyId, key: metric.key, patch: { target } })
      .then(() => store.getState().dataChanged())
      .catch((error: unknown) => setProblem(messageOf(error)));
  };
  const unit = metric.definition.unit === '%' ? '%' : metric.definition.unit === 'seconds' ? 's' : '';
  return (
    <form className="ov-field" onSubmit={save}>
      <label htmlFor={`target-${metric.key}`}>Target</label>
      <span className="ov-field__input">
        <input
          id={`target-${metric.key}`}
          inputMode="decimal"
          value={text}
          size={5}
          aria-invalid={problem !== null}
          aria-describedby={problem ? `target-${metric.key}-problem` : undefined}
          title={
            metric.target === null
              ? 'No target: cards are not coloured'
              : `Cards are coloured against ${formatMetricValue(metric.target, metric)}`
          }
          onChange={(e) => setText(e.target.value)}
          onBlur={() => save()}
        />
        {unit && <span className="ov-field__unit">{unit}</span>}
      </span>
      {problem && (
        <span className="ov-field__problem" id={`target-${metric.key}-problem`} role="alert">
          {problem}
        </span>
      )}
    </form>
  );
}

/** Below this n a value is flagged as a small sample. */
function MinNField({ journeyId, minN, id }: { journeyId: string; minN: number; id: string }) {
  const { ctx } = useCommands();
  const store = useOverlayStore();
  const [text, setText] = useState(String(minN));
  const [problem, setProblem] = useState<string | null>(null);
  // A saved (or elsewhere changed) minimum shows here; the field stays mounted, so keeps focus.
  const [shown, setShown] = useState(minN);
  if (shown !== minN) {
    setShown(minN);
    setText(String(minN));
  }
  const save = (event?: FormEvent) => {
    event?.preventDefault();
    const value = parseWholeInput(text);
    if (value === null || value < 1 || value > 100_000)
      return setProblem('The minimum n is a whole number from 1 to 100000.');
    setProblem(null);
    if (value === minN) return;
    ctx.api
      .call('metrics.setMinN', { journeyId, minN: value })
      .then((settings) => store.getState().patch({ settings }))
      .catch((error: unknown) => setProblem(messageOf(error)));
  };
  return (
    <form className="ov-field" onSubmit={save}>
      <label htmlFor={id} title="Values resting on fewer responses are marked as small samples">
        Min n
      </label>
      <input
        id={id}
        inputMode="numeric"
        value={text}
        size={4}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => save()}
      />
      {problem && (
        <span className="ov-field__problem" id={`${id}-problem`} role="alert">
          {problem}
        </span>
      )}
    </form>
  );
}

/**
 * What else a metric's definition lets the user change on this map: its family (which decides
 * service vs experience breakdowns), and for CSAT the top box, for CES the report and version.
 */
function MetricOptions({ journeyId, metric }: { journeyId: string; metric: MetricSetting }) {
  const { ctx } = useCommands();
  const store = useOverlayStore();
  const [problem, setProblem] = useState<string | null>(null);
  const d = metric.definition;
  const id = useId();
  const update = (patch: MetricSettingsPatch) => {
    ctx.api
      .call('metrics.updateMetric', { journeyId, key: metric.key, patch })
      .then(() => {
        setProblem(null);
        store.getState().dataChanged();
      })
      .catch((error: unknown) => setProblem(messageOf(error)));
  };
  const topBoxChoices =
    d.kind === 'csat' || d.kind === 'ces'
      ? Array.from({ length: d.scaleMax - d.scaleMin }, (_, i) => d.scaleMin + 1 + i)
      : [];
  return (
    <div className="ov-options__group" role="group" aria-label={`${d.label} settings`}>
      <span className="ov-options__heading">{d.label}</span>
      <label className="ov-field" htmlFor={`${id}-family`}>
        <span>Family</span>
        <select
          id={`${id}-family`}
          value={d.family}
          onChange={(e) => update({ family: e.target.value as 'service' | 'experience' })}
        >
          <option value="service">Service</option>
          <option value="experience">Experience</option>
        </select>
      </label>
      {d.kind === 'ces' && (
        <>
          <label className="ov-field" htmlFor={`${id}-version`}>
            <span>Question</span>
            <select
              id={`${id}-version`}
              value={d.version}
              onChange={(e) => update({ version: e.target.value as '2.0' | '1.0' })}
            >
              <option value="2.0">CES 2.0: easy (higher is better)</option>
              <option value="1.0">CES 1.0: effort (lower is better)</option>
            </select>
          </label>
          <label className="ov-field" htmlFor={`${id}-report`}>
            <span>Report</span>
            <select
              id={`${id}-report`}
              value={d.report}
              onChange={(e) => update({ report: e.target.value as 'mean' | 'top-box', target: null })}
            >
              <option value="mean">Mean score</option>
              <option value="top-box">% in the top box</option>
            </select>
          </label>
        </>
      )}
      {topBoxChoices.length > 0 && (d.kind === 'csat' || (d.kind === 'ces' && d.report === 'top-box')) && (
        <label className="ov-field" htmlFor={`${id}-topbox`}>
          <span>Top box from</span>
          <select
            id={`${id}-topbox`}
            value={d.kind === 'csat' || d.kind === 'ces' ? d.topBoxMin : ''}
            onChange={(e) => update({ topBoxMin: Number(e.target.value) })}
          >
            {topBoxChoices.map((v) => (
              <option key={v} value={v}>
                {v}–{d.kind === 'csat' || d.kind === 'ces' ? d.scaleMax : ''}
              </option>
            ))}
          </select>
        </label>
      )}
      {problem && (
        <span className="ov-field__problem" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}
