import { describe, expect, it } from 'vitest';
import {
  buildMetricsIndex,
  computeBreakdowns,
  computeOverlay,
  segmentIndex,
  type StructureInput,
} from '../../../../shared/analysis/metrics-engine';
import type { MetricSetting } from '../../../../shared/domain/metrics-analysis';
import { defineMetric } from '../../../../shared/metrics';
import {
  allocate,
  canTakeSample,
  generateOnlineStoreSample,
  mulberry32,
  SAMPLE_METRICS,
  SAMPLE_SEGMENTS,
} from '../../../../shared/sample-data/online-store-sample';
import { templateContent } from '../../../../shared/templates';

function sampleMap() {
  let counter = 0;
  const content = templateContent('online-store', () => `id-${++counter}`).content;
  const touchpoints = content.nodes.flatMap((n) => (n.kind === 'touchpoint' ? [n] : []));
  const structure: StructureInput = {
    stages: content.stages.map((s) => ({ id: s.id, name: s.name, order: s.order })),
    departments: content.departments.map((d) => ({ id: d.id, name: d.name })),
    touchpoints: touchpoints.map((t) => ({
      id: t.id,
      name: t.name,
      stageId: t.stageId,
      departmentId: t.departmentId,
    })),
    flows: content.edges
      .filter((e) => e.kind === 'flow')
      .map((e) => ({ id: e.id, sourceId: e.sourceId, targetId: e.targetId })),
  };
  const byKey = new Map(touchpoints.map((t) => [t.metricKey, t]));
  const stageByName = new Map(content.stages.map((s) => [s.name, s.id]));
  const settings: MetricSetting[] = SAMPLE_METRICS.map((m) => {
    const parsed = defineMetric(m.definition);
    if (!parsed.ok) throw new Error(parsed.reason);
    return { key: m.key, definition: parsed.value, target: m.target, hasData: true };
  });
  return { touchpoints, structure, byKey, stageByName, settings, content };
}

describe('the generated online-store sample', () => {
  it('is deterministic and sized like four quarters of a real survey', () => {
    const { touchpoints } = sampleMap();
    const a = generateOnlineStoreSample(touchpoints);
    const b = generateOnlineStoreSample(touchpoints);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.responses).toBeGreaterThan(10_000);
    expect(a.comments.length).toBeGreaterThan(1000);
    const days = new Set(a.scoreDays.map((d) => d.day));
    expect([...days].sort()[0]!.startsWith('2025-01')).toBe(true);
    expect([...days].sort().at(-1)!.startsWith('2025-12')).toBe(true);
    expect(canTakeSample(touchpoints)).toBe(true);
    expect(canTakeSample([{ metricKey: 'checkout' }])).toBe(false);
  });

  it('has small helpers that behave: a seeded PRNG and an exact allocation', () => {
    const r1 = mulberry32(7);
    const r2 = mulberry32(7);
    const xs = [r1(), r1(), r1()];
    expect([r2(), r2(), r2()]).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(allocate(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(allocate(7, [0, 1])).toEqual([0, 7]);
  });

  for (const period of ['latest', 'all', '2025-Q1']) {
    it(`tells exactly the intended story (${period})`, () => {
      const { touchpoints, structure, byKey, stageByName, settings } = sampleMap();
      const sample = generateOnlineStoreSample(touchpoints);
      const index = buildMetricsIndex(sample.scoreDays, []);
      const result = computeBreakdowns(index, structure, settings, {
        granularity: 'quarter',
        period,
        minN: 30,
      });
      const tp = (key: string) => result.touchpoints.find((t) => t.touchpointId === byKey.get(key)!.id)!;

      // The support line is liked: service meets its target there; NPS does not.
      const support = tp('support-call');
      expect(support.serviceStatus).toBe('meets');
      expect(support.class).toBe('experience');
      expect(support.certainty).toBe('confirmed');
      expect(support.metrics.find((m) => m.key === 'csat')!.value).toBeGreaterThan(85);

      // Checkout: poor effort score, a service breakdown (its NPS meets the target).
      const checkout = tp('checkout');
      expect(checkout.class).toBe('service');
      expect(checkout.certainty).toBe('confirmed');
      expect(checkout.metrics.find((m) => m.key === 'ces')!.status).toBe('below');
      expect(checkout.experienceStatus).toBe('meets');

      // Nothing else breaks down.
      const broken = result.touchpoints.filter((t) => t.class !== 'healthy').map((t) => t.touchpointId);
      expect(broken.sort()).toEqual([byKey.get('support-call')!.id, byKey.get('checkout')!.id].sort());

      // Retention's NPS is an experience breakdown; Decision's CES a service one; others healthy.
      const stage = (name: string) => result.stages.find((s) => s.stageId === stageByName.get(name))!;
      expect(stage('Retention').class).toBe('experience');
      expect(stage('Retention').metrics.find((m) => m.key === 'nps')!.status).toBe('below');
      expect(stage('Retention').serviceStatus).toBe('meets');
      expect(stage('Decision').class).toBe('service');
      for (const name of ['Awareness', 'Consideration', 'Advocacy'])
        expect(stage(name).class).toBe('healthy');

      // Exactly one hand-off loses customers: Sales (shipping) → Customer Service (support call).
      expect(result.handoffs).toHaveLength(1);
      const handoff = result.handoffs[0]!;
      expect(handoff.sourceId).toBe(byKey.get('shipping')!.id);
      expect(handoff.targetId).toBe(byKey.get('support-call')!.id);
      expect(handoff.checks.map((c) => c.key)).toEqual(['nps']);
      expect(handoff.checks[0]!.difference).toBeLessThan(-50);
    });
  }

  it('gives the overlay a trend per quarter and stage aggregates', () => {
    const { touchpoints, structure, byKey, stageByName, settings } = sampleMap();
    const index = buildMetricsIndex(generateOnlineStoreSample(touchpoints).scoreDays, []);
    const overlay = computeOverlay(index, structure, settings[0]!, {
      granularity: 'quarter',
      period: 'latest',
      minN: 30,
    });
    expect(overlay.period).toBe('2025-Q4');
    expect(overlay.previousPeriod).toBe('2025-Q3');
    expect(overlay.periods).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    const support = overlay.touchpoints.find((t) => t.touchpointId === byKey.get('support-call')!.id)!;
    expect(support.value).toBeCloseTo(-42, 0);
    expect(support.n).toBe(250);
    expect(support.trend?.direction).toBe('down');
    expect(support.status).toBe('below');
    const retention = overlay.stages.find((s) => s.stageId === stageByName.get('Retention'))!;
    expect(retention.n).toBe(650);
    expect(retention.value!).toBeLessThan(30);
    expect(overlay.journey.n).toBe(2450);
  });

  it('splits every response into a plan, and checkout’s effort is a Standard-plan problem', () => {
    const { touchpoints, structure, byKey, settings } = sampleMap();
    const sample = generateOnlineStoreSample(touchpoints);
    expect(new Set(sample.scoreDays.map((d) => d.segment))).toEqual(new Set(SAMPLE_SEGMENTS));
    expect(new Set(sample.comments.map((c) => c.segment))).toEqual(new Set(SAMPLE_SEGMENTS));
    const index = buildMetricsIndex(sample.scoreDays, []);
    expect(index.segments).toEqual(['Premium', 'Standard']);
    const ces = settings.find((s) => s.key === 'ces')!;
    const checkoutCes = (segment: string | null) =>
      computeOverlay(segmentIndex(index, segment), structure, ces, {
        granularity: 'quarter',
        period: 'latest',
        minN: 30,
        segment,
      }).touchpoints.find((t) => t.touchpointId === byKey.get('checkout')!.id)!;
    const all = checkoutCes(null);
    const premium = checkoutCes('Premium');
    const standard = checkoutCes('Standard');
    // The segments add up to the whole: 400 responses in Q4, 30 % of them Premium.
    expect([all.n, premium.n, standard.n]).toEqual([400, 120, 280]);
    expect(all.status).toBe('below');
    expect(premium.value!).toBeGreaterThan(5);
    expect(premium.status).toBe('meets');
    expect(standard.value!).toBeLessThan(3.2);
    expect(standard.certainty).toBe('confirmed');
    // Elsewhere plans are drawn at random: the support line's NPS is poor on both plans.
    const nps = settings.find((s) => s.key === 'nps')!;
    for (const segment of SAMPLE_SEGMENTS) {
      const overlay = computeOverlay(segmentIndex(index, segment), structure, nps, {
        granularity: 'quarter',
        period: 'all',
        minN: 30,
      });
      const support = overlay.touchpoints.find((t) => t.touchpointId === byKey.get('support-call')!.id)!;
      expect(support.value!).toBeLessThan(-15);
    }
  });
});
