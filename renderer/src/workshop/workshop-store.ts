import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStores } from '../state/stores-context';
import type { UiStore } from '../state/ui-store';
import { NO_FILTERS, type FilterKey, type NodeFilters } from './node-filters';
import { readTextScale, writeTextScale, type TextScale } from './text-scale';

/**
 * The workshop tools' view state: the votes panel, the find bar, the filters and the presentation
 * text scale. One store per app, found through the app's UI store (so commands reach it through
 * their context and tests get a fresh one with a fresh UI store).
 */

export interface FindState {
  open: boolean;
  query: string;
  /** The current match's position in the match list. */
  index: number;
  /** Bumped to ask the find bar to take the focus (Ctrl+F while it is open already). */
  focusNonce: number;
}

export interface WorkshopState {
  votesPanelOpen: boolean;
  find: FindState;
  filterBarOpen: boolean;
  filters: NodeFilters;
  textScale: TextScale;
}

export interface WorkshopActions {
  setVotesPanelOpen(open: boolean): void;
  openFind(): void;
  closeFind(): void;
  setFindQuery(query: string): void;
  setFindIndex(index: number): void;
  setFilterBarOpen(open: boolean): void;
  toggleFilter(key: FilterKey, value: string): void;
  clearFilters(): void;
  setTextScale(scale: TextScale): void;
  /** Forget the per-map state (find, filters) when another map opens. */
  resetForMap(): void;
}

export type WorkshopStore = StoreApi<WorkshopState & WorkshopActions>;

const CLOSED_FIND: FindState = { open: false, query: '', index: 0, focusNonce: 0 };

export function createWorkshopStore(): WorkshopStore {
  return createStore<WorkshopState & WorkshopActions>()((set, get) => ({
    votesPanelOpen: false,
    find: CLOSED_FIND,
    filterBarOpen: false,
    filters: NO_FILTERS,
    textScale: readTextScale(),
    setVotesPanelOpen: (votesPanelOpen) => set({ votesPanelOpen }),
    openFind: () => {
      const find = get().find;
      set({ find: { ...find, open: true, focusNonce: find.focusNonce + 1 } });
    },
    closeFind: () => set({ find: { ...CLOSED_FIND, focusNonce: get().find.focusNonce } }),
    setFindQuery: (query) => set({ find: { ...get().find, query, index: 0 } }),
    setFindIndex: (index) => set({ find: { ...get().find, index } }),
    setFilterBarOpen: (filterBarOpen) => set({ filterBarOpen }),
    toggleFilter: (key, value) => {
      const current = get().filters[key];
      const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
      set({ filters: { ...get().filters, [key]: next } });
    },
    clearFilters: () => set({ filters: NO_FILTERS }),
    setTextScale: (textScale) => {
      writeTextScale(textScale);
      set({ textScale });
    },
    resetForMap: () =>
      set({
        find: { ...CLOSED_FIND, focusNonce: get().find.focusNonce },
        filters: NO_FILTERS,
        filterBarOpen: false,
      }),
  }));
}

const stores = new WeakMap<UiStore, WorkshopStore>();

/** The workshop store that goes with an app's UI store. */
export function workshopStoreOf(uiStore: UiStore): WorkshopStore {
  let store = stores.get(uiStore);
  if (!store) {
    store = createWorkshopStore();
    stores.set(uiStore, store);
  }
  return store;
}

export function useWorkshopStore(): WorkshopStore {
  return workshopStoreOf(useStores().uiStore);
}

export function useWorkshop<T>(selector: (state: WorkshopState & WorkshopActions) => T): T {
  return useStore(useWorkshopStore(), selector);
}
