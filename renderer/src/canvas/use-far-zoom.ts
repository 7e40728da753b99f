import { useStore, type ReactFlowState } from '@xyflow/react';

/** Below this zoom, cards are drawn simplified: their names only, larger. */
export const FAR_ZOOM = 0.42;

const isFar = (s: ReactFlowState) => s.transform[2] < FAR_ZOOM;

/**
 * Whether the canvas is zoomed out far. A boolean selector: a component re-renders only when the
 * zoom crosses FAR_ZOOM, not on every pan or zoom frame.
 */
export const useFarZoom = () => useStore(isFar);
