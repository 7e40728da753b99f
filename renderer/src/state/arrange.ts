import type { Change } from '../../../shared/domain/change-set';
import type { JourneyDocument, MapNode } from '../../../shared/domain/journey';
import { NODE_SIZE, roundCoord } from '../../../shared/graph/grid';
import { moveNodes } from './map-edits';
import { parseSelectionId, type Selection } from './ui-store';

/**
 * Align and distribute the selected cards. Pure: the document and selection in, change ops out,
 * so one command is one gesture and one undo step. A card that ends up in another cell takes that
 * stage and department, as after a drag (moveNodes).
 */

export type Alignment = 'left' | 'center' | 'right' | 'top' | 'middle' | 'bottom';
export type Axis = 'horizontal' | 'vertical';

/** The selected cards (every node kind), in document order; headers are left out. */
export function selectedCards(doc: JourneyDocument, selection: Selection): MapNode[] {
  const ids = new Set(selection.nodes.filter((id) => parseSelectionId(id).kind === 'node'));
  return doc.nodes.filter((n) => ids.has(n.id));
}

interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

const boxOf = (node: MapNode): Box => ({ id: node.id, x: node.x, y: node.y, ...NODE_SIZE[node.kind] });

/** New top-left positions that align the boxes; boxes already in place are left out. */
export function alignBoxes(
  boxes: readonly Box[],
  alignment: Alignment,
): { id: string; x: number; y: number }[] {
  if (boxes.length < 2) return [];
  const left = Math.min(...boxes.map((b) => b.x));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const top = Math.min(...boxes.map((b) => b.y));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  const place = (b: Box): { x: number; y: number } => {
    switch (alignment) {
      case 'left':
        return { x: left, y: b.y };
      case 'center':
        return { x: (left + right) / 2 - b.width / 2, y: b.y };
      case 'right':
        return { x: right - b.width, y: b.y };
      case 'top':
        return { x: b.x, y: top };
      case 'middle':
        return { x: b.x, y: (top + bottom) / 2 - b.height / 2 };
      case 'bottom':
        return { x: b.x, y: bottom - b.height };
    }
  };
  return boxes
    .map((b) => ({ id: b.id, ...roundPoint(place(b)) }))
    .filter((p, i) => p.x !== boxes[i]!.x || p.y !== boxes[i]!.y);
}

const roundPoint = (p: { x: number; y: number }) => ({ x: roundCoord(p.x), y: roundCoord(p.y) });

/**
 * Equal gaps between neighbouring boxes along an axis: the first and last box (by position) stay,
 * the ones between move so every gap is the same. Needs three boxes or more.
 */
export function distributeBoxes(boxes: readonly Box[], axis: Axis): { id: string; x: number; y: number }[] {
  if (boxes.length < 3) return [];
  const pos = axis === 'horizontal' ? 'x' : 'y';
  const size = axis === 'horizontal' ? 'width' : 'height';
  const sorted = [...boxes].sort((a, b) => a[pos] - b[pos] || a.id.localeCompare(b.id));
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  const span = last[pos] + last[size] - first[pos];
  const occupied = sorted.reduce((sum, b) => sum + b[size], 0);
  const gap = (span - occupied) / (sorted.length - 1);
  const out: { id: string; x: number; y: number }[] = [];
  let cursor = first[pos] + first[size] + gap;
  for (const b of sorted.slice(1, -1)) {
    const at = roundCoord(cursor);
    if (at !== b[pos]) out.push({ id: b.id, x: pos === 'x' ? at : b.x, y: pos === 'y' ? at : b.y });
    cursor += b[size] + gap;
  }
  return out;
}

export function alignSelection(doc: JourneyDocument, selection: Selection, alignment: Alignment): Change[] {
  return moveNodes(doc, alignBoxes(selectedCards(doc, selection).map(boxOf), alignment));
}

export function distributeSelection(doc: JourneyDocument, selection: Selection, axis: Axis): Change[] {
  return moveNodes(doc, distributeBoxes(selectedCards(doc, selection).map(boxOf), axis));
}
