import { describe, expect, it } from 'vitest';
import { ChangeSet, type Change } from '../../../../shared/domain/change-set';
import { Department, Stage, type JourneyDocument } from '../../../../shared/domain/journey';
import { NODE_SIZE, cellOfNode, departmentLanes, stageColumns } from '../../../../shared/graph/grid';
import { applyChanges } from '../../../../renderer/src/state/apply-change';
import { applyAndInvert } from '../../../../renderer/src/state/invert-changes';
import {
  BAND_LIMITS,
  bandOrder,
  deleteBand,
  dropIndex,
  insertBand,
  moveToCell,
  moveBand,
  namedCard,
  newTouchpointAt,
  nextTouchpointAfter,
  planBandDelete,
  previewChanges,
  renameTarget,
  resizeBand,
} from '../../../../renderer/src/state/grid-edits';
import { laneSelectionId, stageSelectionId } from '../../../../renderer/src/state/ui-store';
import { comparable, openSampleMap } from './journey-fixtures';
import { nodeLabel } from '../../../../shared/domain/journey';

/** The sample map (5 stages, 4 lanes, 15 touchpoints, 6 pain points) in a real temp library. */
async function stored() {
  const { repo, id, doc } = await openSampleMap();
  let local: JourneyDocument = doc;
  let revision = doc.journey.revision;
  return {
    get doc() {
      return local;
    },
    /** One gesture: checked against the API's schema, applied locally and stored in one change set. */
    edit(changes: readonly Change[]) {
      expect(changes.length).toBeGreaterThan(0);
      const changeSet = ChangeSet.parse({ journeyId: id, baseRevision: revision, changes });
      local = applyChanges(local, changes);
      revision = repo.applyChanges(changeSet).revision;
      expect(comparable(repo.get(id))).toEqual(comparable(local));
    },
    reload: () => repo.get(id),
  };
}

const stageNamed = (doc: JourneyDocument, name: string) => doc.stages.find((s) => s.name === name)!;
const laneNamed = (doc: JourneyDocument, name: string) => doc.departments.find((d) => d.name === name)!;
const nodeNamed = (doc: JourneyDocument, name: string) => doc.nodes.find((n) => nodeLabel(n) === name)!;
const stageNames = (doc: JourneyDocument) =>
  bandOrder(doc, 'stage').map((id) => doc.stages.find((s) => s.id === id)!.name);
const laneNames = (doc: JourneyDocument) =>
  bandOrder(doc, 'lane').map((id) => doc.departments.find((d) => d.id === id)!.name);
const column = (doc: JourneyDocument, stageId: string) =>
  stageColumns(doc.stages).find((b) => b.id === stageId)!;
const lane = (doc: JourneyDocument, id: string) => departmentLanes(doc.departments).find((b) => b.id === id)!;
/** Every card sits in the cell its stage and department name (judged by its centre). */
const expectCardsInTheirCells = (doc: JourneyDocument) => {
  for (const node of doc.nodes) {
    expect(cellOfNode(node, doc.stages, doc.departments), nodeLabel(node)).toEqual({
      stageId: node.stageId,
      departmentId: node.departmentId,
    });
  }
};
const overlapping = (doc: JourneyDocument) => {
  const pairs: string[] = [];
  doc.nodes.forEach((a, i) =>
    doc.nodes.slice(i + 1).forEach((b) => {
      const sa = NODE_SIZE[a.kind];
      const sb = NODE_SIZE[b.kind];
      if (a.x < b.x + sb.width && b.x < a.x + sa.width && a.y < b.y + sb.height && b.y < a.y + sa.height)
        pairs.push(`${nodeLabel(a)} / ${nodeLabel(b)}`);
    }),
  );
  return pairs;
};
/** Undoing the gesture (as the history does) gives back exactly the document before it. */
const expectUndoable = (doc: JourneyDocument, changes: readonly Change[]) => {
  const { doc: after, inverse } = applyAndInvert(doc, changes);
  expect(comparable(applyChanges(after, inverse))).toEqual(comparable(doc));
};

describe('band limits', () => {
  it('are the sizes the schema accepts', () => {
    const stage = { id: 's', name: 'S', goal: '', order: 0 };
    expect(Stage.safeParse({ ...stage, width: BAND_LIMITS.stage.min }).success).toBe(true);
    expect(Stage.safeParse({ ...stage, width: BAND_LIMITS.stage.min - 1 }).success).toBe(false);
    expect(Stage.safeParse({ ...stage, width: BAND_LIMITS.stage.max }).success).toBe(true);
    expect(Stage.safeParse({ ...stage, width: BAND_LIMITS.stage.max + 1 }).success).toBe(false);
    const lane = { id: 'l', name: 'L', colour: '#000000', order: 0 };
    expect(Department.safeParse({ ...lane, height: BAND_LIMITS.lane.min }).success).toBe(true);
    expect(Department.safeParse({ ...lane, height: BAND_LIMITS.lane.min - 1 }).success).toBe(false);
    expect(Department.safeParse({ ...lane, height: BAND_LIMITS.lane.max + 1 }).success).toBe(false);
  });
});

describe('insertBand', () => {
  it('inserts a stage between two others and moves the later columns and their cards along', async () => {
    const map = await stored();
    const before = map.doc;
    const decision = stageNamed(before, 'Decision');
    const edit = insertBand(before, 'stage', decision.id, 'before')!;
    map.edit(edit.changes);
    expect(stageNames(map.doc)).toEqual([
      'Awareness',
      'Consideration',
      'New stage',
      'Decision',
      'Retention',
      'Advocacy',
    ]);
    expect(column(map.doc, edit.id).start).toBe(column(before, decision.id).start);
    for (const node of before.nodes) {
      const after = map.doc.nodes.find((n) => n.id === node.id)!;
      const later = ['Decision', 'Retention', 'Advocacy'].includes(
        before.stages.find((s) => s.id === node.stageId)!.name,
      );
      expect(after.x - node.x, nodeLabel(node)).toBe(later ? 300 : 0);
    }
    expectCardsInTheirCells(map.doc);
    expectUndoable(before, edit.changes);
  });

  it('inserts a lane after another one, with the next unused colour', async () => {
    const map = await stored();
    const before = map.doc;
    const sales = laneNamed(before, 'Sales');
    const edit = insertBand(before, 'lane', sales.id, 'after')!;
    map.edit(edit.changes);
    expect(laneNames(map.doc)).toEqual(['Marketing', 'Sales', 'New lane', 'Product', 'Customer Service']);
    const added = map.doc.departments.find((d) => d.id === edit.id)!;
    expect(before.departments.map((d) => d.colour)).not.toContain(added.colour);
    expectCardsInTheirCells(map.doc);
    expectUndoable(before, edit.changes);
  });

  it('inserting after the last stage appends it', async () => {
    const map = await stored();
    const advocacy = stageNamed(map.doc, 'Advocacy');
    const edit = insertBand(map.doc, 'stage', advocacy.id, 'after')!;
    expect(edit.changes.filter((c) => c.op !== 'stage.add')).toEqual([]);
    map.edit(edit.changes);
    expect(stageNames(map.doc).at(-1)).toBe('New stage');
  });
});

describe('moveBand', () => {
  it('reorders a stage and every card in it moves with it, keeping its place in the column', async () => {
    const map = await stored();
    const before = map.doc;
    const awareness = stageNamed(before, 'Awareness');
    const held = before.nodes.filter((n) => n.stageId === awareness.id);
    expect(held.some((n) => n.kind === 'painpoint') || held.length > 0).toBe(true);
    const changes = moveBand(before, 'stage', awareness.id, 2);
    map.edit(changes);
    expect(stageNames(map.doc)).toEqual(['Consideration', 'Decision', 'Awareness', 'Retention', 'Advocacy']);
    const from = column(before, awareness.id).start;
    const to = column(map.doc, awareness.id).start;
    for (const node of held) {
      const after = map.doc.nodes.find((n) => n.id === node.id)!;
      expect(after.x - to).toBe(node.x - from);
      expect(after.y).toBe(node.y);
      expect(after.stageId).toBe(awareness.id);
    }
    expectCardsInTheirCells(map.doc);
    expect(overlapping(map.doc)).toEqual(overlapping(before));
    expectUndoable(before, changes);
  });

  it('moves pain points and touchpoints of a lane together when the lane moves up', async () => {
    const map = await stored();
    const before = map.doc;
    const service = laneNamed(before, 'Customer Service');
    const changes = moveBand(before, 'lane', service.id, 0);
    map.edit(changes);
    expect(laneNames(map.doc)).toEqual(['Customer Service', 'Marketing', 'Sales', 'Product']);
    expectCardsInTheirCells(map.doc);
    expectUndoable(before, changes);
  });

  it('does nothing when dropped where it was; clamps past the ends', async () => {
    const map = await stored();
    const decision = stageNamed(map.doc, 'Decision');
    expect(moveBand(map.doc, 'stage', decision.id, 2)).toEqual([]);
    map.edit(moveBand(map.doc, 'stage', decision.id, 99));
    expect(stageNames(map.doc).at(-1)).toBe('Decision');
  });

  it('dropIndex picks the slot nearest the dragged band’s leading edge', async () => {
    const { doc } = await stored();
    const awareness = stageNamed(doc, 'Awareness');
    const widths = bandOrder(doc, 'stage').map((id) => doc.stages.find((s) => s.id === id)!.width);
    expect(dropIndex(doc, 'stage', awareness.id, 0)).toBe(0);
    expect(dropIndex(doc, 'stage', awareness.id, widths[1]! - 10)).toBe(1);
    expect(dropIndex(doc, 'stage', awareness.id, 1e6)).toBe(4);
    expect(dropIndex(doc, 'stage', awareness.id, -500)).toBe(0);
  });
});

describe('resizeBand', () => {
  it('widens a stage: later columns and their cards move, cards keep their stage', async () => {
    const map = await stored();
    const before = map.doc;
    const consideration = stageNamed(before, 'Consideration');
    const changes = resizeBand(before, 'stage', consideration.id, 420);
    map.edit(changes);
    expect(stageNamed(map.doc, 'Consideration').width).toBe(420);
    expectCardsInTheirCells(map.doc);
    expectUndoable(before, changes);
  });

  it('clamps to the schema’s limits and pulls cards back into a narrowed band', async () => {
    const map = await stored();
    const before = map.doc;
    const consideration = stageNamed(before, 'Consideration');
    const changes = resizeBand(before, 'stage', consideration.id, 10);
    map.edit(changes);
    expect(stageNamed(map.doc, 'Consideration').width).toBe(BAND_LIMITS.stage.min);
    expectCardsInTheirCells(map.doc);
    const product = laneNamed(map.doc, 'Product');
    map.edit(resizeBand(map.doc, 'lane', product.id, 100_000));
    expect(laneNamed(map.doc, 'Product').height).toBe(BAND_LIMITS.lane.max);
    map.edit(resizeBand(map.doc, 'lane', product.id, 0));
    expect(laneNamed(map.doc, 'Product').height).toBe(BAND_LIMITS.lane.min);
    expectCardsInTheirCells(map.doc);
    expect(resizeBand(map.doc, 'lane', product.id, 79)).toEqual([]);
  });
});

describe('deleteBand', () => {
  it('plans: counts what the band holds and names the neighbour that would take it', async () => {
    const { doc } = await stored();
    const awareness = stageNamed(doc, 'Awareness');
    const plan = planBandDelete(doc, 'stage', awareness.id)!;
    expect(plan.held).toBe(doc.nodes.filter((n) => n.stageId === awareness.id).length);
    expect(plan.neighbour?.name).toBe('Consideration');
    const retention = stageNamed(doc, 'Retention');
    expect(planBandDelete(doc, 'stage', retention.id)!.neighbour?.name).toBe('Decision');
  });

  it('moves the cards of a deleted stage into the stage before it, without overlaps', async () => {
    const map = await stored();
    const before = map.doc;
    const decision = stageNamed(before, 'Decision');
    const consideration = stageNamed(before, 'Consideration');
    const held = before.nodes.filter((n) => n.stageId === decision.id).map((n) => n.id);
    expect(held.length).toBeGreaterThan(0);
    const changes = deleteBand(before, 'stage', decision.id, 'move');
    map.edit(changes);
    expect(stageNames(map.doc)).toEqual(['Awareness', 'Consideration', 'Retention', 'Advocacy']);
    expect(map.doc.nodes).toHaveLength(before.nodes.length);
    expect(map.doc.edges).toHaveLength(before.edges.length);
    for (const id of held) expect(map.doc.nodes.find((n) => n.id === id)!.stageId).toBe(consideration.id);
    expectCardsInTheirCells(map.doc);
    expect(overlapping(map.doc)).toEqual([]);
    expectUndoable(before, changes);
    // The later columns closed the gap.
    expect(column(map.doc, stageNamed(map.doc, 'Retention').id).start).toBe(
      column(before, decision.id).start,
    );
  });

  it('moves the cards of a deleted first lane into the lane after it, growing it when full', async () => {
    const map = await stored();
    const before = map.doc;
    const marketing = laneNamed(before, 'Marketing');
    const sales = laneNamed(before, 'Sales');
    const changes = deleteBand(before, 'lane', marketing.id, 'move');
    map.edit(changes);
    expect(laneNames(map.doc)).toEqual(['Sales', 'Product', 'Customer Service']);
    expect(map.doc.nodes.filter((n) => n.departmentId === sales.id).length).toBe(
      before.nodes.filter((n) => n.departmentId === sales.id || n.departmentId === marketing.id).length,
    );
    expect(lane(map.doc, sales.id).start).toBe(0);
    expectCardsInTheirCells(map.doc);
    expect(overlapping(map.doc)).toEqual([]);
    expectUndoable(before, changes);
  });

  it('deletes the cards with the stage when asked to, and their connections', async () => {
    const map = await stored();
    const before = map.doc;
    const awareness = stageNamed(before, 'Awareness');
    const held = new Set(before.nodes.filter((n) => n.stageId === awareness.id).map((n) => n.id));
    const changes = deleteBand(before, 'stage', awareness.id, 'delete');
    map.edit(changes);
    expect(map.doc.nodes.some((n) => held.has(n.id))).toBe(false);
    expect(map.doc.edges.some((e) => held.has(e.sourceId) || held.has(e.targetId))).toBe(false);
    expectCardsInTheirCells(map.doc);
    expectUndoable(before, changes);
  });
});

describe('fast entry', () => {
  it('a double-click in an empty spot of a cell creates the card right there', async () => {
    const { doc } = await stored();
    const advocacy = column(doc, stageNamed(doc, 'Advocacy').id);
    const service = lane(doc, laneNamed(doc, 'Customer Service').id);
    const point = { x: advocacy.start + advocacy.size / 2, y: service.start + service.size / 2 };
    const card = newTouchpointAt(doc, point);
    const after = applyChanges(doc, namedCard(card.changes, card.id, 'Referral'));
    const node = after.nodes.find((n) => n.id === card.id)!;
    expect(nodeLabel(node)).toBe('Referral');
    expect(node.stageId).toBe(stageNamed(doc, 'Advocacy').id);
    expect(node.departmentId).toBe(laneNamed(doc, 'Customer Service').id);
    expect(Math.abs(node.x + NODE_SIZE.touchpoint.width / 2 - point.x)).toBeLessThanOrEqual(1);
    expect(overlapping(after)).toEqual([]);
  });

  it('a double-click on a spot taken by a card puts the new one in the next free spot', async () => {
    const { doc } = await stored();
    const search = nodeNamed(doc, 'Search ad');
    const card = newTouchpointAt(doc, { x: search.x + 10, y: search.y + 10 });
    const after = applyChanges(doc, card.changes);
    const node = after.nodes.find((n) => n.id === card.id)!;
    expect([node.stageId, node.departmentId]).toEqual([search.stageId, search.departmentId]);
    expectCardsInTheirCells(after);
    expect(overlapping(after)).toEqual([]);
  });

  it('Tab after Tab fills the cell and then grows its lane, every card in the same cell', async () => {
    const map = await stored();
    const before = map.doc;
    const advocacy = column(before, stageNamed(before, 'Advocacy').id);
    const sales = laneNamed(before, 'Sales');
    const salesBand = lane(before, sales.id);
    let card = newTouchpointAt(before, { x: advocacy.start + 150, y: salesBand.start + 20 });
    const names = ['Search ad', 'Social post', 'Product page', 'Reviews', 'FAQ'];
    const ids: string[] = [];
    for (const name of names) {
      map.edit(namedCard(card.changes, card.id, name));
      ids.push(card.id);
      card = nextTouchpointAfter(map.doc, card.id)!;
    }
    const made = ids.map((id) => map.doc.nodes.find((n) => n.id === id)!);
    expect(made.map(nodeLabel)).toEqual(names);
    for (const node of made) {
      expect([node.stageId, node.departmentId]).toEqual([stageNamed(before, 'Advocacy').id, sales.id]);
    }
    expect(laneNamed(map.doc, 'Sales').height).toBeGreaterThan(sales.height);
    expectCardsInTheirCells(map.doc);
    expect(overlapping(map.doc)).toEqual([]);
  });
});

describe('moveToCell (the inspector’s stage and department)', () => {
  it('moves a card into the free spot of another cell, and into a full cell by growing its lane', async () => {
    const map = await stored();
    const before = map.doc;
    const advocacy = stageNamed(before, 'Advocacy');
    const sales = laneNamed(before, 'Sales');
    const names = [
      'Search ad',
      'Social post',
      'Influencer recommendation',
      'Order confirmation',
      'Product page',
    ];
    for (const name of names) {
      const node = nodeNamed(map.doc, name);
      map.edit(moveToCell(map.doc, node.id, { stageId: advocacy.id }));
      // Order confirmation is in Sales already: choosing its own lane changes nothing.
      const toSales = moveToCell(map.doc, node.id, { departmentId: sales.id });
      if (node.departmentId === sales.id) expect(toSales).toEqual([]);
      else map.edit(toSales);
      const moved = nodeNamed(map.doc, name);
      expect([moved.stageId, moved.departmentId]).toEqual([advocacy.id, sales.id]);
      expectCardsInTheirCells(map.doc);
      expect(overlapping(map.doc)).toEqual([]);
    }
    expect(laneNamed(map.doc, 'Sales').height).toBeGreaterThan(sales.height);
    // Choosing the cell it is already in changes nothing.
    expect(moveToCell(map.doc, nodeNamed(map.doc, 'Search ad').id, { stageId: advocacy.id })).toEqual([]);
  });
});

describe('renameTarget', () => {
  it('renames stages, lanes, touchpoints and pain points, trimmed', async () => {
    const map = await stored();
    const doc = map.doc;
    const edits: [string, string][] = [
      [stageSelectionId(stageNamed(doc, 'Awareness').id), 'Discover'],
      [laneSelectionId(laneNamed(doc, 'Sales').id), 'Sales & partners'],
      [nodeNamed(doc, 'Search ad').id, 'Search ads'],
      [doc.nodes.find((n) => n.kind === 'painpoint')!.id, 'Hold music forever'],
    ];
    for (const [target, name] of edits) {
      const result = renameTarget(map.doc, target, `  ${name} `);
      expect('changes' in result && result.changes).toHaveLength(1);
      if ('changes' in result) map.edit(result.changes);
    }
    expect(stageNames(map.doc)[0]).toBe('Discover');
    expect(laneNames(map.doc)[1]).toBe('Sales & partners');
    expect(nodeNamed(map.doc, 'Search ads')).toBeDefined();
    expect(nodeNamed(map.doc, 'Hold music forever').kind).toBe('painpoint');
  });

  it('refuses an empty or too long name with a message, and ignores an unchanged one', async () => {
    const { doc } = await stored();
    const target = nodeNamed(doc, 'Search ad').id;
    expect(renameTarget(doc, target, '   ')).toEqual({ problem: 'A name cannot be empty.' });
    expect(renameTarget(doc, target, 'x'.repeat(201))).toEqual({
      problem: 'A name is at most 200 characters.',
    });
    expect(renameTarget(doc, target, 'Search ad ')).toEqual({ changes: [] });
  });
});

describe('previewChanges', () => {
  it('gives the same document as applying the ops', async () => {
    const { doc } = await stored();
    const stage = stageNamed(doc, 'Consideration');
    for (const changes of [
      resizeBand(doc, 'stage', stage.id, 500),
      moveBand(doc, 'lane', laneNamed(doc, 'Product').id, 0),
      insertBand(doc, 'stage', stage.id, 'after')!.changes,
    ]) {
      expect(previewChanges(doc, changes)).toEqual(applyChanges(doc, changes));
    }
  });
});
