import type Database from 'better-sqlite3';
import type { Migration } from './index';

/**
 * Schema version 1: journeys and their graph.
 *
 * Released: never edit this file. Its SQL is a frozen copy, not derived from the domain module (the
 * enum lists are written out rather than read from CHANNELS etc.), so that a later change to the
 * domain cannot silently change what version 1 means. A schema change is a new migration.
 *
 * Choices that matter later:
 * - STRICT tables: SQLite refuses a value of the wrong type instead of storing it.
 * - Ids are client-generated and globally unique, so every table has a plain TEXT primary key and a
 *   journey_id column; which journey a row belongs to is checked by the repository on every write.
 * - One `nodes` table for both node kinds: the kind-specific columns are NULL for the other kind and
 *   a table CHECK keeps each row's shape consistent with its kind.
 * - `ord` rather than `order` (a keyword) for the user's ordering of stages, lanes and personas.
 * - Every foreign-key child column is indexed: without it, deleting a stage or node scans the
 *   whole child table to apply ON DELETE SET NULL / CASCADE.
 */
export const initialSchema: Migration = {
  version: 1,
  name: 'initial-schema',
  up(db: Database.Database): void {
    db.exec(`
      CREATE TABLE journeys (
        id          TEXT PRIMARY KEY NOT NULL,
        name        TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        revision    INTEGER NOT NULL DEFAULT 0 CHECK (revision >= 0)
      ) STRICT;

      CREATE TABLE stages (
        id         TEXT PRIMARY KEY NOT NULL,
        journey_id TEXT NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
        name       TEXT NOT NULL,
        goal       TEXT NOT NULL DEFAULT '',
        width      REAL NOT NULL,
        ord        INTEGER NOT NULL CHECK (ord >= 0)
      ) STRICT;
      CREATE INDEX stages_journey_id ON stages(journey_id);

      CREATE TABLE departments (
        id         TEXT PRIMARY KEY NOT NULL,
        journey_id TEXT NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
        name       TEXT NOT NULL,
        colour     TEXT NOT NULL CHECK (colour GLOB '#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]'),
        height     REAL NOT NULL,
        ord        INTEGER NOT NULL CHECK (ord >= 0)
      ) STRICT;
      CREATE INDEX departments_journey_id ON departments(journey_id);

      CREATE TABLE nodes (
        id            TEXT PRIMARY KEY NOT NULL,
        journey_id    TEXT NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
        kind          TEXT NOT NULL CHECK (kind IN ('touchpoint', 'painpoint')),
        x             REAL NOT NULL,
        y             REAL NOT NULL,
        stage_id      TEXT REFERENCES stages(id) ON DELETE SET NULL,
        department_id TEXT REFERENCES departments(id) ON DELETE SET NULL,
        name          TEXT NOT NULL,
        description   TEXT NOT NULL DEFAULT '',
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
        status        TEXT CHECK (status IN ('open', 'in-progress', 'resolved')),
        votes         INTEGER CHECK (votes >= 0),
        CHECK (
          (kind = 'touchpoint'
            AND channel IS NOT NULL AND mode IS NOT NULL AND emotion IS NOT NULL
            AND frontstage IS NOT NULL AND supporting_department_ids IS NOT NULL
            AND metric_key IS NOT NULL AND persona_ids IS NOT NULL
            AND severity IS NULL AND evidence IS NULL AND status IS NULL AND votes IS NULL)
          OR
          (kind = 'painpoint'
            AND severity IS NOT NULL AND evidence IS NOT NULL AND status IS NOT NULL
            AND votes IS NOT NULL
            AND channel IS NULL AND mode IS NULL AND emotion IS NULL AND frontstage IS NULL
            AND supporting_department_ids IS NULL AND metric_key IS NULL AND persona_ids IS NULL)
        )
      ) STRICT;
      CREATE INDEX nodes_journey_id ON nodes(journey_id, kind);
      CREATE INDEX nodes_stage_id ON nodes(stage_id);
      CREATE INDEX nodes_department_id ON nodes(department_id);

      CREATE TABLE edges (
        id         TEXT PRIMARY KEY NOT NULL,
        journey_id TEXT NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
        kind       TEXT NOT NULL CHECK (kind IN ('flow', 'attachment')),
        source_id  TEXT NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,
        target_id  TEXT NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,
        label      TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX edges_journey_id ON edges(journey_id);
      CREATE INDEX edges_source_id ON edges(source_id);
      CREATE INDEX edges_target_id ON edges(target_id);

      CREATE TABLE personas (
        id           TEXT PRIMARY KEY NOT NULL,
        journey_id   TEXT NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
        name         TEXT NOT NULL,
        role         TEXT NOT NULL DEFAULT '',
        goals        TEXT NOT NULL DEFAULT '',
        frustrations TEXT NOT NULL DEFAULT '',
        quote        TEXT NOT NULL DEFAULT '',
        ord          INTEGER NOT NULL CHECK (ord >= 0)
      ) STRICT;
      CREATE INDEX personas_journey_id ON personas(journey_id);
    `);
  },
};
