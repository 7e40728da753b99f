import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../shared/api/result';
import { MIGRATIONS, type Migration } from './migrations/index';

/**
 * Brings a library database up to the newest schema this build knows, one migration per
 * transaction, after backing the file up. Free of Electron so it can run in any Node process.
 */

/** The library was written by a newer Journey Studio: we refuse it rather than guess. */
export class DatabaseTooNewError extends AppError {
  readonly filePath: string;
  readonly fileVersion: number;
  readonly knownVersion: number;

  constructor(filePath: string, fileVersion: number, knownVersion: number) {
    super(
      'internal',
      `The library "${filePath}" was written by a newer version of Journey Studio ` +
        `(schema version ${fileVersion}; this app knows up to version ${knownVersion}). ` +
        'Please update Journey Studio to open it. The file was left untouched.',
    );
    this.name = 'DatabaseTooNewError';
    this.filePath = filePath;
    this.fileVersion = fileVersion;
    this.knownVersion = knownVersion;
  }
}

/** A migration failed and was rolled back; the database stays at `fromVersion`. */
export class MigrationFailedError extends AppError {
  readonly migration: Pick<Migration, 'version' | 'name'>;

  constructor(message: string, migration: Pick<Migration, 'version' | 'name'>, cause: unknown) {
    super('internal', message);
    this.name = 'MigrationFailedError';
    this.migration = { version: migration.version, name: migration.name };
    this.cause = cause;
  }
}

export interface MigrationOutcome {
  fromVersion: number;
  toVersion: number;
  /** Where the pre-upgrade copy was written; null when nothing ran or the database was new. */
  backupPath: string | null;
  /** Names of the migrations that ran, in order. */
  applied: string[];
}

export interface MigrateOptions {
  /** Clock for the backup file's timestamp (tests pin it). */
  now?: () => Date;
}

/** `PRAGMA user_version`: a read only, so it is safe on a file we may end up refusing. */
export function readSchemaVersion(db: Database.Database): number {
  const value = db.pragma('user_version', { simple: true });
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new AppError('internal', `Unexpected PRAGMA user_version value: ${String(value)}`);
  }
  return value;
}

/**
 * Guards against a mistake in the migration list itself (a gap, a duplicate, a reordering), which
 * would otherwise skip or repeat schema changes on users' files.
 */
export function latestVersion(migrations: readonly Migration[]): number {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Migration list is malformed: entry ${index} ("${migration.name}") has version ` +
          `${migration.version}, expected ${index + 1}. Versions must run 1, 2, 3 … in order.`,
      );
    }
  });
  return migrations.length;
}

/**
 * Throws DatabaseTooNewError when the file's schema is newer than this build knows. Call it before
 * anything that writes (journal_mode, migrations): the refused file must stay byte-identical.
 * Returns the file's current schema version.
 */
export function assertSchemaNotTooNew(
  db: Database.Database,
  filePath: string,
  migrations: readonly Migration[] = MIGRATIONS,
): number {
  const known = latestVersion(migrations);
  const current = readSchemaVersion(db);
  if (current > known) throw new DatabaseTooNewError(filePath, current, known);
  return current;
}

/** `<file>.backup-v<from>-<timestamp>.sqlite`, with a timestamp that is valid in any file system. */
export function backupPathFor(filePath: string, fromVersion: number, at: Date): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  return `${filePath}.backup-v${fromVersion}-${stamp}.sqlite`;
}

/**
 * Runs every pending migration. An existing database (user_version > 0) is first copied with the
 * SQLite backup API, which reads a consistent snapshot through this connection (WAL included);
 * a plain file copy of a live database can be torn. A brand-new database has nothing to lose, so
 * it is not backed up. Each migration commits together with its `user_version`, so a failure
 * leaves the file at the last version that completed.
 */
export async function migrate(
  db: Database.Database,
  filePath: string,
  migrations: readonly Migration[] = MIGRATIONS,
  options: MigrateOptions = {},
): Promise<MigrationOutcome> {
  const fromVersion = assertSchemaNotTooNew(db, filePath, migrations);
  const pending = migrations.slice(fromVersion);
  const outcome: MigrationOutcome = {
    fromVersion,
    toVersion: fromVersion,
    backupPath: null,
    applied: [],
  };
  if (pending.length === 0) return outcome;

  if (fromVersion > 0) {
    const backupPath = backupPathFor(filePath, fromVersion, (options.now ?? (() => new Date()))());
    try {
      await db.backup(backupPath);
    } catch (error) {
      throw new AppError(
        'internal',
        `Journey Studio could not back up the library "${filePath}" to "${path.basename(backupPath)}" ` +
          `before upgrading it, so it did not upgrade it and nothing was changed: ${messageOf(error)}`,
      );
    }
    outcome.backupPath = backupPath;
  }

  for (const migration of pending) {
    // The version is a number from our own static list, checked by latestVersion(); PRAGMA takes
    // no bound parameters, so this is the one place a value is written into SQL text.
    const setVersion = `user_version = ${migration.version}`;
    const run = db.transaction(() => {
      migration.up(db);
      db.pragma(setVersion);
    });
    try {
      // IMMEDIATE: take the write lock before reading the schema, so a second process cannot
      // interleave its own upgrade.
      run.immediate();
    } catch (error) {
      const backupNote = outcome.backupPath
        ? ` A backup from before the upgrade is at "${outcome.backupPath}".`
        : '';
      throw new MigrationFailedError(
        `Journey Studio could not upgrade the library "${filePath}": migration ` +
          `${migration.version} ("${migration.name}") failed and was rolled back: ${messageOf(error)}. ` +
          `The library was left at schema version ${outcome.toVersion}.${backupNote}`,
        migration,
        error,
      );
    }
    outcome.toVersion = migration.version;
    outcome.applied.push(migration.name);
  }
  return outcome;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
