import { setImmediate as nextMacrotask } from 'node:timers/promises';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiBridge, ApiMethod } from '../../../../shared/api/contract';
import { dispatch } from '../../../../shared/api/dispatch';
import type { Result } from '../../../../shared/api/result';
import type { ChangeSet } from '../../../../shared/domain/change-set';
import type { JourneyRepository } from '../../../../electron/db/journey-repository';
import { createApiClient } from '../../../../renderer/src/api/client';
import {
  HISTORY_LIMIT,
  backoffDelay,
  createDocumentStore,
  saveStatusOf,
  type DocumentStore,
  type SaveStatus,
} from '../../../../renderer/src/state/document-store';
import {
  addStage,
  addTouchpoint,
  deleteSelection,
  moveNodes,
} from '../../../../renderer/src/state/map-edits';
import { EMPTY_SELECTION, stageSelectionId } from '../../../../renderer/src/state/ui-store';
import { comparable, openSampleMap, prng } from './journey-fixtures';
import { gesture, stepArbitrary } from './random-gestures';
import { nodeLabel } from '../../../../shared/domain/journey';

/**
 * The document store against the real API: the handler table over a temp library, reached through
 * a bridge that calls the dispatcher in process, which is exactly what both transports carry.
 * Only the saver's timers are faked; the database is real.
 */

type Invoke = (method: ApiMethod, args: unknown) => Promise<Result<unknown>>;

interface Harness {
  repo: JourneyRepository;
  id: string;
  store: DocumentStore;
  /** Every `journeys.applyChanges` the store made, with its change set, in order. */
  saves: ChangeSet[];
  /** Statuses the store went through, without repeats. */
  statuses: SaveStatus[];
  expectStoredEqualsLocal(): void;
}

/**
 * A store on a fresh sample map. `intercept` sees each applyChanges call (its number from 1) and
 * may answer it instead of the API, or return undefined to let it through.
 */
async function setup(
  intercept?: (
    call: number,
    args: unknown,
    pass: () => Promise<Result<unknown>>,
  ) => Promise<Result<unknown>> | undefined,
): Promise<Harness> {
  const map = await openSampleMap();
  const { repo, id } = map;
  const handlers = map.handlers();
  const saves: ChangeSet[] = [];
  const real: Invoke = (method, args) => dispatch(handlers, method, args);
  const invoke: Invoke = (method, args) => {
    if (method !== 'journeys.applyChanges') return real(method, args);
    saves.push(structuredClone(args) as ChangeSet);
    const pass = () => real(method, args);
    return intercept?.(saves.length, args, pass) ?? pass();
  };
  const bridge = { invoke, on: () => () => {} } as unknown as ApiBridge;
  const store = createDocumentStore(createApiClient(bridge), { debounceMs: 250 });
  await store.getState().load(id);
  expect(store.getState().loadState).toBe('ready');

  const statuses: SaveStatus[] = [saveStatusOf(store.getState())];
  store.subscribe((state) => {
    const status = saveStatusOf(state);
    if (statuses.at(-1) !== status) statuses.push(status);
  });
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  return {
    repo,
    id,
    store,
    saves,
    statuses,
    expectStoredEqualsLocal() {
      const stored = repo.get(id);
      const local = store.getState().doc!;
      expect(comparable(local)).toEqual(comparable(stored));
      expect(store.getState().confirmedRevision).toBe(stored.journey.revision);
      expect(local.journey.revision).toBe(stored.journey.revision);
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
});

/** Lets every pending promise run (the in-process API answers within microtasks). */
const settle = () => nextMacrotask();

const status = (store: DocumentStore) => saveStatusOf(store.getState());

/** A controllable promise, to hold an API answer back. */
function deferred() {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}

const internalError: Result<unknown> = {
  ok: false,
  error: { code: 'internal', message: 'The disk is busy.' },
};

describe('the document store', () => {
  it('loads the map as stored', async () => {
    const h = await setup();
    expect(status(h.store)).toBe('saved');
    expect(h.store.getState().hasPendingWrites()).toBe(false);
    h.expectStoredEqualsLocal();
  });

  it('shows an edit at once and calls it saved only after the API has answered', async () => {
    const gate = deferred();
    const h = await setup((_call, _args, pass) => gate.promise.then(pass));
    const { store } = h;
    const stage = addStage(store.getState().doc!);
    store.getState().apply(stage.changes);

    // Shown at once, not sent yet.
    expect(store.getState().doc!.stages.some((s) => s.id === stage.id)).toBe(true);
    expect(status(store)).toBe('unsaved');
    await vi.advanceTimersByTimeAsync(249);
    expect(h.saves).toHaveLength(0);

    // Sent after the quiet time, but held back by the API: saving, not saved.
    await vi.advanceTimersByTimeAsync(1);
    expect(h.saves).toHaveLength(1);
    expect(status(store)).toBe('saving');
    expect(store.getState().hasPendingWrites()).toBe(true);
    await settle();
    expect(status(store)).toBe('saving');
    expect(h.repo.get(h.id).stages.some((s) => s.id === stage.id)).toBe(false);

    gate.release();
    await settle();
    expect(status(store)).toBe('saved');
    expect(h.statuses).toEqual(['saved', 'unsaved', 'saving', 'saved']);
    expect(h.saves[0]).toMatchObject({ journeyId: h.id, baseRevision: 0, changes: stage.changes });
    h.expectStoredEqualsLocal();
    expect(store.getState().confirmedRevision).toBe(1);
  });

  it('sends a burst of edits as one call, one op per item', async () => {
    const h = await setup();
    const { store } = h;
    const card = store.getState().doc!.nodes[0]!;
    // A drag: sixty pointer moves, 16 ms apart, then a rename.
    for (let i = 1; i <= 60; i++) {
      const doc = store.getState().doc!;
      store.getState().apply(moveNodes(doc, [{ id: card.id, x: card.x + i, y: card.y + i / 2 }]));
      await vi.advanceTimersByTimeAsync(16);
    }
    store.getState().apply([{ op: 'touchpoint.update', id: card.id, fields: { name: 'Dragged' } }]);
    expect(h.saves).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(250);
    await settle();

    expect(h.saves).toHaveLength(1);
    expect(h.saves[0]!.changes).toEqual([
      {
        op: 'touchpoint.update',
        id: card.id,
        fields: {
          x: card.x + 60,
          y: card.y + 30,
          stageId: card.stageId,
          departmentId: card.departmentId,
          name: 'Dragged',
        },
      },
    ]);
    expect(status(store)).toBe('saved');
    h.expectStoredEqualsLocal();
  });

  it('holds edits made during a save for the next call, with at most one call in flight', async () => {
    const gates = [deferred(), deferred()];
    let inFlight = 0;
    let maxInFlight = 0;
    const h = await setup(async (call, _args, pass) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await gates[call - 1]?.promise;
      const result = await pass();
      inFlight--;
      return result;
    });
    const { store } = h;
    const first = addTouchpoint(store.getState().doc!, EMPTY_SELECTION);
    store.getState().apply(first.changes);
    await vi.advanceTimersByTimeAsync(250);
    expect(h.saves).toHaveLength(1);

    // Edits while the first call is out: queued, not sent, however long the wait.
    for (let i = 0; i < 5; i++) {
      store.getState().apply([{ op: 'touchpoint.update', id: first.id, fields: { emotion: (i % 5) - 2 } }]);
      await vi.advanceTimersByTimeAsync(300);
    }
    expect(h.saves).toHaveLength(1);
    expect(store.getState().queue).toHaveLength(1);

    gates[0]!.release();
    await settle();
    await vi.advanceTimersByTimeAsync(250);
    gates[1]!.release();
    await settle();
    expect(h.saves).toHaveLength(2);
    expect(h.saves[1]).toMatchObject({
      baseRevision: 1,
      changes: [{ op: 'touchpoint.update', id: first.id, fields: { emotion: 2 } }],
    });
    expect(maxInFlight).toBe(1);
    expect(status(store)).toBe('saved');
    h.expectStoredEqualsLocal();
  });

  it('keeps the edits through failed saves and retries with backoff until they land', async () => {
    const failures = 3;
    const h = await setup((call) => (call <= failures ? Promise.resolve(internalError) : undefined));
    const { store } = h;
    const added = addTouchpoint(store.getState().doc!, EMPTY_SELECTION);
    store.getState().apply(added.changes);
    await vi.advanceTimersByTimeAsync(250);
    await settle();
    expect(h.saves).toHaveLength(1);
    expect(status(store)).toBe('error');
    expect(store.getState()).toMatchObject({
      saveError: 'The disk is busy.',
      retryAttempt: 1,
      inFlight: null,
    });
    expect(store.getState().queue).toEqual(added.changes);

    // An edit during the failure joins the queue (merged into the add) and waits for the retry.
    store.getState().apply([{ op: 'touchpoint.update', id: added.id, fields: { name: 'Kept' } }]);
    expect(store.getState().queue).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(backoffDelay(1) - 1);
    expect(h.saves).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect(h.saves).toHaveLength(2);
    expect(store.getState().retryAttempt).toBe(2);

    await vi.advanceTimersByTimeAsync(backoffDelay(2));
    await settle();
    expect(h.saves).toHaveLength(3);
    expect(status(store)).toBe('error');
    expect(h.repo.get(h.id).nodes.some((n) => n.id === added.id)).toBe(false);

    await vi.advanceTimersByTimeAsync(backoffDelay(3));
    await settle();
    expect(h.saves).toHaveLength(4);
    expect(store.getState()).toMatchObject({ saveError: null, retryAttempt: 0, queue: [], inFlight: null });
    expect(status(store)).toBe('saved');
    // Every attempt was based on the same revision; the retries carried the rename merged in.
    expect(h.saves.map((save) => save.baseRevision)).toEqual([0, 0, 0, 0]);
    expect(h.saves[0]!.changes).toEqual(added.changes);
    const [add] = added.changes;
    const merged = { ...add, value: { ...(add as { value: object }).value, name: 'Kept' } };
    for (const save of h.saves.slice(1)) expect(save.changes).toEqual([merged]);
    expect(h.repo.get(h.id).nodes.find((n) => n.id === added.id)).toMatchObject({ name: 'Kept' });
    h.expectStoredEqualsLocal();
  });

  it('backs off 1 s, 2 s, 4 s … up to 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(backoffDelay)).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
  });

  it('retries at once on "Retry now", and treats a transport that throws like a failed save', async () => {
    const h = await setup((call) => (call === 1 ? Promise.reject(new Error('socket hang up')) : undefined));
    const { store } = h;
    store.getState().apply(addStage(store.getState().doc!).changes);
    await vi.advanceTimersByTimeAsync(250);
    await settle();
    expect(store.getState()).toMatchObject({ saveError: 'socket hang up', retryAttempt: 1 });

    store.getState().retryNow();
    await settle();
    expect(h.saves).toHaveLength(2);
    expect(status(store)).toBe('saved');
    h.expectStoredEqualsLocal();
    // The backoff timer was cancelled: nothing more is sent.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(h.saves).toHaveLength(2);
  });

  it('stops at a conflict and overwrites nothing', async () => {
    const h = await setup();
    const { store, repo, id } = h;
    const stage = store.getState().doc!.stages[0]!;
    // Another window renames the stage behind this store's back.
    repo.applyChanges({
      journeyId: id,
      baseRevision: 0,
      changes: [{ op: 'stage.update', id: stage.id, fields: { name: 'Renamed elsewhere' } }],
    });
    const storedBefore = repo.get(id);

    store.getState().apply([{ op: 'stage.update', id: stage.id, fields: { name: 'Renamed here' } }]);
    await vi.advanceTimersByTimeAsync(250);
    await settle();
    expect(h.saves).toHaveLength(1);
    expect(store.getState().conflict).toMatch(/has changed since revision 0/);
    expect(store.getState().queue).toEqual([
      { op: 'stage.update', id: stage.id, fields: { name: 'Renamed here' } },
    ]);
    expect(store.getState().hasPendingWrites()).toBe(true);

    // Later edits stay local: no call is made, not even by flush or after any wait.
    store.getState().apply(addStage(store.getState().doc!).changes);
    await store.getState().flush();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(h.saves).toHaveLength(1);
    expect(repo.get(id)).toEqual(storedBefore);
    expect(repo.get(id).stages.find((s) => s.id === stage.id)!.name).toBe('Renamed elsewhere');

    // Reloading takes the stored map and clears the conflict.
    await store.getState().reload();
    expect(store.getState()).toMatchObject({ conflict: null, queue: [], loadState: 'ready' });
    h.expectStoredEqualsLocal();
  });

  it('flush() resolves once everything is written', async () => {
    const h = await setup();
    const { store } = h;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const added = addTouchpoint(store.getState().doc!, EMPTY_SELECTION);
      store.getState().apply(added.changes);
      ids.push(added.id);
    }
    const flushing = store.getState().flush();
    // More edits while the first call is out.
    store.getState().apply([{ op: 'touchpoint.update', id: ids[0]!, fields: { name: 'Last word' } }]);
    await flushing;

    expect(store.getState().hasPendingWrites()).toBe(false);
    expect(status(store)).toBe('saved');
    const stored = h.repo.get(h.id);
    expect(ids.every((id) => stored.nodes.some((n) => n.id === id))).toBe(true);
    expect(nodeLabel(stored.nodes.find((n) => n.id === ids[0])!)).toBe('Last word');
    expect(h.saves).toHaveLength(2);
    h.expectStoredEqualsLocal();
    // Nothing left for the debounce timer to send.
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.saves).toHaveLength(2);
  });

  it('keeps unsaved edits when another map is asked for while saves fail', async () => {
    const h = await setup((call) => (call <= 2 ? Promise.resolve(internalError) : undefined));
    const { store } = h;
    const other = h.repo.create({ name: 'Other map' });
    const added = addTouchpoint(store.getState().doc!, EMPTY_SELECTION);
    store.getState().apply(added.changes);

    await store.getState().load(other.id);
    expect(store.getState().journeyId).toBe(h.id);
    expect(store.getState().blockedSwitch).toEqual({ wantedId: other.id, reason: 'The disk is busy.' });
    expect(store.getState().queue).toEqual(added.changes);

    store.getState().retryNow();
    await settle();
    expect(h.saves).toHaveLength(2);
    await store.getState().load(other.id);
    expect(h.saves).toHaveLength(3);
    expect(h.repo.get(h.id).nodes.some((n) => n.id === added.id)).toBe(true);
    expect(store.getState()).toMatchObject({ journeyId: other.id, loadState: 'ready', blockedSwitch: null });
  });
});

describe('undo and redo in the document store', () => {
  const flags = (store: DocumentStore) => {
    const { canUndo, canRedo } = store.getState();
    return { canUndo, canRedo };
  };

  it('undoes and redoes a gesture, with flags that say what is possible', async () => {
    const h = await setup();
    const { store } = h;
    const initial = store.getState().doc!;
    expect(flags(store)).toEqual({ canUndo: false, canRedo: false });
    expect(store.getState().undo()).toBe(false);
    expect(store.getState().redo()).toBe(false);

    const card = initial.nodes[0]!;
    store.getState().apply(moveNodes(initial, [{ id: card.id, x: card.x + 40, y: card.y + 8 }]));
    const moved = store.getState().doc!;
    expect(flags(store)).toEqual({ canUndo: true, canRedo: false });

    expect(store.getState().undo()).toBe(true);
    expect(comparable(store.getState().doc!)).toEqual(comparable(initial));
    expect(flags(store)).toEqual({ canUndo: false, canRedo: true });

    expect(store.getState().redo()).toBe(true);
    expect(comparable(store.getState().doc!)).toEqual(comparable(moved));
    expect(flags(store)).toEqual({ canUndo: true, canRedo: false });
  });

  it('records nothing for a gesture that changed nothing, and keeps what can be redone', async () => {
    const h = await setup();
    const { store } = h;
    const stage = store.getState().doc!.stages[0]!;
    store.getState().apply([{ op: 'stage.update', id: stage.id, fields: { name: 'Seen' } }]);
    store.getState().undo();
    store.getState().apply([{ op: 'stage.update', id: stage.id, fields: { name: stage.name } }]);
    expect(store.getState().undoStack).toHaveLength(0);
    expect(flags(store)).toEqual({ canUndo: false, canRedo: true });
  });

  it('saves an undo and a redo: the database follows, a stage deleted with its cards comes back', async () => {
    const h = await setup();
    const { store, repo, id } = h;
    const initial = store.getState().doc!;
    const retention = initial.stages.find((s) => s.name === 'Retention')!;
    const plan = deleteSelection(initial, { nodes: [stageSelectionId(retention.id)], edges: [] });
    store.getState().apply(plan.changes);
    await vi.advanceTimersByTimeAsync(250);
    await settle();
    expect(repo.get(id).stages.some((s) => s.id === retention.id)).toBe(false);
    h.expectStoredEqualsLocal();

    store.getState().undo();
    expect(status(store)).toBe('unsaved');
    await vi.advanceTimersByTimeAsync(250);
    await settle();
    expect(status(store)).toBe('saved');
    expect(comparable(repo.get(id))).toEqual(comparable(initial));
    h.expectStoredEqualsLocal();

    store.getState().redo();
    await vi.advanceTimersByTimeAsync(250);
    await settle();
    expect(repo.get(id).stages.some((s) => s.id === retention.id)).toBe(false);
    h.expectStoredEqualsLocal();
    // Three gestures, three change sets: the deletion, its undo and its redo.
    expect(h.saves).toHaveLength(3);
  });

  it('undoes 250 gestures back to the map as loaded, and the database with it', async () => {
    const h = await setup();
    const { store, repo, id } = h;
    const initial = store.getState().doc!;
    const random = prng(7);
    let gestures = 0;
    while (gestures < 250) {
      const before = store.getState().undoStack.length;
      const kind = random.pick([
        'moveNodes',
        'rename',
        'addTouchpoint',
        'connect',
        'editTouchpoint',
      ] as const)!;
      store.getState().apply(gesture(kind, store.getState().doc!, random));
      if (store.getState().undoStack.length > before) gestures++;
      // Saved now and then along the way, as the debounce would.
      if (random.next() < 0.1) await store.getState().flush();
    }
    await store.getState().flush();
    h.expectStoredEqualsLocal();

    let undone = 0;
    while (store.getState().undo()) undone++;
    expect(undone).toBe(250);
    expect(comparable(store.getState().doc!)).toEqual(comparable(initial));
    expect(flags(store)).toEqual({ canUndo: false, canRedo: true });
    await store.getState().flush();
    expect(comparable(repo.get(id))).toEqual(comparable(initial));
    h.expectStoredEqualsLocal();
  });

  it(`keeps the last ${HISTORY_LIMIT} gestures, dropping the oldest`, async () => {
    const h = await setup();
    const { store } = h;
    const stage = store.getState().doc!.stages[0]!;
    for (let i = 1; i <= HISTORY_LIMIT + 20; i++) {
      store.getState().apply([{ op: 'stage.update', id: stage.id, fields: { name: `Name ${i}` } }]);
    }
    expect(store.getState().undoStack).toHaveLength(HISTORY_LIMIT);
    let undone = 0;
    while (store.getState().undo()) undone++;
    expect(undone).toBe(HISTORY_LIMIT);
    expect(store.getState().doc!.stages[0]!.name).toBe('Name 20');
  });

  it('clears what can be redone on a new edit', async () => {
    const h = await setup();
    const { store } = h;
    const stage = store.getState().doc!.stages[0]!;
    store.getState().apply([{ op: 'stage.update', id: stage.id, fields: { name: 'A' } }]);
    store.getState().apply([{ op: 'stage.update', id: stage.id, fields: { name: 'B' } }]);
    store.getState().undo();
    expect(flags(store)).toEqual({ canUndo: true, canRedo: true });
    store.getState().apply([{ op: 'stage.update', id: stage.id, fields: { name: 'C' } }]);
    expect(flags(store)).toEqual({ canUndo: true, canRedo: false });
    expect(store.getState().redo()).toBe(false);
    store.getState().undo();
    expect(store.getState().doc!.stages[0]!.name).toBe('A');
  });

  it('starts a fresh history when another map loads, and after a reload', async () => {
    const h = await setup();
    const { store, repo, id } = h;
    const other = repo.create({ name: 'Other map' });
    store.getState().apply(addStage(store.getState().doc!).changes);
    store.getState().apply(addStage(store.getState().doc!).changes);
    store.getState().undo();
    expect(flags(store)).toEqual({ canUndo: true, canRedo: true });

    await store.getState().load(other.id);
    expect(store.getState().journeyId).toBe(other.id);
    expect(flags(store)).toEqual({ canUndo: false, canRedo: false });
    expect(store.getState().undo()).toBe(false);

    await store.getState().load(id);
    expect(flags(store)).toEqual({ canUndo: false, canRedo: false });
    store.getState().apply(addStage(store.getState().doc!).changes);
    expect(flags(store)).toEqual({ canUndo: true, canRedo: false });
    await store.getState().flush();
    await store.getState().reload();
    expect(flags(store)).toEqual({ canUndo: false, canRedo: false });
    expect(store.getState().undoStack).toEqual([]);
  });

  it('is off while a conflict stops the saver', async () => {
    const h = await setup();
    const { store, repo, id } = h;
    const stage = store.getState().doc!.stages[0]!;
    store.getState().apply([{ op: 'stage.update', id: stage.id, fields: { name: 'Before' } }]);
    await vi.advanceTimersByTimeAsync(250);
    await settle();
    repo.applyChanges({
      journeyId: id,
      baseRevision: 1,
      changes: [{ op: 'stage.update', id: stage.id, fields: { goal: 'Changed elsewhere' } }],
    });
    store.getState().apply([{ op: 'stage.update', id: stage.id, fields: { name: 'Here' } }]);
    await vi.advanceTimersByTimeAsync(250);
    await settle();
    expect(store.getState().conflict).not.toBeNull();
    expect(flags(store)).toEqual({ canUndo: false, canRedo: false });
    expect(store.getState().undo()).toBe(false);
    expect(store.getState().doc!.stages[0]!.name).toBe('Here');

    await store.getState().reload();
    expect(store.getState().conflict).toBeNull();
    expect(flags(store)).toEqual({ canUndo: false, canRedo: false });
  });

  it('random sessions of gestures, undos and redos: the database after a reload equals the document', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ step: stepArbitrary, save: fc.boolean() }), { minLength: 1, maxLength: 40 }),
        async (session) => {
          const h = await setup();
          const { store } = h;
          const initial = store.getState().doc!;
          for (const { step, save } of session) {
            const state = store.getState();
            if (step.kind === 'undo') state.undo();
            else if (step.kind === 'redo') state.redo();
            else state.apply(gesture(step.kind, state.doc!, prng(step.seed)));
            // Saved at random points: several steps coalesce into one change set in between.
            if (save) await store.getState().flush();
          }
          const final = store.getState().doc!;
          let undone = 0;
          while (store.getState().undo()) undone++;
          expect(comparable(store.getState().doc!)).toEqual(comparable(initial));
          await store.getState().flush();
          h.expectStoredEqualsLocal();
          for (let i = 0; i < undone; i++) expect(store.getState().redo()).toBe(true);
          expect(comparable(store.getState().doc!)).toEqual(comparable(final));
          await store.getState().flush();
          h.expectStoredEqualsLocal();

          await store.getState().reload();
          expect(comparable(store.getState().doc!)).toEqual(comparable(final));
        },
      ),
      { numRuns: 20 },
    );
  });
});
