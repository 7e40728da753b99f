import { describe, expect, it } from 'vitest';
import { JourneyDocument } from '../../../../shared/domain/journey';
import { cellOfNode, NODE_SIZE } from '../../../../shared/graph/grid';
import { isHandoff } from '../../../../shared/graph/rules';
import { TEMPLATE_IDS } from '../../../../shared/api/contract';
import {
  describeCounts,
  TEMPLATE_CATALOGUE,
  TEMPLATE_NAMES,
  templateContent,
} from '../../../../shared/templates';
import { nodeLabel } from '../../../../shared/domain/journey';

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
        expect(overlap, `${nodeLabel(a.n)} overlaps ${nodeLabel(b.n)}`).toBe(false);
      }
    }
  });

  it('has hand-offs between lanes, including Sales to Customer Service after the wrong delivery', () => {
    const byId = new Map(content.nodes.map((n) => [n.id, n]));
    const handoffs = content.edges.filter((e) => isHandoff(e, byId));
    expect(handoffs.length).toBeGreaterThanOrEqual(3);
    const names = handoffs.map(
      (e) => `${nodeLabel(byId.get(e.sourceId)!)} -> ${nodeLabel(byId.get(e.targetId)!)}`,
    );
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

const WORKSHOP_IDS = TEMPLATE_IDS.filter((id) => id !== 'blank');

describe.each(WORKSHOP_IDS)('the %s template', (id) => {
  const { name, description, content } = templateContent(id, counter());
  const byId = new Map(content.nodes.map((n) => [n.id, n]));
  const touchpointNodes = content.nodes.filter((n) => n.kind === 'touchpoint');
  const painNodes = content.nodes.filter((n) => n.kind === 'painpoint');

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
    expect(name).toBe(TEMPLATE_NAMES[id]);
    expect(description.length).toBeGreaterThan(0);
  });

  it('is a complete workshop journey: stages, 3 to 5 lanes, 10 to 16 touchpoints, 4 to 7 pain points', () => {
    expect(content.stages.length).toBeGreaterThanOrEqual(4);
    expect(content.departments.length).toBeGreaterThanOrEqual(3);
    expect(content.departments.length).toBeLessThanOrEqual(5);
    expect(touchpointNodes.length).toBeGreaterThanOrEqual(10);
    expect(touchpointNodes.length).toBeLessThanOrEqual(16);
    expect(painNodes.length).toBeGreaterThanOrEqual(4);
    expect(painNodes.length).toBeLessThanOrEqual(7);
    for (const stage of content.stages) {
      expect(
        touchpointNodes.some((n) => n.stageId === stage.id),
        `stage ${stage.name} has a touchpoint`,
      ).toBe(true);
    }
    for (const lane of content.departments) {
      expect(
        touchpointNodes.some((n) => n.departmentId === lane.id),
        `lane ${lane.name} has a touchpoint`,
      ).toBe(true);
    }
  });

  it('puts every node in the cell it claims', () => {
    for (const node of content.nodes) {
      expect(cellOfNode(node, content.stages, content.departments), nodeLabel(node)).toEqual({
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
        expect(overlap, `${nodeLabel(a.n)} overlaps ${nodeLabel(b.n)}`).toBe(false);
      }
    }
  });

  it('puts each pain point right under its touchpoint, with no other touchpoint in between', () => {
    for (const pain of painNodes) {
      const target = byId.get(content.edges.find((e) => e.sourceId === pain.id)!.targetId)!;
      expect(pain.stageId).toBe(target.stageId);
      expect(pain.departmentId).toBe(target.departmentId);
      expect(pain.y).toBeGreaterThan(target.y);
      const between = touchpointNodes.filter(
        (n) =>
          n.stageId === pain.stageId &&
          n.departmentId === pain.departmentId &&
          n.y > target.y &&
          n.y < pain.y,
      );
      expect(
        between.map((n) => n.name),
        pain.name,
      ).toEqual([]);
    }
  });

  it('attaches every pain point to a touchpoint, with a severity, evidence and a status', () => {
    const attachments = content.edges.filter((e) => e.kind === 'attachment');
    for (const node of painNodes) {
      const attachment = attachments.find((e) => e.sourceId === node.id);
      expect(attachment, `${node.name} is attached`).toBeDefined();
      expect(byId.get(attachment!.targetId)?.kind).toBe('touchpoint');
      expect(node.evidence).toMatch(/^".+"$/);
    }
    expect(new Set(painNodes.map((n) => n.severity)).size).toBeGreaterThanOrEqual(2);
  });

  it('has at least one opportunity, attached to a pain point or touchpoint in its own cell', () => {
    const opportunities = content.nodes.filter((n) => n.kind === 'opportunity');
    expect(opportunities.length).toBeGreaterThanOrEqual(1);
    for (const node of opportunities) {
      const attachment = content.edges.find((e) => e.kind === 'attachment' && e.sourceId === node.id);
      expect(attachment, `${node.name} is attached`).toBeDefined();
      const target = byId.get(attachment!.targetId)!;
      expect(['painpoint', 'touchpoint']).toContain(target.kind);
      expect([node.stageId, node.departmentId]).toEqual([target.stageId, target.departmentId]);
    }
  });

  it('has a persona with goals, frustrations and a quote, linked to every touchpoint', () => {
    expect(content.personas.length).toBeGreaterThanOrEqual(1);
    const [persona] = content.personas;
    expect(persona!.goals).not.toBe('');
    expect(persona!.frustrations).not.toBe('');
    expect(persona!.quote).not.toBe('');
    for (const node of touchpointNodes) expect(node.personaIds).toContain(persona!.id);
  });

  it('has a customer path with at least two hand-offs between lanes', () => {
    const flow = content.edges.filter((e) => e.kind === 'flow');
    for (const edge of flow) {
      expect(byId.get(edge.sourceId)?.kind).toBe('touchpoint');
      expect(byId.get(edge.targetId)?.kind).toBe('touchpoint');
    }
    expect(flow.filter((e) => isHandoff(e, byId)).length).toBeGreaterThanOrEqual(2);
  });

  it('mixes experience and service touchpoints and several channels', () => {
    expect(new Set(touchpointNodes.map((n) => n.mode))).toEqual(new Set(['experience', 'service']));
    expect(new Set(touchpointNodes.map((n) => n.channel)).size).toBeGreaterThanOrEqual(3);
  });

  it('is listed in the catalogue with the counts of the map it creates', () => {
    const entry = TEMPLATE_CATALOGUE.find((e) => e.id === id)!;
    expect(entry).toBeDefined();
    expect(entry.name).toBe(name);
    expect(entry.description).toBe(description);
    expect(entry.counts).toEqual({
      stages: content.stages.length,
      departments: content.departments.length,
      touchpoints: touchpointNodes.length,
      painPoints: painNodes.length,
    });
    expect(entry.persona.startsWith(`${content.personas[0]!.name}, `)).toBe(true);
    expect(entry.laneColours).toEqual(content.departments.map((d) => d.colour));
    expect(entry.cells.flat().reduce((a, b) => a + b, 0)).toBe(touchpointNodes.length);
  });
});

describe('the template catalogue', () => {
  it('lists every template but the blank map, each once, in a stable order', () => {
    expect(TEMPLATE_CATALOGUE.map((e) => e.id)).toEqual([
      'online-store',
      'saas-trial',
      'support-case',
      'cafe-visit',
    ]);
    expect(TEMPLATE_CATALOGUE.map((e) => e.name)).toEqual([
      'Online store purchase',
      'SaaS trial to paid subscription',
      'Contact-centre support case',
      'Café visit',
    ]);
  });

  it('describes counts the way the chooser shows them', () => {
    const store = TEMPLATE_CATALOGUE.find((e) => e.id === 'online-store')!;
    expect(describeCounts(store.counts)).toBe('5 stages · 15 touchpoints · 6 pain points');
    expect(describeCounts({ stages: 1, departments: 1, touchpoints: 1, painPoints: 0 })).toBe(
      '1 stage · 1 touchpoint · 0 pain points',
    );
  });

  it('labels the tier 1 to tier 2 transfer in the support case', () => {
    const { content } = templateContent('support-case', counter());
    const byId = new Map(content.nodes.map((n) => [n.id, n]));
    const transfer = content.edges.find((e) => e.label === 'Transfer to tier 2')!;
    expect(isHandoff(transfer, byId)).toBe(true);
    expect(nodeLabel(byId.get(transfer.sourceId)!)).toBe('Tier 1 agent');
  });
});
