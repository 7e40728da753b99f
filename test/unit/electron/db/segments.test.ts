import { describe, expect, it, onTestFinished } from 'vitest';
import { MetricsAnalysis } from '../../../../electron/db/metrics-analysis';
import {
  removeDataset,
  storeDataset,
  type StoreDatasetInput,
} from '../../../../electron/db/metrics-data-repository';
import { MetricsQuery } from '../../../../electron/db/metrics-query';
import { buildMetricsIndex, segmentIndex } from '../../../../shared/analysis/metrics-engine';
import { openTempMap } from '../../../helpers/temp-map';

/** Score counts and comments per segment (schema v6): stored, read, narrowed, removed. */

async function setup() {
  const library = await openTempMap();
  onTestFinished(library.cleanup);
  const id = library.journeyId;
  const doc = library.doc();
  const tp = doc.nodes.find((n) => n.kind === 'touchpoint' && n.metricKey === 'support-call')!.id;
  const counts = (promoters: number, detractors: number) => [
    detractors,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    promoters,
  ];
  const input = (hash: string, rows: Partial<StoreDatasetInput> = {}): StoreDatasetInput => ({
    journeyId: id,
    dataset: {
      name: 'Survey',
      fileName: 'survey.csv',
      contentHash: hash.repeat(64),
      byteSize: 100,
      shape: 'responses',
      sourceFormat: 'csv',
      mapping: {},
      rowsAccepted: 10,
      rowsRejected: 0,
    },
    metrics: [{ key: 'nps', definition: { kind: 'nps', key: 'nps', label: 'NPS' } }],
    scoreDays: [
      {
        touchpointId: tp,
        metricKey: 'nps',
        segment: 'Premium',
        day: '2025-01-02',
        min: 0,
        max: 10,
        counts: counts(4, 0),
      },
      {
        touchpointId: tp,
        metricKey: 'nps',
        segment: 'Standard',
        day: '2025-01-02',
        min: 0,
        max: 10,
        counts: counts(1, 3),
      },
      {
        touchpointId: tp,
        metricKey: 'nps',
        segment: '',
        day: '2025-01-02',
        min: 0,
        max: 10,
        counts: counts(0, 2),
      },
    ],
    aggregates: [],
    comments: [
      {
        touchpointId: tp,
        day: '2025-01-02',
        metricKey: 'nps',
        score: 10,
        text: 'Lovely',
        segment: 'Premium',
      },
      { touchpointId: tp, day: '2025-01-02', metricKey: 'nps', score: 0, text: 'Awful', segment: 'Standard' },
      { touchpointId: tp, day: '2025-01-02', metricKey: 'nps', score: 1, text: 'Meh' },
    ],
    ...rows,
  });
  return {
    db: library.db,
    id,
    tp,
    input,
    query: new MetricsQuery(library.db),
    analysis: new MetricsAnalysis(library.db),
  };
}

describe('segments in storage', () => {
  it('keeps one distribution per segment for the same touchpoint, metric and day', async () => {
    const { db, id, input, query } = await setup();
    storeDataset(db, input('a'));
    const rows = query.scoreDays(id);
    expect(rows.map((r) => [r.segment, r.counts[10], r.counts[0]])).toEqual(
      expect.arrayContaining([
        ['Premium', 4, 0],
        ['Standard', 1, 3],
        ['', 0, 2],
      ]),
    );
    expect(rows).toHaveLength(3);
  });

  it('refuses a repeated segment row and a segment with spaces around it, naming where, and writes nothing', async () => {
    const { db, id, input, tp, query } = await setup();
    const twice = input('b');
    twice.scoreDays.push({ ...twice.scoreDays[0]!, touchpointId: tp });
    expect(() => storeDataset(db, twice)).toThrow(
      /same touchpoint, metric and day or period \(and segment\)/,
    );
    const padded = input('c');
    padded.scoreDays[1] = { ...padded.scoreDays[1]!, segment: ' Standard' };
    expect(() => storeDataset(db, padded)).toThrow(
      /scoreDays\[1\]\.segment " Standard" has spaces around it/,
    );
    const long = input('d');
    long.comments[0] = { ...long.comments[0]!, segment: 'x'.repeat(201) };
    expect(() => storeDataset(db, long)).toThrow(/comments\[0\]\.segment is longer than 200 characters/);
    expect(query.scoreDays(id)).toEqual([]);
  });

  it('filters comments by segment, "" being the comments without one', async () => {
    const { db, id, tp, input, query } = await setup();
    storeDataset(db, input('a'));
    const texts = (segment?: string | null) => query.comments(id, tp, { segment }).items.map((c) => c.text);
    expect(texts()).toEqual(['Awful', 'Meh', 'Lovely']);
    expect(texts(null)).toEqual(['Awful', 'Meh', 'Lovely']);
    expect(texts('Premium')).toEqual(['Lovely']);
    expect(texts('Standard')).toEqual(['Awful']);
    expect(texts('')).toEqual(['Meh']);
    expect(query.comments(id, tp, { segment: 'Premium', search: 'awful' }).total).toBe(0);
  });

  it('lists the segments with data, "" last, and forgets them with their dataset', async () => {
    const { db, id, input, analysis } = await setup();
    const stored = storeDataset(db, input('a'));
    expect(analysis.settings(id).segments).toEqual(['Premium', 'Standard', '']);
    removeDataset(db, stored.id);
    expect(analysis.settings(id).segments).toEqual([]);
    // A dataset without segments: nothing to choose.
    storeDataset(
      db,
      input('e', {
        scoreDays: input('e')
          .scoreDays.map((r) => ({ ...r, segment: '' }))
          .slice(0, 1),
      }),
    );
    expect(analysis.settings(id).segments).toEqual([]);
  });
});

describe('the analysis per segment', () => {
  it('computes each segment from its own counts and every segment from all of them', async () => {
    const { db, id, tp, input, analysis } = await setup();
    storeDataset(db, input('a'));
    const value = (segment: string | null) =>
      analysis
        .overlay(id, 'nps', { granularity: 'quarter', period: 'latest', segment })
        .touchpoints.find((t) => t.touchpointId === tp)!;
    // Premium 4 promoters: +100; Standard 1 promoter, 3 detractors: −50; none 2 detractors: −100.
    expect(value('Premium')).toMatchObject({ n: 4, value: 100 });
    expect(value('Standard')).toMatchObject({ n: 4, value: -50 });
    expect(value('')).toMatchObject({ n: 2, value: -100 });
    // All: 5 promoters and 5 detractors of 10.
    expect(value(null)).toMatchObject({ n: 10, value: 0 });
  });

  it('narrows an index without segments only to "" (all of it) and to nothing else', () => {
    const index = buildMetricsIndex(
      [
        {
          touchpointId: 't',
          metricKey: 'nps',
          day: '2025-01-01',
          min: 0,
          max: 10,
          counts: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
        },
      ],
      [],
    );
    expect(index.segments).toEqual([]);
    expect(segmentIndex(index, null)).toBe(index);
    expect(segmentIndex(index, '')).toBe(index);
    expect(segmentIndex(index, 'Premium').metrics.size).toBe(0);
  });

  it('keeps aggregate rows (which carry no segment) under "no segment"', () => {
    const index = buildMetricsIndex(
      [
        {
          touchpointId: 't',
          metricKey: 'nps',
          segment: 'A',
          day: '2025-01-01',
          min: 0,
          max: 10,
          counts: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
        },
      ],
      [
        {
          touchpointId: 't',
          metricKey: 'churn',
          periodStart: '2025-01-01',
          periodEnd: '2025-03-31',
          value: 4,
          n: 100,
        },
      ],
    );
    expect(index.segments).toEqual(['A', '']);
    expect(segmentIndex(index, '').metrics.has('churn')).toBe(true);
    expect(segmentIndex(index, 'A').metrics.has('churn')).toBe(false);
    expect(index.metrics.has('churn')).toBe(true);
  });
});
