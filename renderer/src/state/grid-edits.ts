import type { Change } from '../../../shared/domain/change-set';
import type {
  Department,
  JourneyDocument,
  MapNode,
  MapNodeKind,
  Stage,
} from '../../../shared/domain/journey';
import {
  CELL_PADDING,
  DEFAULT_LANE_HEIGHT,
  DEFAULT_STAGE_WIDTH,
  NODE_GAP,
  NODE_SIZE,
  cellAt,
  cellOfNode,
  departmentLanes,
  freeSpotInCell,
  stageColumns,
  type Band,
  roundCoord,
} from '../../../shared/graph/grid';
import { applyChange, applyChanges } from './apply-change';
import { LANE_PALETTE, deleteSelection, newId, newTouchpoint, nodeUpdate } from './map-edits';
import { laneSelectionId, parseSelectionId, stageSelectionId } from './ui-store';

/**
 * The grid's edits as pure functions from the document to change ops: stages (columns) and
 * department lanes (rows) inserted, renamed, reordered, resized and deleted; anything named renamed
 * in place; touchpoints created where the facilitator double-clicks or tabs to. Each function's ops
 * are ONE user gesture: the document store applies them as one undo step and saves them together.
 *
 * Stages and lanes are handled by the same code through an axis: a stage is a band along x whose
 * size is its width, a lane a band along y whose size is its height. A card belongs to the band its
 * stageId / departmentId names; moving a band moves its cards with it, whatever their kind.
 */

export type BandKind = 'stage' | 'lane';
export type Side = 'before' | 'after';

/** The sizes the schema accepts (Stage.width, Department.height in shared/domain/journey.ts). */
export const BAND_LIMITS: Record<BandKind, { min: number; max: number }> = {
  stage: { min: 120, max: 4000 },
  lane: { min: 80, max: 4000 },
};

export const BAND_NOUN: Record<BandKind, string> = { stage: 'stage', lane: 'lane' };

type BandEntity = Stage | Department;

interface Axis {
  entities(doc: JourneyDocument): readonly BandEntity[];
  bands(doc: JourneyDocument): Band[];
  /** The node field naming the band a node belongs to. */
  key: 'stageId' | 'departmentId';
  coord: 'x' | 'y';
  sizeOf(entity: BandEntity): number;
  nodeExtent(kind: MapNodeKind): number;
  update(id: string, fields: { order?: number; size?: number; name?: string }): Change;
  remove(id: string): Change;
  selectionId(id: string): string;
}

const AXES: Record<BandKind, Axis> = {
  stage: {
    entities: (doc) => doc.stages,
    bands: (doc) => stageColumns(doc.stages),
    key: 'stageId',
    coord: 'x',
    sizeOf: (entity) => (entity as Stage).width,
    nodeExtent: (kind) => NODE_SIZE[kind].width,
    update: (id, { size, ...rest }) => ({
      op: 'stage.update',
      id,
      fields: { ...rest, ...(size !== undefined ? { width: size } : {}) },
    }),
    remove: (id) => ({ op: 'stage.remove', id }),
    selectionId: stageSelectionId,
  },
  lane: {
    entities: (doc) => doc.departments,
    bands: (doc) => departmentLanes(doc.departments),
    key: 'departmentId',
    coord: 'y',
    sizeOf: (entity) => (entity as Department).height,
    nodeExtent: (kind) => NODE_SIZE[kind].height,
    update: (id, { size, ...rest }) => ({
      op: 'department.update',
      id,
      fields: { ...rest, ...(size !== undefined ? { height: size } : {}) },
    }),
    remove: (id) => ({ op: 'department.remove', id }),
    selectionId: laneSelectionId,
  },
};

const byOrder = <T extends { order: number }>(items: readonly T[]) =>
  [...items].sort((a, b) => a.order - b.order);

/** The bands of a kind in order, as ids. */
export const bandOrder = (doc: JourneyDocument, kind: BandKind): string[] =>
  byOrder(AXES[kind].entities(doc)).map((e) => e.id);

/** Order updates that number the bands 0, 1, 2 … in the given sequence (only those that change). */
function renumber(axis: Axis, doc: JourneyDocument, ids: readonly string[]): Change[] {
  const byId = new Map(axis.entities(doc).map((e) => [e.id, e]));
  const changes: Change[] = [];
  ids.forEach((id, order) => {
    const entity = byId.get(id);
    if (entity && entity.order !== order) changes.push(axis.update(id, { order }));
  });
  return changes;
}

type Coords = { x?: number; y?: number };
const coordField = (axis: Axis, value: number): Coords => (axis.coord === 'x' ? { x: value } : { y: value });
const bandField = (axis: Axis, id: string) =>
  axis.key === 'stageId' ? { stageId: id } : { departmentId: id };

/**
 * Moves every node along the axis by a per-node offset (0 leaves it alone), one update each.
 * `offset` gets the node's band (null outside the bands) and its coordinate.
 */
function shiftNodes(
  axis: Axis,
  nodes: readonly MapNode[],
  offset: (bandId: string | null, node: MapNode) => number,
): Change[] {
  const changes: Change[] = [];
  for (const node of nodes) {
    const delta = Math.round(offset(node[axis.key], node));
    if (delta) changes.push(nodeUpdate(node, coordField(axis, node[axis.coord] + delta)));
  }
  return changes;
}

// ───────────────────────────── insert ─────────────────────────────

/**
 * A new stage or lane before or after another one, at the default size. The bands after it, and
 * the cards in them, move along to make room.
 */
export function insertBand(
  doc: JourneyDocument,
  kind: BandKind,
  referenceId: string,
  side: Side,
): { changes: Change[]; id: string } | null {
  const axis = AXES[kind];
  const ids = bandOrder(doc, kind);
  const at = ids.indexOf(referenceId);
  if (at < 0) return null;
  const index = side === 'after' ? at + 1 : at;
  const bands = axis.bands(doc);
  const start =
    index < bands.length ? bands[index]!.start : bands.length ? bands.at(-1)!.start + bands.at(-1)!.size : 0;
  const id = newId();
  let add: Change;
  let size: number;
  if (kind === 'stage') {
    size = DEFAULT_STAGE_WIDTH;
    add = { op: 'stage.add', value: { id, name: 'New stage', goal: '', width: size, order: index } };
  } else {
    size = DEFAULT_LANE_HEIGHT;
    const used = new Set(doc.departments.map((d) => d.colour.toLowerCase()));
    const colour =
      LANE_PALETTE.find((c) => !used.has(c)) ?? LANE_PALETTE[doc.departments.length % LANE_PALETTE.length]!;
    add = { op: 'department.add', value: { id, name: 'New lane', colour, height: size, order: index } };
  }
  const later = new Set(ids.slice(index));
  const sequence = [...ids.slice(0, index), id, ...ids.slice(index)];
  return {
    id,
    changes: [
      ...renumber(axis, doc, sequence),
      add,
      ...shiftNodes(axis, doc.nodes, (band, node) =>
        band !== null ? (later.has(band) ? size : 0) : node[axis.coord] >= start ? size : 0,
      ),
    ],
  };
}

// ───────────────────────────── reorder ─────────────────────────────

/**
 * Moves a stage or lane to another position (0 = first). Every card in a band that changes place
 * moves with it, keeping its position inside the band.
 */
export function moveBand(doc: JourneyDocument, kind: BandKind, id: string, toIndex: number): Change[] {
  const axis = AXES[kind];
  const ids = bandOrder(doc, kind);
  const from = ids.indexOf(id);
  if (from < 0) return [];
  const to = Math.max(0, Math.min(ids.length - 1, Math.round(toIndex)));
  if (to === from) return [];
  const sequence = ids.filter((x) => x !== id);
  sequence.splice(to, 0, id);
  const sizes = new Map(axis.entities(doc).map((e) => [e.id, axis.sizeOf(e)]));
  const oldStart = new Map(axis.bands(doc).map((b) => [b.id, b.start]));
  const newStart = new Map<string, number>();
  let cursor = 0;
  for (const bandId of sequence) {
    newStart.set(bandId, cursor);
    cursor += sizes.get(bandId)!;
  }
  return [
    ...renumber(axis, doc, sequence),
    ...shiftNodes(axis, doc.nodes, (band) =>
      band !== null && newStart.has(band) ? newStart.get(band)! - oldStart.get(band)! : 0,
    ),
  ];
}

/** The position a band would take when dragged so that its leading edge sits at `leading`. */
export function dropIndex(doc: JourneyDocument, kind: BandKind, id: string, leading: number): number {
  const axis = AXES[kind];
  const others = byOrder(axis.entities(doc)).filter((e) => e.id !== id);
  let best = 0;
  let bestDistance = Math.abs(leading);
  let start = 0;
  others.forEach((entity, i) => {
    start += axis.sizeOf(entity);
    const distance = Math.abs(leading - start);
    if (distance < bestDistance) {
      best = i + 1;
      bestDistance = distance;
    }
  });
  return best;
}

// ───────────────────────────── resize ─────────────────────────────

export const clampBandSize = (kind: BandKind, size: number) =>
  Math.max(BAND_LIMITS[kind].min, Math.min(BAND_LIMITS[kind].max, Math.round(size)));

/**
 * Resizes a stage (width) or lane (height), clamped to what the schema accepts. The bands after it
 * move with their cards; the cards inside it keep their band: when it shrinks, cards that would
 * stick out are pulled back in (centred when the band is narrower than the card).
 */
export function resizeBand(doc: JourneyDocument, kind: BandKind, id: string, size: number): Change[] {
  const axis = AXES[kind];
  const entity = axis.entities(doc).find((e) => e.id === id);
  if (!entity) return [];
  const next = clampBandSize(kind, size);
  const previous = axis.sizeOf(entity);
  if (next === previous) return [];
  const delta = next - previous;
  const bands = axis.bands(doc);
  const band = bands.find((b) => b.id === id)!;
  const later = new Set(bands.filter((b) => b.start > band.start).map((b) => b.id));
  const end = band.start + next;
  return [
    axis.update(id, { size: next }),
    ...shiftNodes(axis, doc.nodes, (bandId, node) => {
      if (bandId === null) return node[axis.coord] >= band.start + previous ? delta : 0;
      if (later.has(bandId)) return delta;
      if (bandId !== id) return 0;
      const extent = axis.nodeExtent(node.kind);
      const coord = node[axis.coord];
      if (extent >= next) return band.start + (next - extent) / 2 - coord;
      const pad = Math.min(CELL_PADDING, (next - extent) / 2);
      return coord + extent > end - pad ? end - pad - extent - coord : 0;
    }),
  ];
}

// ───────────────────────────── delete ─────────────────────────────

export interface BandDeletePlan {
  kind: BandKind;
  id: string;
  name: string;
  /** Cards the band holds (any kind). */
  held: number;
  /** Where "move" sends them: the band before, else the one after; null when it is the only one. */
  neighbour: { id: string; name: string } | null;
}

export function planBandDelete(doc: JourneyDocument, kind: BandKind, id: string): BandDeletePlan | null {
  const axis = AXES[kind];
  const ordered = byOrder(axis.entities(doc));
  const index = ordered.findIndex((e) => e.id === id);
  if (index < 0) return null;
  const neighbour = ordered[index - 1] ?? ordered[index + 1] ?? null;
  return {
    kind,
    id,
    name: ordered[index]!.name,
    held: doc.nodes.filter((n) => n[axis.key] === id).length,
    neighbour: neighbour ? { id: neighbour.id, name: neighbour.name } : null,
  };
}

/**
 * Deletes a stage or lane. 'delete' takes its cards (and their connections) with it; 'move' first
 * moves them into the neighbouring band (the one before it, else the one after), each into the
 * free spot of its new cell, growing a lane when a cell is full. The bands after it close the gap.
 */
export function deleteBand(
  doc: JourneyDocument,
  kind: BandKind,
  id: string,
  mode: 'move' | 'delete',
): Change[] {
  const axis = AXES[kind];
  const plan = planBandDelete(doc, kind, id);
  if (!plan) return [];
  if (mode === 'delete' || plan.held === 0 || !plan.neighbour) {
    return deleteSelection(doc, { nodes: [axis.selectionId(id)], edges: [] }).changes;
  }
  const neighbourId = plan.neighbour.id;
  const bands = axis.bands(doc);
  const band = bands.find((b) => b.id === id)!;
  const later = new Set(bands.filter((b) => b.start > band.start).map((b) => b.id));
  // Cards in reading order, so they keep roughly the arrangement they had.
  const held = doc.nodes
    .filter((n) => n[axis.key] === id)
    .sort((a, b) => a.y - b.y || a.x - b.x)
    .map((n) => n.id);

  const work = new Working(doc);
  // 1. Re-home the cards first, so removing the band does not leave them outside the grid.
  work.push(
    held.map((nodeId) =>
      nodeUpdate(
        doc.nodes.find((n) => n.id === nodeId)!,
        bandField(axis, neighbourId),
      ),
    ),
  );
  // 2. Remove the band; the bands after it close the gap.
  work.push([axis.remove(id)]);
  work.push(
    shiftNodes(axis, work.doc.nodes, (bandId, node) =>
      bandId === null
        ? node[axis.coord] >= band.start + band.size
          ? -band.size
          : 0
        : later.has(bandId)
          ? -band.size
          : 0,
    ),
  );
  // 3. Place each card in a free spot of its new cell.
  const pending = new Set(held);
  for (const nodeId of held) {
    pending.delete(nodeId);
    const node = work.doc.nodes.find((n) => n.id === nodeId)!;
    if (node.stageId === null || node.departmentId === null) {
      // Outside the other axis's bands: only slide it into the neighbouring band.
      const target = axis.bands(work.doc).find((b) => b.id === neighbourId)!;
      const extent = axis.nodeExtent(node.kind);
      const coord = roundCoord(target.start + Math.max(CELL_PADDING, (target.size - extent) / 2));
      work.push([nodeUpdate(node, coordField(axis, coord))]);
      continue;
    }
    const others = work.doc.nodes.filter((n) => n.id !== nodeId && !pending.has(n.id));
    const place = placeInCell(work.doc, node.kind, node.stageId, node.departmentId, others);
    work.push(place.grow);
    work.push([nodeUpdate(node, { x: place.x, y: place.y })]);
  }
  return work.changes;
}

/** A document and the ops that made it, for edits that plan each step on the result of the last. */
class Working {
  changes: Change[] = [];
  constructor(public doc: JourneyDocument) {}
  push(changes: readonly Change[]) {
    for (const change of changes) {
      this.changes.push(change);
      this.doc = applyChange(this.doc, change);
    }
  }
}

// ───────────────────────────── cells ─────────────────────────────

/** The tallest lane the API accepts. */
const MAX_LANE_HEIGHT = BAND_LIMITS.lane.max;

function overlapsAny(
  kind: MapNodeKind,
  spot: { x: number; y: number },
  nodes: readonly Pick<MapNode, 'x' | 'y' | 'kind'>[],
) {
  const size = NODE_SIZE[kind];
  return nodes.some((n) => {
    const s = NODE_SIZE[n.kind];
    return (
      spot.x < n.x + s.width &&
      n.x < spot.x + size.width &&
      spot.y < n.y + s.height &&
      n.y < spot.y + size.height
    );
  });
}

/**
 * A spot for a card in a cell: the first free one (shared/graph/grid.ts), or, when the cell is full,
 * under the lowest card in it, with the ops that grow the lane to hold it (never past the schema's
 * maximum).
 */
export function placeInCell(
  doc: JourneyDocument,
  kind: MapNodeKind,
  stageId: string,
  departmentId: string,
  others: readonly MapNode[],
  preferred: readonly { x: number; y: number }[] = [],
): { x: number; y: number; grow: Change[] } {
  const column = stageColumns(doc.stages).find((b) => b.id === stageId)!;
  const lane = departmentLanes(doc.departments).find((b) => b.id === departmentId)!;
  const size = NODE_SIZE[kind];
  const inside = (spot: { x: number; y: number }) =>
    spot.x >= column.start &&
    spot.x + size.width <= column.start + column.size &&
    spot.y >= lane.start &&
    spot.y + size.height <= lane.start + lane.size;
  for (const spot of preferred) {
    if (inside(spot) && !overlapsAny(kind, spot, others)) return { ...spot, grow: [] };
  }
  const free = freeSpotInCell(kind, stageId, departmentId, doc.stages, doc.departments, others);
  if (!overlapsAny(kind, free, others) && inside(free)) return { ...free, grow: [] };
  const inCell = others.filter((n) => {
    const cell = cellOfNode(n, doc.stages, doc.departments);
    return cell.stageId === stageId && cell.departmentId === departmentId;
  });
  const y = inCell.reduce(
    (bottom, n) => Math.max(bottom, n.y + NODE_SIZE[n.kind].height + NODE_GAP),
    lane.start + CELL_PADDING,
  );
  const x = roundCoord(column.start + Math.max(CELL_PADDING, (column.size - size.width) / 2));
  const wanted = Math.min(
    MAX_LANE_HEIGHT,
    Math.ceil((y + size.height + CELL_PADDING - lane.start) / 10) * 10,
  );
  return { x, y, grow: wanted > lane.size ? resizeBand(doc, 'lane', departmentId, wanted) : [] };
}

/**
 * Moves a card into another cell (the inspector's stage and department fields): into the first free
 * spot there, or under the cell's lowest card with its lane grown when the cell is full, so it never
 * lands on top of another card. The field not given keeps its value.
 */
export function moveToCell(
  doc: JourneyDocument,
  nodeId: string,
  cell: { stageId?: string; departmentId?: string },
): Change[] {
  const node = doc.nodes.find((n) => n.id === nodeId);
  if (!node) return [];
  const stageId = cell.stageId || node.stageId || bandOrder(doc, 'stage')[0];
  const departmentId = cell.departmentId || node.departmentId || bandOrder(doc, 'lane')[0];
  if (!stageId || !departmentId) return [];
  if (!doc.stages.some((s) => s.id === stageId) || !doc.departments.some((d) => d.id === departmentId))
    return [];
  if (stageId === node.stageId && departmentId === node.departmentId) return [];
  const others = doc.nodes.filter((n) => n.id !== nodeId);
  const place = placeInCell(doc, node.kind, stageId, departmentId, others);
  return [...place.grow, nodeUpdate(node, { x: place.x, y: place.y, stageId, departmentId })];
}

// ───────────────────────────── fast entry ─────────────────────────────

export interface NewCard {
  /** The ops that create it: a lane grown first when its cell is full, then the node.add. */
  changes: Change[];
  id: string;
}

/**
 * A new touchpoint where the user double-clicked: centred on the point when there is room there,
 * else in the next free spot of that cell (growing the lane when full); outside the grid, right
 * at the point.
 */
export function newTouchpointAt(doc: JourneyDocument, point: { x: number; y: number }): NewCard {
  const size = NODE_SIZE.touchpoint;
  const cell = cellAt(point, doc.stages, doc.departments);
  let spot = { x: roundCoord(point.x - size.width / 2), y: roundCoord(point.y - size.height / 2) };
  let grow: Change[] = [];
  if (cell.stageId && cell.departmentId) {
    const column = stageColumns(doc.stages).find((b) => b.id === cell.stageId)!;
    const lane = departmentLanes(doc.departments).find((b) => b.id === cell.departmentId)!;
    const clamp = (value: number, start: number, extent: number, room: number) =>
      roundCoord(
        Math.max(
          start + Math.min(CELL_PADDING, Math.max(0, (room - extent) / 2)),
          Math.min(value, start + room - extent - Math.min(CELL_PADDING, Math.max(0, (room - extent) / 2))),
        ),
      );
    const clamped = {
      x: clamp(spot.x, column.start, size.width, column.size),
      y: clamp(spot.y, lane.start, size.height, lane.size),
    };
    const placed = placeInCell(doc, 'touchpoint', cell.stageId, cell.departmentId, doc.nodes, [clamped]);
    spot = { x: placed.x, y: placed.y };
    grow = placed.grow;
  }
  const value = newTouchpoint({ ...spot, stageId: cell.stageId, departmentId: cell.departmentId });
  return { changes: [...grow, { op: 'node.add', value }], id: value.id };
}

/**
 * The touchpoint after another one, for typing a sequence: in the same cell, to its right when the
 * column has room, else under it, else the cell's next free spot, else under the lowest card with
 * the lane grown. Outside the grid: right under it.
 */
export function nextTouchpointAfter(doc: JourneyDocument, afterId: string): NewCard | null {
  const after = doc.nodes.find((n) => n.id === afterId);
  if (!after) return null;
  const own = NODE_SIZE[after.kind];
  const right = { x: after.x + own.width + NODE_GAP, y: after.y };
  const below = { x: after.x, y: after.y + own.height + NODE_GAP };
  const { stageId, departmentId } = after;
  let spot = below;
  let grow: Change[] = [];
  if (
    stageId &&
    departmentId &&
    doc.stages.some((s) => s.id === stageId) &&
    doc.departments.some((d) => d.id === departmentId)
  ) {
    const placed = placeInCell(doc, 'touchpoint', stageId, departmentId, doc.nodes, [right, below]);
    spot = { x: placed.x, y: placed.y };
    grow = placed.grow;
  }
  const value = newTouchpoint({ ...spot, stageId, departmentId });
  return { changes: [...grow, { op: 'node.add', value }], id: value.id };
}

/**
 * A new card's (or stage's, or lane's) ops with the name the user typed; `target` is its canvas id
 * (a node id, `stage:<id>` or `lane:<id>`).
 */
export function namedCard(changes: readonly Change[], target: string, name: string): Change[] {
  const parsed = parseSelectionId(target);
  const op = parsed.kind === 'stage' ? 'stage.add' : parsed.kind === 'lane' ? 'department.add' : 'node.add';
  return changes.map((change) =>
    change.op === op && change.value.id === parsed.id
      ? ({ ...change, value: { ...change.value, name } } as Change)
      : change,
  );
}

// ───────────────────────────── rename ─────────────────────────────

const MAX_NAME = 200;

/** Why a name cannot be saved, or null when it can. */
export function nameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return 'A name cannot be empty.';
  if (trimmed.length > MAX_NAME) return `A name is at most ${MAX_NAME} characters.`;
  return null;
}

/** The name of what a canvas selection id names (stage:…, lane:…, a node id), or null. */
export function nameOf(doc: JourneyDocument, target: string): string | null {
  const parsed = parseSelectionId(target);
  const items: readonly { id: string; name?: string }[] =
    parsed.kind === 'stage' ? doc.stages : parsed.kind === 'lane' ? doc.departments : doc.nodes;
  const item = items.find((i) => i.id === parsed.id);
  return item && typeof item.name === 'string' ? item.name : null;
}

/** Renames a stage, lane or node; the name is trimmed; an unusable name comes back as a problem. */
export function renameTarget(
  doc: JourneyDocument,
  target: string,
  name: string,
): { changes: Change[] } | { problem: string } {
  const problem = nameProblem(name);
  if (problem) return { problem };
  const trimmed = name.trim();
  const current = nameOf(doc, target);
  if (current === null) return { problem: 'This item no longer exists.' };
  if (current === trimmed) return { changes: [] };
  const parsed = parseSelectionId(target);
  if (parsed.kind === 'stage') return { changes: [AXES.stage.update(parsed.id, { name: trimmed })] };
  if (parsed.kind === 'lane') return { changes: [AXES.lane.update(parsed.id, { name: trimmed })] };
  const node = doc.nodes.find((n) => n.id === parsed.id)!;
  return { changes: [nodeUpdate(node, { name: trimmed })] };
}

/**
 * A preview of ops on the document while a drag is in progress: the same result as applyChanges,
 * in one pass over the nodes when the ops are all updates (a resize of a band on a map of 2,000
 * cards updates most of them, on every pointer move).
 */
export function previewChanges(doc: JourneyDocument, changes: readonly Change[]): JourneyDocument {
  const nodeFields = new Map<string, object>();
  const bandChanges: Change[] = [];
  for (const change of changes) {
    if (change.op === 'touchpoint.update' || change.op === 'painpoint.update') {
      nodeFields.set(change.id, { ...nodeFields.get(change.id), ...change.fields });
    } else if (change.op === 'stage.update' || change.op === 'department.update') {
      bandChanges.push(change);
    } else {
      return applyChanges(doc, changes);
    }
  }
  const next = applyChanges(doc, bandChanges);
  if (nodeFields.size === 0) return next;
  return {
    ...next,
    nodes: next.nodes.map((node) => {
      const fields = nodeFields.get(node.id);
      return fields ? ({ ...node, ...fields } as MapNode) : node;
    }),
  };
}
