import { describe, expect, it } from 'vitest';
import { JourneyDocument } from '../../../../shared/domain/journey';
import { cellOfNode, NODE_SIZE } from '../../../../shared/graph/grid';
import { isHandoff } from '../../../../shared/graph/rules';
import { templateContent } from '../../../../shared/templates';

const counter = () => {
  let n = 0;
  return () => `id-${++n}`;
};

const asDocument = (content: ReturnType<typeof templateContent>['content']) =>
  JourneyDocument.parse({
    journey: {
      id: 'j',
      name: 'J',
      description: '',
      createdAt: '',
      updatedAt: '',
      revision: 0,
      touchpointCount: 0,
    },
    ...content,
  });

describe('the online store sample', () => {
  const { name, content } = templateContent('online-store', counter());

  it('is the journey from domain.md: 5 stages, 4 departments, 15 touchpoints, 6 pain points, Maya', () => {
    expect(name).toBe('Online store purchase');
    expect(content.stages.map((s) => s.name)).toEqual([
      'Awareness',
      'Consideration',
      'Decision',
      'Retention',
      'Advocacy',
    ]);
    expect(content.departments.map((d) => d.name)).toEqual([
      'Marketing',
      'Sales',
      'Product',
      'Customer Service',
    ]);
    expect(content.nodes.filter((n) => n.kind === 'touchpoint')).toHaveLength(15);
    expect(content.nodes.filter((n) => n.kind === 'painpoint')).toHaveLength(6);
    expect(content.personas.map((p) => p.name)).toEqual(['Maya']);
  });

  it('validates against the document schema with unique ids', () => {
    const document = asDocument(content);
    const ids = [
      ...document.stages,
      ...document.departments,
      ...document.nodes,
      ...document.edges,
      ...document.personas,
    ].map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('puts every node in the cell it claims, so dragging rules and storage agree', () => {
    for (const node of content.nodes) {
      expect(cellOfNode(node, content.stages, content.departments)).toEqual({
        stageId: node.stageId,
        departmentId: node.departmentId,
      });
    }
  });

  it('gives every card room of its own: no two nodes overlap', () => {
    const boxes = content.nodes.map((n) => ({ n, ...NODE_SIZE[n.kind] }));
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const overlap =
          a.n.x < b.n.x + b.width &&
          b.n.x < a.n.x + a.width &&
          a.n.y < b.n.y + b.height &&
          b.n.y < a.n.y + a.height;
        expect(overlap, `${a.n.name} overlaps ${b.n.name}`).toBe(false);
      }
    }
  });

  it('has hand-offs between lanes, including Sales to Customer Service after the wrong delivery', () => {
    const byId = new Map(content.nodes.map((n) => [n.id, n]));
    const handoffs = content.edges.filter((e) => isHandoff(e, byId));
    expect(handoffs.length).toBeGreaterThanOrEqual(3);
    const names = handoffs.map((e) => `${byId.get(e.sourceId)!.name} -> ${byId.get(e.targetId)!.name}`);
    expect(names).toContain('Shipping updates -> Wrong item: support call');
  });

  it('attaches every pain point to a touchpoint', () => {
    const attached = new Set(content.edges.filter((e) => e.kind === 'attachment').map((e) => e.sourceId));
    for (const node of content.nodes.filter((n) => n.kind === 'painpoint')) {
      expect(attached.has(node.id)).toBe(true);
    }
  });
});

describe('a blank map', () => {
  it('starts with the classic stages and lanes and nothing in them', () => {
    const { content } = templateContent('blank', counter());
    asDocument(content);
    expect(content.stages).toHaveLength(5);
    expect(content.departments).toHaveLength(4);
    expect(content.nodes).toHaveLength(0);
    expect(content.edges).toHaveLength(0);
  });
});
