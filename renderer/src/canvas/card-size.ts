import type { MapNodeKind } from '../../../shared/domain/journey';
import { LANE_HEADER_WIDTH, NODE_SIZE, STAGE_HEADER_HEIGHT } from '../../../shared/graph/grid';

/**
 * Drawn sizes at a presentation text scale. The map's layout (cells, placement, drop targets)
 * always uses NODE_SIZE, the 100% size; at a larger scale a card keeps its top-left corner and
 * grows right (a little, so it stays inside a standard column) and down (as far as its text needs),
 * as far as its neighbours leave room (card-room.ts),
 * and headers grow outwards, away from the grid.
 */

/** Height each kind's content needs per unit of scale (padding, rows and a two-line name). */
const CONTENT_HEIGHT: Record<MapNodeKind, number> = {
  touchpoint: 91,
  painpoint: 68,
  opportunity: 68,
  note: 88,
};
const EXTRA_WIDTH = 30;

const sizes = new Map<string, { width: number; height: number }>();

/** The same object for the same kind and scale, so it can serve as a memo dependency. */
export function cardSize(kind: MapNodeKind, scale: number): { width: number; height: number } {
  const base = NODE_SIZE[kind] ?? NODE_SIZE.touchpoint;
  if (scale <= 1) return base;
  const key = `${kind}@${scale}`;
  let size = sizes.get(key);
  if (!size) {
    const content = CONTENT_HEIGHT[kind] ?? CONTENT_HEIGHT.touchpoint;
    size = {
      width: base.width + Math.round(EXTRA_WIDTH * Math.min(1, scale - 1)),
      height: Math.max(base.height, Math.ceil(content * scale) + 8),
    };
    sizes.set(key, size);
  }
  return size;
}

export const stageHeaderHeight = (scale: number) => Math.round(STAGE_HEADER_HEIGHT * Math.max(1, scale));
export const laneHeaderWidth = (scale: number) => Math.round(LANE_HEADER_WIDTH * Math.max(1, scale));
