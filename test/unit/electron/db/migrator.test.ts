import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { AppError } from '../../../../shared/api/result';
import { closeLibraryDatabase, openLibraryDatabase } from '../../../../electron/db/connection';
import { JourneyRepository } from '../../../../electron/db/journey-repository';
import { MIGRATIONS, type Migration } from '../../../../electron/db/migrations/index';
import {
  MigrationFailedError,
  backupPathFor,
  latestVersion,
  migrate,
} from '../../../../electron/db/migrator';
import { makeTempFolder } from '../../../helpers/temp-db';

const LATEST = MIGRATIONS.length;
const FIXED_NOW = new Date('2025-01-02T03:04:05.678Z');

function tempFolder() {
  const folder = makeTempFolder();
  onTestFinished(folder.cleanup);
  return folder;
}

/** Opens a raw connection (no pragmas, no migrations) to inspect a file as it is. */
function inspect(file: string) {
  const db = new Database(file, { readonly: true });
  onTestFinished(() => {
    db.close();
  });
  const tables = db
    .prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .pluck()
    .all();
  const journeys = db.prepare<[], string>('SELECT name FROM journeys ORDER BY name').pluck().all();
  return { version: db.pragma('user_version', { simple: true }), tables, journeys };
}

/** A library at the current newest version holding one journey named "Existing". */
async function existingLibrary(file: string): Promise<void> {
  const db = await openLibraryDatabase(file);
  new JourneyRepository(db).create({ name: 'Existing' });
  closeLibraryDatabase(db);
}

const addWidgets: Migration = {
  version: LATEST + 1,
  name: 'add-widgets',
  up(db) {
    db.exec('CREATE TABLE widgets (id TEXT PRIMARY KEY NOT NULL) STRICT');
  },
};

const failsMidway: Migration = {
  version: LATEST + 1,
  name: 'fails-midway',
  up(db) {
    db.exec('CREATE TABLE widgets (id TEXT PRIMARY KEY NOT NULL) STRICT');
    db.exec("UPDATE journeys SET name = 'changed by the failing migration'");
    throw new Error('simulated failure after creating a table');
  },
};

describe('migrate', () => {
  it('backs an existing library up with the backup API, then applies the pending migration', async () => {
    const folder = tempFolder();
    const file = folder.file();
    await existingLibrary(file);

    const db = await openLibraryDatabase(file, {
      migrations: [...MIGRATIONS, addWidgets],
      now: () => FIXED_NOW,
    });
    onTestFinished(() => closeLibraryDatabase(db));

    expect(db.pragma('user_version', { simple: true })).toBe(LATEST + 1);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'widgets'").get()).toBeDefined();

    const backup = `${file}.backup-v${LATEST}-2025-01-02T03-04-05-678Z.sqlite`;
    expect(fs.readdirSync(folder.dir).filter((name) => name.includes('.backup-'))).toEqual([
      `library.sqlite.backup-v${LATEST}-2025-01-02T03-04-05-678Z.sqlite`,
    ]);
    const copy = inspect(backup);
    expect(copy.version).toBe(LATEST);
    expect(copy.tables).not.toContain('widgets');
    expect(copy.journeys).toEqual(['Existing']);
  });

  it('rolls a failing migration back, leaves the previous version and keeps the backup', async () => {
    const folder = tempFolder();
    const file = folder.file();
    await existingLibrary(file);
    const tablesBefore = inspect(file).tables;

    let error: unknown;
    try {
      await openLibraryDatabase(file, { migrations: [...MIGRATIONS, failsMidway], now: () => FIXED_NOW });
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(MigrationFailedError);
    expect(error).toBeInstanceOf(AppError);
    const failure = error as MigrationFailedError;
    expect(failure.code).toBe('internal');
    expect(failure.migration).toEqual({ version: LATEST + 1, name: 'fails-midway' });
    expect(failure.message).toContain(`migration ${LATEST + 1} ("fails-midway") failed`);
    expect(failure.message).toContain('simulated failure after creating a table');
    expect(failure.message).toContain(`left at schema version ${LATEST}`);

    const after = inspect(file);
    expect(after.version).toBe(LATEST);
    expect(after.tables).toEqual(tablesBefore);
    expect(after.tables).not.toContain('widgets');
    expect(after.journeys).toEqual(['Existing']);

    const backup = backupPathFor(file, LATEST, FIXED_NOW);
    expect(fs.existsSync(backup)).toBe(true);
    expect(failure.message).toContain(backup);
    expect(inspect(backup).journeys).toEqual(['Existing']);

    // The app that knows only the released migrations still opens the file normally.
    const reopened = await openLibraryDatabase(file);
    onTestFinished(() => closeLibraryDatabase(reopened));
    expect(new JourneyRepository(reopened).list().map((j) => j.name)).toEqual(['Existing']);
  });

  it('runs migrations on a new database from version 0 without a backup', async () => {
    const folder = tempFolder();
    const file = folder.file();
    const db = new Database(file);
    onTestFinished(() => {
      db.close();
    });

    const outcome = await migrate(db, file, [...MIGRATIONS, addWidgets]);

    expect(outcome).toEqual({
      fromVersion: 0,
      toVersion: LATEST + 1,
      backupPath: null,
      applied: [...MIGRATIONS.map((m) => m.name), 'add-widgets'],
    });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST + 1);
    expect(fs.readdirSync(folder.dir).filter((name) => name.includes('.backup-'))).toEqual([]);
  });

  it('rejects a malformed migration list (gaps or wrong order)', () => {
    const gap: Migration = { ...addWidgets, version: LATEST + 2 };
    expect(() => latestVersion([...MIGRATIONS, gap])).toThrow(
      `has version ${LATEST + 2}, expected ${LATEST + 1}`,
    );
    expect(latestVersion(MIGRATIONS)).toBe(MIGRATIONS.length);
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });
});
