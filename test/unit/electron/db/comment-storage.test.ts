import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MAX_COMMENT_CHARS,
  removeDataset,
  storeDataset,
  type StoreDatasetInput,
} from '../../../../electron/db/metrics-data-repository';
import { openTempMap, type TempMap } from '../../../helpers/temp-map';
import { SCORE_DAYS, testDataset } from '../../../helpers/stored-rows';

/**
 * Comments are inserted in groups (a touchpoint and segment of a dataset), a chunk of rows per
 * statement, and indexed for search with one statement (one FTS5 index segment instead of one
 * per comment): what is stored and found must be exactly what a statement per row stored.
 */

let lib: TempMap;
let touchpoints: string[];
let counter = 0;

beforeEach(async () => {
  lib = await openTempMap({ newId: () => `id-${++counter}` });
  touchpoints = [...lib.touchpointIds().values()];
});
afterEach(() => lib.cleanup());

type Comment = StoreDatasetInput['comments'][number];

function store(comments: Comment[], name = 'Survey') {
  return storeDataset(lib.db, {
    journeyId: lib.journeyId,
    dataset: testDataset(name, 'a'.repeat(64), comments.length),
    metrics: [{ key: 'nps', definition: { kind: 'nps', key: 'nps', label: 'NPS' } }],
    scoreDays: [],
    aggregates: [],
    comments,
  });
}

const search = (query: string, datasetId?: string) =>
  lib.db
    .prepare<{ query: string; dataset: string | null }, number>(
      `SELECT count(*) FROM comments_fts f JOIN comments c ON c.id = f.rowid
       JOIN response_groups g ON g.id = c.group_id
       WHERE comments_fts MATCH @query AND (@dataset IS NULL OR g.dataset_id = @dataset)`,
    )
    .pluck()
    .get({ query, dataset: datasetId ?? null });

/** FTS5's own check that the index holds exactly the content table's rows. */
const indexMatchesTable = () =>
  expect(() =>
    lib.db.exec("INSERT INTO comments_fts(comments_fts) VALUES ('integrity-check')"),
  ).not.toThrow();

describe('storing comments', () => {
  it('stores every field exactly, each touchpoint and segment’s comments together in the order given', () => {
    const long = `${'word '.repeat(3000)}end`;
    const comments: Comment[] = [
      {
        touchpointId: touchpoints[0]!,
        day: '2025-01-02',
        metricKey: 'nps',
        score: 6,
        text: '  Emoji 😀, "quotes", back\\slash  ',
      },
      {
        touchpointId: touchpoints[1]!,
        day: null,
        metricKey: null,
        score: null,
        text: 'line one\nline two\ttab',
      },
      {
        touchpointId: touchpoints[0]!,
        day: '2025-01-03',
        metricKey: 'nps',
        score: 2.5,
        text: 'nul \u0000 inside',
        segment: 'Pro',
      },
      {
        touchpointId: touchpoints[0]!,
        day: '2025-01-03',
        metricKey: 'nps',
        score: -0,
        text: 'lone \ud800 half',
      },
      {
        touchpointId: touchpoints[1]!,
        day: '2025-01-04',
        metricKey: 'nps',
        score: 10,
        text: long,
        segment: '',
      },
      {
        touchpointId: touchpoints[1]!,
        day: '2025-01-04',
        metricKey: 'nps',
        score: 1e-7,
        text: '=SUM(A1:A2)',
      },
    ];
    const stored = store(comments);
    const rows = lib.db
      .prepare<[string], Record<string, unknown>>(
        `SELECT g.touchpoint_id, c.day, c.metric_key, c.score, c.text, g.segment, typeof(c.score) AS scoreType
         FROM comments c JOIN response_groups g ON g.id = c.group_id WHERE g.dataset_id = ? ORDER BY c.id`,
      )
      .all(stored.id);
    // Groups in the order their first comment came: touchpoint 0, touchpoint 1, touchpoint 0 "Pro".
    expect(rows).toEqual([
      {
        touchpoint_id: touchpoints[0],
        day: '2025-01-02',
        metric_key: 'nps',
        score: 6,
        scoreType: 'real',
        text: 'Emoji 😀, "quotes", back\\slash',
        segment: '',
      },
      {
        touchpoint_id: touchpoints[0],
        day: '2025-01-03',
        metric_key: 'nps',
        score: 0,
        scoreType: 'real',
        text: 'lone \ufffd half',
        segment: '',
      },
      {
        touchpoint_id: touchpoints[1],
        day: null,
        metric_key: null,
        score: null,
        scoreType: 'null',
        text: 'line one\nline two\ttab',
        segment: '',
      },
      {
        touchpoint_id: touchpoints[1],
        day: '2025-01-04',
        metric_key: 'nps',
        score: 10,
        scoreType: 'real',
        text: `${long.slice(0, MAX_COMMENT_CHARS - 1)}…`,
        segment: '',
      },
      {
        touchpoint_id: touchpoints[1],
        day: '2025-01-04',
        metric_key: 'nps',
        score: 1e-7,
        scoreType: 'real',
        text: '=SUM(A1:A2)',
        segment: '',
      },
      {
        touchpoint_id: touchpoints[0],
        day: '2025-01-03',
        metric_key: 'nps',
        score: 2.5,
        scoreType: 'real',
        text: 'nul \u0000 inside',
        segment: 'Pro',
      },
    ]);
    expect(search('emoji')).toBe(1);
    expect(search('"line two"')).toBe(1);
    expect(search('inside')).toBe(1);
    indexMatchesTable();
  });

  it('finds every comment of a large import, also one stored in several statements', () => {
    // 50,000 short comments (one statement) and 1,000 of 10,000 characters (more than one).
    const words = ['slow', 'great', 'confusing', 'lovely', 'checkout'];
    const short: Comment[] = Array.from({ length: 50_000 }, (_, i) => ({
      touchpointId: touchpoints[i % touchpoints.length]!,
      day: `2025-01-${String(1 + (i % 28)).padStart(2, '0')}`,
      metricKey: 'nps',
      score: i % 11,
      text: `${words[i % words.length]} comment number n${i}`,
    }));
    const big: Comment[] = Array.from({ length: 1_000 }, (_, i) => ({
      touchpointId: touchpoints[0]!,
      day: null,
      metricKey: null,
      score: null,
      text: `long${i} ${'padding '.repeat(1300)}`,
    }));
    const a = store(short, 'short');
    const b = store(big, 'long');
    expect(search('comment', a.id)).toBe(50_000);
    expect(search('lovely', a.id)).toBe(10_000);
    expect(search('n49999')).toBe(1);
    expect(search('n0')).toBe(1);
    expect(search('padding', b.id)).toBe(1_000);
    expect(search('long999')).toBe(1);
    indexMatchesTable();
    const texts = lib.db
      .prepare<[string, string], string>(
        `SELECT c.text FROM comments c JOIN response_groups g ON g.id = c.group_id
         WHERE g.dataset_id = ? AND g.touchpoint_id = ? ORDER BY c.id`,
      )
      .pluck();
    for (const touchpoint of touchpoints)
      expect(texts.all(a.id, touchpoint)).toEqual(
        short.filter((c) => c.touchpointId === touchpoint).map((c) => c.text),
      );
  });

  it('removing one of two datasets leaves exactly the other one’s comments searchable', () => {
    const comments = (tag: string, n: number): Comment[] =>
      Array.from({ length: n }, (_, i) => ({
        touchpointId: touchpoints[i % touchpoints.length]!,
        day: '2025-02-01',
        metricKey: 'nps',
        score: i % 11,
        text: `${tag} shared ${i % 2 === 0 ? 'even' : 'odd'}`,
      }));
    const first = store(comments('alpha', 20_000), 'first');
    const second = store(comments('beta', 30_000), 'second');
    expect(search('shared')).toBe(50_000);
    removeDataset(lib.db, first.id);
    expect(search('alpha')).toBe(0);
    expect(search('beta')).toBe(30_000);
    expect(search('shared AND even')).toBe(15_000);
    expect(search('shared', second.id)).toBe(30_000);
    expect(lib.db.prepare('SELECT count(*) FROM comments').pluck().get()).toBe(30_000);
    expect(lib.db.prepare('SELECT DISTINCT dataset_id FROM response_groups').pluck().all()).toEqual([
      second.id,
    ]);
    indexMatchesTable();
  });

  it('a failure while storing leaves no comment and no search entry', () => {
    store(
      [{ touchpointId: touchpoints[0]!, day: null, metricKey: null, score: null, text: 'kept comment' }],
      'kept',
    );
    lib.db.exec(
      "CREATE TEMP TRIGGER boom BEFORE INSERT ON comments WHEN new.text = 'boom' BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    );
    const many: Comment[] = Array.from({ length: 5_000 }, (_, i) => ({
      touchpointId: touchpoints[0]!,
      day: null,
      metricKey: null,
      score: null,
      text: i === 4_999 ? 'boom' : `doomed ${i}`,
    }));
    expect(() => store(many, 'failed')).toThrow(/disk full/);
    expect(search('doomed')).toBe(0);
    expect(search('kept')).toBe(1);
    expect(lib.db.prepare('SELECT count(*) FROM comments').pluck().get()).toBe(1);
    expect(lib.db.prepare('SELECT count(*) FROM datasets').pluck().get()).toBe(1);
    expect(lib.db.prepare('SELECT count(*) FROM response_groups').pluck().get()).toBe(1);
    indexMatchesTable();
  });

  it('after a store that failed half-way, the next one writes exactly its own rows', () => {
    const day = (i: number) => `2025-03-${String(1 + (i % 28)).padStart(2, '0')}`;
    const scoreDays = (n: number, duplicate: boolean) =>
      Array.from({ length: n }, (_, i) => ({
        touchpointId: touchpoints[0]!,
        metricKey: 'nps',
        segment: `s${duplicate && i === 100 ? 0 : i}`,
        day: day(0),
        min: 0,
        max: 10,
        counts: [i, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
      }));
    const input = (name: string, days: ReturnType<typeof scoreDays>, texts: string[]) => ({
      journeyId: lib.journeyId,
      dataset: testDataset(name, 'b'.repeat(64)),
      metrics: [{ key: 'nps', definition: { kind: 'nps' as const, key: 'nps', label: 'NPS' } }],
      scoreDays: days,
      aggregates: [],
      comments: texts.map((text, i) => ({
        touchpointId: touchpoints[i % 2]!,
        day: day(i),
        metricKey: 'nps',
        score: i,
        text,
      })),
    });
    // 130 score days, the 101st a duplicate: refused inside the second statement of 64 rows.
    expect(() => storeDataset(lib.db, input('broken', scoreDays(130, true), ['never stored']))).toThrow(
      /same touchpoint, metric and day/,
    );
    const good = storeDataset(lib.db, input('good', scoreDays(3, false), ['first', 'second', 'third']));
    const segments = lib.db
      .prepare<[string], string>(`SELECT segment FROM ${SCORE_DAYS} WHERE dataset_id = ? ORDER BY segment`)
      .pluck()
      .all(good.id);
    expect(segments).toEqual(['s0', 's1', 's2']);
    expect(lib.db.prepare('SELECT count(*) FROM score_days').pluck().get()).toBe(3);
    expect(lib.db.prepare('SELECT text FROM comments ORDER BY text').pluck().all()).toEqual([
      'first',
      'second',
      'third',
    ]);
    expect(search('never')).toBe(0);
    indexMatchesTable();
  });
});
