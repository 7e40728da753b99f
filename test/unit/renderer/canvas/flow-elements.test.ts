import { describe, expect, it } from 'vitest';
import type { MapNode } from '../../../../shared/domain/journey';
import {
  createEdgeBuilder,
  createNodeBuilder,
  type EdgeColours,
} from '../../../../renderer/src/canvas/flow-elements';
import type { JourneyFlowEdge, JourneyFlowNode } from '../../../../renderer/src/canvas/flow-types';
import { benchMapContent } from '../../../bench/bench-map';

/**
 * React Flow re-renders a node only when its object changes. On a 2,300-card map (the benchmark's),
 * one edit must hand React Flow one new object and the same objects for everything else, or every
 * card re-renders on every drag frame.
 */

const COLOURS: EdgeColours = { flow: '#555555', handoff: '#b45309', selected: '#2457d6' };
const NONE: ReadonlySet<string> = new Set();
const NOWHERE = new Map<string, { x: number; y: number }>();

function setup() {
  const content = benchMapContent();
  const nodeBuilder = createNodeBuilder();
  const buildEdges = createEdgeBuilder();
  const input = { stages: content.stages, departments: content.departments, edges: content.edges };
  const nodes = (list: readonly MapNode[], selected = NONE, dragging = NOWHERE) =>
    nodeBuilder.build({ ...input, nodes: list, selected, dragging });
  const edges = (list: readonly MapNode[], selected = NONE) =>
    buildEdges({ nodes: list, edges: content.edges, selected, colours: COLOURS });
  return { content, nodes, edges };
}

/** The ids whose objects differ between two builds. */
function changed<T extends { id: string }>(before: readonly T[], after: readonly T[]): string[] {
  const previous = new Map(before.map((item) => [item.id, item]));
  return after.filter((item) => previous.get(item.id) !== item).map((item) => item.id);
}

describe('the canvas element builders on a 2,300-card map', () => {
  it('build every card, header and arrow once', () => {
    const { content, nodes, edges } = setup();
    const flowNodes: JourneyFlowNode[] = nodes(content.nodes);
    // The grid, 8 stage headers, 6 lane headers and every card.
    expect(flowNodes).toHaveLength(1 + 8 + 6 + 2300);
    const flowEdges: JourneyFlowEdge[] = edges(content.nodes);
    expect(flowEdges).toHaveLength(2800);
  });

  it('hand back one new object for a moved card, and every other node and arrow unchanged', () => {
    const { content, nodes, edges } = setup();
    const before = nodes(content.nodes);
    const edgesBefore = edges(content.nodes);
    const moved = content.nodes.map((n) => (n.id === 'bench-tp-7' ? { ...n, x: n.x + 40 } : n));
    expect(changed(before, nodes(moved))).toEqual(['bench-tp-7']);
    expect(changed(edgesBefore, edges(moved))).toEqual([]);
  });

  it('hand back new objects only for the dragged cards, frame after frame', () => {
    const { content, nodes } = setup();
    let previous = nodes(content.nodes);
    for (let frame = 1; frame <= 5; frame++) {
      const dragging = new Map([
        ['bench-tp-1', { x: 10 * frame, y: 0 }],
        ['bench-pain-1', { x: 0, y: 10 * frame }],
      ]);
      const next = nodes(content.nodes, NONE, dragging);
      expect(changed(previous, next).sort()).toEqual(['bench-pain-1', 'bench-tp-1']);
      previous = next;
    }
  });

  it('hand back new objects only for what a selection change touches', () => {
    const { content, nodes, edges } = setup();
    const before = nodes(content.nodes);
    expect(changed(before, nodes(content.nodes, new Set(['bench-tp-3'])))).toEqual(['bench-tp-3']);
    const edgesBefore = edges(content.nodes);
    expect(changed(edgesBefore, edges(content.nodes, new Set(['bench-flow-9'])))).toEqual(['bench-flow-9']);
  });

  it('renamed card: only that card changes', () => {
    const { content, nodes } = setup();
    const before = nodes(content.nodes);
    const renamed = content.nodes.map((n) => (n.id === 'bench-pain-4' ? { ...n, name: 'Renamed' } : n));
    expect(changed(before, nodes(renamed))).toEqual(['bench-pain-4']);
  });
});
