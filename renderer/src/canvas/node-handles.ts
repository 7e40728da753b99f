import { Position, type NodeHandle } from '@xyflow/react';
import type { MapNodeKind } from '../../../shared/domain/journey';
import { HANDLE } from './flow-types';

/**
 * Where each card's handles are, declared rather than measured. React Flow otherwise observes
 * every node with a ResizeObserver and, once it is in the DOM, reads each handle's box
 * (getBoundingClientRect, a forced layout) and stores the result, which re-renders every node and
 * only then draws the arrows: on the 2,300-card benchmark map, seconds before the first click is
 * handled. A node with a size and declared handles is complete from the start (React Flow's
 * server-side rendering support), so arrows are drawn in the first render and nothing is measured.
 *
 * The geometry follows the card styles (canvas.css, notes.css; border-box sizing): a handle is
 * centred on the inner edge of its card's border, on the side it sits on (React Flow's handle
 * styles: `left: 0` or `top: 0`, translated by half its size). A unit test and an end-to-end test
 * compare these with the handles as drawn.
 */

/** Handle sizes (canvas.css `.handle`, `.handle--attach`). */
export const FLOW_HANDLE_SIZE = 11;
export const ATTACH_HANDLE_SIZE = 9;

/** Border widths of each card kind: top, right, bottom, left. */
const BORDERS: Record<MapNodeKind, readonly [number, number, number, number]> = {
  touchpoint: [1, 1, 1, 5],
  painpoint: [4, 1, 1, 1],
  opportunity: [1, 1, 1, 5],
  note: [1, 1, 1, 1],
};

type Size = { width: number; height: number };

/** A handle of size `s` centred on (cx, cy) of the node. */
function handle(
  id: string,
  type: 'source' | 'target',
  position: Position,
  s: number,
  cx: number,
  cy: number,
): NodeHandle {
  return { id, type, position, x: cx - s / 2, y: cy - s / 2, width: s, height: s };
}

function handlesOf(kind: MapNodeKind, { width, height }: Size): NodeHandle[] {
  const [top, right, bottom, left] = BORDERS[kind];
  // The middle of the padding box, across and down.
  const midX = left + (width - left - right) / 2;
  const midY = top + (height - top - bottom) / 2;
  switch (kind) {
    case 'touchpoint':
      return [
        handle(HANDLE.flowIn, 'target', Position.Left, FLOW_HANDLE_SIZE, left, midY),
        handle(HANDLE.flowOut, 'source', Position.Right, FLOW_HANDLE_SIZE, width - right, midY),
      ];
    case 'painpoint':
      return [
        handle(HANDLE.attachOut, 'source', Position.Top, ATTACH_HANDLE_SIZE, midX, top),
        handle(HANDLE.attachIn, 'target', Position.Bottom, ATTACH_HANDLE_SIZE, midX, height - bottom),
      ];
    case 'opportunity':
      return [handle(HANDLE.attachOut, 'source', Position.Top, ATTACH_HANDLE_SIZE, midX, top)];
    case 'note':
      return [];
  }
}

const cache = new Map<string, NodeHandle[]>();

/** The handles of a card of this kind drawn at this size (the same array for the same input). */
export function cardHandles(kind: MapNodeKind, size: Size): NodeHandle[] {
  const key = `${kind}:${size.width}x${size.height}`;
  let handles = cache.get(key);
  if (!handles) {
    handles = handlesOf(kind, size);
    cache.set(key, handles);
  }
  return handles;
}

/** For nodes without handles (headers, the grid, the emotion lane): nothing to measure either. */
export const NO_HANDLES: NodeHandle[] = [];
