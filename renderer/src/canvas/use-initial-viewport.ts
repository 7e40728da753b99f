import { getNodesBounds, getViewportForBounds, useStoreApi, type Viewport } from '@xyflow/react';
import { useCallback, useState } from 'react';
import type { JourneyFlowNode } from './flow-types';

type Padding = Parameters<typeof getViewportForBounds>[5];

/**
 * The viewport a map opens with: fitted to its cards, worked out from the canvas's size before
 * React Flow first renders. React Flow's own `fitView` can only fit once it has a pan-zoom
 * instance: after a first render at 100 % (which, on a large map, mounts the cards and arrows of
 * the top-left corner only to unmount them a moment later) and after it has measured every card.
 *
 * Returns the viewport, null until the canvas element (given to the returned ref) has been laid
 * out, which happens in the first commit, before the browser paints. The store gets the viewport
 * and the canvas size at once, so React Flow's first render already draws the cards that are on
 * screen at the zoom they are seen at.
 *
 * It gets the nodes then too: React Flow otherwise first mounts empty, takes them from its props
 * in an effect and renders again to insert them one by one into the mounted list (on the
 * benchmark map, 2,300 insertions, each looking up its DOM sibling). Given them first, it mounts
 * them with itself; its own update from the props then finds the same objects and changes
 * nothing (where they differ, as when the text scale gives way to far zoom, it takes the props).
 * Not the edges: which ones are drawn depends on the zoom this viewport is about to set.
 */
export function useInitialViewport(
  nodes: readonly JourneyFlowNode[],
  options: { padding: Padding; minZoom: number; maxZoom: number },
): [Viewport | null, (element: HTMLElement | null) => void] {
  const store = useStoreApi();
  const [viewport, setViewport] = useState<Viewport | null>(null);
  const { padding, minZoom, maxZoom } = options;
  const ref = useCallback(
    (element: HTMLElement | null) => {
      if (viewport || !element) return;
      const { width, height } = element.getBoundingClientRect();
      const shown = nodes.filter((node) => !node.hidden);
      const fitted =
        shown.length && width && height
          ? getViewportForBounds(getNodesBounds(shown), width, height, minZoom, maxZoom, padding)
          : { x: 0, y: 0, zoom: 1 };
      if (width && height) store.setState({ width, height, transform: [fitted.x, fitted.y, fitted.zoom] });
      store.getState().setNodes(nodes as JourneyFlowNode[]);
      setViewport(fitted);
    },
    [viewport, nodes, padding, minZoom, maxZoom, store],
  );
  return [viewport, ref];
}
