import { useMemo } from 'react';
import { useStore } from 'zustand';
import { useStores } from '../state/stores-context';
import { overlayStoreFor, type OverlayActions, type OverlayState, type OverlayStore } from './overlay-store';
import { buildOverlayView, type OverlayView } from './overlay-view';

export function useOverlayStore(): OverlayStore {
  return overlayStoreFor(useStores().uiStore);
}

export function useOverlay<T>(selector: (state: OverlayState & OverlayActions) => T): T {
  return useStore(useOverlayStore(), selector);
}

/** The canvas's view of the overlay, or null when it is off (the plain map). */
export function useOverlayView(): OverlayView | null {
  const enabled = useOverlay((s) => s.enabled);
  const overlay = useOverlay((s) => s.overlay);
  const breakdowns = useOverlay((s) => s.breakdowns);
  const settings = useOverlay((s) => s.settings);
  return useMemo(
    () => (enabled && overlay ? buildOverlayView(overlay, breakdowns, settings?.metrics ?? []) : null),
    [enabled, overlay, breakdowns, settings],
  );
}
