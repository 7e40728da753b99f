import type Database from 'better-sqlite3';
import type { Migration } from './index';

/**
 * Schema version 7: raw responses' rows kept in groups, and the comments' search index written by
 * the import.
 *
 * - `response_groups`: one row per dataset × touchpoint × segment (a few hundred per import). The
 *   dataset, touchpoint and segment are written once per group instead of on every score day and
 *   comment: each row carried two 36-character ids, and so did the entries of its indexes, which
 *   made storing a million responses (16,000 score days, 50,000 comments) write 16 MB. Removing a
 *   dataset removes its groups, and their score days and comments with them (ON DELETE CASCADE).
 * - `score_days`: the same distributions, keyed by (group_id, metric_key, day).
 * - `comments`: the same rows and ids, with `group_id` in place of dataset, touchpoint and segment;
 *   one index, (group_id, score), serves "a touchpoint's comments, lowest score first" and the
 *   cascade.
 * - `comments_fts` (unchanged, external content keyed by comments.id) keeps its delete and update
 *   triggers but loses the insert trigger: a trigger runs once per row, and the import adds the
 *   index entries of its comments with one INSERT … SELECT after storing them (storeDataset in
 *   metrics-data-repository.ts). Whatever inserts comments must do the same.
 *
 * Existing comments keep their ids, so the FTS5 index built for them stays valid as it is. Nothing
 * refers to score_days or comments, so dropping the old tables cascades nowhere.
 *
 * Released once shipped: never edit this file after that; change the schema with a new migration.
 */
export const responseGroups: Migration = {
  version: 7,
  name: 'response-groups',
  up(db: Database.Database): void {
    db.exec(`
      CREATE TABLE response_groups (
        id            INTEGER PRIMARY KEY,
        dataset_id    TEXT NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
        touchpoint_id TEXT NOT NULL,
        segment       TEXT NOT NULL DEFAULT '',
        UNIQUE (dataset_id, touchpoint_id, segment)
      ) STRICT;
      CREATE INDEX response_groups_touchpoint ON response_groups(touchpoint_id, segment);
      INSERT INTO response_groups (dataset_id, touchpoint_id, segment)
        SELECT dataset_id, touchpoint_id, segment FROM score_days
        UNION
        SELECT dataset_id, touchpoint_id, segment FROM comments
        ORDER BY 1, 2, 3;

      CREATE TABLE score_days_v7 (
        group_id   INTEGER NOT NULL REFERENCES response_groups(id) ON DELETE CASCADE,
        metric_key TEXT NOT NULL,
        day        TEXT NOT NULL,
        scale_min  INTEGER NOT NULL,
        scale_max  INTEGER NOT NULL,
        counts     TEXT NOT NULL,
        PRIMARY KEY (group_id, metric_key, day)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO score_days_v7 (group_id, metric_key, day, scale_min, scale_max, counts)
        SELECT g.id, s.metric_key, s.day, s.scale_min, s.scale_max, s.counts
          FROM score_days s
          JOIN response_groups g
            ON g.dataset_id = s.dataset_id AND g.touchpoint_id = s.touchpoint_id AND g.segment = s.segment;
      DROP TABLE score_days;
      ALTER TABLE score_days_v7 RENAME TO score_days;

      CREATE TABLE comments_v7 (
        id         INTEGER PRIMARY KEY,
        group_id   INTEGER NOT NULL REFERENCES response_groups(id) ON DELETE CASCADE,
        day        TEXT,
        metric_key TEXT,
        score      REAL,
        text       TEXT NOT NULL
      ) STRICT;
      INSERT INTO comments_v7 (id, group_id, day, metric_key, score, text)
        SELECT c.id, g.id, c.day, c.metric_key, c.score, c.text
          FROM comments c
          JOIN response_groups g
            ON g.dataset_id = c.dataset_id AND g.touchpoint_id = c.touchpoint_id AND g.segment = c.segment
         ORDER BY c.id;
      DROP TRIGGER comments_fts_insert;
      DROP TRIGGER comments_fts_delete;
      DROP TRIGGER comments_fts_update;
      DROP TABLE comments;
      ALTER TABLE comments_v7 RENAME TO comments;
      CREATE INDEX comments_group ON comments(group_id, score);
      CREATE TRIGGER comments_fts_delete AFTER DELETE ON comments BEGIN
        INSERT INTO comments_fts(comments_fts, rowid, text) VALUES ('delete', old.id, old.text);
      END;
      CREATE TRIGGER comments_fts_update AFTER UPDATE OF text ON comments BEGIN
        INSERT INTO comments_fts(comments_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO comments_fts(rowid, text) VALUES (new.id, new.text);
      END;
    `);
  },
};
