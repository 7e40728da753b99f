import type Database from 'better-sqlite3';
import type { Migration } from './index';

/**
 * Schema version 4: a map's analysis settings that are not about one metric. For now the
 * small-sample minimum: values resting on fewer responses than `min_n` are flagged as uncertain on
 * the overlay, in the breakdowns and in the inspector (default 30, domain.md). A map without a row
 * uses the default. Per-metric settings (family, target, scale) live in journey_metrics.
 *
 * Released once shipped: never edit this file after that; change the schema with a new migration.
 */
export const analysisSettings: Migration = {
  version: 4,
  name: 'analysis-settings',
  up(db: Database.Database): void {
    db.exec(`
      CREATE TABLE journey_analysis_settings (
        journey_id TEXT PRIMARY KEY NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
        min_n      INTEGER NOT NULL CHECK (min_n BETWEEN 1 AND 100000)
      ) STRICT;
    `);
  },
};
