import type { Change } from '../../../shared/domain/change-set';
import type { JourneyDocument, PainPoint, Severity } from '../../../shared/domain/journey';
import type {
  AssessedMetric,
  BreakdownsResult,
  HandoffFinding,
  MetricSetting,
  TouchpointBreakdown,
} from '../../../shared/domain/metrics-analysis';
import { addPainPoint, newId } from '../state/map-edits';
import { formatDifference, formatMetricValue, formatN } from './overlay-view';
import { nodeLabel } from '../../../shared/domain/journey';
import { cutText } from '../../../shared/text/cut';

/**
 * The breakdowns panel's entries: every touchpoint that breaks down and every hand-off that loses
 * customers, ranked by severity (confirmed before possible, both families before one) and then by
 * volume (n), each with its figures in words and the pain point it becomes.
 */
export interface Finding {
  id: string;
  kind: 'touchpoint' | 'handoff' | 'stage';
  /** The node to focus (a hand-off focuses its downstream touchpoint and selects the edge). */
  touchpointId: string;
  edgeId: string | null;
  /** For a stage's n-weighted finding: the stage (it has no pain point of its own). */
  stageId: string | null;
  title: string;
  label: string;
  certainty: 'confirmed' | 'possible';
  tone: 'service' | 'experience' | 'both' | 'handoff';
  figures: string[];
  n: number;
  rank: number;
  severity: Severity;
  explanation: string;
}

const CLASS_LABEL = {
  service: 'Service breakdown',
  experience: 'Experience breakdown',
  both: 'Service and experience breakdown',
} as const;

const EXPLANATION = {
  service: 'Service metrics are below their targets here.',
  experience:
    'Experience metrics are below their targets while service metrics meet theirs (or are not measured here): nice reps, broken journey.',
  both: 'Both service and experience metrics are below their targets here.',
} as const;

type SettingLike = Pick<MetricSetting, 'definition'>;
const asSetting = (m: AssessedMetric, settings: readonly MetricSetting[]): SettingLike =>
  settings.find((s) => s.key === m.key) ??
  ({ definition: { kind: 'custom', unit: m.unit } } as unknown as SettingLike);

export function describeMetric(m: AssessedMetric, settings: readonly MetricSetting[]): string {
  const s = asSetting(m, settings);
  const ci = m.ci ? `, 95% CI ${formatMetricValue(m.ci.low, s)} to ${formatMetricValue(m.ci.high, s)}` : '';
  const verdict = m.status === 'meets' ? 'meets' : m.certainty === 'confirmed' ? 'below' : 'possibly below';
  return `${m.label} ${formatMetricValue(m.value, s)} (${formatN(m.n)}${ci}) ${verdict} the target ${formatMetricValue(m.target, s)}`;
}

function touchpointFinding(
  t: Omit<TouchpointBreakdown, 'touchpointId'> & { touchpointId?: string; stageId?: string },
  name: string,
  settings: readonly MetricSetting[],
): Finding | null {
  if (t.class === 'healthy' || t.class === 'no-data') return null;
  const certainty = t.certainty ?? 'possible';
  const below = t.metrics.filter((m) => m.status === 'below');
  const rank = (certainty === 'confirmed' ? 4 : 0) + (t.class === 'both' ? 2 : 1);
  return {
    id: t.stageId ? `stage:${t.stageId}` : `tp:${t.touchpointId}`,
    kind: t.stageId ? 'stage' : 'touchpoint',
    touchpointId: t.touchpointId ?? '',
    edgeId: null,
    stageId: t.stageId ?? null,
    title: name,
    label: CLASS_LABEL[t.class],
    certainty,
    tone: t.class,
    figures: [...below, ...t.metrics.filter((m) => m.status !== 'below')].map((m) =>
      describeMetric(m, settings),
    ),
    n: t.n,
    rank,
    severity: certainty === 'confirmed' ? (t.class === 'both' ? 'critical' : 'high') : 'medium',
    explanation:
      t.class === 'experience' && t.serviceStatus === 'absent'
        ? 'Experience metrics are below their targets; no service metrics are measured here.'
        : EXPLANATION[t.class],
  };
}

function handoffFinding(
  h: HandoffFinding,
  names: ReadonlyMap<string, string>,
  lanes: ReadonlyMap<string, string>,
  settings: readonly MetricSetting[],
): Finding {
  const from = names.get(h.sourceId) ?? 'upstream';
  const to = names.get(h.targetId) ?? 'downstream';
  const figures = h.checks.map((c) => {
    const s = settings.find((x) => x.key === c.key) ?? null;
    const f = (v: number) => (s ? formatMetricValue(v, s) : v.toFixed(1));
    const p = c.pValue === null ? '' : c.pValue < 0.001 ? ', p < 0.001' : `, p = ${c.pValue.toFixed(3)}`;
    return `${c.label} ${f(c.upstream)} (n ${c.upstreamN}) → ${f(c.downstream)} (n ${c.downstreamN}): ${s ? formatDifference(c.difference, s) : c.difference.toFixed(1)}${p}`;
  });
  return {
    id: `edge:${h.edgeId}`,
    kind: 'handoff',
    touchpointId: h.targetId,
    edgeId: h.edgeId,
    stageId: null,
    title: `${from} → ${to}`,
    label: `Hand-off ${lanes.get(h.sourceId) ?? ''} → ${lanes.get(h.targetId) ?? ''}`.trim(),
    certainty: 'confirmed',
    tone: 'handoff',
    figures,
    n: h.n,
    rank: 5,
    severity: 'high',
    explanation: `Customers rate ${to} significantly worse than ${from}, where responsibility passes to another team.`,
  };
}

export function rankFindings(
  breakdowns: BreakdownsResult,
  doc: JourneyDocument,
  settings: readonly MetricSetting[],
): Finding[] {
  const names = new Map(doc.nodes.map((n) => [n.id, nodeLabel(n)]));
  const departments = new Map(doc.departments.map((d) => [d.id, d.name]));
  const lanes = new Map(
    doc.nodes.map((n) => [n.id, n.departmentId ? (departments.get(n.departmentId) ?? '') : '']),
  );
  const findings: Finding[] = [];
  for (const t of breakdowns.touchpoints) {
    if (!names.has(t.touchpointId)) continue;
    const f = touchpointFinding(t, names.get(t.touchpointId)!, settings);
    if (f) findings.push(f);
  }
  for (const h of breakdowns.handoffs) {
    if (names.has(h.sourceId) && names.has(h.targetId))
      findings.push(handoffFinding(h, names, lanes, settings));
  }
  return findings.sort((a, b) => b.rank - a.rank || b.n - a.n || a.title.localeCompare(b.title));
}

/** Stages whose n-weighted values break down, worst first (shown above the touchpoints). */
export function rankStageFindings(
  breakdowns: BreakdownsResult,
  doc: JourneyDocument,
  settings: readonly MetricSetting[],
): Finding[] {
  const names = new Map(doc.stages.map((s) => [s.id, s.name]));
  const findings: Finding[] = [];
  for (const s of breakdowns.stages) {
    const name = names.get(s.stageId);
    if (name === undefined) continue;
    const f = touchpointFinding(s, `${name} (stage)`, settings);
    if (f) findings.push(f);
  }
  return findings.sort((a, b) => b.rank - a.rank || b.n - a.n);
}

/**
 * One gesture: a pain point next to the touchpoint, attached to it, carrying the figures as
 * evidence. Undo removes both.
 */
export function painPointFromFinding(
  doc: JourneyDocument,
  finding: Finding,
  period: string,
): { changes: Change[]; id: string } {
  const added = addPainPoint(doc, { nodes: [finding.touchpointId], edges: [] });
  const when = period === 'all' ? 'all time' : period;
  const name = cutText(
    finding.kind === 'handoff'
      ? `Hand-off loses customers: ${finding.title}`
      : `${finding.label}: ${finding.title}`,
    200,
  );
  const changes = added.changes.map((change): Change => {
    if (change.op !== 'node.add' || change.value.id !== added.id) return change;
    const value: PainPoint = {
      ...(change.value as PainPoint),
      name,
      severity: finding.severity,
      description: cutText(`${finding.explanation} (${finding.certainty}, ${when})`, 5000),
      evidence: cutText(`${when}: ${finding.figures.join('; ')}.`, 5000),
    };
    return { op: 'node.add', value };
  });
  changes.push({
    op: 'edge.add',
    value: { id: newId(), kind: 'attachment', sourceId: added.id, targetId: finding.touchpointId, label: '' },
  });
  return { changes, id: added.id };
}
