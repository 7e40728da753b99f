import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  BreakdownsResult,
  GranularityName,
  MetricSettings,
  OverlayResult,
} from '../../../shared/domain/metrics-analysis';
import type { UiStore } from '../state/ui-store';

/**
 * The data overlay's state for the open map: whether it is on, which metric and period it shows,
 * the map's metric settings, and the last overlay and breakdowns the API computed. One store per
 * app window (found from the UI store), so commands and components share it. The OverlayController
 * component fetches; this store only holds.
 */
export interface OverlayState {
  journeyId: string | null;
  enabled: boolean;
  breakdownsOpen: boolean;
  metricKey: string | null;
  granularity: GranularityName;
  /** 'latest', 'all' or a period key. */
  period: string;
  /** Whose responses: null every segment, '' those without a segment, else one segment. */
  segment: string | null;
  settings: MetricSettings | null;
  overlay: OverlayResult | null;
  breakdowns: BreakdownsResult | null;
  loading: boolean;
  error: string | null;
  /** Bumped when the data may have changed (an import, the sample loaded, a setting changed). */
  dataVersion: number;
}

export interface OverlayActions {
  /** A new map is open: forget the previous one's data and settings. */
  openJourney(journeyId: string | null): void;
  setEnabled(enabled: boolean): void;
  setBreakdownsOpen(open: boolean): void;
  setMetric(key: string): void;
  setGranularity(granularity: GranularityName): void;
  setPeriod(period: string): void;
  setSegment(segment: string | null): void;
  dataChanged(): void;
  patch(partial: Partial<OverlayState>): void;
  /**
   * Overlay requests, latest wins: `startLoading` numbers a request and sets `loading`;
   * `finishLoading` applies its answer only if it is still the latest request and the overlay is
   * on (an answer to an older choice, or arriving after the overlay was turned off, is dropped);
   * `abandonLoading` forgets a request whose choice changed, so `loading` never stays set.
   */
  startLoading(): number;
  finishLoading(
    request: number,
    answer: Pick<Partial<OverlayState>, 'overlay' | 'breakdowns' | 'error'>,
  ): boolean;
  abandonLoading(request: number): void;
}

export type OverlayStore = StoreApi<OverlayState & OverlayActions>;

const initial: OverlayState = {
  journeyId: null,
  enabled: false,
  breakdownsOpen: false,
  metricKey: null,
  granularity: 'quarter',
  period: 'latest',
  segment: null,
  settings: null,
  overlay: null,
  breakdowns: null,
  loading: false,
  error: null,
  dataVersion: 0,
};

export function createOverlayStore(): OverlayStore {
  /** The latest overlay request; answers to any other are stale. */
  let latestRequest = 0;
  return createStore<OverlayState & OverlayActions>()((set, get) => ({
    ...initial,
    openJourney(journeyId) {
      if (get().journeyId === journeyId) return;
      latestRequest++;
      set({ ...initial, journeyId, dataVersion: get().dataVersion + 1 });
    },
    setEnabled(enabled) {
      if (!enabled) latestRequest++;
      set(enabled ? { enabled } : { enabled, breakdownsOpen: false, loading: false });
    },
    setBreakdownsOpen(open) {
      set(open ? { breakdownsOpen: true, enabled: true } : { breakdownsOpen: false });
    },
    setMetric(metricKey) {
      set({ metricKey });
    },
    setGranularity(granularity) {
      if (granularity !== get().granularity) set({ granularity, period: 'latest' });
    },
    setPeriod(period) {
      set({ period });
    },
    setSegment(segment) {
      set({ segment });
    },
    dataChanged() {
      set({ dataVersion: get().dataVersion + 1 });
    },
    patch(partial) {
      set(partial);
    },
    startLoading() {
      set({ loading: true });
      return ++latestRequest;
    },
    finishLoading(request, answer) {
      if (request !== latestRequest || !get().enabled) return false;
      set({ ...answer, loading: false });
      return true;
    },
    abandonLoading(request) {
      if (request !== latestRequest) return;
      latestRequest++;
      set({ loading: false });
    },
  }));
}

const stores = new WeakMap<UiStore, OverlayStore>();

/** The overlay store of the window whose UI store this is. */
export function overlayStoreFor(uiStore: UiStore): OverlayStore {
  let store = stores.get(uiStore);
  if (!store) {
    store = createOverlayStore();
    stores.set(uiStore, store);
  }
  return store;
}
