import { describe, expect, it } from 'vitest';
import { ChangeSet, type Change } from '../../../../shared/domain/change-set';
import type { JourneyDocument, MapNode, Touchpoint } from '../../../../shared/domain/journey';
import { cellOfNode, departmentLanes } from '../../../../shared/graph/grid';
import { applyChanges } from '../../../../renderer/src/state/apply-change';
import { enqueueChanges } from '../../../../renderer/src/state/change-queue';
import {
  addDepartment,
  addPainPoint,
  addPersona,
  addStage,
  addTouchpoint,
  connectNodes,
  deleteSelection,
  moveNodeToCell,
  moveNodes,
  removePersona,
  resizeDepartment,
  resizeStage,
} from '../../../../renderer/src/state/map-edits';
import {
  EMPTY_SELECTION,
  laneSelectionId,
  stageSelectionId,
  type Selection,
} from '../../../../renderer/src/state/ui-store';
import { comparable, openSampleMap, prng } from './journey-fixtures';
import { nodeLabel } from '../../../../shared/domain/journey';

/**
 * The renderer applies every edit to its copy of the map at once (apply-change) and the saver
 * sends the same ops to the database. The two copies must never drift apart: these tests run
 * real map edits against both and compare them after every step.
 */

/** The local document and the stored map, edited side by side. */
async function sideBySide(ids?: string) {
  const { repo, id, doc } = await openSampleMap(ids);
  let local: JourneyDocument = doc;
  let revision = doc.journey.revision;

  const expectAgreement = () => {
    const stored = repo.get(id);
    expect(stored.journey.revision).toBe(revision);
    expect(comparable(local)).toEqual(comparable(stored));
  };

  /** One edit: applied locally, then stored as one change set based on the last revision. */
  const edit = (changes: readonly Change[], { check = true } = {}) => {
    if (changes.length === 0) return;
    // What the API would check first: every op is well formed.
    const changeSet = ChangeSet.parse({ journeyId: id, baseRevision: revision, changes });
    local = applyChanges(local, changes);
    revision = repo.applyChanges(changeSet).revision;
    if (check) expectAgreement();
  };

  return {
    repo,
    id,
    get doc() {
      return local;
    },
    edit,
    expectAgreement,
    /** Sends a batch the way the saver does (coalesced queue), without applying it locally. */
    store(changes: readonly Change[]) {
      if (changes.length === 0) return;
      const changeSet = ChangeSet.parse({ journeyId: id, baseRevision: revision, changes });
      revision = repo.applyChanges(changeSet).revision;
    },
    applyLocally(changes: readonly Change[]) {
      local = applyChanges(local, changes);
    },
  };
}

const select = (...nodes: string[]): Selection => ({ nodes, edges: [] });
const nodeNamed = (doc: JourneyDocument, name: string): MapNode => {
  const node = doc.nodes.find((n) => nodeLabel(n) === name);
  if (!node) throw new Error(`no node named ${name}`);
  return node;
};
const stageNamed = (doc: JourneyDocument, name: string) => doc.stages.find((s) => s.name === name)!;
const laneNamed = (doc: JourneyDocument, name: string) => doc.departments.find((d) => d.name === name)!;

describe('the local document and the stored map', () => {
  it('start out the same', async () => {
    const map = await sideBySide();
    map.expectAgreement();
    expect(map.doc.nodes).toHaveLength(22);
    expect(map.doc.edges).toHaveLength(21);
  });

  it('agree after every step of a realistic editing session', async () => {
    const map = await sideBySide();
    const { edit } = map;

    // A new stage and a new lane, renamed in the inspector.
    const stage = addStage(map.doc);
    edit(stage.changes);
    edit([{ op: 'stage.update', id: stage.id, fields: { name: 'Loyalty', goal: 'Come back' } }]);
    const lane = addDepartment(map.doc);
    edit(lane.changes);
    edit([{ op: 'department.update', id: lane.id, fields: { name: 'Logistics' } }]);
    expect(map.doc.stages.find((s) => s.id === stage.id)).toMatchObject({ name: 'Loyalty', order: 5 });
    expect(map.doc.departments.find((d) => d.id === lane.id)).toMatchObject({
      name: 'Logistics',
      order: 4,
      height: 220,
    });

    // Touchpoints added into the selected cell (Decision × Sales) until the lane has to grow.
    const orderConfirmation = nodeNamed(map.doc, 'Order confirmation');
    const sales = laneNamed(map.doc, 'Sales');
    const product = laneNamed(map.doc, 'Product');
    const checkout = nodeNamed(map.doc, 'Checkout and payment');
    const added: string[] = [];
    let grewAt = -1;
    for (let i = 0; i < 10 && grewAt < 0; i++) {
      const before = map.doc;
      const result = addTouchpoint(before, select(orderConfirmation.id));
      if (result.changes.some((c) => c.op === 'department.update')) grewAt = i;
      edit(result.changes);
      added.push(result.id);
      const node = map.doc.nodes.find((n) => n.id === result.id)!;
      expect(node).toMatchObject({ stageId: orderConfirmation.stageId, departmentId: sales.id });
      expect(cellOfNode(node, map.doc.stages, map.doc.departments)).toEqual({
        stageId: orderConfirmation.stageId,
        departmentId: sales.id,
      });
    }
    // Sales is 450 high with one card in this cell: three more fit, the fourth grows the lane.
    expect(grewAt).toBe(3);
    const grownSales = map.doc.departments.find((d) => d.id === sales.id)!;
    expect(grownSales.height).toBeGreaterThan(450);
    const delta = grownSales.height - 450;
    // Cards in the lanes below moved down with them.
    expect(map.doc.nodes.find((n) => n.id === checkout.id)!.y).toBe(checkout.y + delta);
    const productLane = departmentLanes(map.doc.departments).find((b) => b.id === product.id)!;
    expect(productLane.start).toBe(370 + grownSales.height);

    // A card moved to another cell (inspector), a card dragged, a stage and a lane resized.
    const socialPost = nodeNamed(map.doc, 'Social post');
    edit(moveNodeToCell(map.doc, socialPost.id, { stageId: stage.id, departmentId: lane.id }));
    expect(map.doc.nodes.find((n) => n.id === socialPost.id)).toMatchObject({
      stageId: stage.id,
      departmentId: lane.id,
    });
    const searchAd = nodeNamed(map.doc, 'Search ad');
    const dragged = moveNodes(map.doc, [{ id: searchAd.id, x: searchAd.x + 300.4, y: searchAd.y + 9.6 }]);
    expect(dragged).toEqual([
      {
        op: 'touchpoint.update',
        id: searchAd.id,
        fields: {
          x: searchAd.x + 300,
          y: searchAd.y + 10,
          stageId: stageNamed(map.doc, 'Consideration').id,
          departmentId: searchAd.departmentId,
        },
      },
    ]);
    edit(dragged);
    edit(resizeStage(map.doc, stageNamed(map.doc, 'Consideration').id, 420));
    edit(resizeDepartment(map.doc, laneNamed(map.doc, 'Marketing').id, 400));

    // Connections: a flow between two touchpoints and a pain point attached to one.
    const flow = connectNodes(map.doc, added[0]!, added[1]!);
    if (!('change' in flow) || flow.change.op !== 'edge.add') throw new Error('no flow edge');
    edit([flow.change]);
    const pain = addPainPoint(map.doc, select(added[0]!));
    edit(pain.changes);
    const attach = connectNodes(map.doc, pain.id, added[0]!);
    if (!('change' in attach)) throw new Error(attach.reason);
    edit([attach.change]);
    edit([{ op: 'edge.update', id: flow.change.value.id, fields: { label: 'next day' } }]);

    // Inspector edits: rename, emotion, supporting lanes, a persona added, used and removed.
    const persona = addPersona(map.doc);
    edit(persona.changes);
    edit([{ op: 'persona.update', id: persona.id, fields: { name: 'Ben', role: 'Runner' } }]);
    const maya = map.doc.personas[0]!;
    const touchpoints = map.doc.nodes.filter((n): n is Touchpoint => n.kind === 'touchpoint');
    edit(
      touchpoints.slice(0, 6).map((t) => ({
        op: 'touchpoint.update',
        id: t.id,
        fields: {
          personaIds: [maya.id, persona.id],
          supportingDepartmentIds: [lane.id, sales.id],
          emotion: -1,
        },
      })),
    );
    edit([{ op: 'touchpoint.update', id: added[0]!, fields: { name: 'Delivery slot', channel: 'email' } }]);
    edit([
      { op: 'painpoint.update', id: pain.id, fields: { name: 'Slot too late', severity: 'high', votes: 3 } },
    ]);
    edit(removePersona(map.doc, persona.id));
    expect(map.doc.nodes.some((n) => n.kind === 'touchpoint' && n.personaIds.includes(persona.id))).toBe(
      false,
    );

    // A stage that holds cards, deleted with its cards (and their connections).
    const retention = stageNamed(map.doc, 'Retention');
    const held = map.doc.nodes.filter((n) => n.stageId === retention.id).map((n) => n.id);
    expect(held.length).toBeGreaterThan(0);
    const stagePlan = deleteSelection(map.doc, select(stageSelectionId(retention.id)));
    expect(stagePlan.confirm).not.toBeNull();
    edit(stagePlan.changes);
    expect(map.doc.stages.some((s) => s.id === retention.id)).toBe(false);
    expect(map.doc.nodes.some((n) => held.includes(n.id))).toBe(false);
    expect(map.doc.edges.some((e) => held.includes(e.sourceId) || held.includes(e.targetId))).toBe(false);

    // A lane deleted: its cards go, and it disappears from the supporting lanes of the others.
    const lanePlan = deleteSelection(map.doc, select(laneSelectionId(lane.id)));
    edit(lanePlan.changes);
    expect(map.doc.nodes.some((n) => n.departmentId === lane.id)).toBe(false);
    expect(
      map.doc.nodes.some((n) => n.kind === 'touchpoint' && n.supportingDepartmentIds.includes(lane.id)),
    ).toBe(false);
    expect(
      map.doc.nodes.filter((n) => n.kind === 'touchpoint' && n.supportingDepartmentIds.length > 0),
    ).not.toHaveLength(0);

    // A selection of a card and an edge; the map renamed.
    const someEdge = map.doc.edges[0]!;
    edit(deleteSelection(map.doc, { nodes: [added[1]!], edges: [someEdge.id] }).changes);
    edit([{ op: 'journey.update', fields: { name: 'Gift for a runner', description: 'Edited' } }]);

    map.expectAgreement();
    expect(map.doc.journey.name).toBe('Gift for a runner');
  });

  it('agree through 200 seeded random edits, stored one by one or coalesced into batches', async () => {
    for (const seed of [1, 42, 2024]) {
      // Two libraries holding the same map under the same ids.
      const direct = await sideBySide('sample');
      const batched = await sideBySide('sample');
      const random = prng(seed);
      let queue: Change[] = [];
      for (let step = 0; step < 200; step++) {
        const changes = randomEdit(direct.doc, random);
        direct.edit(changes); // compared with the database after every edit
        // The same ops through the saver's queue: applied locally at once, stored in batches.
        batched.applyLocally(changes);
        queue = enqueueChanges(queue, changes);
        if (random.next() < 0.2) {
          batched.store(queue);
          queue = [];
        }
      }
      batched.store(queue);
      direct.expectAgreement();
      batched.expectAgreement();
      expect(direct.doc.nodes.length).toBeGreaterThan(0);
    }
  });
});

type Random = ReturnType<typeof prng>;

/** One edit picked at random from what the user can do, as the ops it produces. */
function randomEdit(doc: JourneyDocument, random: Random): Change[] {
  const node = () => random.pick(doc.nodes);
  const selection = (): Selection => {
    const roll = random.next();
    const n = node();
    if (roll < 0.4 && n) return select(n.id);
    const s = random.pick(doc.stages);
    if (roll < 0.6 && s) return select(stageSelectionId(s.id));
    const d = random.pick(doc.departments);
    if (roll < 0.8 && d) return select(laneSelectionId(d.id));
    return EMPTY_SELECTION;
  };
  switch (random.int(0, 15)) {
    case 0:
      return doc.stages.length < 8 ? addStage(doc).changes : [];
    case 1:
      return doc.departments.length < 7 ? addDepartment(doc).changes : [];
    case 2:
    case 3:
      return addTouchpoint(doc, selection()).changes;
    case 4:
      return addPainPoint(doc, selection()).changes;
    case 5: {
      const moves = random
        .subset(doc.nodes)
        .slice(0, 4)
        .map((n) => ({ id: n.id, x: n.x + random.int(-400, 400) + 0.3, y: n.y + random.int(-300, 300) }));
      return moveNodes(doc, moves);
    }
    case 6: {
      const n = node();
      const s = random.pick(doc.stages);
      const d = random.pick(doc.departments);
      if (!n) return [];
      return moveNodeToCell(doc, n.id, {
        ...(s && random.next() < 0.7 ? { stageId: s.id } : {}),
        ...(d && random.next() < 0.7 ? { departmentId: d.id } : {}),
      });
    }
    case 7: {
      const s = random.pick(doc.stages);
      return s ? resizeStage(doc, s.id, random.int(12, 60) * 10) : [];
    }
    case 8: {
      const d = random.pick(doc.departments);
      return d ? resizeDepartment(doc, d.id, random.int(8, 60) * 10) : [];
    }
    case 9: {
      const a = node();
      const b = node();
      if (!a || !b) return [];
      const result = connectNodes(doc, a.id, b.id);
      return 'change' in result ? [result.change] : [];
    }
    case 10: {
      const roll = random.next();
      const ids: string[] = [];
      if (roll < 0.5)
        ids.push(
          ...random
            .subset(doc.nodes)
            .slice(0, 3)
            .map((n) => n.id),
        );
      else if (roll < 0.75 && doc.stages.length > 2) ids.push(stageSelectionId(random.pick(doc.stages)!.id));
      else if (doc.departments.length > 2) ids.push(laneSelectionId(random.pick(doc.departments)!.id));
      const edges = random
        .subset(doc.edges)
        .slice(0, 2)
        .map((e) => e.id);
      return deleteSelection(doc, { nodes: ids, edges }).changes;
    }
    case 11: {
      const n = node();
      if (!n) return [];
      if (n.kind === 'opportunity') {
        return [{ op: 'opportunity.update', id: n.id, fields: { votes: random.int(0, 9), status: 'done' } }];
      }
      if (n.kind === 'note') return [{ op: 'note.update', id: n.id, fields: { colour: 'blue' } }];
      if (n.kind === 'painpoint') {
        return [
          {
            op: 'painpoint.update',
            id: n.id,
            fields: { name: `Pain ${random.int(1, 99)}`, votes: random.int(0, 9), status: 'in-progress' },
          },
        ];
      }
      return [
        {
          op: 'touchpoint.update',
          id: n.id,
          fields: {
            name: `Touchpoint ${random.int(1, 99)}`,
            emotion: random.int(-2, 2),
            personaIds: random.subset(doc.personas).map((p) => p.id),
            supportingDepartmentIds: random.subset(doc.departments).map((d) => d.id),
          },
        },
      ];
    }
    case 12: {
      const s = random.pick(doc.stages);
      const d = random.pick(doc.departments);
      const changes: Change[] = [];
      if (s) changes.push({ op: 'stage.update', id: s.id, fields: { name: `Stage ${random.int(1, 99)}` } });
      if (d) changes.push({ op: 'department.update', id: d.id, fields: { colour: '#123abc' } });
      return changes;
    }
    case 13:
      return doc.personas.length < 4 ? addPersona(doc).changes : [];
    case 14: {
      const p = random.pick(doc.personas);
      if (!p) return [];
      return random.next() < 0.5
        ? removePersona(doc, p.id)
        : [{ op: 'persona.update', id: p.id, fields: { quote: `Quote ${random.int(1, 99)}` } }];
    }
    default: {
      const e = random.pick(doc.edges);
      if (e && random.next() < 0.5) return [{ op: 'edge.update', id: e.id, fields: { label: 'then' } }];
      return [{ op: 'journey.update', fields: { name: `Map ${random.int(1, 99)}` } }];
    }
  }
}

describe('raw removes, without the cleanup map-edits does first', () => {
  it('drop a removed department or persona from every touchpoint, locally as in the database', async () => {
    const map = await sideBySide();
    const touchpoint = map.doc.nodes.find((n): n is Touchpoint => n.kind === 'touchpoint')!;
    const [own, other] = map.doc.departments.filter((d) => d.id !== touchpoint.departmentId);
    const persona = map.doc.personas[0]!;
    map.edit([
      {
        op: 'touchpoint.update',
        id: touchpoint.id,
        fields: { supportingDepartmentIds: [own!.id, other!.id] },
      },
    ]);
    map.edit([{ op: 'department.remove', id: own!.id }]);
    map.edit([{ op: 'persona.remove', id: persona.id }]);
    const after = map.doc.nodes.find((n) => n.id === touchpoint.id) as Touchpoint;
    expect(after.supportingDepartmentIds).toEqual([other!.id]);
    expect(after.personaIds).not.toContain(persona.id);
  });
});
