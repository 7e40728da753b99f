import { describe, expect, it } from 'vitest';
import { buildMetricsIndex, computeBreakdowns } from '../../../../shared/analysis/metrics-engine';
import type { CellValue, MetricSetting } from '../../../../shared/domain/metrics-analysis';
import { defineMetric } from '../../../../shared/metrics';
import {
  generateOnlineStoreSample,
  SAMPLE_METRICS,
} from '../../../../shared/sample-data/online-store-sample';
import { painPointFromFinding, rankFindings } from '../../../../renderer/src/overlay/breakdown-findings';
import {
  colourStep,
  formatDifference,
  formatMetricValue,
} from '../../../../renderer/src/overlay/overlay-view';
import { openSampleMap } from '../state/journey-fixtures';

const settings: MetricSetting[] = SAMPLE_METRICS.map((m) => {
  const parsed = defineMetric(m.definition);
  if (!parsed.ok) throw new Error(parsed.reason);
  return { key: m.key, definition: parsed.value, target: m.target, hasData: true };
});
const [nps, csat, ces] = settings as [MetricSetting, MetricSetting, MetricSetting];

const cell = (value: number, target: number, status: CellValue['status']): CellValue => ({
  value,
  n: 100,
  ci: null,
  smallSample: false,
  uncertain: false,
  status,
  certainty: null,
  difference: value - target,
  formula: '',
});

describe('the overlay’s colour steps and numbers', () => {
  it('puts a value on the side of the target its status says, by thirds of the span', () => {
    expect(colourStep(cell(30, 30, 'meets'), 50, true)).toBe(1);
    expect(colourStep(cell(50, 30, 'meets'), 50, true)).toBe(2);
    expect(colourStep(cell(95, 30, 'meets'), 50, true)).toBe(3);
    expect(colourStep(cell(29, 30, 'below'), 50, true)).toBe(-1);
    expect(colourStep(cell(-42, 30, 'below'), 50, true)).toBe(-3);
    // Lower is better: 20 s under a 60 s target is good.
    expect(colourStep(cell(20, 60, 'meets'), 30, false)).toBe(3);
    expect(colourStep({ ...cell(20, 60, 'no-target'), difference: null }, 30, false)).toBeNull();
  });

  it('writes values and differences in the metric’s unit', () => {
    expect(formatMetricValue(-42, nps)).toBe('−42');
    expect(formatMetricValue(30, nps)).toBe('+30');
    expect(formatMetricValue(90.6, csat)).toBe('91%');
    expect(formatMetricValue(3.64, ces)).toBe('3.6');
    expect(formatDifference(-87.3, nps)).toBe('−87 points');
    expect(formatDifference(4.25, csat)).toBe('+4.3 pp');
  });
});

describe('breakdown findings', () => {
  it('rank the sample’s breakdowns and turn one into an attached pain point carrying its figures', async () => {
    const { doc } = await openSampleMap();
    const touchpoints = doc.nodes.flatMap((n) => (n.kind === 'touchpoint' ? [n] : []));
    const index = buildMetricsIndex(generateOnlineStoreSample(touchpoints).scoreDays, []);
    const breakdowns = computeBreakdowns(
      index,
      {
        stages: doc.stages,
        departments: doc.departments,
        touchpoints,
        flows: doc.edges.filter((e) => e.kind === 'flow'),
      },
      settings,
      { granularity: 'quarter', period: 'latest', minN: 30 },
    );
    const findings = rankFindings(breakdowns, doc, settings);
    expect(findings.map((f) => [f.tone, f.title])).toEqual([
      ['service', 'Checkout and payment'],
      ['handoff', 'Shipping updates → Wrong item: support call'],
      ['experience', 'Wrong item: support call'],
    ]);
    expect(findings[1]!.label).toBe('Hand-off Sales → Customer Service');

    const support = findings[2]!;
    const edit = painPointFromFinding(doc, support, breakdowns.period);
    const added = edit.changes.find((c) => c.op === 'node.add');
    expect(added?.op === 'node.add' && added.value).toMatchObject({
      kind: 'painpoint',
      name: 'Experience breakdown: Wrong item: support call',
      severity: 'high',
      evidence: expect.stringMatching(
        /^2025-Q4: NPS −42 \(n 250, 95% CI −\d+ to −\d+\) below the target \+30; CSAT/,
      ),
    });
    const supportId = touchpoints.find((t) => t.metricKey === 'support-call')!.id;
    expect(edit.changes.at(-1)).toMatchObject({
      op: 'edge.add',
      value: { kind: 'attachment', sourceId: edit.id, targetId: supportId },
    });
  });
});
