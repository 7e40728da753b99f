import type { Department, MapNode, MapNodeKind, Stage } from '../domain/journey';

/**
 * The map is a grid: stages are columns from x = 0 rightwards, departments are lanes from y = 0
 * downwards. Headers sit outside the grid at negative coordinates. These pure rules decide which
 * cell a node belongs to, so the renderer, the templates and the database agree.
 */

export const STAGE_HEADER_HEIGHT = 76;
export const LANE_HEADER_WIDTH = 168;
export const DEFAULT_STAGE_WIDTH = 300;
export const DEFAULT_LANE_HEIGHT = 220;
export const CELL_PADDING = 20;

/**
 * A card coordinate: whole pixels, never -0. Math.round(-0.4) is -0, which JSON writes as 0, so a
 * -0 kept in memory would differ from the library it was saved to.
 */
export const roundCoord = (value: number): number => Math.round(value) + 0;
/** Vertical space between cards stacked in a cell. */
export const NODE_GAP = 14;

export const NODE_SIZE: Record<MapNodeKind, { width: number; height: number }> = {
  touchpoint: { width: 220, height: 96 },
  painpoint: { width: 190, height: 78 },
  opportunity: { width: 190, height: 78 },
  note: { width: 180, height: 96 },
};

export interface Band {
  id: string;
  start: number;
  size: number;
}

const byOrder = <T extends { order: number }>(items: readonly T[]) =>
  [...items].sort((a, b) => a.order - b.order);

/** Stage columns in order with their x start and width. */
export function stageColumns(stages: readonly Stage[]): Band[] {
  let x = 0;
  return byOrder(stages).map((stage) => {
    const band = { id: stage.id, start: x, size: stage.width };
    x += stage.width;
    return band;
  });
}

/** Department lanes in order with their y start and height. */
export function departmentLanes(departments: readonly Department[]): Band[] {
  let y = 0;
  return byOrder(departments).map((department) => {
    const band = { id: department.id, start: y, size: department.height };
    y += department.height;
    return band;
  });
}

export const bandsExtent = (bands: readonly Band[]) =>
  bands.length === 0 ? 0 : bands[bands.length - 1]!.start + bands[bands.length - 1]!.size;

const bandAt = (bands: readonly Band[], value: number) =>
  bands.find((band) => value >= band.start && value < band.start + band.size)?.id ?? null;

/** The cell under a point, or nulls outside the grid. */
export function cellAt(
  point: { x: number; y: number },
  stages: readonly Stage[],
  departments: readonly Department[],
): { stageId: string | null; departmentId: string | null } {
  return {
    stageId: bandAt(stageColumns(stages), point.x),
    departmentId: bandAt(departmentLanes(departments), point.y),
  };
}

/** The cell a node belongs to, judged by its centre. */
export function cellOfNode(
  node: Pick<MapNode, 'x' | 'y' | 'kind'>,
  stages: readonly Stage[],
  departments: readonly Department[],
) {
  const size = NODE_SIZE[node.kind];
  return cellAt({ x: node.x + size.width / 2, y: node.y + size.height / 2 }, stages, departments);
}

/**
 * A free spot for a new node in a cell: left to right, top to bottom, skipping spots taken by
 * nodes already there. Falls back to the cell's top-left corner when the cell is full.
 */
export function freeSpotInCell(
  kind: MapNodeKind,
  stageId: string,
  departmentId: string,
  stages: readonly Stage[],
  departments: readonly Department[],
  nodes: readonly Pick<MapNode, 'x' | 'y' | 'kind'>[],
): { x: number; y: number } {
  const column = stageColumns(stages).find((b) => b.id === stageId);
  const lane = departmentLanes(departments).find((b) => b.id === departmentId);
  if (!column || !lane) return { x: CELL_PADDING, y: CELL_PADDING };
  const size = NODE_SIZE[kind];
  const overlaps = (x: number, y: number) =>
    nodes.some((n) => {
      const s = NODE_SIZE[n.kind];
      return x < n.x + s.width && n.x < x + size.width && y < n.y + s.height && n.y < y + size.height;
    });
  const fits = (y: number) => y >= lane.start && y + size.height <= lane.start + lane.size;
  const x = column.start + Math.max(CELL_PADDING, (column.size - size.width) / 2);
  // Candidates: the top of the cell, and just under every card already there (packs mixed sizes).
  const candidates = [
    lane.start + CELL_PADDING,
    ...nodes.map((n) => n.y + NODE_SIZE[n.kind].height + NODE_GAP),
  ].sort((a, b) => a - b);
  for (const y of candidates) {
    if (fits(y) && !overlaps(x, y)) return { x, y };
  }
  // The centre line is full: try a column shifted right before giving up.
  for (const y of candidates) {
    if (fits(y) && !overlaps(x + 24, y)) return { x: x + 24, y };
  }
  return { x: column.start + CELL_PADDING, y: lane.start + CELL_PADDING };
}
