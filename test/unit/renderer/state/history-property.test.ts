import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ApiBridge, ApiMethod } from '../../../../shared/api/contract';
import { dispatch } from '../../../../shared/api/dispatch';
import type { Result } from '../../../../shared/api/result';
import { closeLibraryDatabase, openLibraryDatabase } from '../../../../electron/db/connection';
import { JourneyRepository } from '../../../../electron/db/journey-repository';
import { createApiClient } from '../../../../renderer/src/api/client';
import { HISTORY_LIMIT, createDocumentStore } from '../../../../renderer/src/state/document-store';
import { comparable, openSampleMap, prng } from './journey-fixtures';
import { GESTURES, gesture, type GestureKind } from './random-gestures';

/**
 * Property tests of the history over the real stack: the document store saving through the API's
 * dispatcher into a SQLite file. Random sessions of map commands (add, move, delete, update,
 * connect, align, tidy, paste, stage and lane edits), then:
 *  - undo everything: the map as it was loaded;
 *  - redo everything: the map as the session left it;
 *  - the library file, opened again with a new connection and a new repository, holds exactly the
 *    document the store holds.
 */

async function session() {
  const map = await openSampleMap();
  const handlers = map.handlers();
  const invoke = (method: ApiMethod, args: unknown): Promise<Result<unknown>> =>
    dispatch(handlers, method, args);
  const bridge = { invoke, on: () => () => {} } as unknown as ApiBridge;
  const store = createDocumentStore(createApiClient(bridge), { debounceMs: 60_000 });
  await store.getState().load(map.id);
  return { ...map, store };
}

/** The map as a fresh connection reads it from the file: what the user gets after a restart. */
async function storedInFile(file: string, id: string) {
  const db = await openLibraryDatabase(file);
  try {
    return new JourneyRepository(db).get(id);
  } finally {
    closeLibraryDatabase(db);
  }
}

type Store = Awaited<ReturnType<typeof session>>['store'];

/** Plays gestures; returns how many became history steps. Saves now and then, as the saver would. */
async function play(store: Store, steps: readonly { kind: GestureKind; seed: number; save: boolean }[]) {
  let recorded = 0;
  for (const { kind, seed, save } of steps) {
    const before = store.getState().undoStack.length;
    store.getState().apply(gesture(kind, store.getState().doc!, prng(seed)));
    if (store.getState().undoStack.length > before) recorded++;
    if (save) await store.getState().flush();
  }
  return recorded;
}

const stepsArbitrary = (minLength: number, maxLength: number) =>
  fc.array(fc.record({ kind: fc.constantFrom(...GESTURES), seed: fc.integer(), save: fc.boolean() }), {
    minLength,
    maxLength,
  });

async function undoRedoAndReopen(
  map: Awaited<ReturnType<typeof session>>,
  initial: ReturnType<typeof comparable>,
  recorded: number,
) {
  const { store, repo, id, file } = map;
  const final = comparable(store.getState().doc!);

  let undone = 0;
  while (store.getState().undo()) undone++;
  expect(undone).toBe(recorded);
  expect(comparable(store.getState().doc!)).toEqual(initial);
  await store.getState().flush();
  expect(comparable(repo.get(id))).toEqual(initial);

  for (let i = 0; i < undone; i++) expect(store.getState().redo()).toBe(true);
  expect(store.getState().redo()).toBe(false);
  expect(comparable(store.getState().doc!)).toEqual(final);
  await store.getState().flush();
  expect(store.getState().hasPendingWrites()).toBe(false);

  // The file as another process (or the app after a restart) reads it.
  map.close();
  expect(comparable(await storedInFile(file, id))).toEqual(comparable(store.getState().doc!));
}

describe('history over the real library, property-based', () => {
  it('random command sessions: undo all gives the loaded map, redo all the final one, the file equals the document', async () => {
    await fc.assert(
      fc.asyncProperty(stepsArbitrary(1, 60), async (steps) => {
        const map = await session();
        const initial = comparable(map.store.getState().doc!);
        const recorded = await play(map.store, steps);
        await undoRedoAndReopen(map, initial, recorded);
      }),
      { numRuns: 25 },
    );
  });

  it('holds at least 200 steps: long sessions undo all the way back and redo all the way forward', async () => {
    expect(HISTORY_LIMIT).toBeGreaterThanOrEqual(200);
    await fc.assert(
      fc.asyncProperty(stepsArbitrary(230, 260), async (steps) => {
        const map = await session();
        const initial = comparable(map.store.getState().doc!);
        // Gestures that change nothing are no steps: play on until 200 were recorded.
        let recorded = await play(map.store, steps);
        for (let seed = 1; recorded < 200; seed++) {
          recorded += await play(map.store, [{ kind: 'moveNodes', seed, save: seed % 10 === 0 }]);
        }
        expect(recorded).toBeGreaterThanOrEqual(200);
        expect(map.store.getState().undoStack).toHaveLength(recorded);
        await undoRedoAndReopen(map, initial, recorded);
      }),
      { numRuns: 3 },
    );
  });
});
