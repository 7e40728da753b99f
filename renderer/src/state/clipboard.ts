import { z } from 'zod';
import type { Change } from '../../../shared/domain/change-set';
import {
  FlowEdge,
  Id,
  MapNode,
  type JourneyDocument,
  type MapNodeKind,
  type Touchpoint,
} from '../../../shared/domain/journey';
import {
  CELL_PADDING,
  NODE_GAP,
  NODE_SIZE,
  cellAt,
  cellOfNode,
  departmentLanes,
  stageColumns,
  roundCoord,
} from '../../../shared/graph/grid';
import { selectedCards } from './arrange';
import { newId, newTouchpoint, resizeDepartment, resizeStage } from './map-edits';
import { parseSelectionId, type Selection } from './ui-store';
import { cutText } from '../../../shared/text/cut';

/**
 * Copy and paste of cards through the system clipboard, as text. The format is documented in
 * docs/clipboard.md: a versioned JSON envelope with the cards, the arrows among them, and the
 * stages, lanes and personas they refer to (id, name and place), so a paste into another map can
 * put each card in the matching cell. Everything here is pure; the commands and the DOM
 * clipboard events call it.
 */

export const CLIPBOARD_FORMAT = 'journey-studio/clipboard';
export const CLIPBOARD_VERSION = 1;
/** The most cards one paste takes. */
export const MAX_CLIPBOARD_NODES = 1000;
/** The most lines of plain text one paste turns into touchpoints. */
export const MAX_TEXT_LINES = 100;
/** Where a paste lands when it would sit exactly on its originals: this much further right and down. */
export const PASTE_OFFSET = 24;

const Place = z.number().finite().min(-1_000_000).max(1_000_000);
const RefName = z.string().max(200);

const Envelope = z
  .object({
    format: z.literal(CLIPBOARD_FORMAT),
    version: z.literal(CLIPBOARD_VERSION),
    source: z.object({ journeyId: Id, journeyName: z.string().max(200) }).strict(),
    stages: z.array(z.object({ id: Id, name: RefName, x: Place, width: Place }).strict()).max(1000),
    departments: z.array(z.object({ id: Id, name: RefName, y: Place, height: Place }).strict()).max(1000),
    personas: z.array(z.object({ id: Id, name: RefName }).strict()).max(1000),
    nodes: z.array(MapNode).min(1, 'holds no cards').max(MAX_CLIPBOARD_NODES),
    edges: z.array(FlowEdge).max(MAX_CLIPBOARD_NODES * 10),
  })
  .strict();
export type ClipboardEnvelope = z.infer<typeof Envelope>;

/** The cards of the selection as an envelope, or null when no card is selected. */
export function encodeSelection(doc: JourneyDocument, selection: Selection): ClipboardEnvelope | null {
  const nodes = selectedCards(doc, selection);
  if (nodes.length === 0) return null;
  const ids = new Set(nodes.map((n) => n.id));
  const stageIds = new Set(nodes.map((n) => n.stageId));
  const departmentIds = new Set<string | null>(nodes.map((n) => n.departmentId));
  const personaIds = new Set<string>();
  for (const n of nodes) {
    if (n.kind === 'opportunity' && n.ownerDepartmentId) departmentIds.add(n.ownerDepartmentId);
    if (n.kind !== 'touchpoint') continue;
    n.supportingDepartmentIds.forEach((id) => departmentIds.add(id));
    n.personaIds.forEach((id) => personaIds.add(id));
  }
  const names = new Map([...doc.stages, ...doc.departments].map((item) => [item.id, item.name]));
  return {
    format: CLIPBOARD_FORMAT,
    version: CLIPBOARD_VERSION,
    source: { journeyId: doc.journey.id, journeyName: doc.journey.name },
    stages: stageColumns(doc.stages)
      .filter((c) => stageIds.has(c.id))
      .map((c) => ({ id: c.id, name: names.get(c.id)!, x: c.start, width: c.size })),
    departments: departmentLanes(doc.departments)
      .filter((l) => departmentIds.has(l.id))
      .map((l) => ({ id: l.id, name: names.get(l.id)!, y: l.start, height: l.size })),
    personas: doc.personas.filter((p) => personaIds.has(p.id)).map((p) => ({ id: p.id, name: p.name })),
    nodes,
    edges: doc.edges.filter((e) => ids.has(e.sourceId) && ids.has(e.targetId)),
  };
}

export const envelopeText = (envelope: ClipboardEnvelope) => JSON.stringify(envelope, null, 2);

export type DecodedClipboard =
  | { kind: 'cards'; envelope: ClipboardEnvelope }
  | { kind: 'lines'; lines: string[] }
  | { kind: 'text'; text: string }
  | { kind: 'empty' }
  | { kind: 'error'; message: string };

const issuePath = (path: readonly PropertyKey[]) =>
  path.length
    ? path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
        .join('')
        .slice(1)
    : '';

/**
 * Reads clipboard text: our envelope (checked in full: a bad one is an error, never half
 * pasted), several lines of other text, or one piece of other text.
 */
export function decodeClipboard(text: string): DecodedClipboard {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  if (trimmed.startsWith('{') && trimmed.includes(CLIPBOARD_FORMAT)) return decodeEnvelope(trimmed);
  const lines = trimmed
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');
  if (lines.length > MAX_TEXT_LINES) {
    return {
      kind: 'error',
      message: `The clipboard holds ${lines.length} lines; paste at most ${MAX_TEXT_LINES} at once (one touchpoint per line).`,
    };
  }
  return lines.length > 1 ? { kind: 'lines', lines } : { kind: 'text', text: trimmed };
}

function decodeEnvelope(text: string): DecodedClipboard {
  const fail = (why: string): DecodedClipboard => ({
    kind: 'error',
    message: `Couldn't paste the Journey Studio cards on the clipboard: ${why}. Nothing was changed.`,
  });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return fail(`the JSON is malformed (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('it is not a JSON object');
  const record = raw as Record<string, unknown>;
  if (record.version !== CLIPBOARD_VERSION) {
    return fail(
      `it is format version ${JSON.stringify(record.version)}, and this version of Journey Studio reads version ${CLIPBOARD_VERSION}`,
    );
  }
  if (Array.isArray(record.nodes) && record.nodes.length > MAX_CLIPBOARD_NODES) {
    return fail(
      `it holds ${record.nodes.length} cards, more than the ${MAX_CLIPBOARD_NODES} one paste takes`,
    );
  }
  const parsed = Envelope.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issuePath(issue.path);
    return fail(`${where ? `${where}: ` : ''}${issue.message}`);
  }
  const envelope = parsed.data;
  const ids = new Set<string>();
  for (const [i, node] of envelope.nodes.entries()) {
    if (ids.has(node.id)) return fail(`nodes[${i}]: the id "${node.id}" appears twice`);
    ids.add(node.id);
  }
  for (const [i, edge] of envelope.edges.entries()) {
    if (!ids.has(edge.sourceId) || !ids.has(edge.targetId)) {
      return fail(`edges[${i}]: it connects a card that is not on the clipboard`);
    }
  }
  return { kind: 'cards', envelope };
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Matches a referenced stage, lane or persona in the target map: by id, then by name. */
function matcher<T extends { id: string; name: string }>(targets: readonly T[]) {
  return (ref: { id: string; name: string } | undefined): T | undefined =>
    ref && (targets.find((t) => t.id === ref.id) ?? targets.find((t) => sameName(t.name, ref.name)));
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), Math.max(min, max));

export interface PastePlan {
  changes: Change[];
  /** The new cards' ids, to select after the paste. */
  nodeIds: string[];
}

/**
 * Pastes an envelope's cards with fresh ids, keeping the arrows among them. With `at` (the
 * pointer, in map coordinates) the group's top-left corner goes there and each card takes the
 * cell it lands in. Without it each card goes into the matching stage and lane (by id, then by
 * name) at the same place inside its cell, moved right and down while it would cover its original.
 */
export function planPaste(
  doc: JourneyDocument,
  envelope: ClipboardEnvelope,
  at: { x: number; y: number } | null,
  makeId: () => string = newId,
): PastePlan {
  const columns = new Map(stageColumns(doc.stages).map((c) => [c.id, c]));
  const lanes = new Map(departmentLanes(doc.departments).map((l) => [l.id, l]));
  const matchStage = matcher(doc.stages);
  const matchDepartment = matcher(doc.departments);
  const matchPersona = matcher(doc.personas);
  const sourceStages = new Map(envelope.stages.map((s) => [s.id, s]));
  const sourceDepartments = new Map(envelope.departments.map((d) => [d.id, d]));
  const sourcePersonas = new Map(envelope.personas.map((p) => [p.id, p]));

  let placed: { x: number; y: number }[];
  if (at) {
    const minX = Math.min(...envelope.nodes.map((n) => n.x));
    const minY = Math.min(...envelope.nodes.map((n) => n.y));
    placed = envelope.nodes.map((n) => ({
      x: roundCoord(at.x + n.x - minX),
      y: roundCoord(at.y + n.y - minY),
    }));
  } else {
    placed = envelope.nodes.map((n) => {
      const size = NODE_SIZE[n.kind];
      const sourceStage = n.stageId ? sourceStages.get(n.stageId) : undefined;
      const sourceLane = n.departmentId ? sourceDepartments.get(n.departmentId) : undefined;
      const stage = matchStage(sourceStage);
      const lane = matchDepartment(sourceLane);
      const column = stage && columns.get(stage.id);
      const band = lane && lanes.get(lane.id);
      return {
        x:
          column && sourceStage
            ? column.start + clamp(n.x - sourceStage.x, 0, column.size - size.width)
            : n.x,
        y: band && sourceLane ? band.start + clamp(n.y - sourceLane.y, 0, band.size - size.height) : n.y,
      };
    });
    // Never exactly on top of what is there (the originals, when pasting into the same map).
    const covers = (dx: number, dy: number) =>
      placed.some((p) =>
        doc.nodes.some((n) => Math.abs(n.x - (p.x + dx)) < 8 && Math.abs(n.y - (p.y + dy)) < 8),
      );
    let shift = 0;
    while (shift < 50 * PASTE_OFFSET && covers(shift, shift)) shift += PASTE_OFFSET;
    placed = placed.map((p) => ({ x: p.x + shift, y: p.y + shift }));
  }

  const idMap = new Map(envelope.nodes.map((n) => [n.id, makeId()]));
  const changes: Change[] = [];
  envelope.nodes.forEach((node, i) => {
    const { x, y } = placed[i]!;
    const cell = cellOfNode({ kind: node.kind, x, y }, doc.stages, doc.departments);
    const base = {
      ...node,
      id: idMap.get(node.id)!,
      x,
      y,
      stageId: cell.stageId,
      departmentId: cell.departmentId,
    };
    if (base.kind === 'touchpoint') {
      const supporting = new Set<string>();
      for (const id of base.supportingDepartmentIds) {
        const match = matchDepartment(sourceDepartments.get(id) ?? { id, name: '' });
        if (match && match.id !== cell.departmentId) supporting.add(match.id);
      }
      const personas = new Set<string>();
      for (const id of base.personaIds) {
        const match = matchPersona(sourcePersonas.get(id) ?? { id, name: '' });
        if (match) personas.add(match.id);
      }
      changes.push({
        op: 'node.add',
        value: { ...base, supportingDepartmentIds: [...supporting], personaIds: [...personas] },
      });
    } else if (base.kind === 'opportunity' && base.ownerDepartmentId !== null) {
      // The owner lane is this map's lane of the same name, if any.
      const owner = matchDepartment(
        sourceDepartments.get(base.ownerDepartmentId) ?? { id: base.ownerDepartmentId, name: '' },
      );
      changes.push({ op: 'node.add', value: { ...base, ownerDepartmentId: owner?.id ?? null } });
    } else {
      changes.push({ op: 'node.add', value: base });
    }
  });
  for (const edge of envelope.edges) {
    changes.push({
      op: 'edge.add',
      value: {
        ...edge,
        id: makeId(),
        sourceId: idMap.get(edge.sourceId)!,
        targetId: idMap.get(edge.targetId)!,
      },
    });
  }
  return { changes, nodeIds: [...idMap.values()] };
}

/** The tallest lane and widest stage the API accepts (shared/domain/journey.ts). */
const MAX_BAND = 4000;
/** Pasted lines go side by side, at most this many in a row, further rows under. */
export const LINES_PER_ROW = 4;

/**
 * The cell pasted text goes to: the selected card's cell, the first cell of a selected stage or
 * lane, else the cell under `point` (the pointer, or the middle of the view), else the first cell.
 */
export function pasteCell(
  doc: JourneyDocument,
  selection: Selection,
  point: { x: number; y: number } | null,
): { stageId: string; departmentId: string } | null {
  const stages = stageColumns(doc.stages);
  const lanes = departmentLanes(doc.departments);
  if (stages.length === 0 || lanes.length === 0) return null;
  for (const id of selection.nodes) {
    const target = parseSelectionId(id);
    if (target.kind === 'stage') return { stageId: target.id, departmentId: lanes[0]!.id };
    if (target.kind === 'lane') return { stageId: stages[0]!.id, departmentId: target.id };
    const node = doc.nodes.find((n) => n.id === target.id);
    if (node?.stageId && node.departmentId) return { stageId: node.stageId, departmentId: node.departmentId };
  }
  if (point) {
    const cell = cellAt(point, doc.stages, doc.departments);
    if (cell.stageId && cell.departmentId) return { stageId: cell.stageId, departmentId: cell.departmentId };
  }
  return { stageId: stages[0]!.id, departmentId: lanes[0]!.id };
}

type Place = Pick<Touchpoint, 'x' | 'y' | 'stageId' | 'departmentId'>;

/** What pasted text becomes: a card of one kind, made from the text at a place. */
export interface TextCardMaker {
  kind: MapNodeKind;
  make(text: string, place: Place, id: string): MapNode;
}

/** A touchpoint named after the text's first 200 characters; longer text goes whole in its description. */
export const TOUCHPOINT_FROM_TEXT: TextCardMaker = {
  kind: 'touchpoint',
  make(text, place, id) {
    const flat = text.replace(/\s+/g, ' ').trim();
    const name = cutText(flat, 200).trim();
    const value = newTouchpoint(place, id);
    return { ...value, name, description: name === text.trim() ? '' : cutText(text.trim(), 5000) };
  },
};

/** A free note holding the text (up to the note's 5000 characters): what the room said, kept whole. */
export const NOTE_FROM_TEXT: TextCardMaker = {
  kind: 'note',
  make: (text, place, id) => ({
    kind: 'note',
    id,
    ...place,
    text: cutText(text.trim(), 5000),
    colour: 'blue',
  }),
};

/**
 * One touchpoint per text (line), side by side in a row in the cell (at most LINES_PER_ROW to a
 * row, further rows under it), under the cards already there. The stage widens and the lane grows
 * as needed, and the columns and lanes after them move along, as when resizing by hand.
 */
export function planTextPaste(
  doc: JourneyDocument,
  texts: readonly string[],
  cell: { stageId: string; departmentId: string } | null,
  point: { x: number; y: number } | null,
  makeId: () => string = newId,
  maker: TextCardMaker = TOUCHPOINT_FROM_TEXT,
): PastePlan {
  const size = NODE_SIZE[maker.kind];
  const perRow = Math.min(LINES_PER_ROW, texts.length);
  const ids = texts.map(() => makeId());
  if (!cell) {
    const origin = point ?? { x: CELL_PADDING, y: CELL_PADDING };
    const changes: Change[] = texts.map((text, i) => ({
      op: 'node.add',
      value: maker.make(
        text,
        {
          x: roundCoord(origin.x + (i % perRow) * (size.width + NODE_GAP)),
          y: roundCoord(origin.y + Math.floor(i / perRow) * (size.height + NODE_GAP)),
          stageId: null,
          departmentId: null,
        },
        ids[i]!,
      ),
    }));
    return { changes, nodeIds: ids };
  }
  const column = stageColumns(doc.stages).find((c) => c.id === cell.stageId)!;
  const lane = departmentLanes(doc.departments).find((l) => l.id === cell.departmentId)!;
  const inCell = doc.nodes.filter((n) => n.stageId === cell.stageId && n.departmentId === cell.departmentId);
  const top = inCell.reduce(
    (bottom, n) => Math.max(bottom, n.y + NODE_SIZE[n.kind].height + NODE_GAP),
    lane.start + CELL_PADDING,
  );
  const rows = Math.ceil(texts.length / perRow);
  const rowWidth = perRow * size.width + (perRow - 1) * NODE_GAP;
  const neededWidth = Math.min(MAX_BAND, Math.ceil((rowWidth + 2 * CELL_PADDING) / 10) * 10);
  const neededHeight = Math.min(
    MAX_BAND,
    Math.ceil((top - lane.start + rows * size.height + (rows - 1) * NODE_GAP + CELL_PADDING) / 10) * 10,
  );
  const changes: Change[] = [
    ...(neededWidth > column.size ? resizeStage(doc, cell.stageId, neededWidth) : []),
    ...(neededHeight > lane.size ? resizeDepartment(doc, cell.departmentId, neededHeight) : []),
  ];
  const width = Math.max(column.size, neededWidth);
  const left = column.start + Math.max(CELL_PADDING, (width - rowWidth) / 2);
  texts.forEach((text, i) => {
    const place = {
      x: roundCoord(left + (i % perRow) * (size.width + NODE_GAP)),
      y: roundCoord(top + Math.floor(i / perRow) * (size.height + NODE_GAP)),
      ...cell,
    };
    changes.push({ op: 'node.add', value: maker.make(text, place, ids[i]!) });
  });
  return { changes, nodeIds: ids };
}
