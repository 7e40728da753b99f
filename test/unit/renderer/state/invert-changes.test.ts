import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChangeSet, NODE_UPDATE_OPS, type Change } from '../../../../shared/domain/change-set';
import type { JourneyDocument, PainPoint, Touchpoint } from '../../../../shared/domain/journey';
import { templateContent } from '../../../../shared/templates';
import type { JourneyRepository } from '../../../../electron/db/journey-repository';
import { applyChanges } from '../../../../renderer/src/state/apply-change';
import { applyAndInvert, invertChanges } from '../../../../renderer/src/state/invert-changes';
import {
  addDepartment,
  addPainPoint,
  addPersona,
  addStage,
  addTouchpoint,
  connectNodes,
  deleteSelection,
  moveNodes,
  removePersona,
  resizeStage,
} from '../../../../renderer/src/state/map-edits';
import { EMPTY_SELECTION, laneSelectionId, stageSelectionId } from '../../../../renderer/src/state/ui-store';
import { comparable, openSampleMap, prng } from './journey-fixtures';
import { gesture, sessionArbitrary, type Step } from './random-gestures';
import { nodeLabel } from '../../../../shared/domain/journey';

/**
 * Undo's inverse ops: hand-written cases for every op and every cascade, each checked in memory
 * and against a real library; then properties over random gestures on the sample map.
 */

/** The inverse ops are sent to the API like any others: they must pass its schema. */
const expectValidOps = (changes: readonly Change[]) => {
  if (changes.length > 0) ChangeSet.parse({ journeyId: 'map', baseRevision: 0, changes });
};

/** A stored map, edited the way the saver stores it: one change set per step. */
function storedMap(repo: JourneyRepository, id: string) {
  let revision = repo.get(id).journey.revision;
  return {
    store(changes: readonly Change[]) {
      if (changes.length === 0) return;
      const changeSet = ChangeSet.parse({ journeyId: id, baseRevision: revision, changes });
      revision = repo.applyChanges(changeSet).revision;
    },
    get: () => repo.get(id),
  };
}

/** A fresh copy of the sample map in an open library. */
function newSampleMap(repo: JourneyRepository) {
  const made = templateContent('online-store', () => crypto.randomUUID());
  const { id } = repo.create({ name: made.name, description: made.description, content: made.content });
  return id;
}

const touchpointNamed = (doc: JourneyDocument, name: string): Touchpoint => {
  const node = doc.nodes.find((n) => nodeLabel(n) === name);
  if (node?.kind !== 'touchpoint') throw new Error(`no touchpoint named ${name}`);
  return node;
};
const painPointNamed = (doc: JourneyDocument, name: string): PainPoint => {
  const node = doc.nodes.find((n) => nodeLabel(n) === name);
  if (node?.kind !== 'painpoint') throw new Error(`no pain point named ${name}`);
  return node;
};
const stageNamed = (doc: JourneyDocument, name: string) => doc.stages.find((s) => s.name === name)!;
const laneNamed = (doc: JourneyDocument, name: string) => doc.departments.find((d) => d.name === name)!;

/**
 * The sample map, optionally prepared by `setup` (stored too). `undoes(changes)` checks that the
 * inverse is valid and takes the document back in memory, and that the database, storing the
 * changes, the inverse, the changes again (redo) and the inverse again, follows each step; it
 * returns the inverse for closer looks. Every case starts from the same map.
 */
async function sample(setup?: (doc: JourneyDocument) => Change[]) {
  const { repo, id, doc: loaded } = await openSampleMap();
  const stored = storedMap(repo, id);
  let doc = loaded;
  if (setup) {
    const changes = setup(doc);
    doc = applyChanges(doc, changes);
    stored.store(changes);
  }
  const before = doc;
  return {
    doc,
    undoes(changes: Change[]) {
      const inverse = invertChanges(before, changes);
      expectValidOps(inverse);
      const after = applyChanges(before, changes);
      expect(comparable(after)).not.toEqual(comparable(before));
      expect(comparable(applyChanges(after, inverse))).toEqual(comparable(before));
      // The database: forward, then back.
      stored.store(changes);
      expect(comparable(stored.get())).toEqual(comparable(after));
      stored.store(inverse);
      expect(comparable(stored.get())).toEqual(comparable(before));
      // Forward again, as redo does, and back again, so the next case starts from `before` too.
      stored.store(changes);
      expect(comparable(stored.get())).toEqual(
        comparable(applyChanges(applyChanges(after, inverse), changes)),
      );
      stored.store(inverse);
      return inverse;
    },
  };
}

describe('inverting each op', () => {
  it('removes what an add added', async () => {
    const map = await sample();
    const stage = addStage(map.doc);
    expect(map.undoes(stage.changes)).toEqual([{ op: 'stage.remove', id: stage.id }]);
    const lane = addDepartment(map.doc);
    expect(map.undoes(lane.changes)).toEqual([{ op: 'department.remove', id: lane.id }]);
    const persona = addPersona(map.doc);
    expect(map.undoes(persona.changes)).toEqual([{ op: 'persona.remove', id: persona.id }]);
  });

  it('removes an added node and edge', async () => {
    const map = await sample();
    const card = addTouchpoint(map.doc, EMPTY_SELECTION);
    expect(map.undoes(card.changes)).toEqual([{ op: 'node.remove', id: card.id }]);
    const search = touchpointNamed(map.doc, 'Search ad');
    const influencer = touchpointNamed(map.doc, 'Influencer recommendation');
    const edge = connectNodes(map.doc, search.id, influencer.id);
    if (!('change' in edge) || edge.change.op !== 'edge.add') throw new Error('no edge');
    expect(map.undoes([edge.change])).toEqual([{ op: 'edge.remove', id: edge.change.value.id }]);
  });

  it('puts back exactly the fields an update changed, with their previous values', async () => {
    const map = await sample();
    const stage = stageNamed(map.doc, 'Decision');
    expect(
      map.undoes([
        { op: 'stage.update', id: stage.id, fields: { name: 'Buy', goal: stage.goal, width: 500 } },
      ]),
    ).toEqual([{ op: 'stage.update', id: stage.id, fields: { name: 'Decision', width: stage.width } }]);

    const lane = laneNamed(map.doc, 'Sales');
    expect(map.undoes([{ op: 'department.update', id: lane.id, fields: { colour: '#000000' } }])).toEqual([
      { op: 'department.update', id: lane.id, fields: { colour: '#0369a1' } },
    ]);

    const search = touchpointNamed(map.doc, 'Search ad');
    const maya = map.doc.personas[0]!;
    expect(
      map.undoes([
        {
          op: 'touchpoint.update',
          id: search.id,
          fields: { name: 'Paid search', emotion: -2, personaIds: [], frontstage: true },
        },
      ]),
    ).toEqual([
      {
        op: 'touchpoint.update',
        id: search.id,
        fields: { name: 'Search ad', emotion: 0, personaIds: [maya.id] },
      },
    ]);

    const pain = painPointNamed(map.doc, 'Long hold time');
    expect(
      map.undoes([{ op: 'painpoint.update', id: pain.id, fields: { votes: 7, status: 'resolved', x: 5 } }]),
    ).toEqual([{ op: 'painpoint.update', id: pain.id, fields: { votes: 0, status: 'open', x: pain.x } }]);

    const edge = map.doc.edges[0]!;
    expect(map.undoes([{ op: 'edge.update', id: edge.id, fields: { label: 'then' } }])).toEqual([
      { op: 'edge.update', id: edge.id, fields: { label: '' } },
    ]);

    expect(map.undoes([{ op: 'persona.update', id: maya.id, fields: { quote: 'Fast, please.' } }])).toEqual([
      { op: 'persona.update', id: maya.id, fields: { quote: maya.quote } },
    ]);

    expect(
      map.undoes([
        { op: 'journey.update', fields: { name: 'Gift', description: map.doc.journey.description } },
      ]),
    ).toEqual([{ op: 'journey.update', fields: { name: 'Online store purchase' } }]);
  });

  it('has nothing to undo for an update that changes nothing, or for ops on missing items', async () => {
    const { doc } = await openSampleMap();
    const stage = doc.stages[0]!;
    const node = touchpointNamed(doc, 'Search ad');
    const pain = painPointNamed(doc, 'Long hold time');
    const same: Change[] = [
      { op: 'stage.update', id: stage.id, fields: { name: stage.name } },
      { op: 'touchpoint.update', id: node.id, fields: { personaIds: [...node.personaIds], x: node.x } },
      { op: 'journey.update', fields: { name: doc.journey.name } },
      // The wrong kind of update for the node: apply-change (and the API) leave it alone.
      { op: 'painpoint.update', id: node.id, fields: { votes: 3 } },
      { op: 'touchpoint.update', id: pain.id, fields: { emotion: 2 } },
      { op: 'stage.remove', id: 'missing' },
      { op: 'node.remove', id: 'missing' },
      { op: 'edge.update', id: 'missing', fields: { label: 'x' } },
      { op: 'persona.remove', id: 'missing' },
      { op: 'department.remove', id: 'missing' },
      { op: 'edge.remove', id: 'missing' },
    ];
    expect(invertChanges(doc, same)).toEqual([]);
  });
});

describe('inverting cascades', () => {
  it('brings a removed node back with the edges the database removed with it', async () => {
    const map = await sample();
    const checkout = touchpointNamed(map.doc, 'Checkout and payment');
    const touching = map.doc.edges.filter((e) => e.sourceId === checkout.id || e.targetId === checkout.id);
    // In from the chatbot, out to the order confirmation, and its pain point's attachment.
    expect(touching).toHaveLength(3);
    const inverse = map.undoes([{ op: 'node.remove', id: checkout.id }]);
    expect(inverse[0]).toEqual({ op: 'node.add', value: checkout });
    expect(inverse.slice(1)).toEqual(touching.map((value) => ({ op: 'edge.add', value })));
  });

  it('brings a removed stage back and its cards into it again', async () => {
    const map = await sample();
    const retention = stageNamed(map.doc, 'Retention');
    const held = map.doc.nodes.filter((n) => n.stageId === retention.id);
    expect(held.some((n) => n.kind === 'painpoint')).toBe(true);
    const inverse = map.undoes([{ op: 'stage.remove', id: retention.id }]);
    expect(inverse[0]).toEqual({ op: 'stage.add', value: retention });
    expect(inverse.slice(1)).toEqual(
      held.map((n) => ({ op: NODE_UPDATE_OPS[n.kind], id: n.id, fields: { stageId: retention.id } })),
    );
  });

  it('brings a removed lane back, its cards into it, and it back among supporting lanes', async () => {
    const map = await sample((doc) => {
      const sales = laneNamed(doc, 'Sales');
      const product = laneNamed(doc, 'Product');
      return [
        // One card elsewhere supported by Sales, one in Sales supported by Sales and Product.
        {
          op: 'touchpoint.update',
          id: touchpointNamed(doc, 'Product page').id,
          fields: { supportingDepartmentIds: [product.id, sales.id] },
        },
        {
          op: 'touchpoint.update',
          id: touchpointNamed(doc, 'Shipping updates').id,
          fields: { supportingDepartmentIds: [sales.id, product.id] },
        },
      ];
    });
    const sales = laneNamed(map.doc, 'Sales');
    const productPage = touchpointNamed(map.doc, 'Product page');
    const shipping = touchpointNamed(map.doc, 'Shipping updates');
    const wrongItem = painPointNamed(map.doc, 'Wrong item shipped');
    const inverse = map.undoes([{ op: 'department.remove', id: sales.id }]);
    expect(inverse[0]).toEqual({ op: 'department.add', value: sales });
    expect(inverse).toContainEqual({
      op: 'touchpoint.update',
      id: productPage.id,
      fields: { supportingDepartmentIds: productPage.supportingDepartmentIds },
    });
    expect(inverse).toContainEqual({
      op: 'touchpoint.update',
      id: shipping.id,
      fields: { departmentId: sales.id, supportingDepartmentIds: shipping.supportingDepartmentIds },
    });
    expect(wrongItem.departmentId).toBe(sales.id);
    expect(inverse).toContainEqual({
      op: 'painpoint.update',
      id: wrongItem.id,
      fields: { departmentId: sales.id },
    });
  });

  it('brings a removed persona back onto the touchpoints that named it', async () => {
    const map = await sample();
    const maya = map.doc.personas[0]!;
    const naming = map.doc.nodes.filter((n): n is Touchpoint => n.kind === 'touchpoint');
    expect(naming.every((n) => n.personaIds.includes(maya.id))).toBe(true);
    const inverse = map.undoes([{ op: 'persona.remove', id: maya.id }]);
    expect(inverse).toEqual([
      { op: 'persona.add', value: maya },
      ...naming.map((n) => ({ op: 'touchpoint.update', id: n.id, fields: { personaIds: [maya.id] } })),
    ]);
  });

  it('removes an edge and brings it back', async () => {
    const map = await sample();
    const edge = map.doc.edges[3]!;
    expect(map.undoes([{ op: 'edge.remove', id: edge.id }])).toEqual([{ op: 'edge.add', value: edge }]);
  });
});

describe('inverting a gesture of several ops', () => {
  it('undoes the last op first, each against the document as it stood', async () => {
    const map = await sample();
    const stage = addStage(map.doc);
    const changes: Change[] = [
      ...stage.changes,
      { op: 'stage.update', id: stage.id, fields: { name: 'Loyalty' } },
      { op: 'stage.update', id: stage.id, fields: { name: 'Loyalty club' } },
    ];
    expect(map.undoes(changes)).toEqual([
      { op: 'stage.update', id: stage.id, fields: { name: 'Loyalty' } },
      { op: 'stage.update', id: stage.id, fields: { name: 'New stage' } },
      { op: 'stage.remove', id: stage.id },
    ]);
  });

  it('undoes a stage deleted with its cards: the stage first, then its cards, then their arrows', async () => {
    const map = await sample();
    const retention = stageNamed(map.doc, 'Retention');
    const plan = deleteSelection(map.doc, { nodes: [stageSelectionId(retention.id)], edges: [] });
    expect(plan.confirm).not.toBeNull();
    const inverse = map.undoes(plan.changes);
    expect(inverse[0]).toEqual({ op: 'stage.add', value: retention });
    const firstNode = inverse.findIndex((c) => c.op === 'node.add');
    expect(firstNode).toBeGreaterThan(0);
    // Nothing in the inverse refers to a node before that node is back.
    const seen = new Set(map.doc.nodes.map((n) => n.id));
    for (const c of plan.changes) if (c.op === 'node.remove') seen.delete(c.id);
    for (const c of inverse) {
      if (c.op === 'node.add') seen.add(c.value.id);
      if (c.op === 'edge.add') {
        expect(seen.has(c.value.sourceId) && seen.has(c.value.targetId)).toBe(true);
      }
    }
  });

  it('undoes a lane deleted with its cards and its place among supporting lanes', async () => {
    const map = await sample((doc) => {
      const service = laneNamed(doc, 'Customer Service');
      return [
        {
          op: 'touchpoint.update',
          id: touchpointNamed(doc, 'Checkout and payment').id,
          fields: { supportingDepartmentIds: [service.id] },
        },
      ];
    });
    const service = laneNamed(map.doc, 'Customer Service');
    map.undoes(deleteSelection(map.doc, { nodes: [laneSelectionId(service.id)], edges: [] }).changes);
  });

  it('undoes a drag of many cards, a persona removed from its touchpoints, and a paste-like batch', async () => {
    const map = await sample();
    const moves = map.doc.nodes.map((n) => ({ id: n.id, x: n.x + 260.4, y: n.y + 31 }));
    map.undoes(moveNodes(map.doc, moves));
    map.undoes(removePersona(map.doc, map.doc.personas[0]!.id));
    // A paste: new cards with arrows between them, in one change set.
    const a = addTouchpoint(map.doc, EMPTY_SELECTION);
    const afterA = applyChanges(map.doc, a.changes);
    const b = addPainPoint(afterA, EMPTY_SELECTION);
    const afterB = applyChanges(afterA, b.changes);
    const link = connectNodes(afterB, b.id, a.id);
    if (!('change' in link)) throw new Error(link.reason);
    const inverse = map.undoes([...a.changes, ...b.changes, link.change]);
    expect(inverse.map((c) => c.op)).toEqual(['edge.remove', 'node.remove', 'node.remove']);
  });

  it('applyAndInvert returns the document invertChanges starts from after the changes', async () => {
    const { doc } = await openSampleMap();
    const changes = resizeStage(doc, doc.stages[1]!.id, 600);
    const result = applyAndInvert(doc, changes);
    expect(result.doc).toEqual(applyChanges(doc, changes));
    expect(result.inverse).toEqual(invertChanges(doc, changes));
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

interface Entry {
  forward: Change[];
  inverse: Change[];
}

/**
 * Runs a session the way the document store keeps its history: each gesture one entry (none when
 * it changed nothing), undo applies the inverse, redo the forward ops, a new gesture clears redo.
 * `onStep` sees the ops of every step, as the saver would send them.
 */
function runSession(initial: JourneyDocument, steps: readonly Step[], onStep: (changes: Change[]) => void) {
  let doc = initial;
  const undo: Entry[] = [];
  const redo: Entry[] = [];
  for (const step of steps) {
    if (step.kind === 'undo' || step.kind === 'redo') {
      const from = step.kind === 'undo' ? undo : redo;
      const entry = from.pop();
      if (!entry) continue;
      const changes = step.kind === 'undo' ? entry.inverse : entry.forward;
      doc = applyChanges(doc, changes);
      onStep(changes);
      (step.kind === 'undo' ? redo : undo).push(entry);
      continue;
    }
    const forward = gesture(step.kind, doc, prng(step.seed));
    if (forward.length === 0) continue;
    const inverse = invertChanges(doc, forward);
    expectValidOps(inverse);
    doc = applyChanges(doc, forward);
    onStep(forward);
    if (inverse.length === 0) continue;
    undo.push({ forward, inverse });
    redo.length = 0;
  }
  return { doc, undo };
}

describe('undo and redo over random sessions on the sample map', () => {
  it('undo all gives the initial document back, step by step; redo all gives the final one', async () => {
    const { doc: initial } = await openSampleMap();
    fc.assert(
      fc.property(sessionArbitrary, (steps) => {
        const session = runSession(initial, steps, () => undefined);
        const final = session.doc;
        // Every undo lands exactly where the map stood before that gesture.
        let doc = final;
        const undone: Entry[] = [];
        const snapshots: JourneyDocument[] = [final];
        while (session.undo.length > 0) {
          const entry = session.undo.pop()!;
          doc = applyChanges(doc, entry.inverse);
          snapshots.push(doc);
          undone.push(entry);
        }
        expect(comparable(doc)).toEqual(comparable(initial));
        snapshots.pop();
        while (undone.length > 0) {
          const entry = undone.pop()!;
          doc = applyChanges(doc, entry.forward);
          expect(comparable(doc)).toEqual(comparable(snapshots.pop()!));
        }
        expect(comparable(doc)).toEqual(comparable(final));
      }),
      { numRuns: 40 },
    );
  });

  it('the database follows every gesture, undo and redo, one change set each', async () => {
    const { repo } = await openSampleMap();
    fc.assert(
      fc.property(sessionArbitrary, (steps) => {
        const id = newSampleMap(repo);
        const stored = storedMap(repo, id);
        const initial = stored.get();
        const session = runSession(initial, steps, (changes) => stored.store(changes));
        const final = session.doc;
        expect(comparable(stored.get())).toEqual(comparable(final));

        let doc = final;
        const undone: Entry[] = [];
        while (session.undo.length > 0) {
          const entry = session.undo.pop()!;
          doc = applyChanges(doc, entry.inverse);
          stored.store(entry.inverse);
          undone.push(entry);
        }
        expect(comparable(doc)).toEqual(comparable(initial));
        expect(comparable(stored.get())).toEqual(comparable(doc));

        while (undone.length > 0) {
          const entry = undone.pop()!;
          doc = applyChanges(doc, entry.forward);
          stored.store(entry.forward);
        }
        expect(comparable(doc)).toEqual(comparable(final));
        expect(comparable(stored.get())).toEqual(comparable(doc));
        repo.delete(id);
      }),
      { numRuns: 40 },
    );
  });
});
