import { useReactFlow } from '@xyflow/react';
import { useMemo, useState } from 'react';
import { NODE_SIZE, stageColumns } from '../../../shared/graph/grid';
import { stageSelectionId } from '../state/ui-store';
import { Icon } from '../panels/Icon';
import { useDocument, useStores } from '../state/stores-context';
import { painPointFromFinding, rankFindings, rankStageFindings, type Finding } from './breakdown-findings';
import { useOverlay, useOverlayStore } from './use-overlay';
import { nodeLabel } from '../../../shared/domain/journey';

/**
 * Where service and experience break down, worst first: each entry focuses its touchpoint (or
 * hand-off) on the map, and turns into a pain point carrying its figures in one click.
 */
export function BreakdownsPanel() {
  const { documentStore, uiStore } = useStores();
  const store = useOverlayStore();
  const breakdowns = useOverlay((s) => s.breakdowns);
  const settings = useOverlay((s) => s.settings);
  const doc = useDocument((s) => s.doc);
  const readOnly = useDocument((s) => s.readOnly);
  const flow = useReactFlow();
  const [made, setMade] = useState<ReadonlySet<string>>(new Set());

  const findings = useMemo(
    () => (breakdowns && doc && settings ? rankFindings(breakdowns, doc, settings.metrics) : []),
    [breakdowns, doc, settings],
  );
  const stageFindings = useMemo(
    () => (breakdowns && doc && settings ? rankStageFindings(breakdowns, doc, settings.metrics) : []),
    [breakdowns, doc, settings],
  );

  const focus = (finding: Finding) => {
    if (finding.stageId) {
      const stages = documentStore.getState().doc?.stages ?? [];
      const column = stageColumns(stages).find((c) => c.id === finding.stageId);
      uiStore.getState().selectOnly(stageSelectionId(finding.stageId));
      if (column)
        void flow.setCenter(column.start + column.size / 2, 200, {
          zoom: Math.min(flow.getZoom(), 0.8),
          duration: 300,
        });
      return;
    }
    const node = documentStore.getState().doc?.nodes.find((n) => n.id === finding.touchpointId);
    const ui = uiStore.getState();
    if (finding.edgeId) ui.selectOnly(finding.edgeId, 'edge');
    else ui.selectOnly(finding.touchpointId);
    if (node) {
      const size = NODE_SIZE[node.kind];
      void flow.setCenter(node.x + size.width / 2, node.y + size.height / 2, {
        zoom: Math.max(flow.getZoom(), 0.9),
        duration: 300,
      });
    }
  };

  const makePainPoint = (finding: Finding) => {
    const current = documentStore.getState().doc;
    if (!current || !breakdowns) return;
    const edit = painPointFromFinding(current, finding, breakdowns.period);
    documentStore.getState().apply(edit.changes);
    setMade((previous) => new Set(previous).add(finding.id));
    uiStore.getState().selectOnly(edit.id);
    const touchpoint = current.nodes.find((n) => n.id === finding.touchpointId);
    uiStore.getState().notify(`Pain point added to “${touchpoint ? nodeLabel(touchpoint) : ''}”.`);
  };

  const period = breakdowns ? (breakdowns.period === 'all' ? 'all time' : breakdowns.period) : '';
  return (
    <aside className="ov-panel" aria-label="Breakdowns">
      <header className="ov-panel__header">
        <h2 className="ov-panel__title">Breakdowns</h2>
        <span className="ov-panel__period">{period}</span>
        <button
          type="button"
          className="icon-button"
          aria-label="Close breakdowns"
          title="Close breakdowns"
          onClick={() => store.getState().setBreakdownsOpen(false)}
        >
          <Icon name="close" />
        </button>
      </header>
      <p className="ov-panel__intro">
        Against the map’s targets, every metric, worst first. <strong>Confirmed</strong>: the 95% interval
        lies wholly on the bad side.
      </p>
      {stageFindings.length > 0 && (
        <>
          <h3 className="ov-panel__subtitle">Stages (n-weighted)</h3>
          <ol className="ov-panel__list">
            {stageFindings.map((f) => (
              <li key={f.id} className={`ov-finding ov-finding--${f.tone}`} data-testid="stage-breakdown">
                <FindingSummary finding={f} onFocus={() => focus(f)} />
              </li>
            ))}
          </ol>
          <h3 className="ov-panel__subtitle">Touchpoints and hand-offs</h3>
        </>
      )}
      {!breakdowns ? (
        <p className="ov-panel__empty">Computing…</p>
      ) : findings.length === 0 ? (
        <p className="ov-panel__empty">
          No breakdowns in {period}: every touchpoint with data and a target meets it, and no hand-off drops
          beyond the noise.
        </p>
      ) : (
        <ol className="ov-panel__list">
          {findings.map((f) => (
            <li key={f.id} className={`ov-finding ov-finding--${f.tone}`} data-testid="breakdown-entry">
              <button
                type="button"
                className="ov-finding__focus"
                onClick={() => focus(f)}
                title="Show it on the map"
              >
                <span className="ov-finding__label">
                  <span className={`ov-chip ov-chip--${f.tone}`}>{f.label}</span>
                  <span className={`ov-chip ov-chip--${f.certainty}`}>{f.certainty}</span>
                </span>
                <span className="ov-finding__title">{f.title}</span>
                <ul className="ov-finding__figures">
                  {f.figures.map((text) => (
                    <li key={text}>{text}</li>
                  ))}
                </ul>
              </button>
              {!readOnly && (
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => makePainPoint(f)}
                  disabled={made.has(f.id)}
                  aria-label={`${made.has(f.id) ? 'Pain point added' : 'Make pain point'}: ${f.title}`}
                >
                  <Icon name="note" size={16} />
                  {made.has(f.id) ? 'Pain point added' : 'Make pain point'}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}

/** A finding's label, certainty, title and figures: a button that shows it on the map. */
function FindingSummary({ finding: f, onFocus }: { finding: Finding; onFocus: () => void }) {
  return (
    <button type="button" className="ov-finding__focus" onClick={onFocus} title="Show it on the map">
      <span className="ov-finding__label">
        <span className={`ov-chip ov-chip--${f.tone}`}>{f.label}</span>
        <span className={`ov-chip ov-chip--${f.certainty}`}>{f.certainty}</span>
      </span>
      <span className="ov-finding__title">{f.title}</span>
      <ul className="ov-finding__figures">
        {f.figures.map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
    </button>
  );
}
