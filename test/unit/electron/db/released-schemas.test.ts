import { copyFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { closeLibraryDatabase, openLibraryDatabase } from '../../../../electron/db/connection';
import { JourneyRepository } from '../../../../electron/db/journey-repository';
import { latestVersion } from '../../../../electron/db/migrator';
import { MIGRATIONS } from '../../../../electron/db/migrations';
import { makeTempFolder, type TempFolder } from '../../../helpers/temp-db';

/**
 * One stored library per released schema version. A user's file written by any earlier release
 * must open in this one with every map intact. When a migration is added, add the fixture of the
 * version it upgrades from (test/fixtures/library-v<N>.sqlite, written by that release) below.
 */
const RELEASED = [{ version: 1, file: 'test/fixtures/library-v1.sqlite' }];

let folder: TempFolder | undefined;
afterEach(() => folder?.cleanup());

describe.each(RELEASED)('a library written by schema version $version', ({ version, file }) => {
  it('opens at the current version with its maps intact', async () => {
    folder = makeTempFolder();
    const copy = folder.file();
    copyFileSync(file, copy);
    const db = await openLibraryDatabase(copy);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(latestVersion(MIGRATIONS));
      expect(version).toBeLessThanOrEqual(latestVersion(MIGRATIONS));
      const journeys = new JourneyRepository(db);
      const names = journeys.list().map((j) => j.name);
      expect(names.sort()).toEqual(['Empty map', 'Online store purchase']);
      const sample = journeys.get(journeys.list().find((j) => j.name === 'Online store purchase')!.id);
      expect(sample.stages.map((s) => s.name)).toEqual([
        'Awareness',
        'Consideration',
        'Decision',
        'Retention',
        'Advocacy',
      ]);
      expect(sample.nodes.filter((n) => n.kind === 'touchpoint')).toHaveLength(15);
      expect(sample.nodes.filter((n) => n.kind === 'painpoint')).toHaveLength(6);
      expect(sample.edges).toHaveLength(20);
      expect(sample.personas[0]?.quote).toBe('I just want it to arrive right, the first time.');
    } finally {
      closeLibraryDatabase(db);
    }
  });
});
