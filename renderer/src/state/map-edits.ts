import { nodePlaceUpdate, type Change } from '../../../shared/domain/change-set';
import type {
  Department,
  FlowEdge,
  JourneyDocument,
  MapNode,
  MapNodeKind,
  PainPoint,
  Persona,
  Stage,
  Touchpoint,
} from '../../../shared/domain/journey';
import {
  CELL_PADDING,
  DEFAULT_LANE_HEIGHT,
  DEFAULT_STAGE_WIDTH,
  NODE_GAP,
  NODE_SIZE,
  cellOfNode,
  departmentLanes,
  freeSpotInCell,
  stageColumns,
  roundCoord,
} from '../../../shared/graph/grid';
import { connectionKind, isDuplicateEdge } from '../../../shared/graph/rules';
import { parseSelectionId, type Selection } from './ui-store';

/**
 * The map edits a user makes, as pure functions from the document (and selection) to change ops.
 * Commands, the canvas and the inspector call these, then hand the ops to the document store.
 */

export const newId = () => crypto.randomUUID();

/** Lane colours offered to new lanes, in turn; dark enough for white text and a visible stripe. */
export const LANE_PALETTE = [
  '#7c3aed',
  '#0369a1',
  '#047857',
  '#c2410c',
  '#be185d',
  '#4d7c0f',
  '#b45309',
  '#0e7490',
  '#4338ca',
  '#9f1239',
] as const;

const nextOrder = (items: readonly { order: number }[]) =>
  items.reduce((max, item) => Math.max(max, item.order + 1), 0);

const byOrder = <T extends { order: number }>(items: readonly T[]) =>
  [...items].sort((a, b) => a.order - b.order);

export function addStage(doc: JourneyDocument): { changes: Change[]; id: string } {
  const value: Stage = {
    id: newId(),
    name: 'New stage',
    goal: '',
    width: DEFAULT_STAGE_WIDTH,
    order: nextOrder(doc.stages),
  };
  return { changes: [{ op: 'stage.add', value }], id: value.id };
}

export function addDepartment(doc: JourneyDocument): { changes: Change[]; id: string } {
  const used = new Set(doc.departments.map((d) => d.colour.toLowerCase()));
  const colour =
    LANE_PALETTE.find((c) => !used.has(c)) ?? LANE_PALETTE[doc.departments.length % LANE_PALETTE.length]!;
  const value: Department = {
    id: newId(),
    name: 'New lane',
    colour,
    height: DEFAULT_LANE_HEIGHT,
    order: nextOrder(doc.departments),
  };
  return { changes: [{ op: 'department.add', value }], id: value.id };
}

function spotFits(
  kind: MapNodeKind,
  spot: { x: number; y: number },
  nodes: readonly Pick<MapNode, 'x' | 'y' | 'kind'>[],
) {
  const size = NODE_SIZE[kind];
  return !nodes.some((n) => {
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
 * Where a new node goes: the cell of the selected touchpoint, or the first cell with room in the
 * selected stage or lane, or else the first cell with room anywhere; in that cell, the first
 * free spot. When everything is full, the preferred cell's corner.
 */
export interface NewNodePlace {
  x: number;
  y: number;
  stageId: string | null;
  departmentId: string | null;
  /** Set when the cell is full: the lane's new height, so the card fits. */
  growLaneTo?: number;
}

export function placeNewNode(
  kind: MapNodeKind,
  doc: JourneyDocument,
  selection: Selection,
  nodes: readonly Pick<MapNode, 'x' | 'y' | 'kind'>[] = doc.nodes,
): NewNodePlace {
  const stages = byOrder(doc.stages);
  const lanes = byOrder(doc.departments);
  if (stages.length === 0 || lanes.length === 0) {
    const bottom = nodes.reduce((max, n) => Math.max(max, n.y + NODE_SIZE[n.kind].height), 0);
    return {
      x: CELL_PADDING,
      y: nodes.length ? bottom + CELL_PADDING : CELL_PADDING,
      stageId: null,
      departmentId: null,
    };
  }
  let stageCandidates = stages.map((s) => s.id);
  let laneCandidates = lanes.map((d) => d.id);
  let chosenCell = false;
  const first = selection.nodes[0];
  if (first) {
    const target = parseSelectionId(first);
    if (target.kind === 'stage') stageCandidates = [target.id];
    else if (target.kind === 'lane') laneCandidates = [target.id];
    else {
      const node = doc.nodes.find((n) => n.id === target.id);
      if (node?.stageId && node.departmentId) {
        stageCandidates = [node.stageId];
        laneCandidates = [node.departmentId];
        chosenCell = true;
      }
    }
  }
  const tryCells = (stageIds: string[], laneIds: string[]) => {
    for (const departmentId of laneIds) {
      for (const stageId of stageIds) {
        const spot = freeSpotInCell(kind, stageId, departmentId, doc.stages, doc.departments, nodes);
        if (spotFits(kind, spot, nodes)) return { ...spot, stageId, departmentId };
      }
    }
    return null;
  };
  const preferred = tryCells(stageCandidates, laneCandidates);
  if (preferred) return preferred;
  if (!chosenCell) {
    const anywhere = tryCells(
      stages.map((s) => s.id),
      lanes.map((d) => d.id),
    );
    if (anywhere) return anywhere;
  }
  // The chosen cell (or, with nothing chosen, the whole grid) is full: the card goes under the last
  // one in that cell and the lane grows to hold it.
  const stageId = stageCandidates[0]!;
  const departmentId = laneCandidates[0]!;
  const column = stageColumns(doc.stages).find((b) => b.id === stageId)!;
  const lane = departmentLanes(doc.departments).find((b) => b.id === departmentId)!;
  const size = NODE_SIZE[kind];
  const inCell = nodes.filter((n) => {
    const cell = cellOfNode(n, doc.stages, doc.departments);
    return cell.stageId === stageId && cell.departmentId === departmentId;
  });
  const y = inCell.reduce(
    (bottom, n) => Math.max(bottom, n.y + NODE_SIZE[n.kind].height + NODE_GAP),
    lane.start + CELL_PADDING,
  );
  const x = column.start + Math.max(CELL_PADDING, (column.size - size.width) / 2);
  return { x, y, stageId, departmentId, growLaneTo: y + size.height + CELL_PADDING - lane.start };
}

/** The tallest lane the API accepts (Department.height in shared/domain/journey.ts). */
const MAX_LANE_HEIGHT = 4000;

/**
 * The changes that add a node where placeNewNode put it, growing its lane first when needed. The
 * lane never grows past MAX_LANE_HEIGHT: a taller one would be refused, and with it every op queued.
 */
export function addNodeChanges(doc: JourneyDocument, place: NewNodePlace, value: MapNode): Change[] {
  const grow =
    place.growLaneTo !== undefined && place.departmentId
      ? resizeDepartment(
          doc,
          place.departmentId,
          Math.min(MAX_LANE_HEIGHT, Math.ceil(place.growLaneTo / 10) * 10),
        )
      : [];
  return [...grow, { op: 'node.add', value }];
}

/** A touchpoint with the defaults every new card starts from, at a given place. */
export function newTouchpoint(
  place: Pick<Touchpoint, 'x' | 'y' | 'stageId' | 'departmentId'>,
  id: string = newId(),
): Touchpoint {
  return {
    kind: 'touchpoint',
    id,
    ...place,
    name: 'New touchpoint',
    description: '',
    channel: 'web',
    mode: 'experience',
    emotion: 0,
    frontstage: true,
    supportingDepartmentIds: [],
    metricKey: '',
    personaIds: [],
  };
}

export function addTouchpoint(doc: JourneyDocument, selection: Selection): { changes: Change[]; id: string } {
  const placed = placeNewNode('touchpoint', doc, selection);
  const { growLaneTo: _grow, ...place } = placed;
  const value = newTouchpoint(place);
  return { changes: addNodeChanges(doc, placed, value), id: value.id };
}

/** A pain point with the defaults every new one starts from, at a given place. */
export function newPainPoint(
  place: Pick<PainPoint, 'x' | 'y' | 'stageId' | 'departmentId'>,
  id: string = newId(),
): PainPoint {
  return {
    kind: 'painpoint',
    id,
    ...place,
    name: 'New pain point',
    description: '',
    severity: 'medium',
    evidence: '',
    status: 'open',
    votes: 0,
  };
}

/** A new pain point, in the selected touchpoint's cell when there is room. */
export function addPainPoint(doc: JourneyDocument, selection: Selection): { changes: Change[]; id: string } {
  const placed = placeNewNode('painpoint', doc, selection);
  const { growLaneTo: _grow, ...place } = placed;
  const value = newPainPoint(place);
  return { changes: addNodeChanges(doc, placed, value), id: value.id };
}

export function addPersona(doc: JourneyDocument): { changes: Change[]; id: string } {
  const value: Persona = {
    id: newId(),
    name: 'New persona',
    role: '',
    goals: '',
    frustrations: '',
    quote: '',
    order: nextOrder(doc.personas),
  };
  return { changes: [{ op: 'persona.add', value }], id: value.id };
}

/** Removing a persona also takes it off the touchpoints that name it. */
export function removePersona(doc: JourneyDocument, personaId: string): Change[] {
  const changes: Change[] = [];
  for (const node of doc.nodes) {
    if (node.kind === 'touchpoint' && node.personaIds.includes(personaId)) {
      changes.push({
        op: 'touchpoint.update',
        id: node.id,
        fields: { personaIds: node.personaIds.filter((id) => id !== personaId) },
      });
    }
  }
  changes.push({ op: 'persona.remove', id: personaId });
  return changes;
}

/** An update of the fields every node kind has (and the name, for the kinds that have one), with the op the node's kind takes. */
export const nodeUpdate = (
  node: MapNode,
  fields: Partial<Pick<Touchpoint, 'x' | 'y' | 'stageId' | 'departmentId' | 'name'>>,
): Change => {
  const { name, ...place } = fields;
  if (name === undefined || node.kind === 'note') return nodePlaceUpdate(node, place);
  return { ...nodePlaceUpdate(node, place), fields: { ...place, name } } as Change;
};

/** After a drag: new positions and, judged by each node's centre, the cell it landed in. */
export function moveNodes(
  doc: JourneyDocument,
  moves: readonly { id: string; x: number; y: number }[],
): Change[] {
  const changes: Change[] = [];
  for (const move of moves) {
    const node = doc.nodes.find((n) => n.id === move.id);
    if (!node) continue;
    const x = roundCoord(move.x);
    const y = roundCoord(move.y);
    if (x === node.x && y === node.y) continue;
    const cell = cellOfNode({ kind: node.kind, x, y }, doc.stages, doc.departments);
    changes.push(nodeUpdate(node, { x, y, stageId: cell.stageId, departmentId: cell.departmentId }));
  }
  return changes;
}

/** Moves a node into another cell (from the inspector's stage and department selects). */
export function moveNodeToCell(
  doc: JourneyDocument,
  nodeId: string,
  cell: { stageId?: string; departmentId?: string },
): Change[] {
  const node = doc.nodes.find((n) => n.id === nodeId);
  if (!node) return [];
  const stageId = cell.stageId ?? node.stageId ?? byOrder(doc.stages)[0]?.id;
  const departmentId = cell.departmentId ?? node.departmentId ?? byOrder(doc.departments)[0]?.id;
  if (!stageId || !departmentId) return [];
  const others = doc.nodes.filter((n) => n.id !== nodeId);
  const spot = freeSpotInCell(node.kind, stageId, departmentId, doc.stages, doc.departments, others);
  return [nodeUpdate(node, { ...spot, stageId, departmentId })];
}

/** Changes a stage's width; the cards in the columns to its right move with their columns. */
export function resizeStage(doc: JourneyDocument, stageId: string, width: number): Change[] {
  const stage = doc.stages.find((s) => s.id === stageId);
  if (!stage || stage.width === width) return [];
  const delta = width - stage.width;
  const columns = stageColumns(doc.stages);
  const start = columns.find((c) => c.id === stageId)?.start ?? 0;
  const later = new Set(columns.filter((c) => c.start > start).map((c) => c.id));
  return [
    { op: 'stage.update', id: stageId, fields: { width } },
    ...doc.nodes
      .filter((n) => n.stageId !== null && later.has(n.stageId))
      .map((n) => nodeUpdate(n, { x: n.x + delta })),
  ];
}

/** Changes a lane's height; the cards in the lanes below move with their lanes. */
export function resizeDepartment(doc: JourneyDocument, departmentId: string, height: number): Change[] {
  const department = doc.departments.find((d) => d.id === departmentId);
  if (!department || department.height === height) return [];
  const delta = height - department.height;
  const lanes = departmentLanes(doc.departments);
  const start = lanes.find((l) => l.id === departmentId)?.start ?? 0;
  const later = new Set(lanes.filter((l) => l.start > start).map((l) => l.id));
  return [
    { op: 'department.update', id: departmentId, fields: { height } },
    ...doc.nodes
      .filter((n) => n.departmentId !== null && later.has(n.departmentId))
      .map((n) => nodeUpdate(n, { y: n.y + delta })),
  ];
}

export interface DeletePlan {
  changes: Change[];
  /** Set when the deletion takes nodes with it that the user did not select: ask first. */
  confirm: { title: string; message: string } | null;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Removing the selection: nodes (their edges go with them through the cascade, locally too),
 * edges, and stages or lanes together with the nodes they hold; the columns and lanes after a
 * removed one close the gap, so the cards in them move with them.
 */
export function deleteSelection(doc: JourneyDocument, selection: Selection): DeletePlan {
  const removedNodes = new Set<string>();
  const stageIds: string[] = [];
  const laneIds: string[] = [];
  for (const id of selection.nodes) {
    const target = parseSelectionId(id);
    if (target.kind === 'stage') stageIds.push(target.id);
    else if (target.kind === 'lane') laneIds.push(target.id);
    else if (doc.nodes.some((n) => n.id === target.id)) removedNodes.add(target.id);
  }
  const heldNodes = doc.nodes.filter(
    (n) =>
      !removedNodes.has(n.id) &&
      ((n.stageId !== null && stageIds.includes(n.stageId)) ||
        (n.departmentId !== null && laneIds.includes(n.departmentId))),
  );
  for (const n of heldNodes) removedNodes.add(n.id);

  const changes: Change[] = [];
  for (const id of removedNodes) changes.push({ op: 'node.remove', id });
  for (const id of selection.edges) {
    const edge = doc.edges.find((e) => e.id === id);
    if (edge && !removedNodes.has(edge.sourceId) && !removedNodes.has(edge.targetId)) {
      changes.push({ op: 'edge.remove', id });
    }
  }

  // Close the gaps left by removed columns and lanes: remaining cards shift with their bands.
  const columns = stageColumns(doc.stages);
  const lanes = departmentLanes(doc.departments);
  const shiftX = (x: number) =>
    columns
      .filter((c) => stageIds.includes(c.id) && c.start + c.size <= x)
      .reduce((sum, c) => sum + c.size, 0);
  const shiftY = (y: number) =>
    lanes.filter((l) => laneIds.includes(l.id) && l.start + l.size <= y).reduce((sum, l) => sum + l.size, 0);
  if (stageIds.length || laneIds.length) {
    for (const node of doc.nodes) {
      if (removedNodes.has(node.id)) continue;
      const dx = stageIds.length ? shiftX(node.x) : 0;
      const dy = laneIds.length ? shiftY(node.y) : 0;
      if (dx || dy)
        changes.push(
          nodeUpdate(node, { ...(dx ? { x: node.x - dx } : {}), ...(dy ? { y: node.y - dy } : {}) }),
        );
    }
  }
  for (const id of laneIds) {
    for (const node of doc.nodes) {
      if (
        !removedNodes.has(node.id) &&
        node.kind === 'touchpoint' &&
        node.supportingDepartmentIds.includes(id)
      ) {
        changes.push({
          op: 'touchpoint.update',
          id: node.id,
          fields: { supportingDepartmentIds: node.supportingDepartmentIds.filter((d) => d !== id) },
        });
      }
    }
  }
  for (const id of stageIds) changes.push({ op: 'stage.remove', id });
  for (const id of laneIds) changes.push({ op: 'department.remove', id });

  let confirm: DeletePlan['confirm'] = null;
  if (heldNodes.length > 0) {
    const names = [
      ...doc.stages.filter((s) => stageIds.includes(s.id)).map((s) => `stage “${s.name}”`),
      ...doc.departments.filter((d) => laneIds.includes(d.id)).map((d) => `lane “${d.name}”`),
    ];
    const what = names.length === 1 ? `the ${names[0]}` : `${names.length} stages and lanes`;
    confirm = {
      title: `Delete ${what}?`,
      message: `This also deletes ${plural(heldNodes.length, 'card')} inside it (touchpoints, pain points, opportunities and notes) and their connections.`,
    };
  }
  return { changes, confirm };
}

export type ConnectResult = { change: Change } | { reason: string };

/** A new edge between two nodes, or the reason it makes no sense. */
export function connectNodes(doc: JourneyDocument, sourceId: string, targetId: string): ConnectResult {
  const source = doc.nodes.find((n) => n.id === sourceId);
  const target = doc.nodes.find((n) => n.id === targetId);
  if (!source || !target) return { reason: 'Connect cards to cards.' };
  const kind = connectionKind(source, target);
  if ('reason' in kind) return kind;
  if (isDuplicateEdge(doc.edges, sourceId, targetId)) {
    return { reason: 'These cards are already connected.' };
  }
  const value: FlowEdge = { id: newId(), kind: kind.kind, sourceId, targetId, label: '' };
  return { change: { op: 'edge.add', value } };
}
