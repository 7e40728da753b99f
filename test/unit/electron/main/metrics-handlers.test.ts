import { describe, expect, it, onTestFinished } from 'vitest';
import { dispatch, type Handlers } from '../../../../shared/api/dispatch';
import type { ApiMethod, ApiOutput } from '../../../../shared/api/contract';
import type { JourneyDocument } from '../../../../shared/domain/journey';
import { JourneyRepository } from '../../../../electron/db/journey-repository';
import { MetricsAnalysis } from '../../../../electron/db/metrics-analysis';
import { storeDataset } from '../../../../electron/db/metrics-data-repository';
import { SnapshotRepository } from '../../../../electron/db/snapshot-repository';
import { createHandlerTable } from '../../../../electron/main/handlers/handler-table';
import { openTempLibrary } from '../../../helpers/temp-db';
import { nodeLabel } from '../../../../shared/domain/journey';

/** The metrics.* API through the one handler table, on a real library file. */
async function setup() {
  const library = await openTempLibrary();
  onTestFinished(library.cleanup);
  const journeys = new JourneyRepository(library.db);
  const metrics = new MetricsAnalysis(library.db);
  const handlers: Handlers = createHandlerTable({
    journeys,
    snapshots: new SnapshotRepository(library.db, journeys),
    metrics,
    version: '0.1.0',
    transport: 'browser',
  });
  const call = (method: string, args: unknown) => dispatch(handlers, method, args);
  async function value<M extends ApiMethod>(method: M, args: unknown): Promise<ApiOutput<M>> {
    const result = await call(method, args);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
    return result.value as ApiOutput<M>;
  }
  const map = await value('journeys.create', { template: 'online-store' });
  const doc = (await value('journeys.get', { id: map.id })) as JourneyDocument;
  const byKey = new Map(
    doc.nodes.flatMap((n) => (n.kind === 'touchpoint' ? [[n.metricKey, n] as const] : [])),
  );
  return { db: library.db, call, value, journeyId: map.id, doc, byKey, metrics, journeys };
}

describe('metrics API', () => {
  it('loads the sample once, and the overlay, breakdowns and detail tell its story', async () => {
    const { call, value, journeyId, byKey, doc } = await setup();
    const before = await value('metrics.settings', { journeyId });
    expect(before).toEqual({ metrics: [], minN: 30, datasetCount: 0, segments: [] });

    const loaded = await value('metrics.loadSample', { journeyId });
    expect(loaded.responses).toBe(15_400);
    expect(await call('metrics.loadSample', { journeyId })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'The sample data is already loaded on this map.' },
    });

    const settings = await value('metrics.settings', { journeyId });
    expect(settings.datasetCount).toBe(1);
    expect(settings.metrics.map((m) => [m.key, m.target, m.hasData, m.definition.family])).toEqual([
      ['nps', 30, true, 'experience'],
      ['csat', 80, true, 'service'],
      ['ces', 5, true, 'service'],
    ]);

    const overlay = await value('metrics.overlay', { journeyId, metricKey: 'nps' });
    expect(overlay.period).toBe('2025-Q4');
    const support = overlay.touchpoints.find((t) => t.touchpointId === byKey.get('support-call')!.id)!;
    expect(support).toMatchObject({ n: 250, status: 'below', certainty: 'confirmed', smallSample: false });
    expect(support.ci!.high).toBeLessThan(30);
    expect(support.trend).toMatchObject({ direction: 'down', previousPeriod: '2025-Q3', improved: false });
    const retention = doc.stages.find((s) => s.name === 'Retention')!;
    expect(overlay.stages.find((s) => s.stageId === retention.id)).toMatchObject({ n: 650, status: 'below' });

    const breakdowns = await value('metrics.breakdowns', { journeyId });
    const classes = Object.fromEntries(
      breakdowns.touchpoints
        .filter((t) => t.class !== 'healthy')
        .map((t) => [nodeLabel(doc.nodes.find((n) => n.id === t.touchpointId)!), t.class]),
    );
    expect(classes).toEqual({ 'Checkout and payment': 'service', 'Wrong item: support call': 'experience' });
    expect(breakdowns.handoffs.map((h) => [h.sourceId, h.targetId])).toEqual([
      [byKey.get('shipping')!.id, byKey.get('support-call')!.id],
    ]);

    const detail = await value('metrics.touchpointDetail', {
      journeyId,
      touchpointId: byKey.get('support-call')!.id,
    });
    expect(detail.metrics.map((m) => m.key)).toEqual(['nps', 'csat']);
    const nps = detail.metrics[0]!;
    expect(nps.series.map((p) => p.period)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    expect(nps.distribution!.counts.reduce((s, c) => s + c, 0)).toBe(250);
    expect(nps.goodFrom).toBe(9);
    expect(detail.commentCount).toBeGreaterThan(50);
  });

  it('recomputes for another period, granularity, target and minimum n without re-reading data', async () => {
    const { value, journeyId, byKey } = await setup();
    await value('metrics.loadSample', { journeyId });
    const all = await value('metrics.overlay', { journeyId, metricKey: 'csat', period: 'all' });
    const support = () => byKey.get('support-call')!.id;
    expect(all.touchpoints.find((t) => t.touchpointId === support())!.n).toBe(1000);
    expect(all.previousPeriod).toBeNull();
    const month = await value('metrics.overlay', {
      journeyId,
      metricKey: 'csat',
      granularity: 'month',
      period: '2025-03',
    });
    expect(month.periods).toHaveLength(12);
    expect(month.previousPeriod).toBe('2025-02');
    const monthly = month.touchpoints.find((t) => t.touchpointId === support())!;
    expect(monthly.n).toBeGreaterThan(50);
    expect(monthly.n).toBeLessThan(120);

    // A target above every value turns the support line's CSAT into a breakdown.
    await value('metrics.updateMetric', { journeyId, key: 'csat', patch: { target: 97 } });
    const strict = await value('metrics.overlay', { journeyId, metricKey: 'csat' });
    expect(strict.touchpoints.find((t) => t.touchpointId === support())!.status).toBe('below');

    // Top box 5 only: the same counts, another threshold.
    const topBox = await value('metrics.updateMetric', { journeyId, key: 'csat', patch: { topBoxMin: 5 } });
    expect(topBox.definition).toMatchObject({ topBoxMin: 5, scaleMin: 1, scaleMax: 5 });
    const five = await value('metrics.overlay', { journeyId, metricKey: 'csat' });
    expect(five.touchpoints.find((t) => t.touchpointId === support())!.value!).toBeLessThan(60);

    // Every value is a small sample when the minimum is above every n.
    const settings = await value('metrics.setMinN', { journeyId, minN: 5000 });
    expect(settings.minN).toBe(5000);
    const small = await value('metrics.overlay', { journeyId, metricKey: 'nps' });
    expect(small.minN).toBe(5000);
    expect(small.touchpoints.every((t) => t.smallSample && t.uncertain)).toBe(true);
  });

  it('lets a user change family and CES report, and refuses what a metric does not allow', async () => {
    const { call, value, journeyId } = await setup();
    await value('metrics.loadSample', { journeyId });
    const nps = await value('metrics.updateMetric', { journeyId, key: 'nps', patch: { family: 'service' } });
    expect(nps.definition.family).toBe('service');
    const ces = await value('metrics.updateMetric', { journeyId, key: 'ces', patch: { report: 'top-box' } });
    expect(ces.definition).toMatchObject({ report: 'top-box', unit: '%', topBoxMin: 5 });
    expect(
      await call('metrics.updateMetric', { journeyId, key: 'nps', patch: { topBoxMin: 8 } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: 'NPS: topBoxMin cannot be changed for a nps metric.' },
    });
    expect(
      await call('metrics.updateMetric', { journeyId, key: 'nps', patch: { target: 150 } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: 'target: a NPS target lies between -100 and 100, got 150.' },
    });
    expect(
      await call('metrics.updateMetric', { journeyId, key: 'csat', patch: { topBoxMin: 9 } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await call('metrics.updateMetric', { journeyId, key: 'nope', patch: {} })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: 'This map has no metric "nope".' },
    });
    expect(await call('metrics.setMinN', { journeyId, minN: 0 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('minN') },
    });
    expect(await call('metrics.overlay', { journeyId, metricKey: 'nps', period: 'yesterday' })).toMatchObject(
      {
        ok: false,
        error: { code: 'invalid-input', message: expect.stringContaining('period') },
      },
    );
    expect(await call('metrics.overlay', { journeyId: 'missing', metricKey: 'nps' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('refuses the sample on a map without the story’s touchpoints', async () => {
    const { call, value } = await setup();
    const blank = await value('journeys.create', {});
    expect(await call('metrics.loadSample', { journeyId: blank.id })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('support-call') },
    });
    expect(await value('metrics.settings', { journeyId: blank.id })).toMatchObject({ datasetCount: 0 });
  });

  it('follows imports and removals: the cache is rebuilt when the datasets change', async () => {
    const { db, value, journeyId, byKey } = await setup();
    const tp = byKey.get('checkout')!.id;
    const first = storeDataset(db, {
      journeyId,
      dataset: {
        name: 'CSAT export',
        fileName: 'csat.csv',
        contentHash: 'a'.repeat(64),
        byteSize: 10,
        shape: 'responses',
        sourceFormat: 'csv',
        mapping: {},
        rowsAccepted: 10,
        rowsRejected: 0,
      },
      metrics: [{ key: 'csat', definition: { kind: 'csat', key: 'csat', label: 'CSAT' } }],
      scoreDays: [
        { touchpointId: tp, metricKey: 'csat', day: '2025-05-02', min: 1, max: 5, counts: [1, 1, 0, 4, 4] },
      ],
      aggregates: [],
      comments: [],
    });
    let overlay = await value('metrics.overlay', { journeyId, metricKey: 'csat' });
    expect(overlay.touchpoints).toMatchObject([
      { touchpointId: tp, value: 80, n: 10, smallSample: true, status: 'no-target' },
    ]);
    storeDataset(db, {
      journeyId,
      dataset: {
        name: 'More',
        fileName: 'more.csv',
        contentHash: 'b'.repeat(64),
        byteSize: 10,
        shape: 'aggregates',
        sourceFormat: 'csv',
        mapping: {},
        rowsAccepted: 1,
        rowsRejected: 0,
      },
      metrics: [],
      scoreDays: [],
      aggregates: [
        {
          touchpointId: tp,
          metricKey: 'csat',
          periodStart: '2025-04-01',
          periodEnd: '2025-06-30',
          value: 50,
          n: 30,
        },
      ],
      comments: [],
    });
    overlay = await value('metrics.overlay', { journeyId, metricKey: 'csat' });
    expect(overlay.touchpoints[0]).toMatchObject({ n: 40 });
    expect(overlay.touchpoints[0]!.value).toBeCloseTo(57.5, 9);
    db.prepare('DELETE FROM datasets WHERE id = ?').run(first.id);
    overlay = await value('metrics.overlay', { journeyId, metricKey: 'csat' });
    expect(overlay.touchpoints[0]).toMatchObject({ n: 30, value: 50 });
  });

  it('narrows overlay, stages, breakdowns, detail and comments to one segment', async () => {
    const { call, value, journeyId, byKey, doc } = await setup();
    await value('metrics.loadSample', { journeyId });
    const settings = await value('metrics.settings', { journeyId });
    expect(settings.segments).toEqual(['Premium', 'Standard']);
    const checkout = byKey.get('checkout')!.id;
    const cesOf = async (segment: string | null) => {
      const overlay = await value('metrics.overlay', { journeyId, metricKey: 'ces', segment });
      expect(overlay.segment).toBe(segment);
      return overlay.touchpoints.find((t) => t.touchpointId === checkout)!;
    };
    expect(await cesOf(null)).toMatchObject({ n: 400, status: 'below' });
    expect(await cesOf('Premium')).toMatchObject({ n: 120, status: 'meets' });
    expect(await cesOf('Standard')).toMatchObject({ n: 280, status: 'below', certainty: 'confirmed' });
    // The Decision stage follows: Premium members meet the effort target there.
    const decision = doc.stages.find((s) => s.name === 'Decision')!;
    const premium = await value('metrics.overlay', { journeyId, metricKey: 'ces', segment: 'Premium' });
    expect(premium.stages.find((s) => s.stageId === decision.id)).toMatchObject({ n: 120, status: 'meets' });

    // Breakdowns: checkout is a service breakdown for Standard members only.
    const classOf = async (segment: string | null) =>
      (await value('metrics.breakdowns', { journeyId, segment })).touchpoints.find(
        (t) => t.touchpointId === checkout,
      )!.class;
    expect(await classOf(null)).toBe('service');
    expect(await classOf('Standard')).toBe('service');
    expect(await classOf('Premium')).toBe('healthy');

    // The inspector's detail and comments.
    const detail = await value('metrics.touchpointDetail', {
      journeyId,
      touchpointId: checkout,
      segment: 'Premium',
    });
    const ces = detail.metrics.find((m) => m.key === 'ces')!;
    expect(ces.distribution!.counts.reduce((s, c) => s + c, 0)).toBe(120);
    const total = async (segment: string | null) =>
      (await value('metrics.comments', { journeyId, touchpointId: checkout, segment })).total;
    const [all, p, st] = [await total(null), await total('Premium'), await total('Standard')];
    expect(p).toBeGreaterThan(0);
    expect(st).toBeGreaterThan(0);
    expect(p + st).toBe(all);
    expect(detail.commentCount).toBe(p);
    // The responses without a segment ('') and a segment nobody has: no values, not an error.
    expect(
      (await value('metrics.overlay', { journeyId, metricKey: 'nps', segment: '' })).touchpoints,
    ).toEqual([]);
    expect(
      (await value('metrics.overlay', { journeyId, metricKey: 'nps', segment: 'Gold' })).touchpoints,
    ).toEqual([]);
    expect(
      await call('metrics.overlay', { journeyId, metricKey: 'nps', segment: 'x'.repeat(201) }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
