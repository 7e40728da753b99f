import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import {
  closeLibraryDatabase,
  openLibraryDatabase,
  type OpenLibraryOptions,
} from '../../electron/db/connection';

/**
 * Real SQLite files in throw-away folders: the data layer is never tested against a mock.
 * Each helper returns a `cleanup` that closes what it opened and removes the folder (closing
 * first matters on Windows, where an open file cannot be deleted).
 */

export interface TempFolder {
  dir: string;
  /** A path inside the folder; the file is not created. */
  file(name?: string): string;
  cleanup(): void;
}

export function makeTempFolder(): TempFolder {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'js-db-'));
  return {
    dir,
    file: (name = 'library.sqlite') => path.join(dir, name),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export interface TempLibrary {
  db: Database.Database;
  dir: string;
  file: string;
  cleanup(): void;
}

/** A fresh library database, migrated to the newest schema, in its own temp folder. */
export async function openTempLibrary(options: OpenLibraryOptions = {}): Promise<TempLibrary> {
  const folder = makeTempFolder();
  const file = folder.file();
  try {
    const db = await openLibraryDatabase(file, options);
    return {
      db,
      dir: folder.dir,
      file,
      cleanup: () => {
        closeLibraryDatabase(db);
        folder.cleanup();
      },
    };
  } catch (error) {
    folder.cleanup();
    throw error;
  }
}

/** SHA-256 of a file's bytes, to prove a refused file was not touched. */
export function hashFile(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}
