import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/api/result';
import { MIGRATIONS, type Migration } from './migrations/index';
import { assertSchemaNotTooNew, migrate } from './migrator';

/**
 * Opens the one library database file. The order of the steps is deliberate: everything that
 * could make us refuse the file (not a database, too new, damaged) runs before the first write, so
 * a refused file is left byte-identical. Only then do we switch to WAL and migrate.
 */

export interface OpenLibraryOptions {
  /** Override the schema history (tests use it to simulate future or failing migrations). */
  migrations?: readonly Migration[];
  /** Clock for the pre-migration backup's file name. */
  now?: () => Date;
}

const BUSY_TIMEOUT_MS = 5000;

export async function openLibraryDatabase(
  filePath: string,
  options: OpenLibraryOptions = {},
): Promise<Database.Database> {
  const migrations = options.migrations ?? MIGRATIONS;
  fs.mkdirSync(path.dirname(filePath), { recursive: true });

  let db: Database.Database;
  try {
    db = new Database(filePath, { timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw new AppError(
      'internal',
      `Journey Studio could not open the library "${filePath}": ${messageOf(error)}`,
    );
  }

  try {
    // busy_timeout only configures this connection; it writes nothing to the file.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Reading user_version is the first read of the file's header, so it is where a file that is
    // not SQLite at all is detected, and where a newer schema is refused before any write.
    assertSchemaNotTooNew(db, filePath, migrations);
    runQuickCheck(db, filePath);

    // From here on the file may be written.
    db.pragma('journal_mode = WAL');
    // FULL: in WAL mode NORMAL can lose the last commits on power loss; a save shown as saved must
    // survive it.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');

    await migrate(db, filePath, migrations, options.now ? { now: options.now } : {});
    return db;
  } catch (error) {
    db.close();
    throw translateOpenError(error, filePath);
  }
}

/**
 * Closes the library after folding the write-ahead log back into the main file and truncating it,
 * so the file on disk is complete on its own (for a user copying it or backing it up).
 */
export function closeLibraryDatabase(db: Database.Database): void {
  if (!db.open) return;
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

/** `PRAGMA quick_check`: catches damaged pages and indexes in O(N) without the full integrity check. */
function runQuickCheck(db: Database.Database, filePath: string): void {
  const rows = db.prepare<[], { quick_check: string }>('PRAGMA quick_check').all();
  const problems = rows.map((row) => row.quick_check).filter((message) => message !== 'ok');
  if (problems.length > 0) {
    const shown = problems.slice(0, 3).join('; ');
    const more = problems.length > 3 ? ` (and ${problems.length - 3} more problems)` : '';
    throw corruptError(filePath, `${shown}${more}`);
  }
}

function corruptError(filePath: string, detail: string): AppError {
  return new AppError(
    'internal',
    `The library "${filePath}" is corrupt (SQLite's check reported: ${detail}). ` +
      'Journey Studio did not change it. Restore it from a backup, or move it aside to start a new library.',
  );
}

/** Turns SQLite's terse codes for unusable files into messages a user can act on. */
function translateOpenError(error: unknown, filePath: string): unknown {
  if (error instanceof AppError) return error;
  if (error instanceof Database.SqliteError) {
    if (error.code === 'SQLITE_NOTADB') {
      return new AppError(
        'internal',
        `"${filePath}" is not a Journey Studio library: SQLite says the file is not a database ` +
          '(it may be damaged or a different kind of file). Journey Studio did not change it.',
      );
    }
    if (error.code.startsWith('SQLITE_CORRUPT')) return corruptError(filePath, error.message);
  }
  return error;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
