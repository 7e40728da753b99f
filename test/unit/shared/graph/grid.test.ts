import { describe, expect, it } from 'vitest';
import type { Department, MapNode, Stage } from '../../../../shared/domain/journey';
import {
  cellAt,
  cellOfNode,
  departmentLanes,
  freeSpotInCell,
  NODE_SIZE,
  stageColumns,
} from '../../../../shared/graph/grid';
import { connectionKind, isHandoff } from '../../../../shared/graph/rules';

const stages: Stage[] = [
  { id: 'b', name: 'Second', goal: '', width: 200, order: 1 },
  { id: 'a', name: 'First', goal: '', width: 300, order: 0 },
];
const departments: Department[] = [
  { id: 'sales', name: 'Sales', colour: '#000000', height: 250, order: 0 },
  { id: 'support', name: 'Support', colour: '#ffffff', height: 250, order: 1 },
];

describe('grid', () => {
  it('lays stages out left to right in their order, lanes top to bottom', () => {
    expect(stageColumns(stages)).toEqual([
      { id: 'a', start: 0, size: 300 },
      { id: 'b', start: 300, size: 200 },
    ]);
    expect(departmentLanes(departments).map((lane) => lane.start)).toEqual([0, 250]);
  });

  it('finds the cell under a point, and none outside the grid', () => {
    expect(cellAt({ x: 310, y: 260 }, stages, departments)).toEqual({
      stageId: 'b',
      departmentId: 'support',
    });
    expect(cellAt({ x: 299.9, y: 0 }, stages, departments)).toEqual({ stageId: 'a', departmentId: 'sales' });
    expect(cellAt({ x: -1, y: 600 }, stages, departments)).toEqual({ stageId: null, departmentId: null });
  });

  it('judges a node by its centre', () => {
    const { width } = NODE_SIZE.touchpoint;
    // Left edge in stage a, but more than half the card lies in stage b.
    const node = { kind: 'touchpoint' as const, x: 300 - width / 2 + 1, y: 10 };
    expect(cellOfNode(node, stages, departments).stageId).toBe('b');
  });

  it('places new nodes inside the cell without overlapping existing ones', () => {
    const nodes: Pick<MapNode, 'x' | 'y' | 'kind'>[] = [];
    for (let i = 0; i < 2; i++) {
      const spot = freeSpotInCell('touchpoint', 'a', 'support', stages, departments, nodes);
      nodes.push({ kind: 'touchpoint', ...spot });
    }
    const [first, second] = nodes;
    expect(cellOfNode(first!, stages, departments)).toEqual({ stageId: 'a', departmentId: 'support' });
    expect(cellOfNode(second!, stages, departments)).toEqual({ stageId: 'a', departmentId: 'support' });
    const overlap =
      Math.abs(first!.y - second!.y) < NODE_SIZE.touchpoint.height &&
      Math.abs(first!.x - second!.x) < NODE_SIZE.touchpoint.width;
    expect(overlap).toBe(false);
  });
});

describe('graph rules', () => {
  const tp = (id: string) => ({ id, kind: 'touchpoint' as const });
  const pp = (id: string) => ({ id, kind: 'painpoint' as const });

  it('connects touchpoints by flow and pain points to touchpoints by attachment', () => {
    expect(connectionKind(tp('a'), tp('b'))).toEqual({ kind: 'flow' });
    expect(connectionKind(pp('p'), tp('b'))).toEqual({ kind: 'attachment' });
  });

  it('refuses self-loops and pain-point targets with a reason', () => {
    expect(connectionKind(tp('a'), tp('a'))).toHaveProperty('reason');
    expect(connectionKind(tp('a'), pp('p'))).toHaveProperty('reason');
    expect(connectionKind(pp('p'), pp('q'))).toHaveProperty('reason');
  });

  it('calls a flow edge between lanes a hand-off, and nothing else', () => {
    const nodes = new Map([
      ['a', { departmentId: 'sales' }],
      ['b', { departmentId: 'support' }],
      ['c', { departmentId: 'sales' }],
      ['d', { departmentId: null }],
    ]);
    expect(isHandoff({ kind: 'flow', sourceId: 'a', targetId: 'b' }, nodes)).toBe(true);
    expect(isHandoff({ kind: 'flow', sourceId: 'a', targetId: 'c' }, nodes)).toBe(false);
    expect(isHandoff({ kind: 'attachment', sourceId: 'a', targetId: 'b' }, nodes)).toBe(false);
    expect(isHandoff({ kind: 'flow', sourceId: 'a', targetId: 'd' }, nodes)).toBe(false);
  });
});
