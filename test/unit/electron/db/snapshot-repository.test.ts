import { describe, expect, it, onTestFinished } from 'vitest';
import type { Change } from '../../../../shared/domain/change-set';
import type { JourneyDocument, Touchpoint } from '../../../../shared/domain/journey';
import { templateContent } from '../../../../shared/templates';
import { JourneyRepository } from '../../../../electron/db/journey-repository';
import { SnapshotRepository } from '../../../../electron/db/snapshot-repository';
import { expectAppError } from '../../../helpers/app-error';
import { openTempLibrary } from '../../../helpers/temp-db';
import { comparable } from '../../renderer/state/journey-fixtures';
import { nodeLabel } from '../../../../shared/domain/journey';

/** A clock that moves one second per reading, so every snapshot gets a distinct, known time. */
function fakeClock(start = '2025-03-01T09:00:00.000Z') {
  let ms = Date.parse(start);
  return () => new Date((ms += 1000));
}

async function setup() {
  const library = await openTempLibrary();
  onTestFinished(library.cleanup);
  const now = fakeClock();
  let counter = 0;
  const newId = () => `id-${++counter}`;
  const journeys = new JourneyRepository(library.db, { now, newId });
  const snapshots = new SnapshotRepository(library.db, journeys, { now, newId });
  const made = templateContent('online-store', newId);
  const { id } = journeys.create({ name: made.name, description: made.description, content: made.content });
  return { db: library.db, journeys, snapshots, id };
}

/** Several kinds of edit at once: a card removed, one renamed, a stage added, the map renamed. */
function editTheMap(journeys: JourneyRepository, doc: JourneyDocument): JourneyDocument {
  const cards = doc.nodes.filter((n): n is Touchpoint => n.kind === 'touchpoint');
  const changes: Change[] = [
    { op: 'node.remove', id: cards[0]!.id },
    { op: 'touchpoint.update', id: cards[1]!.id, fields: { name: 'Renamed card', x: 5000 } },
    { op: 'stage.add', value: { id: 'extra-stage', name: 'Repair', goal: '', width: 300, order: 5 } },
    { op: 'persona.update', id: doc.personas[0]!.id, fields: { quote: 'Changed my mind.' } },
    { op: 'journey.update', fields: { name: 'Renamed map', description: 'after the workshop' } },
  ];
  journeys.applyChanges({ journeyId: doc.journey.id, baseRevision: doc.journey.revision, changes });
  return journeys.get(doc.journey.id);
}

describe('SnapshotRepository', () => {
  it('creates, lists newest first, reads back and deletes snapshots', async () => {
    const { journeys, snapshots, id } = await setup();
    const original = journeys.get(id);
    expect(snapshots.list(id)).toEqual([]);

    const first = snapshots.create(id, '  Before workshop ');
    expect(first).toMatchObject({
      journeyId: id,
      name: 'Before workshop',
      revision: original.journey.revision,
      touchpointCount: 15,
    });
    editTheMap(journeys, original);
    const second = snapshots.create(id, 'After workshop');
    expect(second.touchpointCount).toBe(14);
    expect(second.revision).toBe(original.journey.revision + 1);
    expect(snapshots.list(id).map((s) => s.name)).toEqual(['After workshop', 'Before workshop']);
    expect(snapshots.list(id)[1]).toEqual(first);

    const read = snapshots.get(first.id);
    expect(read.snapshot).toEqual(first);
    expect(comparable(read.document)).toEqual(comparable(original));
    expect(read.document.journey.revision).toBe(original.journey.revision);

    snapshots.delete(first.id);
    expect(snapshots.list(id).map((s) => s.name)).toEqual(['After workshop']);
    expectAppError(() => snapshots.get(first.id), 'not-found', first.id);
    expectAppError(() => snapshots.delete(first.id), 'not-found');
    expectAppError(() => snapshots.create(id, '   '), 'invalid-input', 'name');
    expectAppError(() => snapshots.create('missing', 'x'), 'not-found', 'missing');
    expectAppError(() => snapshots.list('missing'), 'not-found', 'missing');
  });

  it('restores exactly the snapshot content, after snapshotting the current state', async () => {
    const { journeys, snapshots, id } = await setup();
    const original = journeys.get(id);
    const before = snapshots.create(id, 'Before workshop');
    const edited = editTheMap(journeys, original);

    const restored = snapshots.restore(before.id, edited.journey.revision);
    expect(restored.revision).toBe(edited.journey.revision + 1);
    expect(restored.before).toMatchObject({
      name: 'Before restoring “Before workshop”',
      revision: edited.journey.revision,
      touchpointCount: 14,
    });

    const after = journeys.get(id);
    expect(comparable(after)).toEqual(comparable(original));
    expect(after.journey.revision).toBe(restored.revision);
    expect(after.journey.updatedAt).toBe(restored.updatedAt);

    // The state before the restore was kept, and restoring it undoes the restore.
    expect(snapshots.list(id).map((s) => s.name)).toEqual([
      'Before restoring “Before workshop”',
      'Before workshop',
    ]);
    expect(comparable(snapshots.get(restored.before.id).document)).toEqual(comparable(edited));
    snapshots.restore(restored.before.id, restored.revision);
    expect(comparable(journeys.get(id))).toEqual(comparable(edited));

    // The map is editable as usual afterwards: the ids are its own again.
    const now = journeys.get(id);
    journeys.applyChanges({
      journeyId: id,
      baseRevision: now.journey.revision,
      changes: [{ op: 'node.remove', id: now.nodes[0]!.id }],
    });
  });

  it('refuses a restore based on a stale revision and changes nothing', async () => {
    const { db, journeys, snapshots, id } = await setup();
    const original = journeys.get(id);
    const taken = snapshots.create(id, 'Before workshop');
    editTheMap(journeys, original);
    const bytes = db.serialize();

    expectAppError(
      () => snapshots.restore(taken.id, original.journey.revision),
      'conflict',
      'nothing was restored',
    );
    expect(Buffer.compare(db.serialize(), bytes)).toBe(0);
    expect(snapshots.list(id)).toHaveLength(1);
    expectAppError(() => snapshots.restore('missing', 0), 'not-found', 'missing');
  });

  it('gives an id the map dropped, since taken by another map, a fresh one on restore', async () => {
    const { journeys, snapshots, id } = await setup();
    const original = journeys.get(id);
    const taken = snapshots.create(id, 'Before workshop');
    const edited = editTheMap(journeys, original);
    const dropped = original.nodes.find((n) => !edited.nodes.some((e) => e.id === n.id))!;
    // Ids are unique across the library: another map now holds a card under the dropped id.
    const other = journeys.create({
      name: 'Other map',
      content: {
        stages: [],
        departments: [],
        personas: [],
        nodes: [
          {
            ...(dropped as Touchpoint),
            stageId: null,
            departmentId: null,
            supportingDepartmentIds: [],
            personaIds: [],
            name: 'Not yours',
          },
        ],
        edges: [],
      },
    });
    const otherBefore = journeys.get(other.id);

    snapshots.restore(taken.id, edited.journey.revision);
    const after = journeys.get(id);
    expect(comparable(journeys.get(other.id))).toEqual(comparable(otherBefore));
    const back = after.nodes.find((n) => nodeLabel(n) === nodeLabel(dropped))!;
    expect(back.id).not.toBe(dropped.id);
    expect({ ...back, id: dropped.id }).toEqual(dropped);
    // Its arrows came back too, pointing at its new id.
    const ends = (doc: JourneyDocument, nodeId: string) =>
      doc.edges.filter((e) => e.sourceId === nodeId || e.targetId === nodeId).length;
    expect(ends(after, back.id)).toBe(ends(original, dropped.id));
    expect(ends(after, back.id)).toBeGreaterThan(0);
    // Everything else is exactly the snapshot, under its own ids.
    const withoutDropped = (doc: JourneyDocument, nodeId: string) => {
      const view = comparable(doc);
      return {
        ...view,
        nodes: view.nodes.filter((n) => n.id !== nodeId),
        edges: view.edges.filter((e) => e.sourceId !== nodeId && e.targetId !== nodeId),
      };
    };
    expect(withoutDropped(after, back.id)).toEqual(withoutDropped(original, dropped.id));
  });

  it('reports a damaged snapshot clearly instead of crashing or restoring it', async () => {
    const { db, journeys, snapshots, id } = await setup();
    const broken = snapshots.create(id, 'Broken JSON');
    const invalid = snapshots.create(id, 'Wrong shape');
    db.prepare('UPDATE snapshots SET content = ? WHERE id = ?').run('{"stages": [', broken.id);
    db.prepare('UPDATE snapshots SET content = ? WHERE id = ?').run(
      JSON.stringify({ name: 'x', description: '', stages: 'nope' }),
      invalid.id,
    );
    expectAppError(() => snapshots.get(broken.id), 'internal', 'Broken JSON', 'damaged');
    expectAppError(() => snapshots.get(invalid.id), 'internal', 'Wrong shape', 'damaged', 'stages');
    const revision = journeys.get(id).journey.revision;
    const bytes = db.serialize();
    expectAppError(() => snapshots.restore(invalid.id, revision), 'internal', 'damaged');
    expect(Buffer.compare(db.serialize(), bytes)).toBe(0);
    // The list still shows them, so they can be deleted.
    expect(snapshots.list(id)).toHaveLength(2);
    snapshots.delete(broken.id);
    expect(snapshots.list(id)).toHaveLength(1);
  });

  it('deletes a map’s snapshots with the map, and does not copy them to a duplicate', async () => {
    const { db, journeys, snapshots, id } = await setup();
    snapshots.create(id, 'One');
    snapshots.create(id, 'Two');
    const copy = journeys.duplicate(id, 'Copy');
    expect(snapshots.list(copy.id)).toEqual([]);
    expect(snapshots.list(id)).toHaveLength(2);

    journeys.delete(id);
    expect(db.prepare('SELECT count(*) FROM snapshots').pluck().get()).toBe(0);
    expectAppError(() => snapshots.list(id), 'not-found');
  });
});
