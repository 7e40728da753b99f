import type Database from 'better-sqlite3';
import type { Migration } from './index';

/**
 * Schema version 3: imported metrics data (see METRICS-STORAGE.md, the contract between the import
 * side, which writes these tables, and the insights side, which reads them).
 *
 * - `journey_metrics`: the metrics a map uses, each with its MetricDefinition (JSON) and target.
 * - `datasets`: one row per import with its provenance; every data row below belongs to exactly one
 *   dataset and goes with it (ON DELETE CASCADE), so removing a dataset removes exactly its data.
 * - `score_days`: raw responses kept as score distributions per touchpoint × metric × day, so a new
 *   top box, threshold or period is recomputed from counts without re-importing.
 * - `aggregate_values`: rows users bring already aggregated (churn by quarter …).
 * - `comments` + `comments_fts`: verbatims with the score given in the same response, searchable
 *   with FTS5 (external content; triggers keep the index in step with the table).
 * - `import_presets`: column mappings remembered per source, keyed by a header signature.
 *
 * touchpoint_id has no foreign key on purpose: a touchpoint deleted and then restored by undo gets
 * its data back.
 *
 * Released once shipped: never edit this file after that; change the schema with a new migration.
 */
export const metricsData: Migration = {
  version: 3,
  name: 'metrics-data',
  up(db: Database.Database): void {
    db.exec(`
      CREATE TABLE journey_metrics (
        journey_id TEXT NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
        key        TEXT NOT NULL,
        definition TEXT NOT NULL,
        target     REAL,
        position   INTEGER NOT NULL,
        PRIMARY KEY (journey_id, key)
      ) STRICT;

      CREATE TABLE datasets (
        id            TEXT PRIMARY KEY NOT NULL,
        journey_id    TEXT NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
        name          TEXT NOT NULL,
        file_name     TEXT NOT NULL,
        content_hash  TEXT NOT NULL,
        byte_size     INTEGER NOT NULL,
        shape         TEXT NOT NULL CHECK (shape IN ('responses', 'aggregates')),
        source_format TEXT NOT NULL,
        imported_at   TEXT NOT NULL,
        rows_accepted INTEGER NOT NULL,
        rows_rejected INTEGER NOT NULL,
        mapping       TEXT NOT NULL
      ) STRICT;
      CREATE INDEX datasets_journey ON datasets(journey_id, imported_at);

      CREATE TABLE score_days (
        dataset_id    TEXT NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
        touchpoint_id TEXT NOT NULL,
        metric_key    TEXT NOT NULL,
        day           TEXT NOT NULL,
        scale_min     INTEGER NOT NULL,
        scale_max     INTEGER NOT NULL,
        counts        TEXT NOT NULL,
        PRIMARY KEY (dataset_id, touchpoint_id, metric_key, day)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX score_days_touchpoint ON score_days(touchpoint_id, metric_key, day);

      CREATE TABLE aggregate_values (
        dataset_id    TEXT NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
        touchpoint_id TEXT NOT NULL,
        metric_key    TEXT NOT NULL,
        period_start  TEXT NOT NULL,
        period_end    TEXT NOT NULL,
        value         REAL NOT NULL,
        n             INTEGER,
        PRIMARY KEY (dataset_id, touchpoint_id, metric_key, period_start, period_end)
      ) STRICT;

      CREATE TABLE comments (
        id            INTEGER PRIMARY KEY,
        dataset_id    TEXT NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
        touchpoint_id TEXT NOT NULL,
        day           TEXT,
        metric_key    TEXT,
        score         REAL,
        text          TEXT NOT NULL
      ) STRICT;
      CREATE INDEX comments_touchpoint ON comments(touchpoint_id, score);
      CREATE INDEX comments_dataset ON comments(dataset_id);
      CREATE VIRTUAL TABLE comments_fts USING fts5(text, content='comments', content_rowid='id');
      CREATE TRIGGER comments_fts_insert AFTER INSERT ON comments BEGIN
        INSERT INTO comments_fts(rowid, text) VALUES (new.id, new.text);
      END;
      CREATE TRIGGER comments_fts_delete AFTER DELETE ON comments BEGIN
        INSERT INTO comments_fts(comments_fts, rowid, text) VALUES ('delete', old.id, old.text);
      END;
      CREATE TRIGGER comments_fts_update AFTER UPDATE OF text ON comments BEGIN
        INSERT INTO comments_fts(comments_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO comments_fts(rowid, text) VALUES (new.id, new.text);
      END;

      CREATE TABLE import_presets (
        id         TEXT PRIMARY KEY NOT NULL,
        name       TEXT NOT NULL,
        signature  TEXT NOT NULL,
        mapping    TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX import_presets_signature ON import_presets(signature);
    `);
  },
};
