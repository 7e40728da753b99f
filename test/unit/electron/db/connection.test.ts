import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { AppError } from '../../../../shared/api/result';
import { closeLibraryDatabase, openLibraryDatabase } from '../../../../electron/db/connection';
import { JourneyRepository } from '../../../../electron/db/journey-repository';
import { MIGRATIONS } from '../../../../electron/db/migrations/index';
import { DatabaseTooNewError } from '../../../../electron/db/migrator';
import { hashFile, makeTempFolder, openTempLibrary } from '../../../helpers/temp-db';

const LATEST = MIGRATIONS.length;
const TABLES = [
  'aggregate_values',
  'comments',
  'datasets',
  'departments',
  'edges',
  'import_presets',
  'journey_analysis_settings',
  'journey_metrics',
  'journeys',
  'nodes',
  'personas',
  'response_groups',
  'score_days',
  'snapshots',
  'stages',
];

function tempFolder() {
  const folder = makeTempFolder();
  onTestFinished(folder.cleanup);
  return folder;
}

/** Schema text as SQLite stores it: equal snapshots mean nothing was created, altered or dropped. */
function schemaOf(db: Database.Database): string[] {
  return db
    .prepare<[], string>(
      "SELECT type || ' ' || name || ': ' || ifnull(sql, '') FROM sqlite_schema ORDER BY name",
    )
    .pluck()
    .all();
}

function backupsIn(dir: string): string[] {
  return fs.readdirSync(dir).filter((name) => name.includes('.backup-'));
}

async function captureError(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

describe('openLibraryDatabase', () => {
  it('creates a fresh library at the newest schema version with WAL, full sync and foreign keys', async () => {
    const { db, cleanup } = await openTempLibrary();
    onTestFinished(cleanup);

    expect(db.pragma('user_version', { simple: true })).toBe(LATEST);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // 2 = FULL
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);

    const tables = db
      .prepare<[], { name: string; strict: number }>(
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all();
    expect(tables.map((t) => t.name)).toEqual(TABLES);
    expect(tables.every((t) => t.strict === 1)).toBe(true);
  });

  it('creates missing parent folders and makes no backup of a new database', async () => {
    const folder = tempFolder();
    const file = path.join(folder.dir, 'nested', 'deeper', 'library.sqlite');
    const db = await openLibraryDatabase(file);
    onTestFinished(() => closeLibraryDatabase(db));

    expect(fs.existsSync(file)).toBe(true);
    expect(backupsIn(path.dirname(file))).toEqual([]);
  });

  it('reopening an up-to-date library changes nothing and keeps the data', async () => {
    const folder = tempFolder();
    const file = folder.file();
    const first = await openLibraryDatabase(file);
    const created = new JourneyRepository(first).create({ name: 'Online store' });
    const schemaBefore = schemaOf(first);
    closeLibraryDatabase(first);
    const hashBefore = hashFile(file);

    const second = await openLibraryDatabase(file);
    onTestFinished(() => closeLibraryDatabase(second));

    expect(second.pragma('user_version', { simple: true })).toBe(LATEST);
    expect(schemaOf(second)).toEqual(schemaBefore);
    expect(new JourneyRepository(second).list().map((j) => j.id)).toEqual([created.id]);
    expect(backupsIn(folder.dir)).toEqual([]);
    // No migration ran, so the checkpointed main file was not rewritten.
    expect(hashFile(file)).toBe(hashBefore);
  });

  it('closeLibraryDatabase checkpoints the WAL into the main file and closes', async () => {
    const folder = tempFolder();
    const file = folder.file();
    const db = await openLibraryDatabase(file);
    new JourneyRepository(db).create({ name: 'Checkpointed' });
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);

    closeLibraryDatabase(db);
    expect(db.open).toBe(false);
    const walLeft = fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0;
    expect(walLeft).toBe(0);
    closeLibraryDatabase(db); // closing twice is harmless

    // The data is in the main file alone: read it without the WAL.
    const raw = new Database(file, { readonly: true });
    onTestFinished(() => {
      raw.close();
    });
    expect(raw.prepare<[], string>('SELECT name FROM journeys').pluck().all()).toEqual(['Checkpointed']);
  });

  it('refuses a library written by a newer version and leaves the file byte-identical', async () => {
    const folder = tempFolder();
    const file = folder.file();
    closeLibraryDatabase(await openLibraryDatabase(file));
    // A rollback-journal file, so that switching it to WAL before the version check would show
    // up as a changed header.
    const raw = new Database(file);
    raw.pragma('journal_mode = DELETE');
    raw.pragma('user_version = 99');
    raw.close();
    const hashBefore = hashFile(file);

    const error = await captureError(openLibraryDatabase(file));

    expect(error).toBeInstanceOf(DatabaseTooNewError);
    expect(error).toBeInstanceOf(AppError);
    const tooNew = error as DatabaseTooNewError;
    expect(tooNew.code).toBe('internal');
    expect(tooNew.fileVersion).toBe(99);
    expect(tooNew.knownVersion).toBe(LATEST);
    expect(tooNew.message).toContain('newer version of Journey Studio');
    expect(tooNew.message).toContain('schema version 99');
    expect(tooNew.message).toContain(`knows up to version ${LATEST}`);
    expect(tooNew.message).toContain('update Journey Studio');
    expect(tooNew.message).toContain('left untouched');
    expect(hashFile(file)).toBe(hashBefore);
    expect(backupsIn(folder.dir)).toEqual([]);
  });

  it('refuses a file that is not a database with a clear message and does not change it', async () => {
    const folder = tempFolder();
    const file = folder.file();
    fs.writeFileSync(file, randomBytes(8192));
    const hashBefore = hashFile(file);

    const error = await captureError(openLibraryDatabase(file));

    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('internal');
    expect((error as AppError).message).toContain('not a Journey Studio library');
    expect((error as AppError).message).toContain('not a database');
    expect((error as AppError).message).toContain(file);
    expect((error as AppError).message).toContain('did not change it');
    expect(hashFile(file)).toBe(hashBefore);
  });

  it('refuses a library whose pages are damaged (quick_check) and does not change it', async () => {
    const folder = tempFolder();
    const file = folder.file();
    const db = await openLibraryDatabase(file);
    const repo = new JourneyRepository(db);
    const journey = repo.create({ name: 'Big map' });
    // Enough rows that the nodes table spans several pages, so its root is an interior page.
    repo.applyChanges({
      journeyId: journey.id,
      baseRevision: 0,
      changes: Array.from({ length: 400 }, (_, i) => ({
        op: 'node.add' as const,
        value: {
          id: `pain-${i}`,
          kind: 'painpoint' as const,
          x: i,
          y: i,
          stageId: null,
          departmentId: null,
          name: `Pain point number ${i}`,
          description: 'x'.repeat(40),
          severity: 'low' as const,
          evidence: '',
          status: 'open' as const,
          votes: 0,
        },
      })),
    });
    const rootPage = db
      .prepare<[], number>("SELECT rootpage FROM sqlite_schema WHERE name = 'nodes'")
      .pluck()
      .get();
    const pageSize = db.pragma('page_size', { simple: true });
    closeLibraryDatabase(db);
    if (rootPage === undefined || typeof pageSize !== 'number') throw new Error('no nodes table');

    const bytes = fs.readFileSync(file);
    bytes.fill(0xab, (rootPage - 1) * pageSize + 8, (rootPage - 1) * pageSize + 72);
    fs.writeFileSync(file, bytes);
    const hashBefore = hashFile(file);

    const error = await captureError(openLibraryDatabase(file));

    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('internal');
    expect((error as AppError).message).toContain(`"${file}" is corrupt`);
    expect((error as AppError).message).toContain('did not change it');
    expect(hashFile(file)).toBe(hashBefore);
  });
});
