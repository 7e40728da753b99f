import { describe, expect, it } from 'vitest';
import { ChangeSet, type Change } from '../../../../shared/domain/change-set';
import type { JourneyDocument, MapNode } from '../../../../shared/domain/journey';
import {
  CELL_PADDING,
  NODE_SIZE,
  cellOfNode,
  departmentLanes,
  stageColumns,
} from '../../../../shared/graph/grid';
import { templateContent } from '../../../../shared/templates';
import { applyChanges } from '../../../../renderer/src/state/apply-change';
import {
  LANE_PALETTE,
  addDepartment,
  addPainPoint,
  addStage,
  addTouchpoint,
  connectNodes,
  deleteSelection,
  moveNodeToCell,
  moveNodes,
  placeNewNode,
  removePersona,
  resizeStage,
} from '../../../../renderer/src/state/map-edits';
import {
  EMPTY_SELECTION,
  laneSelectionId,
  stageSelectionId,
  type Selection,
} from '../../../../renderer/src/state/ui-store';
import { nodeLabel } from '../../../../shared/domain/journey';

/** The sample map in memory, with readable ids (no database needed for pure edits). */
function sampleDoc(): JourneyDocument {
  let counter = 0;
  const { name, description, content } = templateContent('online-store', () => `id-${++counter}`);
  return {
    journey: {
      id: 'journey',
      name,
      description,
      createdAt: '2025-03-01T09:00:00.000Z',
      updatedAt: '2025-03-01T09:00:00.000Z',
      revision: 0,
      touchpointCount: content.nodes.filter((n) => n.kind === 'touchpoint').length,
    },
    ...content,
  };
}

const select = (...nodes: string[]): Selection => ({ nodes, edges: [] });
const named = (doc: JourneyDocument, name: string): MapNode => doc.nodes.find((n) => nodeLabel(n) === name)!;
const stageNamed = (doc: JourneyDocument, name: string) => doc.stages.find((s) => s.name === name)!;
const laneNamed = (doc: JourneyDocument, name: string) => doc.departments.find((d) => d.name === name)!;
const cellOf = (doc: JourneyDocument, node: MapNode) => cellOfNode(node, doc.stages, doc.departments);
/** Ops the API would accept (what the saver sends is checked against the same schema). */
const expectValid = (changes: Change[]) =>
  expect(ChangeSet.safeParse({ journeyId: 'journey', baseRevision: 0, changes }).success).toBe(true);

describe('addStage and addDepartment', () => {
  it('append after the last one, with defaults and the next unused lane colour', () => {
    const doc = sampleDoc();
    const stage = addStage(doc);
    expect(stage.changes).toEqual([
      { op: 'stage.add', value: { id: stage.id, name: 'New stage', goal: '', width: 300, order: 5 } },
    ]);
    const lane = addDepartment(doc);
    // The sample uses the first four palette colours.
    expect(lane.changes).toEqual([
      {
        op: 'department.add',
        value: { id: lane.id, name: 'New lane', colour: LANE_PALETTE[4], height: 220, order: 4 },
      },
    ]);
  });
});

describe('placeNewNode', () => {
  it('puts a card under the selected one while its cell has room', () => {
    const doc = sampleDoc();
    const orderConfirmation = named(doc, 'Order confirmation'); // Decision × Sales, alone
    const place = placeNewNode('touchpoint', doc, select(orderConfirmation.id));
    expect(place).toEqual({
      x: orderConfirmation.x,
      y: orderConfirmation.y + NODE_SIZE.touchpoint.height + 14,
      stageId: orderConfirmation.stageId,
      departmentId: orderConfirmation.departmentId,
    });
  });

  it('grows the lane when the selected cell is full, and the cards below move down with their lanes', () => {
    const doc = sampleDoc();
    const marketing = laneNamed(doc, 'Marketing');
    const searchAd = named(doc, 'Search ad'); // Awareness × Marketing holds three cards: full
    const place = placeNewNode('touchpoint', doc, select(searchAd.id));
    const influencer = named(doc, 'Influencer recommendation');
    expect(place).toMatchObject({
      x: searchAd.x,
      y: influencer.y + NODE_SIZE.touchpoint.height + 14,
      stageId: searchAd.stageId,
      departmentId: marketing.id,
    });
    expect(place.growLaneTo).toBe(place.y + NODE_SIZE.touchpoint.height + CELL_PADDING);

    const { changes, id } = addTouchpoint(doc, select(searchAd.id));
    expectValid(changes);
    const newHeight = Math.ceil(place.growLaneTo! / 10) * 10;
    const delta = newHeight - marketing.height;
    expect(changes[0]).toEqual({ op: 'department.update', id: marketing.id, fields: { height: newHeight } });
    const { growLaneTo: _grow, ...spot } = place;
    expect(changes.at(-1)).toMatchObject({ op: 'node.add', value: { id, ...spot } });
    expect(changes.at(-1)).not.toHaveProperty('value.growLaneTo');

    const after = applyChanges(doc, changes);
    const added = after.nodes.find((n) => n.id === id)!;
    expect(cellOf(after, added)).toEqual({ stageId: searchAd.stageId, departmentId: marketing.id });
    expect(added.y + NODE_SIZE.touchpoint.height).toBeLessThanOrEqual(newHeight);
    for (const before of doc.nodes) {
      const moved = after.nodes.find((n) => n.id === before.id)!;
      // Every card is still in the cell it was in; only those in lower lanes moved, by the growth.
      expect(cellOf(after, moved)).toEqual(cellOf(doc, before));
      expect(moved.y).toBe(before.departmentId === marketing.id ? before.y : before.y + delta);
      expect(moved.x).toBe(before.x);
    }
  });

  it('never grows a lane past the tallest lane the API accepts', () => {
    // Regression: the 37th card in one cell grew its lane to 4100, an op the API refuses; since the
    // saver sends its whole queue as one change set, nothing after it would ever be saved.
    let doc = sampleDoc();
    const searchAd = named(doc, 'Search ad');
    for (let i = 0; i < 40; i++) {
      const { changes } = addTouchpoint(doc, select(searchAd.id));
      expectValid(changes);
      doc = applyChanges(doc, changes);
    }
    expect(laneNamed(doc, 'Marketing').height).toBe(4000);
    const inCell = doc.nodes.filter(
      (n) => n.stageId === searchAd.stageId && n.departmentId === searchAd.departmentId,
    );
    expect(inCell).toHaveLength(43);
  });

  it('with a stage selected, uses a cell of that stage; with nothing selected, the first cell with room', () => {
    const doc = sampleDoc();
    const advocacy = stageNamed(doc, 'Advocacy');
    const inStage = placeNewNode('painpoint', doc, select(stageSelectionId(advocacy.id)));
    expect(inStage.stageId).toBe(advocacy.id);
    expect(inStage.growLaneTo).toBeUndefined();
    // Awareness × Marketing is full, so the first free cell is Consideration × Marketing.
    const anywhere = placeNewNode('touchpoint', doc, EMPTY_SELECTION);
    expect(anywhere).toMatchObject({
      stageId: stageNamed(doc, 'Consideration').id,
      departmentId: laneNamed(doc, 'Marketing').id,
      y: CELL_PADDING,
    });
    const sales = laneNamed(doc, 'Sales');
    expect(placeNewNode('touchpoint', doc, select(laneSelectionId(sales.id)))).toMatchObject({
      stageId: stageNamed(doc, 'Awareness').id,
      departmentId: sales.id,
    });
  });

  it('puts the card outside any cell on a map without stages or lanes', () => {
    const doc = { ...sampleDoc(), stages: [], departments: [], nodes: [], edges: [] };
    expect(placeNewNode('touchpoint', doc, EMPTY_SELECTION)).toEqual({
      x: CELL_PADDING,
      y: CELL_PADDING,
      stageId: null,
      departmentId: null,
    });
    const { changes } = addPainPoint(doc, EMPTY_SELECTION);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ op: 'node.add', value: { kind: 'painpoint', stageId: null } });
  });
});

describe('moveNodeToCell', () => {
  it('sets the stage and the department and puts the card on a free spot of that cell', () => {
    const doc = sampleDoc();
    const searchAd = named(doc, 'Search ad');
    const decision = stageNamed(doc, 'Decision');
    const sales = laneNamed(doc, 'Sales');
    const changes = moveNodeToCell(doc, searchAd.id, { stageId: decision.id, departmentId: sales.id });
    const orderConfirmation = named(doc, 'Order confirmation');
    expect(changes).toEqual([
      {
        op: 'touchpoint.update',
        id: searchAd.id,
        fields: {
          x: orderConfirmation.x,
          y: orderConfirmation.y + 110,
          stageId: decision.id,
          departmentId: sales.id,
        },
      },
    ]);
    const after = applyChanges(doc, changes);
    expect(
      cellOf(
        after,
        after.nodes.find((n) => n.id === searchAd.id)!,
      ),
    ).toEqual({
      stageId: decision.id,
      departmentId: sales.id,
    });
  });

  it('keeps the other coordinate of the cell when only one is chosen', () => {
    const doc = sampleDoc();
    const pain = named(doc, 'Long hold time');
    const advocacy = stageNamed(doc, 'Advocacy');
    const [change] = moveNodeToCell(doc, pain.id, { stageId: advocacy.id });
    expect(change).toMatchObject({
      op: 'painpoint.update',
      id: pain.id,
      fields: { stageId: advocacy.id, departmentId: pain.departmentId },
    });
    expect(moveNodeToCell(doc, 'missing', { stageId: advocacy.id })).toEqual([]);
  });
});

describe('moveNodes', () => {
  it('rounds positions, judges the cell by the centre, and skips cards that did not move', () => {
    const doc = sampleDoc();
    const searchAd = named(doc, 'Search ad');
    const social = named(doc, 'Social post');
    const changes = moveNodes(doc, [
      { id: searchAd.id, x: 610.6, y: 400.2 },
      { id: social.id, x: social.x, y: social.y },
      { id: 'missing', x: 1, y: 1 },
    ]);
    expect(changes).toEqual([
      {
        op: 'touchpoint.update',
        id: searchAd.id,
        fields: {
          x: 611,
          y: 400,
          stageId: stageNamed(doc, 'Decision').id,
          departmentId: laneNamed(doc, 'Sales').id,
        },
      },
    ]);
    // Dropped left of the grid: outside any cell.
    expect(moveNodes(doc, [{ id: searchAd.id, x: -500, y: 20 }])).toEqual([
      {
        op: 'touchpoint.update',
        id: searchAd.id,
        fields: { x: -500, y: 20, stageId: null, departmentId: laneNamed(doc, 'Marketing').id },
      },
    ]);
  });
});

describe('resizeStage', () => {
  it('moves the cards of the later columns by the change in width', () => {
    const doc = sampleDoc();
    const consideration = stageNamed(doc, 'Consideration');
    const changes = resizeStage(doc, consideration.id, 360);
    expect(changes[0]).toEqual({ op: 'stage.update', id: consideration.id, fields: { width: 360 } });
    const after = applyChanges(doc, changes);
    const laterStart = stageColumns(doc.stages).find((c) => c.id === consideration.id)!.start;
    for (const before of doc.nodes) {
      const moved = after.nodes.find((n) => n.id === before.id)!;
      const later = stageColumns(doc.stages).find((c) => c.id === before.stageId)!.start > laterStart;
      expect(moved.x).toBe(later ? before.x + 60 : before.x);
      expect(cellOf(after, moved)).toEqual(cellOf(doc, before));
    }
    expect(resizeStage(doc, consideration.id, consideration.width)).toEqual([]);
  });
});

describe('connectNodes', () => {
  const doc = sampleDoc();
  const searchAd = named(doc, 'Search ad');
  const productPage = named(doc, 'Product page');
  const pain = named(doc, 'Too many options on one page');
  const otherPain = named(doc, 'Long hold time');

  it('connects two touchpoints with a flow and a pain point to a touchpoint with an attachment', () => {
    const flow = connectNodes(doc, searchAd.id, named(doc, 'Feedback survey').id);
    expect(flow).toMatchObject({
      change: { op: 'edge.add', value: { kind: 'flow', sourceId: searchAd.id, label: '' } },
    });
    const attachment = connectNodes(doc, pain.id, searchAd.id);
    expect(attachment).toMatchObject({
      change: { op: 'edge.add', value: { kind: 'attachment', sourceId: pain.id, targetId: searchAd.id } },
    });
  });

  it('refuses a self-loop', () => {
    expect(connectNodes(doc, searchAd.id, searchAd.id)).toEqual({
      reason: 'A node cannot connect to itself.',
    });
  });

  it('refuses a connection that already exists', () => {
    const existing = doc.edges.find((e) => e.kind === 'flow')!;
    expect(connectNodes(doc, existing.sourceId, existing.targetId)).toEqual({
      reason: 'These cards are already connected.',
    });
    const attached = doc.edges.find((e) => e.kind === 'attachment')!;
    expect(connectNodes(doc, attached.sourceId, attached.targetId)).toEqual({
      reason: 'These cards are already connected.',
    });
  });

  it('refuses a pain point as the target', () => {
    expect(connectNodes(doc, productPage.id, pain.id)).toEqual({
      reason: 'Drag from the pain point to the touchpoint it concerns.',
    });
    expect(connectNodes(doc, otherPain.id, pain.id)).toEqual({
      reason: 'Pain points attach to touchpoints, not to other pain points.',
    });
  });

  it('refuses ends that are not cards', () => {
    expect(connectNodes(doc, searchAd.id, 'missing')).toEqual({ reason: 'Connect cards to cards.' });
  });
});

describe('deleteSelection', () => {
  it('deletes a stage together with the cards it holds, asks first, and closes the gap', () => {
    const doc = sampleDoc();
    const retention = stageNamed(doc, 'Retention');
    const held = doc.nodes.filter((n) => n.stageId === retention.id);
    expect(held).toHaveLength(7);
    const plan = deleteSelection(doc, select(stageSelectionId(retention.id)));
    expect(plan.confirm).toEqual({
      title: 'Delete the stage “Retention”?',
      message:
        'This also deletes 7 cards inside it (touchpoints, pain points, opportunities and notes) and their connections.',
    });
    const removes = plan.changes.filter((c) => c.op === 'node.remove').map((c) => ('id' in c ? c.id : ''));
    expect(removes.sort()).toEqual(held.map((n) => n.id).sort());
    expect(plan.changes.at(-1)).toEqual({ op: 'stage.remove', id: retention.id });
    expectValid(plan.changes);

    const after = applyChanges(doc, plan.changes);
    expect(after.stages.map((s) => s.name)).toEqual(['Awareness', 'Consideration', 'Decision', 'Advocacy']);
    expect(after.nodes).toHaveLength(doc.nodes.length - 7);
    expect(after.edges.every((e) => after.nodes.some((n) => n.id === e.sourceId))).toBe(true);
    expect(after.edges.every((e) => after.nodes.some((n) => n.id === e.targetId))).toBe(true);
    // The Advocacy cards moved left into their column's new place.
    for (const card of doc.nodes.filter((n) => n.stageId === stageNamed(doc, 'Advocacy').id)) {
      const moved = after.nodes.find((n) => n.id === card.id)!;
      expect(moved.x).toBe(card.x - retention.width);
      expect(cellOf(after, moved).stageId).toBe(card.stageId);
    }
  });

  it('does not remove a selected edge twice when one of its cards goes', () => {
    const doc = sampleDoc();
    const edge = doc.edges[0]!;
    const other = doc.edges.find((e) => e.sourceId !== edge.sourceId && e.targetId !== edge.sourceId)!;
    const plan = deleteSelection(doc, { nodes: [edge.sourceId], edges: [edge.id, other.id] });
    expect(plan.changes).toEqual([
      { op: 'node.remove', id: edge.sourceId },
      { op: 'edge.remove', id: other.id },
    ]);
    expect(plan.confirm).toBeNull();
  });

  it('deletes a lane and takes it off the supporting lanes of the remaining touchpoints', () => {
    const doc = sampleDoc();
    const service = laneNamed(doc, 'Customer Service');
    const sales = laneNamed(doc, 'Sales');
    const searchAd = named(doc, 'Search ad');
    const withSupport = applyChanges(doc, [
      {
        op: 'touchpoint.update',
        id: searchAd.id,
        fields: { supportingDepartmentIds: [sales.id, service.id] },
      },
    ]);
    const plan = deleteSelection(withSupport, select(laneSelectionId(sales.id)));
    expect(plan.changes).toContainEqual({
      op: 'touchpoint.update',
      id: searchAd.id,
      fields: { supportingDepartmentIds: [service.id] },
    });
    const after = applyChanges(withSupport, plan.changes);
    expect(after.nodes.some((n) => n.departmentId === sales.id)).toBe(false);
    const product = named(doc, 'Product page');
    expect(after.nodes.find((n) => n.id === product.id)!.y).toBe(product.y - sales.height);
    expect(departmentLanes(after.departments).map((l) => l.start)).toEqual([0, 370, 730]);
  });
});

describe('removePersona', () => {
  it('takes the persona off the touchpoints that name it, then removes it', () => {
    const doc = sampleDoc();
    const maya = doc.personas[0]!;
    const changes = removePersona(doc, maya.id);
    const touchpoints = doc.nodes.filter((n) => n.kind === 'touchpoint');
    expect(changes).toHaveLength(touchpoints.length + 1);
    expect(changes[0]).toEqual({
      op: 'touchpoint.update',
      id: touchpoints[0]!.id,
      fields: { personaIds: [] },
    });
    expect(changes.at(-1)).toEqual({ op: 'persona.remove', id: maya.id });
  });
});
