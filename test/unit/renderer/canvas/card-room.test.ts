import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MapNodeKind } from '../../../../shared/domain/journey';
import { NODE_SIZE, cellOfNode } from '../../../../shared/graph/grid';
import { applyChanges } from '../../../../renderer/src/state/apply-change';
import { tidyPlan } from '../../../../renderer/src/state/tidy';
import { sampleDoc } from '../state/command-fixtures';
import { CARD_CLEARANCE, cardScales } from '../../../../renderer/src/canvas/card-room';
import { cardSize } from '../../../../renderer/src/canvas/card-size';
import { TEMPLATE_CATALOGUE, templateContent } from '../../../../shared/templates';
import { benchMapContent } from '../../../bench/bench-map';

/** Cards at a presentation text scale never overlap, and each grows as far as its place allows. */

type Card = { id: string; kind: MapNodeKind; x: number; y: number };

function overlapsAt(cards: readonly Card[], scale: number): string[] {
  const scales = cardScales(cards, scale);
  const boxes = cards.map((c) => ({ c, size: cardSize(c.kind, scales.get(c.id) ?? scale) }));
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (
        a.c.x < b.c.x + b.size.width &&
        b.c.x < a.c.x + a.size.width &&
        a.c.y < b.c.y + b.size.height &&
        b.c.y < a.c.y + a.size.height
      )
        found.push(`${a.c.id} × ${b.c.id}`);
    }
  return found;
}

const KINDS: MapNodeKind[] = ['touchpoint', 'painpoint', 'opportunity', 'note'];

describe('card scales at a presentation text size', () => {
  it('keeps apart cards stacked in a cell 14 px apart, and lets a lone card grow fully', () => {
    const stack: Card[] = [
      { id: 'a', kind: 'touchpoint', x: 40, y: 20 },
      { id: 'b', kind: 'touchpoint', x: 40, y: 20 + 96 + 14 },
      { id: 'c', kind: 'painpoint', x: 64, y: 20 + 2 * (96 + 14) },
      { id: 'alone', kind: 'touchpoint', x: 1000, y: 20 },
    ];
    for (const scale of [1.25, 1.5, 2]) expect(overlapsAt(stack, scale)).toEqual([]);
    const scales = cardScales(stack, 2);
    expect(scales.has('alone')).toBe(false);
    expect(scales.get('a')).toBeGreaterThanOrEqual(1);
    // The last of a stack has room below it: it grows fully.
    expect(scales.has('c')).toBe(false);
  });

  it('never overlaps cards that did not overlap at 100%, at any scale', () => {
    const card = fc.record({
      kind: fc.constantFrom(...KINDS),
      x: fc.integer({ min: 0, max: 1200 }),
      y: fc.integer({ min: 0, max: 900 }),
    });
    fc.assert(
      fc.property(fc.array(card, { maxLength: 30 }), fc.constantFrom(1.25, 1.5, 2), (raw, scale) => {
        // Keep a layout that is clear at 100% (as the map keeps it), like a real map.
        const cards: Card[] = [];
        for (const [i, c] of raw.entries()) {
          const s = NODE_SIZE[c.kind];
          const clear = cards.every((o) => {
            const t = NODE_SIZE[o.kind];
            return !(
              c.x < o.x + t.width &&
              o.x < c.x + s.width &&
              c.y < o.y + t.height &&
              o.y < c.y + s.height
            );
          });
          if (clear) cards.push({ id: `n${i}`, ...c });
        }
        expect(overlapsAt(cards, scale)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('holds on every template and on the 2,000-card benchmark map', () => {
    let id = 0;
    for (const entry of TEMPLATE_CATALOGUE) {
      const { content } = templateContent(entry.id, () => `id${++id}`);
      expect(overlapsAt(content.nodes, 2), entry.name).toEqual([]);
      expect(overlapsAt(content.nodes, 1.5), entry.name).toEqual([]);
    }
    const bench = benchMapContent();
    expect(cardScales(bench.nodes, 2).size).toBeLessThanOrEqual(bench.nodes.length);
    expect(CARD_CLEARANCE).toBeGreaterThan(0);
  });
});

describe('tidy at a presentation text scale', () => {
  it('makes room for every card of the online store to grow fully, each staying in its cell', () => {
    for (const scale of [1.5, 2]) {
      const doc = sampleDoc();
      expect(cardScales(doc.nodes, scale).size).toBeGreaterThan(0);
      const after = applyChanges(
        doc,
        tidyPlan(doc, { nodes: [], edges: [] }, (kind) => cardSize(kind, scale)),
      );
      expect(cardScales(after.nodes, scale).size, `cards held back at ${scale}`).toBe(0);
      for (const node of after.nodes) {
        const old = doc.nodes.find((n) => n.id === node.id)!;
        expect([node.stageId, node.departmentId]).toEqual([old.stageId, old.departmentId]);
        expect(cellOfNode(node, after.stages, after.departments)).toEqual({
          stageId: node.stageId,
          departmentId: node.departmentId,
        });
      }
    }
  });
});
