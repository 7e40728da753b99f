import { describe, expect, it } from 'vitest';
import { NODE_SIZE } from '../../../../shared/graph/grid';
import { applyChanges } from '../../../../renderer/src/state/apply-change';
import {
  alignBoxes,
  alignSelection,
  distributeBoxes,
  distributeSelection,
} from '../../../../renderer/src/state/arrange';
import { stageSelectionId } from '../../../../renderer/src/state/ui-store';
import { expectValid, named, sampleDoc } from './command-fixtures';

const box = (id: string, x: number, y: number, width = 100, height = 50) => ({ id, x, y, width, height });

describe('alignBoxes', () => {
  const boxes = [box('a', 10, 100), box('b', 50, 20, 200, 80), box('c', 300, 60, 40, 40)];
  const at = (moves: { id: string; x: number; y: number }[], id: string) => moves.find((m) => m.id === id);

  it('left, centre and right line up the edges or centres of the bounding box', () => {
    expect(alignBoxes(boxes, 'left')).toEqual([
      { id: 'b', x: 10, y: 20 },
      { id: 'c', x: 10, y: 60 },
    ]);
    // Bounding box 10…340: centre 175.
    const centre = alignBoxes(boxes, 'center');
    expect(at(centre, 'a')).toEqual({ id: 'a', x: 125, y: 100 });
    expect(at(centre, 'b')).toEqual({ id: 'b', x: 75, y: 20 });
    expect(at(centre, 'c')).toEqual({ id: 'c', x: 155, y: 60 });
    expect(alignBoxes(boxes, 'right')).toEqual([
      { id: 'a', x: 240, y: 100 },
      { id: 'b', x: 140, y: 20 },
    ]);
  });

  it('top, middle and bottom do the same vertically', () => {
    expect(alignBoxes(boxes, 'top').map((m) => m.y)).toEqual([20, 20]);
    // Bounding box 20…150: middle 85.
    expect(alignBoxes(boxes, 'middle')).toEqual([
      { id: 'a', x: 10, y: 60 },
      { id: 'b', x: 50, y: 45 },
      { id: 'c', x: 300, y: 65 },
    ]);
    // a already ends at the bottom (150): only b and c move.
    expect(alignBoxes(boxes, 'bottom')).toEqual([
      { id: 'b', x: 50, y: 70 },
      { id: 'c', x: 300, y: 110 },
    ]);
  });

  it('needs two boxes', () => {
    expect(alignBoxes([box('a', 0, 0)], 'left')).toEqual([]);
  });
});

describe('distributeBoxes', () => {
  it('makes the gaps equal, keeping the outermost boxes where they are', () => {
    // Widths 100, 50, 100 between x = 0 and x = 400: 150 px free, two gaps of 75.
    const moves = distributeBoxes([box('a', 0, 0), box('c', 300, 0), box('b', 120, 0, 50)], 'horizontal');
    expect(moves).toEqual([{ id: 'b', x: 175, y: 0 }]);
  });

  it('works vertically and needs three boxes', () => {
    const moves = distributeBoxes([box('a', 0, 0), box('b', 0, 10), box('c', 0, 200)], 'vertical');
    expect(moves).toEqual([{ id: 'b', x: 0, y: 100 }]);
    expect(distributeBoxes([box('a', 0, 0), box('b', 0, 10)], 'vertical')).toEqual([]);
  });

  it('never places a card at -0, which the library would store as 0', () => {
    // Overlapping boxes: the gap is -0.3 px, so b lands at round(-0.3), which is -0 in JavaScript.
    // JSON writes -0 as 0: memory and the saved map would differ (found by the history property test).
    const moves = distributeBoxes([box('a', -100, 0), box('b', -50, 0, 0.6), box('c', 0, 0)], 'horizontal');
    expect(moves).toHaveLength(1);
    expect(moves[0]!.x).toBe(0);
    expect(Object.is(moves[0]!.x, -0)).toBe(false);
  });
});

describe('alignSelection and distributeSelection on a map', () => {
  it('move only the selected cards, in one valid change set, and ignore headers', () => {
    const doc = sampleDoc();
    const cards = ['Search ad', 'Product page', 'Order confirmation'].map((n) => named(doc, n));
    const selection = { nodes: [...cards.map((c) => c.id), stageSelectionId(doc.stages[0]!.id)], edges: [] };
    const changes = alignSelection(doc, selection, 'top');
    expectValid(changes);
    const after = applyChanges(doc, changes);
    const top = Math.min(...cards.map((c) => c.y));
    for (const card of cards) expect(after.nodes.find((n) => n.id === card.id)!.y).toBe(top);
    const others = doc.nodes.filter((n) => !cards.includes(n));
    for (const node of others) expect(after.nodes.find((n) => n.id === node.id)).toEqual(node);
  });

  it('a card aligned into another lane takes that lane, as after a drag', () => {
    const doc = sampleDoc();
    const a = named(doc, 'Search ad');
    const b = named(doc, 'Return-policy question');
    const after = applyChanges(doc, alignSelection(doc, { nodes: [a.id, b.id], edges: [] }, 'top'));
    const moved = after.nodes.find((n) => n.id === b.id)!;
    expect(moved.y).toBe(a.y);
    expect(moved.departmentId).toBe(a.departmentId);
  });

  it('distributes touchpoints by their real sizes', () => {
    const doc = sampleDoc();
    const ids = ['Search ad', 'Product page', 'Order confirmation', 'Shipping updates'].map(
      (n) => named(doc, n).id,
    );
    const after = applyChanges(doc, distributeSelection(doc, { nodes: ids, edges: [] }, 'horizontal'));
    const xs = after.nodes
      .filter((n) => ids.includes(n.id))
      .map((n) => n.x)
      .sort((p, q) => p - q);
    const gaps = xs.slice(1).map((x, i) => x - xs[i]! - NODE_SIZE.touchpoint.width);
    expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThanOrEqual(1);
  });
});
