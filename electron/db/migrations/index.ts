import type Database from 'better-sqlite3';
import { initialSchema } from './001-initial-schema';
import { snapshots } from './002-snapshots';
import { metricsData } from './003-metrics-data';
import { analysisSettings } from './004-analysis-settings';
import { opportunitiesAndNotes } from './005-opportunities-and-notes';
import { segments } from './006-segments';
import { responseGroups } from './007-response-groups';

/**
 * The library database's schema history, oldest first.
 *
 * RULES (a library file on a user's disk was written by some released version of this list):
 * - Never edit, renumber, reorder or remove a migration once it has been released. Users' files
 *   already carry its result; changing it makes their schema differ from a fresh one with no
 *   way to tell. Fix a mistake with a new migration.
 * - To change the schema, add `NNN-what-it-does.ts` next to this file exporting a `Migration` with
 *   the next version number (versions are 1, 2, 3 … with no gaps) and append it to MIGRATIONS.
 *   Write its SQL out literally rather than deriving it from domain constants that may change.
 * - `up` runs inside a transaction that the migrator opens (with `PRAGMA user_version = N` in the
 *   same transaction), so it must not BEGIN/COMMIT itself and must be synchronous. Foreign keys
 *   are ON while it runs and `PRAGMA foreign_keys` cannot change inside a transaction: a table
 *   rebuild (CREATE new, copy, DROP old, RENAME) must keep every reference valid, or use
 *   `PRAGMA defer_foreign_keys = ON` inside `up` and leave the data consistent by the commit.
 * - Add a stored fixture database of the previous version to the upgrade tests.
 */
export interface Migration {
  /** The schema version the database has once this migration has run. */
  readonly version: number;
  /** Kebab-case description, used in error messages and logs. */
  readonly name: string;
  up(db: Database.Database): void;
}

export const MIGRATIONS: readonly Migration[] = Object.freeze([
  initialSchema,
  snapshots,
  metricsData,
  analysisSettings,
  opportunitiesAndNotes,
  segments,
  responseGroups,
]);
