import { getViewportForBounds, useReactFlow, useStoreApi, type Viewport } from '@xyflow/react';
import { useEffect } from 'react';

type Padding = Parameters<typeof getViewportForBounds>[5];

/** How close two views must be to count as the same. */
const SAME_PX = 2;
const SAME_ZOOM = 0.005;
/** A view that has rested this long is checked against a fit (after Fit view's animation, say). */
const SETTLE_MS = 300;

/**
 * What the view does when the canvas changes size (a side panel or the overlay bar opens or
 * closes, the window is resized), as drawing tools do it:
 *
 * - a view the user has not moved since it was fitted (the map as opened, or after Fit view) is
 *   fitted again to the new size, so the whole map stays in view and the bottom-left room kept
 *   free by the fit padding still holds the overlay legend clear of the cards and emotion lane;
 * - a view the user has panned or zoomed keeps the map point at the centre of the canvas where it
 *   was, at the same zoom, instead of keeping the top-left corner and letting the panel cover one
 *   side of what they were looking at.
 *
 * The fitted view is remembered as a transform: the one the map opened with, each one this hook
 * sets, and any view that comes to rest where a fit would put it (Fit view). The view is "not
 * moved" while the transform is still that one, even if cards have grown meanwhile (overlay
 * badges, text size). React Flow keeps the transform as it is when its pane resizes, so at that
 * moment the old size and the old view are still at hand.
 */
export function useKeepViewOnResize(fit: { padding: Padding; minZoom: number; maxZoom: number }): void {
  const store = useStoreApi();
  const flow = useReactFlow();
  const { padding, minZoom, maxZoom } = fit;
  useEffect(() => {
    const fitFor = (width: number, height: number): Viewport | null => {
      const shown = flow.getNodes().filter((node) => !node.hidden);
      if (shown.length === 0) return null;
      return getViewportForBounds(flow.getNodesBounds(shown), width, height, minZoom, maxZoom, padding);
    };
    const viewOf = (transform: readonly [number, number, number]): Viewport => ({
      x: transform[0],
      y: transform[1],
      zoom: transform[2],
    });
    // The map opens fitted (use-initial-viewport.ts puts the fitted transform in the store first).
    let fitted: Viewport | null = store.getState().width ? viewOf(store.getState().transform) : null;
    let settle: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = store.subscribe((state, previous) => {
      const { width, height } = state;
      const resized = width !== previous.width || height !== previous.height;
      if (!resized) {
        if (state.transform === previous.transform) return;
        if (!previous.width) fitted = viewOf(state.transform);
        // Once the view rests, note whether it rests where a fit puts it.
        clearTimeout(settle);
        settle = setTimeout(() => {
          const now = store.getState();
          const fit = fitFor(now.width, now.height);
          if (fit && sameView(viewOf(now.transform), fit)) fitted = viewOf(now.transform);
        }, SETTLE_MS);
        return;
      }
      if (!width || !height || !previous.width || !previous.height) return;
      const view = viewOf(state.transform);
      const refit = fitted !== null && sameView(view, fitted) ? fitFor(width, height) : null;
      const next = refit ?? {
        x: view.x + (width - previous.width) / 2,
        y: view.y + (height - previous.height) / 2,
        zoom: view.zoom,
      };
      fitted = refit;
      void flow.setViewport(next);
    });
    return () => {
      clearTimeout(settle);
      unsubscribe();
    };
  }, [store, flow, padding, minZoom, maxZoom]);
}

function sameView(a: Viewport, b: Viewport): boolean {
  return (
    Math.abs(a.x - b.x) <= SAME_PX &&
    Math.abs(a.y - b.y) <= SAME_PX &&
    Math.abs(a.zoom - b.zoom) <= SAME_ZOOM * Math.max(1, b.zoom)
  );
}
