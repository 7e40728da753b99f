import { describe, expect, it } from 'vitest';
import type { JourneyDocument, MapNode } from '../../../../shared/domain/journey';
import { NODE_SIZE, cellOfNode } from '../../../../shared/graph/grid';
import { TEMPLATE_CATALOGUE, templateContent } from '../../../../shared/templates';
import { applyChanges } from '../../../../renderer/src/state/apply-change';
import { moveNodes } from '../../../../renderer/src/state/map-edits';
import { layoutCell, tidyPlan } from '../../../../renderer/src/state/tidy';
import { prng } from './journey-fixtures';
import { expectValid, nameOf, named, sampleDoc } from './command-fixtures';

const overlap = (a: MapNode, b: MapNode) => {
  const sa = NODE_SIZE[a.kind];
  const sb = NODE_SIZE[b.kind];
  return a.x < b.x + sb.width && b.x < a.x + sa.width && a.y < b.y + sb.height && b.y < a.y + sa.height;
};

/** Every card is in the cell it was in, judged by where it is drawn; no two cards overlap. */
function expectTidy(before: JourneyDocument, after: JourneyDocument) {
  for (const node of after.nodes) {
    const old = before.nodes.find((n) => n.id === node.id)!;
    expect(node.stageId).toBe(old.stageId);
    expect(node.departmentId).toBe(old.departmentId);
    if (node.stageId && node.departmentId) {
      expect(cellOfNode(node, after.stages, after.departments)).toEqual({
        stageId: node.stageId,
        departmentId: node.departmentId,
      });
    }
  }
  for (const [i, a] of after.nodes.entries()) {
    for (const b of after.nodes.slice(i + 1))
      expect(overlap(a, b), `${nameOf(a)} / ${nameOf(b)}`).toBe(false);
  }
}

/** The sample, scrambled: every card thrown somewhere random inside its own cell. */
function scrambled(seed: number): JourneyDocument {
  const doc = sampleDoc();
  const random = prng(seed);
  const moves = doc.nodes.map((n) => ({
    id: n.id,
    x: n.x + random.int(-20, 20),
    y: n.y + random.int(-40, 40),
  }));
  const moved = applyChanges(doc, moveNodes(doc, moves));
  // Keep only the moves that stayed in the card's cell (moveNodes would re-cell the others).
  return {
    ...moved,
    nodes: moved.nodes.map((n, i) =>
      n.stageId === doc.nodes[i]!.stageId && n.departmentId === doc.nodes[i]!.departmentId
        ? n
        : doc.nodes[i]!,
    ),
  };
}

describe('layoutCell', () => {
  it('stacks cards without arrows and puts a pain point right of its touchpoint', () => {
    const doc = sampleDoc();
    const page = named(doc, 'Product page');
    const pain = doc.nodes.find(
      (n) => n.kind === 'painpoint' && doc.edges.some((e) => e.sourceId === n.id && e.targetId === page.id),
    )!;
    const laid = layoutCell([page, pain], doc);
    expect(laid.positions.get(pain.id)!.x).toBeGreaterThanOrEqual(
      laid.positions.get(page.id)!.x + NODE_SIZE.touchpoint.width,
    );
    const two = layoutCell([named(doc, 'Search ad'), named(doc, 'Social post')], doc);
    expect(two.width).toBe(NODE_SIZE.touchpoint.width);
  });
});

describe('tidyPlan', () => {
  it('never moves a card out of its cell and leaves no overlaps, on every template', () => {
    expect(TEMPLATE_CATALOGUE.length).toBeGreaterThanOrEqual(4);
    for (const { id } of TEMPLATE_CATALOGUE) {
      let n = 0;
      const { content } = templateContent(id, () => `t-${++n}`);
      const doc = { ...sampleDoc(), ...content };
      const changes = tidyPlan(doc, { nodes: [], edges: [] });
      expectValid(changes);
      expectTidy(doc, applyChanges(doc, changes));
    }
  });

  it('tidies a scrambled map whatever the seed', () => {
    for (const seed of [1, 2, 3, 42, 1000]) {
      const doc = scrambled(seed);
      const after = applyChanges(doc, tidyPlan(doc, { nodes: [], edges: [] }));
      expectTidy(doc, after);
      // Tidying twice changes nothing more.
      expect(tidyPlan(after, { nodes: [], edges: [] })).toEqual([]);
    }
  });

  it('with a selection moves only the selected cards (and what their columns carry along)', () => {
    const doc = scrambled(7);
    const chosen = [named(doc, 'Search ad'), named(doc, 'Social post')];
    const changes = tidyPlan(doc, { nodes: chosen.map((c) => c.id), edges: [] });
    const touched = new Set(changes.flatMap((c) => ('id' in c ? [c.id] : [])));
    const grown = changes.some((c) => c.op === 'stage.update' || c.op === 'department.update');
    if (!grown) {
      for (const id of touched) expect(chosen.map((c) => c.id)).toContain(id);
    }
    const after = applyChanges(doc, changes);
    for (const node of after.nodes) {
      const old = doc.nodes.find((n) => n.id === node.id)!;
      expect(node.stageId).toBe(old.stageId);
    }
  });

  it('grows a lane rather than pushing cards out of a crowded cell', () => {
    const doc = sampleDoc();
    const card = named(doc, 'Search ad');
    const crowd: MapNode[] = Array.from({ length: 6 }, (_, i) => ({
      ...card,
      id: `crowd-${i}`,
      name: `Crowd ${i}`,
    }));
    const crowded = { ...doc, nodes: [...doc.nodes, ...crowd] };
    const changes = tidyPlan(crowded, { nodes: [], edges: [] });
    expectValid(changes);
    expect(changes.some((c) => c.op === 'department.update' && c.id === card.departmentId)).toBe(true);
    expectTidy(crowded, applyChanges(crowded, changes));
  });
});
