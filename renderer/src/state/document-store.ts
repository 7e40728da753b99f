import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Change } from '../../../shared/domain/change-set';
import type { JourneyDocument } from '../../../shared/domain/journey';
import type { ApiOutput } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import type { ApiClient } from '../api/client';
import { applyChanges } from './apply-change';
import { enqueueChanges } from './change-queue';
import { applyAndInvert } from './invert-changes';

/**
 * The open map and its saver.
 *
 * Every edit applies to `doc` at once and appends its ops to `queue`. The saver sends the whole
 * queue as ONE `journeys.applyChanges` call based on the last revision the API confirmed, with at
 * most one request in flight; ops made meanwhile wait in the queue (coalesced) for the next call.
 * A failed call puts its ops back in front of the queue, nothing dropped, and retries with backoff
 * (1 s, 2 s, 4 s … 30 s) or at once on "Retry now". A conflict stops the saver until the user
 * reloads the map.
 *
 * History: every user gesture is one `apply` call and one history entry, its ops and their inverse
 * (invert-changes.ts). Undo applies the inverse and redo the ops again, each as a normal edit: shown
 * at once, queued and saved, so the database follows. A new edit clears what could be redone. The
 * history belongs to the map open: loading a map (another one, or this one again after a conflict)
 * starts it afresh, and it is off while a conflict stops the saver.
 */

export type SaveStatus = 'saved' | 'saving' | 'unsaved' | 'error';

/** One user gesture: the ops it applied and the ops that take the map back to before it. */
export interface HistoryEntry {
  forward: readonly Change[];
  inverse: readonly Change[];
}

/** How many gestures the history keeps; the oldest go first. */
export const HISTORY_LIMIT = 500;

export interface DocumentState {
  journeyId: string | null;
  doc: JourneyDocument | null;
  loadState: 'idle' | 'loading' | 'ready' | 'failed';
  loadError: string | null;
  /** The revision the API last confirmed: the base of the next change set. */
  confirmedRevision: number;
  /** Ops applied locally, not yet sent. */
  queue: Change[];
  /** Ops sent, waiting for the API's answer. */
  inFlight: Change[] | null;
  /** The last save failure (other than a conflict), cleared by the next success. */
  saveError: string | null;
  retryAttempt: number;
  /** Set when the map was changed elsewhere: saving stops until the map is reloaded. */
  conflict: string | null;
  /**
   * Another map was asked for while this one still has edits that could not be saved: the switch
   * waits, so nothing is dropped, until they land or the user discards them.
   */
  blockedSwitch: { wantedId: string; reason: string } | null;
  /** Gestures that can be undone, oldest first. */
  undoStack: readonly HistoryEntry[];
  /** Gestures undone that can be redone, the last undone at the end. */
  redoStack: readonly HistoryEntry[];
  /** Undo and redo are possible now (a map is open, there is something to undo, no conflict). */
  canUndo: boolean;
  canRedo: boolean;
  /**
   * A read-only document (a snapshot being looked at): edits, undo and redo do nothing, the canvas
   * and the inspector offer none, and nothing is ever sent.
   */
  readOnly: boolean;
}

export interface DocumentActions {
  /** Loads a map, first sending what is pending for the map open before. */
  load(journeyId: string): Promise<void>;
  /** Drops the open map's unsaved edits, on the user's explicit word, and opens another map. */
  discardAndLoad(journeyId: string): Promise<void>;
  /** Reloads the open map from the API, dropping pending local edits (after a conflict). */
  reload(): Promise<void>;
  /**
   * Applies the ops of one user gesture locally at once and queues them for the saver. The gesture
   * becomes one history entry (unless it changed nothing). Undo and redo apply theirs without
   * recording; loading a map records nothing.
   */
  apply(changes: readonly Change[]): void;
  /** Undoes the last gesture; false when there was nothing to undo (or undo is off). */
  undo(): boolean;
  /** Redoes the last gesture undone; false when there was nothing to redo (or redo is off). */
  redo(): boolean;
  /** Sends everything pending now; resolves when done, whether it succeeded or not. */
  flush(): Promise<void>;
  /** Retries a failed save immediately. */
  retryNow(): void;
  hasPendingWrites(): boolean;
  /** Forgets the open map (after its writes have been flushed). */
  close(): void;
}

export type DocumentStore = StoreApi<DocumentState & DocumentActions>;

/** A failed save stays "error" through its retries, until one succeeds. */
export const saveStatusOf = (s: DocumentState): SaveStatus => {
  if (s.saveError) return 'error';
  if (s.inFlight) return 'saving';
  if (s.queue.length > 0) return 'unsaved';
  return 'saved';
};

export const MAX_BACKOFF_MS = 30_000;
export const backoffDelay = (attempt: number) =>
  Math.min(1000 * 2 ** Math.max(0, attempt - 1), MAX_BACKOFF_MS);

export interface DocumentStoreOptions {
  /** Quiet time after an edit before the saver sends, so a burst of edits is one request. */
  debounceMs?: number;
}

const initialState: DocumentState = {
  journeyId: null,
  doc: null,
  loadState: 'idle',
  loadError: null,
  confirmedRevision: 0,
  queue: [],
  inFlight: null,
  saveError: null,
  retryAttempt: 0,
  conflict: null,
  blockedSwitch: null,
  undoStack: [],
  redoStack: [],
  canUndo: false,
  canRedo: false,
  readOnly: false,
};

/** The history fields of the state, with the flags that follow from them. */
const historyState = (
  undoStack: readonly HistoryEntry[],
  redoStack: readonly HistoryEntry[],
  conflict: string | null,
) => ({
  undoStack,
  redoStack,
  canUndo: undoStack.length > 0 && conflict === null,
  canRedo: redoStack.length > 0 && conflict === null,
});

const pushLimited = (stack: readonly HistoryEntry[], entry: HistoryEntry) => [
  ...(stack.length >= HISTORY_LIMIT ? stack.slice(stack.length - HISTORY_LIMIT + 1) : stack),
  entry,
];

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createDocumentStore(api: ApiClient, options: DocumentStoreOptions = {}): DocumentStore {
  const debounceMs = options.debounceMs ?? 250;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let current: Promise<boolean> | null = null;
  let loadToken = 0;

  const clearTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  return createStore<DocumentState & DocumentActions>()((set, get) => {
    const schedule = (delay: number) => {
      clearTimer();
      timer = setTimeout(() => {
        timer = null;
        void get().flush();
      }, delay);
    };

    /** One request: the whole queue. Resolves true on success. */
    const send = async (): Promise<boolean> => {
      const state = get();
      const { journeyId, doc } = state;
      if (!journeyId || !doc || state.queue.length === 0 || state.conflict) return true;
      const changes = state.queue;
      set({ queue: [], inFlight: changes });
      let result: Result<ApiOutput<'journeys.applyChanges'>>;
      try {
        result = await api.invoke('journeys.applyChanges', {
          journeyId,
          baseRevision: state.confirmedRevision,
          changes,
        });
      } catch (error) {
        result = { ok: false, error: { code: 'internal', message: messageOf(error) } };
      }
      if (get().journeyId !== journeyId) return true; // another map was opened meanwhile
      if (result.ok) {
        const value = result.value;
        const latest = get();
        set({
          inFlight: null,
          confirmedRevision: value.revision,
          saveError: null,
          retryAttempt: 0,
          doc: latest.doc
            ? {
                ...latest.doc,
                journey: { ...latest.doc.journey, revision: value.revision, updatedAt: value.updatedAt },
              }
            : latest.doc,
        });
        if (get().queue.length > 0) schedule(debounceMs);
        return true;
      }
      const queue = enqueueChanges(changes, get().queue);
      if (result.error.code === 'conflict') {
        clearTimer();
        set({ inFlight: null, queue, conflict: result.error.message, canUndo: false, canRedo: false });
        return false;
      }
      const attempt = get().retryAttempt + 1;
      set({ inFlight: null, queue, saveError: result.error.message, retryAttempt: attempt });
      schedule(backoffDelay(attempt));
      return false;
    };

    const flush = async (): Promise<void> => {
      clearTimer();
      // Wait for the request in flight, then send what is left until the queue is empty or a
      // request fails (bounded, in case edits keep arriving).
      for (let round = 0; round < 10; round++) {
        if (current) {
          await current;
          continue;
        }
        const s = get();
        if (!s.doc || s.queue.length === 0 || s.conflict) return;
        current = send();
        const ok = await current.finally(() => {
          current = null;
        });
        if (!ok || get().queue.length === 0) return;
      }
    };

    /** Shows an edit's result at once and queues its ops for the saver. */
    const commit = (doc: JourneyDocument, changes: readonly Change[], history: Partial<DocumentState>) => {
      const s = get();
      set({ ...history, doc, queue: enqueueChanges(s.queue, changes) });
      if (s.conflict) return;
      // While a save is failing, keep the backoff schedule rather than hammering the API.
      if (!s.saveError && !current) schedule(debounceMs);
    };

    const fetchDocument = async (journeyId: string) => {
      const token = ++loadToken;
      set({ ...initialState, readOnly: get().readOnly, journeyId, loadState: 'loading' });
      try {
        const doc = await api.call('journeys.get', { id: journeyId });
        if (token !== loadToken) return;
        set({ doc, loadState: 'ready', confirmedRevision: doc.journey.revision });
      } catch (error) {
        if (token !== loadToken) return;
        set({ loadState: 'failed', loadError: messageOf(error) });
      }
    };

    return {
      ...initialState,
      async load(journeyId) {
        const s = get();
        // Back on the map whose edits are still being saved: keep them, and the saver going.
        if (s.journeyId === journeyId && s.doc && get().hasPendingWrites()) {
          set({ blockedSwitch: null });
          return;
        }
        if (s.journeyId === journeyId && s.loadState === 'loading') return;
        if (s.journeyId && get().hasPendingWrites()) {
          await flush();
          const after = get();
          if (after.hasPendingWrites()) {
            set({
              blockedSwitch: {
                wantedId: journeyId,
                reason: after.conflict ?? after.saveError ?? 'Saving has not finished.',
              },
            });
            return;
          }
        }
        clearTimer();
        await fetchDocument(journeyId);
      },
      async discardAndLoad(journeyId) {
        clearTimer();
        if (current) await current;
        await fetchDocument(journeyId);
      },
      async reload() {
        const { journeyId } = get();
        if (!journeyId) return;
        clearTimer();
        if (current) await current;
        await fetchDocument(journeyId);
      },
      apply(changes) {
        if (changes.length === 0) return;
        const s = get();
        if (!s.doc || s.readOnly) return;
        const { doc, inverse } = applyAndInvert(s.doc, changes);
        // A gesture that changed nothing is no step to undo, and leaves what can be redone alone.
        const history =
          inverse.length > 0
            ? historyState(pushLimited(s.undoStack, { forward: changes.slice(), inverse }), [], s.conflict)
            : {};
        commit(doc, changes, history);
      },
      undo() {
        const s = get();
        const entry = s.undoStack.at(-1);
        if (!s.doc || !entry || s.conflict || s.readOnly) return false;
        commit(
          applyChanges(s.doc, entry.inverse),
          entry.inverse,
          historyState(s.undoStack.slice(0, -1), [...s.redoStack, entry], s.conflict),
        );
        return true;
      },
      redo() {
        const s = get();
        const entry = s.redoStack.at(-1);
        if (!s.doc || !entry || s.conflict || s.readOnly) return false;
        commit(
          applyChanges(s.doc, entry.forward),
          entry.forward,
          historyState(pushLimited(s.undoStack, entry), s.redoStack.slice(0, -1), s.conflict),
        );
        return true;
      },
      flush,
      retryNow() {
        clearTimer();
        void flush();
      },
      hasPendingWrites() {
        const s = get();
        return s.queue.length > 0 || s.inFlight !== null;
      },
      close() {
        clearTimer();
        loadToken++;
        set({ ...initialState, readOnly: get().readOnly });
      },
    };
  });
}

/**
 * A store that holds one document read-only (a snapshot): the canvas and inspector render it like
 * any map, but it refuses every edit and has no way to reach the API.
 */
export function createReadOnlyDocumentStore(doc: JourneyDocument): DocumentStore {
  const refuse = () => Promise.reject(new Error('This map is read-only.'));
  const offline: ApiClient = { call: refuse, invoke: refuse, on: () => () => undefined };
  const store = createDocumentStore(offline);
  store.setState({
    journeyId: doc.journey.id,
    doc,
    loadState: 'ready',
    confirmedRevision: doc.journey.revision,
    readOnly: true,
  });
  return store;
}
