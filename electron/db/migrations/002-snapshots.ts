import type Database from 'better-sqlite3';
import type { Migration } from './index';

/**
 * Schema version 2: named snapshots of a map.
 *
 * A snapshot is a frozen copy of a map's content (stages, departments, nodes, edges, personas, and
 * the journey's name and description) stored as one JSON document, so that later schema changes to
 * the live tables never have to rewrite old snapshots; the repository validates the JSON against the
 * domain schema when it reads it. `revision` is the map's revision when the snapshot was taken;
 * `touchpoint_count` lets the list show counts without parsing every snapshot's content.
 * Snapshots belong to their journey: deleting the journey deletes them.
 *
 * Released once shipped: never edit this file after that; change the schema with a new migration.
 */
export const snapshots: Migration = {
  version: 2,
  name: 'snapshots',
  up(db: Database.Database): void {
    db.exec(`
      CREATE TABLE snapshots (
        id               TEXT PRIMARY KEY NOT NULL,
        journey_id       TEXT NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
        name             TEXT NOT NULL,
        created_at       TEXT NOT NULL,
        revision         INTEGER NOT NULL CHECK (revision >= 0),
        touchpoint_count INTEGER NOT NULL CHECK (touchpoint_count >= 0),
        content          TEXT NOT NULL
      ) STRICT;
      CREATE INDEX snapshots_journey_id ON snapshots(journey_id, created_at);
    `);
  },
};
