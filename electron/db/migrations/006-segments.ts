import type Database from 'better-sqlite3';
import type { Migration } from './index';

/**
 * Schema version 6: segments (a plan, a tier, a region …) of raw responses.
 *
 * - `score_days` gets `segment`, part of its key, so one touchpoint × metric × day holds one score
 *   distribution per segment. '' means "no segment": every row stored before this version, files
 *   without a segment column, and the rows of a file whose segment cell was blank. The overlay of
 *   "all segments" adds them all up, so old data reads exactly as before.
 * - `comments` get `segment` too ('' for none), so comments follow the chosen segment.
 *
 * A primary key cannot be altered in place: score_days is rebuilt (nothing refers to it, so
 * dropping the old table cascades nowhere), its rows copied with segment ''. Aggregate rows have
 * no segment.
 *
 * Released once shipped: never edit this file after that; change the schema with a new migration.
 */
export const segments: Migration = {
  version: 6,
  name: 'segments',
  up(db: Database.Database): void {
    db.exec(`
      CREATE TABLE score_days_v6 (
        dataset_id    TEXT NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
        touchpoint_id TEXT NOT NULL,
        metric_key    TEXT NOT NULL,
        segment       TEXT NOT NULL DEFAULT '',
        day           TEXT NOT NULL,
        scale_min     INTEGER NOT NULL,
        scale_max     INTEGER NOT NULL,
        counts        TEXT NOT NULL,
        PRIMARY KEY (dataset_id, touchpoint_id, metric_key, segment, day)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO score_days_v6
        (dataset_id, touchpoint_id, metric_key, segment, day, scale_min, scale_max, counts)
        SELECT dataset_id, touchpoint_id, metric_key, '', day, scale_min, scale_max, counts
          FROM score_days;
      DROP TABLE score_days;
      ALTER TABLE score_days_v6 RENAME TO score_days;
      CREATE INDEX score_days_touchpoint ON score_days(touchpoint_id, metric_key, day);

      ALTER TABLE comments ADD COLUMN segment TEXT NOT NULL DEFAULT '';
    `);
  },
};
