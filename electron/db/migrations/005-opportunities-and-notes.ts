import type Database from 'better-sqlite3';
import type { Migration } from './index';

/**
 * Schema version 5: two more node kinds in `nodes`, opportunities and free notes.
 *
 * - opportunity: name, description, status ('idea', 'planned', 'in-progress', 'done'), votes and
 *   an optional owner department (`owner_department_id`, SET NULL when the lane is deleted).
 * - note: `note_text` and `note_colour` only; its name and description are NULL.
 *
 * The kind CHECK and the table CHECK that ties each row's columns to its kind cannot be altered
 * in place, so the table is rebuilt. Foreign keys are ON while a migration runs, and dropping
 * `nodes` deletes its rows first, which would cascade into `edges`. So the edges are set aside in
 * a temporary table, the old `nodes` is dropped once nothing refers to its rows any more, the new
 * table takes its name (no other table refers to `nodes_v3`, so the rename rewrites nothing), and
 * the edges go back unchanged. Row ids are kept (`rowid` copied), so maps keep their node order.
 *
 * Released once shipped: never edit this file after that; change the schema with a new migration.
 */
export const opportunitiesAndNotes: Migration = {
  version: 5,
  name: 'opportunities-and-notes',
  up(db: Database.Database): void {
    db.exec(`
      CREATE TABLE nodes_v3 (
        id            TEXT PRIMARY KEY NOT NULL,
        journey_id    TEXT NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
        kind          TEXT NOT NULL CHECK (kind IN ('touchpoint', 'painpoint', 'opportunity', 'note')),
        x             REAL NOT NULL,
        y             REAL NOT NULL,
        stage_id      TEXT REFERENCES stages(id) ON DELETE SET NULL,
        department_id TEXT REFERENCES departments(id) ON DELETE SET NULL,
        -- every kind but note
        name          TEXT,
        description   TEXT,
        -- touchpoint only
        channel       TEXT CHECK (channel IN ('web', 'mobile-app', 'email', 'phone', 'chat', 'chatbot',
                        'social', 'ads', 'store', 'review-sites', 'knowledge-base', 'mail', 'other')),
        mode          TEXT CHECK (mode IN ('experience', 'service')),
        emotion       INTEGER CHECK (emotion BETWEEN -2 AND 2),
        frontstage    INTEGER CHECK (frontstage IN (0, 1)),
        supporting_department_ids TEXT CHECK (json_valid(supporting_department_ids)
                        AND json_type(supporting_department_ids) = 'array'),
        metric_key    TEXT,
        persona_ids   TEXT CHECK (json_valid(persona_ids) AND json_type(persona_ids) = 'array'),
        -- pain point only
        severity      TEXT CHECK (severity IN ('low', 'medium', 'high', 'critical')),
        evidence      TEXT,
        -- pain point and opportunity (each kind has its own statuses, checked below)
        status        TEXT,
        votes         INTEGER CHECK (votes >= 0),
        -- opportunity only
        owner_department_id TEXT REFERENCES departments(id) ON DELETE SET NULL,
        -- note only
        note_text     TEXT,
        note_colour   TEXT CHECK (note_colour IN ('yellow', 'pink', 'blue', 'green', 'purple', 'grey')),
        CHECK (
          (kind = 'touchpoint'
            AND name IS NOT NULL AND description IS NOT NULL
            AND channel IS NOT NULL AND mode IS NOT NULL AND emotion IS NOT NULL
            AND frontstage IS NOT NULL AND supporting_department_ids IS NOT NULL
            AND metric_key IS NOT NULL AND persona_ids IS NOT NULL
            AND severity IS NULL AND evidence IS NULL AND status IS NULL AND votes IS NULL
            AND owner_department_id IS NULL AND note_text IS NULL AND note_colour IS NULL)
          OR
          (kind = 'painpoint'
            AND name IS NOT NULL AND description IS NOT NULL
            AND severity IS NOT NULL AND evidence IS NOT NULL
            AND status IN ('open', 'in-progress', 'resolved') AND votes IS NOT NULL
            AND channel IS NULL AND mode IS NULL AND emotion IS NULL AND frontstage IS NULL
            AND supporting_department_ids IS NULL AND metric_key IS NULL AND persona_ids IS NULL
            AND owner_department_id IS NULL AND note_text IS NULL AND note_colour IS NULL)
          OR
          (kind = 'opportunity'
            AND name IS NOT NULL AND description IS NOT NULL
            AND status IN ('idea', 'planned', 'in-progress', 'done') AND votes IS NOT NULL
            AND severity IS NULL AND evidence IS NULL
            AND channel IS NULL AND mode IS NULL AND emotion IS NULL AND frontstage IS NULL
            AND supporting_department_ids IS NULL AND metric_key IS NULL AND persona_ids IS NULL
            AND note_text IS NULL AND note_colour IS NULL)
          OR
          (kind = 'note'
            AND note_text IS NOT NULL AND note_colour IS NOT NULL
            AND name IS NULL AND description IS NULL
            AND severity IS NULL AND evidence IS NULL AND status IS NULL AND votes IS NULL
            AND channel IS NULL AND mode IS NULL AND emotion IS NULL AND frontstage IS NULL
            AND supporting_department_ids IS NULL AND metric_key IS NULL AND persona_ids IS NULL
            AND owner_department_id IS NULL)
        )
      ) STRICT;

      INSERT INTO nodes_v3 (rowid, id, journey_id, kind, x, y, stage_id, department_id, name,
          description, channel, mode, emotion, frontstage, supporting_department_ids, metric_key,
          persona_ids, severity, evidence, status, votes)
        SELECT rowid, id, journey_id, kind, x, y, stage_id, department_id, name,
          description, channel, mode, emotion, frontstage, supporting_department_ids, metric_key,
          persona_ids, severity, evidence, status, votes
        FROM nodes;

      CREATE TEMP TABLE edges_kept AS SELECT rowid AS kept_rowid, * FROM edges;
      DELETE FROM edges;
      DROP TABLE nodes;
      ALTER TABLE nodes_v3 RENAME TO nodes;
      CREATE INDEX nodes_journey_id ON nodes(journey_id, kind);
      CREATE INDEX nodes_stage_id ON nodes(stage_id);
      CREATE INDEX nodes_department_id ON nodes(department_id);
      CREATE INDEX nodes_owner_department_id ON nodes(owner_department_id);

      INSERT INTO edges (rowid, id, journey_id, kind, source_id, target_id, label)
        SELECT kept_rowid, id, journey_id, kind, source_id, target_id, label FROM edges_kept;
      DROP TABLE temp.edges_kept;
    `);
  },
};
