import dagre from '@dagrejs/dagre';
import { nodePlaceUpdate, type Change } from '../../../shared/domain/change-set';
import type { JourneyDocument, MapNode } from '../../../shared/domain/journey';
import {
  CELL_PADDING,
  NODE_GAP,
  NODE_SIZE,
  departmentLanes,
  stageColumns,
  roundCoord,
} from '../../../shared/graph/grid';
import { selectedCards } from './arrange';
import type { Selection } from './ui-store';

/**
 * Tidy: lays the cards of each cell out again with dagre, inside that cell and never across cells.
 * In a cell the customer's path runs left to right, as the stages do; cards with no arrow between
 * them stack under each other; a pain point goes right beside the touchpoint it is attached to.
 * A stage widens or a lane grows when a cell's layout needs the room, and the columns and lanes
 * after it move along with their cards. With cards selected only those move (laid out under the
 * others in their cell); with nothing selected the whole map is tidied.
 */

/** The widest stage and tallest lane the API accepts. */
const MAX_BAND = 4000;
const RANK_GAP = 28;

interface Laid {
  width: number;
  height: number;
  /** Top-left corners relative to the block's top-left. */
  positions: Map<string, { x: number; y: number }>;
}

/** One cell's cards laid out by dagre; the block starts at (0, 0). */
/** The footprint a card needs: its 100% size, or larger at a presentation text scale. */
export type CardFootprint = (kind: MapNode['kind']) => { width: number; height: number };
const BASE_FOOTPRINT: CardFootprint = (kind) => NODE_SIZE[kind];

export function layoutCell(
  cards: readonly MapNode[],
  doc: Pick<JourneyDocument, 'edges'>,
  sizeOf: CardFootprint = BASE_FOOTPRINT,
): Laid {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'LR', nodesep: NODE_GAP, ranksep: RANK_GAP, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  // Reading order (top to bottom, then left to right) decides the order within a rank.
  const ordered = [...cards].sort((a, b) => a.y - b.y || a.x - b.x || a.id.localeCompare(b.id));
  const ids = new Set(ordered.map((n) => n.id));
  for (const node of ordered) graph.setNode(node.id, { ...sizeOf(node.kind) });
  for (const edge of doc.edges) {
    if (!ids.has(edge.sourceId) || !ids.has(edge.targetId) || edge.sourceId === edge.targetId) continue;
    // An attachment runs from the pain point to its touchpoint: reversed, the note sits after it.
    if (edge.kind === 'attachment') graph.setEdge(edge.targetId, edge.sourceId);
    else graph.setEdge(edge.sourceId, edge.targetId);
  }
  dagre.layout(graph);
  const corners = ordered.map((node) => {
    const laid = graph.node(node.id);
    const size = sizeOf(node.kind);
    return { id: node.id, x: laid.x - size.width / 2, y: laid.y - size.height / 2, ...size };
  });
  const minX = Math.min(...corners.map((c) => c.x));
  const minY = Math.min(...corners.map((c) => c.y));
  const positions = new Map(
    corners.map((c) => [c.id, { x: roundCoord(c.x - minX), y: roundCoord(c.y - minY) }]),
  );
  return {
    width: Math.ceil(Math.max(...corners.map((c) => c.x - minX + c.width))),
    height: Math.ceil(Math.max(...corners.map((c) => c.y - minY + c.height))),
    positions,
  };
}

const roundUp = (n: number) => Math.ceil(n / 10) * 10;

/**
 * With `sizeOf` at a presentation text scale, tidy leaves each card the room it is drawn at, so at
 * that scale every card can grow fully (card-room.ts) and the lanes grow to hold them.
 */
export function tidyPlan(
  doc: JourneyDocument,
  selection: Selection,
  sizeOf: CardFootprint = BASE_FOOTPRINT,
): Change[] {
  const columns = stageColumns(doc.stages);
  const lanes = departmentLanes(doc.departments);
  const columnById = new Map(columns.map((c) => [c.id, c]));
  const laneById = new Map(lanes.map((l) => [l.id, l]));
  const inGrid = (n: MapNode) =>
    n.stageId !== null &&
    n.departmentId !== null &&
    columnById.has(n.stageId) &&
    laneById.has(n.departmentId);
  const chosen = selectedCards(doc, selection);
  const targets = (chosen.length > 0 ? chosen : doc.nodes).filter(inGrid);
  if (targets.length === 0) return [];
  const moving = new Set(targets.map((n) => n.id));

  // Lay out each cell's block and note the room it needs.
  const cells = new Map<string, MapNode[]>();
  for (const node of targets) {
    const key = `${node.stageId}\u0000${node.departmentId}`;
    cells.set(key, [...(cells.get(key) ?? []), node]);
  }
  const width = new Map(columns.map((c) => [c.id, c.size]));
  const height = new Map(lanes.map((l) => [l.id, l.size]));
  const blocks: { stageId: string; departmentId: string; laid: Laid; top: number }[] = [];
  for (const cards of cells.values()) {
    const stageId = cards[0]!.stageId!;
    const departmentId = cards[0]!.departmentId!;
    const lane = laneById.get(departmentId)!;
    const laid = layoutCell(cards, doc, sizeOf);
    // Cards that stay put in this cell keep their place; the block goes under them.
    const staying = doc.nodes.filter(
      (n) => !moving.has(n.id) && n.stageId === stageId && n.departmentId === departmentId,
    );
    const top = staying.reduce(
      (bottom, n) => Math.max(bottom, n.y - lane.start + sizeOf(n.kind).height + NODE_GAP),
      CELL_PADDING,
    );
    blocks.push({ stageId, departmentId, laid, top });
    width.set(
      stageId,
      Math.max(width.get(stageId)!, Math.min(MAX_BAND, roundUp(laid.width + 2 * CELL_PADDING))),
    );
    height.set(
      departmentId,
      Math.max(height.get(departmentId)!, Math.min(MAX_BAND, roundUp(top + laid.height + CELL_PADDING))),
    );
  }

  // Where each column and lane starts once grown.
  const newStart = (bands: { id: string; start: number; size: number }[], sizes: Map<string, number>) => {
    let at = bands[0]?.start ?? 0;
    const starts = new Map<string, number>();
    for (const band of bands) {
      starts.set(band.id, at);
      at += sizes.get(band.id)!;
    }
    return starts;
  };
  const columnStart = newStart(columns, width);
  const laneStart = newStart(lanes, height);

  const changes: Change[] = [];
  for (const c of columns) {
    if (width.get(c.id) !== c.size)
      changes.push({ op: 'stage.update', id: c.id, fields: { width: width.get(c.id)! } });
  }
  for (const l of lanes) {
    if (height.get(l.id) !== l.size) {
      changes.push({ op: 'department.update', id: l.id, fields: { height: height.get(l.id)! } });
    }
  }
  const target = new Map<string, { x: number; y: number }>();
  for (const { stageId, departmentId, laid, top } of blocks) {
    const x0 =
      columnStart.get(stageId)! + Math.max(CELL_PADDING, Math.floor((width.get(stageId)! - laid.width) / 2));
    const y0 = laneStart.get(departmentId)! + top;
    for (const [id, p] of laid.positions) target.set(id, { x: x0 + p.x, y: y0 + p.y });
  }
  for (const node of doc.nodes) {
    let next = target.get(node.id);
    if (!next && inGrid(node)) {
      // Not tidied: it moves with its column and lane.
      next = {
        x: node.x + columnStart.get(node.stageId!)! - columnById.get(node.stageId!)!.start,
        y: node.y + laneStart.get(node.departmentId!)! - laneById.get(node.departmentId!)!.start,
      };
    }
    if (!next || (next.x === node.x && next.y === node.y)) continue;
    const fields = {
      ...(next.x !== node.x ? { x: next.x } : {}),
      ...(next.y !== node.y ? { y: next.y } : {}),
    };
    changes.push(nodePlaceUpdate(node, fields));
  }
  return changes;
}
