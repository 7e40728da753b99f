import { copyFileSync, readdirSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { closeLibraryDatabase, openLibraryDatabase } from '../../../../electron/db/connection';
import { JourneyRepository } from '../../../../electron/db/journey-repository';
import { SnapshotRepository } from '../../../../electron/db/snapshot-repository';
import { backupPathFor, latestVersion } from '../../../../electron/db/migrator';
import { MIGRATIONS } from '../../../../electron/db/migrations';
import { listDatasets, removeDataset, storeDataset } from '../../../../electron/db/metrics-data-repository';
import { MetricsAnalysis } from '../../../../electron/db/metrics-analysis';
import { makeTempFolder, type TempFolder } from '../../../helpers/temp-db';
import { COMMENTS, SCORE_DAYS, testDataset } from '../../../helpers/stored-rows';

/**
 * One stored library per released schema version. A user's file written by any earlier release
 * must open in this one with every map intact. When a migration is added, add the fixture of the
 * version it upgrades from (test/fixtures/library-v<N>.sqlite, written by that release) below.
 */
const RELEASED = [
  { version: 1, file: 'test/fixtures/library-v1.sqlite' },
  { version: 2, file: 'test/fixtures/library-v2.sqlite' },
  { version: 3, file: 'test/fixtures/library-v3.sqlite' },
  { version: 4, file: 'test/fixtures/library-v4.sqlite' },
  { version: 5, file: 'test/fixtures/library-v5.sqlite' },
  { version: 6, file: 'test/fixtures/library-v6.sqlite' },
];

let folder: TempFolder | undefined;
afterEach(() => folder?.cleanup());

/** A copy of a stored library file in a fresh temp folder, as a user's file would be. */
function copyOf(fixture: string): { copy: string; dir: string } {
  folder = makeTempFolder();
  const copy = folder.file();
  copyFileSync(fixture, copy);
  return { copy, dir: folder.dir };
}

/** Opens the backup an upgrade left of the `version` file, checks it is still at that version. */
function inBackup(copy: string, version: number, at: Date, check: (old: Database.Database) => void) {
  const old = new Database(backupPathFor(copy, version, at), { readonly: true });
  try {
    expect(old.pragma('user_version', { simple: true })).toBe(version);
    check(old);
  } finally {
    old.close();
  }
}

const countOf = (db: Database.Database, table: string) =>
  db.prepare<[], number>(`SELECT count(*) FROM ${table}`).pluck().get();

describe.each(RELEASED)('a library written by schema version $version', ({ version, file }) => {
  it('opens at the current version with its maps intact', async () => {
    const { copy } = copyOf(file);
    const db = await openLibraryDatabase(copy);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(latestVersion(MIGRATIONS));
      expect(version).toBeLessThanOrEqual(latestVersion(MIGRATIONS));
      const journeys = new JourneyRepository(db);
      const names = journeys.list().map((j) => j.name);
      expect(names.sort()).toEqual(['Empty map', 'Online store purchase']);
      const sample = journeys.get(journeys.list().find((j) => j.name === 'Online store purchase')!.id);
      expect(sample.stages.map((s) => s.name)).toEqual([
        'Awareness',
        'Consideration',
        'Decision',
        'Retention',
        'Advocacy',
      ]);
      expect(sample.nodes.filter((n) => n.kind === 'touchpoint')).toHaveLength(15);
      expect(sample.nodes.filter((n) => n.kind === 'painpoint')).toHaveLength(6);
      expect(sample.edges).toHaveLength(20);
      expect(sample.personas[0]?.quote).toBe('I just want it to arrive right, the first time.');
    } finally {
      closeLibraryDatabase(db);
    }
  });
});

describe('the upgrade from schema version 1 to 2 (snapshots)', () => {
  it('adds the snapshots table, backs the v1 file up next to it, and snapshots work on old maps', async () => {
    const { copy, dir } = copyOf('test/fixtures/library-v1.sqlite');
    const at = new Date('2025-06-01T10:00:00.000Z');
    const db = await openLibraryDatabase(copy, { now: () => at });
    try {
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(2);
      const columns = db
        .prepare<[], string>("SELECT name FROM pragma_table_info('snapshots') ORDER BY cid")
        .pluck()
        .all();
      expect(columns).toEqual([
        'id',
        'journey_id',
        'name',
        'created_at',
        'revision',
        'touchpoint_count',
        'content',
      ]);
      const strict = db
        .prepare<[], number>("SELECT strict FROM pragma_table_list WHERE name = 'snapshots'")
        .pluck()
        .get();
      expect(strict).toBe(1);

      // A map written by version 1 can be snapshotted and restored.
      const journeys = new JourneyRepository(db);
      const snapshots = new SnapshotRepository(db, journeys);
      const sample = journeys.list().find((j) => j.name === 'Online store purchase')!;
      const taken = snapshots.create(sample.id, 'Before workshop');
      expect(taken.touchpointCount).toBe(15);
      expect(snapshots.get(taken.id).document.nodes).toHaveLength(21);
    } finally {
      closeLibraryDatabase(db);
    }

    expect(readdirSync(dir).filter((name) => name.includes('.backup-'))).toEqual([
      backupPathFor(copy, 1, at).slice(dir.length + 1),
    ]);
    inBackup(copy, 1, at, (old) => {
      const tables = old
        .prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .pluck()
        .all();
      expect(tables).not.toContain('snapshots');
      expect(countOf(old, 'journeys')).toBe(2);
    });
  });
});

describe('the upgrade from schema version 2 to 3 (metrics data)', () => {
  it('adds the metrics tables, keeps snapshots, backs the v2 file up, and old maps take datasets', async () => {
    const { copy } = copyOf('test/fixtures/library-v2.sqlite');
    const at = new Date('2025-07-01T10:00:00.000Z');
    const db = await openLibraryDatabase(copy, { now: () => at });
    try {
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(3);
      const tables = db
        .prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .pluck()
        .all();
      for (const table of [
        'journey_metrics',
        'datasets',
        'score_days',
        'aggregate_values',
        'comments',
        'comments_fts',
        'import_presets',
      ])
        expect(tables).toContain(table);

      const journeys = new JourneyRepository(db);
      const snapshots = new SnapshotRepository(db, journeys);
      const sample = journeys.list().find((j) => j.name === 'Online store purchase')!;
      expect(snapshots.list(sample.id).map((s) => s.name)).toEqual(['Before workshop']);

      const touchpoint = journeys.get(sample.id).nodes.find((n) => n.kind === 'touchpoint')!;
      storeDataset(db, {
        journeyId: sample.id,
        dataset: testDataset('Survey', 'a'.repeat(64)),
        metrics: [{ key: 'nps', definition: { kind: 'nps', key: 'nps', label: 'NPS' } }],
        scoreDays: [
          {
            touchpointId: touchpoint.id,
            metricKey: 'nps',
            day: '2025-01-01',
            min: 0,
            max: 10,
            counts: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
          },
        ],
        aggregates: [],
        comments: [
          { touchpointId: touchpoint.id, day: '2025-01-01', metricKey: 'nps', score: 10, text: 'Lovely' },
        ],
      });
      expect(listDatasets(db, sample.id)).toHaveLength(1);
    } finally {
      closeLibraryDatabase(db);
    }
    inBackup(copy, 2, at, (old) => expect(countOf(old, 'snapshots')).toBe(1));
  });
});

describe('the upgrade from schema version 4 to 5 (opportunities and free notes)', () => {
  it('rebuilds nodes with every row and edge kept, keeps snapshots and metrics, and takes the new kinds', async () => {
    const { copy } = copyOf('test/fixtures/library-v4.sqlite');
    const before = new Database(copy, { readonly: true });
    const rowsOf = (db: Database.Database, table: string) =>
      db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all() as Record<string, unknown>[];
    const oldNodes = rowsOf(before, 'nodes');
    const oldEdges = rowsOf(before, 'edges');
    before.close();
    expect(oldNodes).toHaveLength(21);
    expect(oldEdges).toHaveLength(20);

    const at = new Date('2025-08-01T10:00:00.000Z');
    const db = await openLibraryDatabase(copy, { now: () => at });
    try {
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(5);
      // Every node row is kept as it was (the new columns are NULL), in the same order; every
      // edge too: dropping the old table must not have cascaded into them.
      const nodes = rowsOf(db, 'nodes');
      expect(
        nodes.map(({ owner_department_id, note_text, note_colour, ...rest }) => {
          expect([owner_department_id, note_text, note_colour]).toEqual([null, null, null]);
          return rest;
        }),
      ).toEqual(oldNodes);
      expect(rowsOf(db, 'edges')).toEqual(oldEdges);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      const indexes = db
        .prepare<[], string>(
          "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'nodes' ORDER BY name",
        )
        .pluck()
        .all();
      expect(indexes).toEqual(
        expect.arrayContaining([
          'nodes_department_id',
          'nodes_journey_id',
          'nodes_owner_department_id',
          'nodes_stage_id',
        ]),
      );
      const references = db
        .prepare<[], string>('SELECT "table" FROM pragma_foreign_key_list(\'edges\')')
        .pluck()
        .all();
      expect(references).toEqual(['nodes', 'nodes', 'journeys']);

      const journeys = new JourneyRepository(db);
      const snapshots = new SnapshotRepository(db, journeys);
      const sample = journeys.list().find((j) => j.name === 'Online store purchase')!;
      expect(snapshots.list(sample.id).map((s) => s.name)).toEqual(['Before workshop']);
      expect(listDatasets(db, sample.id)).toHaveLength(1);

      // The old map takes an opportunity attached to a pain point, and a free note.
      const doc = journeys.get(sample.id);
      const pain = doc.nodes.find((n) => n.kind === 'painpoint')!;
      const lane = doc.departments[0]!;
      journeys.applyChanges({
        journeyId: sample.id,
        baseRevision: doc.journey.revision,
        changes: [
          {
            op: 'node.add',
            value: {
              kind: 'opportunity',
              id: 'opp-1',
              x: 10,
              y: 10,
              stageId: null,
              departmentId: null,
              name: 'Call back within the hour',
              description: '',
              status: 'planned',
              ownerDepartmentId: lane.id,
              votes: 2,
            },
          },
          {
            op: 'edge.add',
            value: { id: 'att-1', kind: 'attachment', sourceId: 'opp-1', targetId: pain.id, label: '' },
          },
          {
            op: 'node.add',
            value: {
              kind: 'note',
              id: 'note-1',
              x: -400,
              y: 900,
              stageId: null,
              departmentId: null,
              text: 'Parking lot',
              colour: 'pink',
            },
          },
        ],
      });
      const after = journeys.get(sample.id);
      expect(after.nodes).toHaveLength(23);
      expect(after.edges).toHaveLength(21);
      // An old snapshot (no such kinds) still opens and validates.
      const old = snapshots.list(sample.id)[0]!;
      expect(snapshots.get(old.id).document.nodes).toHaveLength(21);
    } finally {
      closeLibraryDatabase(db);
    }
    inBackup(copy, 4, at, (old) => expect(countOf(old, 'edges')).toBe(20));
  });
});

describe('the upgrade from schema version 5 to 6 (segments)', () => {
  it('keys score counts by segment, keeps every row as "no segment", and old data still computes', async () => {
    const { copy } = copyOf('test/fixtures/library-v5.sqlite');
    const before = new Database(copy, { readonly: true });
    const oldScores = before.prepare('SELECT * FROM score_days').all() as Record<string, unknown>[];
    const oldComments = before.prepare('SELECT * FROM comments ORDER BY id').all() as Record<
      string,
      unknown
    >[];
    before.close();
    expect(oldScores).toHaveLength(1);
    expect(oldComments).toHaveLength(1);

    const at = new Date('2025-09-01T10:00:00.000Z');
    const db = await openLibraryDatabase(copy, { now: () => at });
    try {
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(6);
      const scores = db.prepare(`SELECT * FROM ${SCORE_DAYS}`).all() as Record<string, unknown>[];
      expect(scores).toEqual(oldScores.map((row) => ({ ...row, segment: '' })));
      const comments = db.prepare(`SELECT * FROM ${COMMENTS} ORDER BY id`).all() as Record<string, unknown>[];
      expect(comments).toEqual(oldComments.map((row) => ({ ...row, segment: '' })));
      expect(db.pragma('foreign_key_check')).toEqual([]);

      // The old dataset computes as before (all segments, and "no segment"); removing it cascades.
      const journeys = new JourneyRepository(db);
      const sample = journeys.list().find((j) => j.name === 'Online store purchase')!;
      const [dataset] = listDatasets(db, sample.id);
      const analysis = new MetricsAnalysis(db);
      expect(analysis.settings(sample.id).segments).toEqual([]);
      const overlay = analysis.overlay(sample.id, 'nps', { granularity: 'quarter', period: 'all' });
      expect(overlay.touchpoints.map((t) => [t.touchpointId, t.n, t.value])).toEqual([
        [scores[0]!.touchpoint_id, 1, 100],
      ]);
      expect(
        analysis.overlay(sample.id, 'nps', { granularity: 'quarter', period: 'all', segment: '' })
          .touchpoints,
      ).toHaveLength(1);
      // New data with segments sits beside it.
      storeDataset(db, {
        journeyId: sample.id,
        dataset: testDataset('Plans', 'f'.repeat(64)),
        metrics: [],
        scoreDays: [
          {
            touchpointId: String(scores[0]!.touchpoint_id),
            metricKey: 'nps',
            segment: 'Premium',
            day: String(scores[0]!.day),
            min: 0,
            max: 10,
            counts: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
          },
        ],
        aggregates: [],
        comments: [],
      });
      expect(new MetricsAnalysis(db).settings(sample.id).segments).toEqual(['Premium', '']);
      removeDataset(db, dataset!.id);
      expect(db.prepare(`SELECT segment FROM ${SCORE_DAYS}`).pluck().all()).toEqual(['Premium']);
    } finally {
      closeLibraryDatabase(db);
    }
    inBackup(copy, 5, at, (old) => expect(countOf(old, 'score_days')).toBe(1));
  });
});

describe('the upgrade from schema version 6 to 7 (response groups)', () => {
  it('keeps every score day, and every comment with its id and search entry, grouped by dataset, touchpoint and segment', async () => {
    const { copy } = copyOf('test/fixtures/library-v6.sqlite');
    const before = new Database(copy, { readonly: true });
    const oldComments = before.prepare('SELECT * FROM comments ORDER BY id').all() as Record<
      string,
      unknown
    >[];
    const oldScores = before
      .prepare('SELECT * FROM score_days ORDER BY dataset_id, touchpoint_id, metric_key, segment, day')
      .all() as Record<string, unknown>[];
    before.close();
    expect(oldComments).toHaveLength(6);
    expect(oldScores).toHaveLength(4);

    const at = new Date('2025-10-01T10:00:00.000Z');
    const db = await openLibraryDatabase(copy, { now: () => at });
    try {
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(7);
      expect(db.prepare(`SELECT * FROM ${COMMENTS} ORDER BY id`).all()).toEqual(oldComments);
      const scoreOrder = 'ORDER BY dataset_id, touchpoint_id, metric_key, segment, day';
      expect(db.prepare(`SELECT * FROM ${SCORE_DAYS} ${scoreOrder}`).all()).toEqual(oldScores);
      const key = (table: string) =>
        db
          .prepare<[], string>(`SELECT name FROM pragma_table_info('${table}') WHERE pk > 0 ORDER BY pk`)
          .pluck()
          .all();
      expect(key('score_days')).toEqual(['group_id', 'metric_key', 'day']);
      const groups = db
        .prepare('SELECT dataset_id, touchpoint_id, segment FROM response_groups ORDER BY id')
        .all() as Record<string, unknown>[];
      const distinct = new Set(
        [...oldComments, ...oldScores].map((c) => `${c.dataset_id}|${c.touchpoint_id}|${c.segment}`),
      );
      expect(groups).toHaveLength(distinct.size);
      expect(groups.map((g) => `${g.dataset_id}|${g.touchpoint_id}|${g.segment}`).sort()).toEqual(
        [...distinct].sort(),
      );
      expect(db.pragma('foreign_key_check')).toEqual([]);
      // The search index written by v6 is still exactly the table's.
      expect(() =>
        db.exec("INSERT INTO comments_fts(comments_fts) VALUES ('integrity-check')"),
      ).not.toThrow();
      const found = (query: string) =>
        db
          .prepare<[string], string>(
            'SELECT c.text FROM comments_fts f JOIN comments c ON c.id = f.rowid WHERE comments_fts MATCH ? ORDER BY c.id',
          )
          .pluck()
          .all(query);
      expect(found('quick')).toEqual(['Premium support was quick', 'Lovely quick delivery']);

      // The inspector's comments of a touchpoint, per segment, as before.
      const journeys = new JourneyRepository(db);
      const sample = journeys.list().find((j) => j.name === 'Online store purchase')!;
      const analysis = new MetricsAnalysis(db);
      const texts = (segment?: string) =>
        analysis
          .comments(sample.id, 'fx-11', { search: '', offset: 0, limit: 20, segment })
          .items.map((c) => c.text);
      expect(texts()).toEqual([
        'Never arrived, nobody called back',
        'Premium support was quick',
        'Lovely quick delivery',
        'Lovely',
      ]);
      expect(texts('Premium')).toEqual(['Premium support was quick', 'Lovely quick delivery']);
      expect(analysis.comments(sample.id, 'fx-11', { search: 'quick', offset: 0, limit: 20 }).total).toBe(2);

      // Scores compute from the regrouped days as before: fx-11 has 3 promoters and 1 detractor in
      // all (2 of the promoters Premium), fx-12 one of each (Standard).
      const nps = (segment?: string) =>
        analysis
          .overlay(sample.id, 'nps', { granularity: 'quarter', period: 'all', segment })
          .touchpoints.map((t) => [t.touchpointId, t.n, t.value])
          .sort();
      expect(nps()).toEqual([
        ['fx-11', 4, 50],
        ['fx-12', 2, 0],
      ]);
      expect(nps('Premium')).toEqual([['fx-11', 2, 100]]);

      // Removing the v6 "Plans" dataset removes exactly its groups, comments and search entries.
      const plans = listDatasets(db, sample.id).find((d) => d.name === 'Plans')!;
      removeDataset(db, plans.id);
      expect(db.prepare('SELECT text FROM comments').pluck().all()).toEqual(['Lovely']);
      expect(db.prepare('SELECT count(*) FROM response_groups').pluck().get()).toBe(1);
      expect(found('quick')).toEqual([]);
      expect(() =>
        db.exec("INSERT INTO comments_fts(comments_fts) VALUES ('integrity-check')"),
      ).not.toThrow();

      // New comments are stored and found beside the old one.
      storeDataset(db, {
        journeyId: sample.id,
        dataset: testDataset('New', 'c'.repeat(64)),
        metrics: [],
        scoreDays: [],
        aggregates: [],
        comments: [
          { touchpointId: 'fx-11', day: '2025-09-01', metricKey: 'nps', score: 3, text: 'Lovely but late' },
        ],
      });
      expect(found('lovely')).toEqual(['Lovely', 'Lovely but late']);
      expect(texts()).toEqual(['Lovely but late', 'Lovely']);
    } finally {
      closeLibraryDatabase(db);
    }
    inBackup(copy, 6, at, (old) => expect(countOf(old, 'comments')).toBe(6));
  });
});
