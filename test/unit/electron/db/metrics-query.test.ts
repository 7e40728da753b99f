import { describe, expect, it, onTestFinished } from 'vitest';
import { storeDataset } from '../../../../electron/db/metrics-data-repository';
import { ftsQuery, MetricsQuery } from '../../../../electron/db/metrics-query';
import { templateContent } from '../../../../shared/templates';
import { openTempMap } from '../../../helpers/temp-map';

async function setup() {
  const library = await openTempMap();
  onTestFinished(library.cleanup);
  const { journeys, journeyId: id } = library;
  const other = journeys.create({
    name: 'Other',
    description: '',
    content: templateContent('online-store', () => crypto.randomUUID()).content,
  });
  const doc = journeys.get(id);
  const tp = doc.nodes.find((n) => n.kind === 'touchpoint' && n.metricKey === 'support-call')!.id;
  const store = (
    journeyId: string,
    touchpointId: string,
    hash: string,
    comments: { score: number | null; text: string; day?: string }[],
  ) =>
    storeDataset(library.db, {
      journeyId,
      dataset: {
        name: 'Survey',
        fileName: 'survey.csv',
        contentHash: hash.repeat(64),
        byteSize: 100,
        shape: 'responses',
        sourceFormat: 'csv',
        mapping: {},
        rowsAccepted: comments.length,
        rowsRejected: 0,
      },
      metrics: [{ key: 'nps', definition: { kind: 'nps', key: 'nps', label: 'NPS' } }],
      scoreDays: [
        {
          touchpointId,
          metricKey: 'nps',
          day: '2025-01-02',
          min: 0,
          max: 10,
          counts: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2],
        },
      ],
      aggregates: [],
      comments: comments.map((c) => ({
        touchpointId,
        day: c.day ?? '2025-01-02',
        metricKey: 'nps',
        score: c.score,
        text: c.text,
      })),
    });
  return { db: library.db, query: new MetricsQuery(library.db), id, otherId: other.id, tp, store, doc };
}

describe('MetricsQuery', () => {
  it('reads the map’s metrics, score days, structure and a data version that follows the datasets', async () => {
    const { query, id, tp, store, doc } = await setup();
    expect(query.dataVersion(id)).toBe('');
    const dataset = store(id, tp, 'c', [{ score: 10, text: 'great' }]);
    expect(query.dataVersion(id)).toContain(dataset.id);
    expect(query.metrics(id)).toMatchObject([
      { key: 'nps', target: null, definition: { kind: 'nps', family: 'experience' } },
    ]);
    expect(query.scoreDays(id)).toEqual([
      {
        touchpointId: tp,
        metricKey: 'nps',
        segment: '',
        day: '2025-01-02',
        min: 0,
        max: 10,
        counts: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2],
      },
    ]);
    const structure = query.structure(id);
    expect(structure.stages.map((s) => s.name)).toEqual(doc.stages.map((s) => s.name));
    expect(structure.touchpoints).toHaveLength(15);
    expect(structure.flows).toHaveLength(14);
    expect(query.minN(id)).toBe(30);
    query.setMinN(id, 12);
    expect(query.minN(id)).toBe(12);
  });

  it('lists a touchpoint’s comments lowest score first, searches them with FTS5, pages, and keeps maps apart', async () => {
    const { query, id, otherId, tp, store, db } = await setup();
    store(id, tp, 'd', [
      { score: 9, text: 'Friendly agent on the phone' },
      { score: 2, text: 'On hold for an hour with elevator music', day: '2025-01-03' },
      { score: null, text: 'No score given, hold on' },
      { score: 2, text: 'Wrong shoes, socks arrived', day: '2025-01-05' },
      { score: 6, text: 'Holding pattern again' },
    ]);
    const otherTp = db
      .prepare<[string], string>("SELECT id FROM nodes WHERE journey_id = ? AND metric_key = 'support-call'")
      .pluck()
      .get(otherId)!;
    store(otherId, otherTp, 'e', [{ score: 0, text: 'hold hold hold' }]);

    const all = query.comments(id, tp);
    expect(all.total).toBe(5);
    expect(all.items.map((c) => c.score)).toEqual([2, 2, 6, 9, null]);
    expect(all.items[0]!.text).toBe('Wrong shoes, socks arrived');

    const hold = query.comments(id, tp, { search: 'hold' });
    expect(hold.items.map((c) => c.text)).toEqual([
      'On hold for an hour with elevator music',
      'Holding pattern again',
      'No score given, hold on',
    ]);
    expect(query.comments(id, tp, { search: 'elevator MUSIC' }).total).toBe(1);
    // Operators and quotes a user types are plain text, never FTS syntax errors.
    expect(query.comments(id, tp, { search: '"hold" OR NEAR(' }).total).toBe(0);
    expect(query.comments(id, tp, { search: '  *** ' }).total).toBe(5);
    const page = query.comments(id, tp, { offset: 2, limit: 2 });
    expect(page).toMatchObject({ total: 5, items: [{ score: 6 }, { score: 9 }] });
    expect(query.comments(otherId, otherTp).total).toBe(1);
  });

  it('turns typed text into a safe prefix query', () => {
    expect(ftsQuery('hold music')).toBe('"hold"* "music"*');
    expect(ftsQuery('"a" OR b*')).toBe('"a"* "OR"* "b"*');
    expect(ftsQuery(' -- ')).toBeNull();
  });
});
