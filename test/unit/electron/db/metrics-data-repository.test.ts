import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  findDatasetsByHash,
  getDataset,
  listDatasets,
  removeDataset,
  storeDataset,
  type StoreDatasetInput,
} from '../../../../electron/db/metrics-data-repository';
import { hashFile } from '../../../helpers/temp-db';
import { openTempMap, type TempMap } from '../../../helpers/temp-map';
import { closeLibraryDatabase, openLibraryDatabase } from '../../../../electron/db/connection';
import { SCORE_DAYS } from '../../../helpers/stored-rows';

let lib: TempMap;
let journeyId: string;
let touchpoints: string[];
let counter = 0;
const newId = () => `id-${++counter}`;

beforeEach(async () => {
  lib = await openTempMap({ newId });
  journeyId = lib.journeyId;
  touchpoints = [...lib.touchpointIds().values()];
});
afterEach(() => lib.cleanup());

const HASH = 'b'.repeat(64);
const nps = (counts: number[]) => ({ min: 0, max: 10, counts });

function input(overrides: Partial<StoreDatasetInput> = {}): StoreDatasetInput {
  return {
    journeyId,
    dataset: {
      name: 'Q1 survey',
      fileName: 'q1.csv',
      contentHash: HASH,
      byteSize: 1234,
      shape: 'responses',
      sourceFormat: 'qualtrics',
      mapping: { touchpoint: 'Q1', metrics: [{ column: 'Q2', key: 'nps' }] },
      rowsAccepted: 5,
      rowsRejected: 1,
    },
    metrics: [
      { key: 'nps', definition: { kind: 'nps', key: 'nps', label: 'NPS' } },
      { key: 'csat', definition: { kind: 'csat', key: 'csat', label: 'CSAT', scaleMin: 1, scaleMax: 5 } },
    ],
    scoreDays: [
      {
        touchpointId: touchpoints[0]!,
        metricKey: 'nps',
        day: '2025-01-02',
        ...nps([0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 1]),
      },
      {
        touchpointId: touchpoints[1]!,
        metricKey: 'csat',
        day: '2025-01-02',
        min: 1,
        max: 5,
        counts: [0, 0, 0, 1, 1],
      },
    ],
    aggregates: [],
    comments: [
      {
        touchpointId: touchpoints[0]!,
        day: '2025-01-02',
        metricKey: 'nps',
        score: 6,
        text: 'Checkout was confusing',
      },
      {
        touchpointId: touchpoints[0]!,
        day: '2025-01-02',
        metricKey: 'nps',
        score: 10,
        text: 'Quick delivery, lovely',
      },
      { touchpointId: touchpoints[1]!, day: null, metricKey: null, score: null, text: '=HYPERLINK("x")' },
    ],
    ...overrides,
  };
}

const count = (table: string) => lib.db.prepare<[], number>(`SELECT count(*) FROM ${table}`).pluck().get();

describe('storeDataset', () => {
  it('stores the dataset, its metrics, distributions and comments, and returns its provenance', () => {
    const at = new Date('2025-03-01T09:00:00.000Z');
    const stored = storeDataset(lib.db, input(), { now: () => at, newId: () => 'ds-1' });
    expect(stored).toEqual({
      id: 'ds-1',
      journeyId,
      name: 'Q1 survey',
      fileName: 'q1.csv',
      contentHash: HASH,
      byteSize: 1234,
      shape: 'responses',
      sourceFormat: 'qualtrics',
      importedAt: at.toISOString(),
      rowsAccepted: 5,
      rowsRejected: 1,
      mapping: { touchpoint: 'Q1', metrics: [{ column: 'Q2', key: 'nps' }] },
    });
    const metrics = lib.db
      .prepare<[], { key: string; definition: string; position: number; target: number | null }>(
        'SELECT key, definition, position, target FROM journey_metrics ORDER BY position',
      )
      .all();
    expect(metrics.map((m) => [m.key, m.position, m.target])).toEqual([
      ['nps', 0, null],
      ['csat', 1, null],
    ]);
    // Defaults are filled in: the stored definition says everything about the metric.
    expect(JSON.parse(metrics[1]!.definition)).toMatchObject({
      kind: 'csat',
      topBoxMin: 4,
      family: 'service',
    });
    const day = lib.db
      .prepare<[], { counts: string; scale_min: number; scale_max: number }>(
        "SELECT counts, scale_min, scale_max FROM score_days WHERE metric_key = 'nps'",
      )
      .get()!;
    expect(JSON.parse(day.counts)).toEqual([0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 1]);
    expect([day.scale_min, day.scale_max]).toEqual([0, 10]);
    expect(count('comments')).toBe(3);
  });

  it('keeps a formula-like comment as plain text', () => {
    storeDataset(lib.db, input());
    const text = lib.db.prepare<[], string>("SELECT text FROM comments WHERE text LIKE '=%'").pluck().get();
    expect(text).toBe('=HYPERLINK("x")');
  });

  it('makes comments searchable with FTS5, and the index follows a removal', () => {
    const stored = storeDataset(lib.db, input());
    const search = (q: string) =>
      lib.db
        .prepare<[string], string>(
          'SELECT c.text FROM comments_fts f JOIN comments c ON c.id = f.rowid WHERE comments_fts MATCH ? ORDER BY c.score',
        )
        .pluck()
        .all(q);
    expect(search('checkout')).toEqual(['Checkout was confusing']);
    expect(search('lovely OR confusing')).toEqual(['Checkout was confusing', 'Quick delivery, lovely']);
    removeDataset(lib.db, stored.id);
    expect(search('checkout')).toEqual([]);
    expect(
      lib.db.prepare("SELECT count(*) AS n FROM comments_fts WHERE comments_fts MATCH 'lovely'").get(),
    ).toEqual({
      n: 0,
    });
  });

  it('does not overwrite a metric the map already has (its target stays)', () => {
    storeDataset(lib.db, input());
    lib.db.prepare("UPDATE journey_metrics SET target = 40 WHERE key = 'nps'").run();
    storeDataset(
      lib.db,
      input({ metrics: [{ key: 'nps', definition: { kind: 'nps', key: 'nps', label: 'Other' } }] }),
    );
    expect(
      lib.db
        .prepare(
          "SELECT target, json_extract(definition, '$.label') AS label FROM journey_metrics WHERE key = 'nps'",
        )
        .get(),
    ).toEqual({
      target: 40,
      label: 'NPS',
    });
  });

  it('stores aggregate rows', () => {
    storeDataset(
      lib.db,
      input({
        dataset: { ...input().dataset, shape: 'aggregates' },
        metrics: [{ key: 'churn', definition: { kind: 'churn-rate', key: 'churn', label: 'Churn' } }],
        scoreDays: [],
        comments: [],
        aggregates: [
          {
            touchpointId: touchpoints[2]!,
            metricKey: 'churn',
            periodStart: '2025-01-01',
            periodEnd: '2025-03-31',
            value: 4.2,
            n: 1200,
          },
          {
            touchpointId: touchpoints[2]!,
            metricKey: 'churn',
            periodStart: '2025-04-01',
            periodEnd: '2025-06-30',
            value: 3.9,
            n: null,
          },
        ],
      }),
    );
    expect(
      lib.db.prepare('SELECT period_start, value, n FROM aggregate_values ORDER BY period_start').all(),
    ).toEqual([
      { period_start: '2025-01-01', value: 4.2, n: 1200 },
      { period_start: '2025-04-01', value: 3.9, n: null },
    ]);
  });

  it.each([
    [
      'a malformed distribution',
      {
        scoreDays: [
          { touchpointId: 'tp', metricKey: 'nps', day: '2025-01-01', min: 0, max: 10, counts: [1, 2] },
        ],
      },
      /scoreDays\[0\].*needs 11 counts/,
    ],
    [
      'a day that is not a calendar day',
      {
        scoreDays: [
          {
            touchpointId: 'tp',
            metricKey: 'nps',
            day: '2025-02-30',
            min: 0,
            max: 10,
            counts: new Array(11).fill(0),
          },
        ],
      },
      /scoreDays\[0\]\.day/,
    ],
    [
      'a bad metric definition',
      {
        metrics: [
          { key: 'csat', definition: { kind: 'csat', key: 'csat', label: 'C', scaleMin: 5, scaleMax: 1 } },
        ],
      },
      /metrics\[0\]\.definition/,
    ],
    [
      'an empty comment',
      { comments: [{ touchpointId: 'tp', day: null, metricKey: null, score: null, text: '  ' }] },
      /comments\[0\]\.text/,
    ],
    [
      // After rows that pass, so the one that does not is named by its own index.
      'a comment with a score that is not a number, after good ones',
      {
        comments: [
          { touchpointId: 'tp', day: '2025-01-02', metricKey: 'nps', score: 3, text: 'Fine' },
          { touchpointId: 'tp', day: '2025-01-02', metricKey: 'nps', score: 3, text: 'Fine' },
          { touchpointId: 'tp', day: '2025-01-02', metricKey: 'nps', score: Number.NaN, text: 'Odd' },
        ],
      },
      /comments\[2\]\.score must be a finite number/,
    ],
    [
      'a comment of spaces and a newline, after good ones',
      {
        comments: [
          { touchpointId: 'tp', day: '2025-01-02', metricKey: 'nps', score: 3, text: 'Fine' },
          { touchpointId: 'tp', day: null, metricKey: null, score: null, text: ' \n\t' },
        ],
      },
      /comments\[1\]\.text cannot be empty/,
    ],
    [
      'a period ending before it starts',
      {
        aggregates: [
          {
            touchpointId: 'tp',
            metricKey: 'x',
            periodStart: '2025-02-01',
            periodEnd: '2025-01-01',
            value: 1,
            n: null,
          },
        ],
      },
      /aggregates\[0\]/,
    ],
    [
      'two rows for the same day',
      {
        scoreDays: [0, 1].map(() => ({
          touchpointId: 'tp',
          metricKey: 'nps',
          day: '2025-01-01',
          min: 0,
          max: 10,
          counts: new Array(11).fill(1),
        })),
      },
      /same touchpoint, metric and day/,
    ],
  ])('refuses %s, naming where, and writes nothing', (_label, overrides, message) => {
    const before = hashFile(lib.file);
    expect(() => storeDataset(lib.db, input(overrides as Partial<StoreDatasetInput>))).toThrow(message);
    for (const table of ['datasets', 'journey_metrics', 'score_days', 'comments', 'aggregate_values'])
      expect(count(table)).toBe(0);
    // Checks run before the transaction: the file did not change either (except for the failing
    // duplicate, whose transaction was rolled back).
    if (!String(message).includes('same')) expect(hashFile(lib.file)).toBe(before);
  });

  it('refuses an unknown map with not-found', () => {
    expect(() => storeDataset(lib.db, input({ journeyId: 'nope' }))).toThrow(/No journey map/);
    expect(count('datasets')).toBe(0);
  });

  it('is all or nothing: a failure in the middle leaves no row behind', () => {
    // A trigger makes the last comment fail inside the transaction, after everything else was inserted.
    lib.db.exec(
      "CREATE TEMP TRIGGER boom BEFORE INSERT ON comments WHEN new.text = 'boom' BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    );
    const comments = [
      ...input().comments,
      { touchpointId: touchpoints[0]!, day: null, metricKey: null, score: null, text: 'boom' },
    ];
    expect(() => storeDataset(lib.db, input({ comments }))).toThrow(/disk full/);
    for (const table of ['datasets', 'journey_metrics', 'score_days', 'comments', 'aggregate_values'])
      expect(count(table)).toBe(0);
  });
});

describe('listDatasets, findDatasetsByHash, removeDataset', () => {
  it('lists newest first, finds by hash within the map, removes exactly one dataset', async () => {
    let clock = Date.parse('2025-01-01T00:00:00Z');
    const now = () => new Date((clock += 60_000));
    const first = storeDataset(lib.db, input(), { now });
    const second = storeDataset(
      lib.db,
      input({ dataset: { ...input().dataset, contentHash: 'c'.repeat(64), name: 'Q2' } }),
      { now },
    );
    expect(listDatasets(lib.db, journeyId).map((d) => d.id)).toEqual([second.id, first.id]);
    expect(findDatasetsByHash(lib.db, journeyId, HASH).map((d) => d.id)).toEqual([first.id]);
    expect(findDatasetsByHash(lib.db, 'other-map', HASH)).toEqual([]);

    removeDataset(lib.db, first.id);
    expect(listDatasets(lib.db, journeyId).map((d) => d.id)).toEqual([second.id]);
    expect(count('score_days')).toBe(2);
    expect(count('comments')).toBe(3);
    expect(lib.db.prepare(`SELECT DISTINCT dataset_id FROM ${SCORE_DAYS}`).pluck().all()).toEqual([
      second.id,
    ]);
    // Metric definitions are the map's settings and stay.
    expect(count('journey_metrics')).toBe(2);
    expect(() => removeDataset(lib.db, first.id)).toThrow(/No dataset/);
    expect(() => getDataset(lib.db, first.id)).toThrow(/No dataset/);

    // Survives closing and reopening the file.
    closeLibraryDatabase(lib.db);
    const reopened = await openLibraryDatabase(lib.file);
    expect(listDatasets(reopened, journeyId).map((d) => d.name)).toEqual(['Q2']);
    lib.db = reopened;
  });

  it('deleting the map deletes its datasets and their rows', () => {
    storeDataset(lib.db, input());
    lib.journeys.delete(journeyId);
    for (const table of ['datasets', 'journey_metrics', 'score_days', 'comments'])
      expect(count(table)).toBe(0);
  });
});
