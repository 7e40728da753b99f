import { describe, expect, it, onTestFinished } from 'vitest';
import { AppError } from '../../../../shared/api/result';
import { ChangeSet, type Change } from '../../../../shared/domain/change-set';
import type { JourneyContent, Note, Opportunity } from '../../../../shared/domain/journey';
import { JourneyRepository } from '../../../../electron/db/journey-repository';
import { SnapshotRepository } from '../../../../electron/db/snapshot-repository';
import { openTempLibrary } from '../../../helpers/temp-db';

/** Opportunities and free notes in a real library: stored, read back, updated, cascaded, copied. */

const content = (p = ''): JourneyContent => ({
  stages: [{ id: `${p}s1`, name: 'Retention', goal: '', width: 300, order: 0 }],
  departments: [
    { id: `${p}d1`, name: 'Sales', colour: '#0369a1', height: 300, order: 0 },
    { id: `${p}d2`, name: 'Customer Service', colour: '#c2410c', height: 300, order: 1 },
  ],
  personas: [],
  nodes: [
    {
      id: `${p}tp`,
      kind: 'touchpoint',
      x: 40,
      y: 20,
      stageId: `${p}s1`,
      departmentId: `${p}d1`,
      name: 'Refund',
      description: '',
      channel: 'email',
      mode: 'service',
      emotion: -2,
      frontstage: true,
      supportingDepartmentIds: [],
      metricKey: '',
      personaIds: [],
    },
    {
      id: `${p}pain`,
      kind: 'painpoint',
      x: 40,
      y: 130,
      stageId: `${p}s1`,
      departmentId: `${p}d1`,
      name: 'No refund status updates',
      description: '',
      severity: 'high',
      evidence: '',
      status: 'open',
      votes: 3,
    },
    {
      id: `${p}opp`,
      kind: 'opportunity',
      x: 40,
      y: 220,
      stageId: `${p}s1`,
      departmentId: `${p}d1`,
      name: 'Proactive refund status updates',
      description: 'Tell them at every step',
      status: 'in-progress',
      ownerDepartmentId: `${p}d2`,
      votes: 5,
    },
    {
      id: `${p}note`,
      kind: 'note',
      x: -500,
      y: -300,
      stageId: null,
      departmentId: null,
      text: 'Parking lot:\n- loyalty scheme?',
      colour: 'purple',
    },
  ],
  edges: [
    { id: `${p}e1`, kind: 'attachment', sourceId: `${p}pain`, targetId: `${p}tp`, label: '' },
    { id: `${p}e2`, kind: 'attachment', sourceId: `${p}opp`, targetId: `${p}pain`, label: '' },
  ],
});

async function setup() {
  const library = await openTempLibrary();
  onTestFinished(library.cleanup);
  let counter = 0;
  const repo = new JourneyRepository(library.db, { newId: () => `gen-${++counter}` });
  const { id } = repo.create({ name: 'Refunds', content: content() });
  let revision = 0;
  const apply = (changes: Change[]) => {
    revision = repo.applyChanges(
      ChangeSet.parse({ journeyId: id, baseRevision: revision, changes }),
    ).revision;
  };
  return { db: library.db, repo, id, apply };
}

const opportunityOf = (repo: JourneyRepository, id: string) =>
  repo.get(id).nodes.find((n) => n.kind === 'opportunity') as Opportunity;
const noteOf = (repo: JourneyRepository, id: string) =>
  repo.get(id).nodes.find((n) => n.kind === 'note') as Note;

describe('opportunities and free notes in the library', () => {
  it('round-trip exactly, with their attachments', async () => {
    const { repo, id } = await setup();
    const doc = repo.get(id);
    expect(doc.nodes).toEqual(content().nodes);
    expect(doc.edges).toEqual(content().edges);
    expect(doc.journey.touchpointCount).toBe(1);
  });

  it('store each kind in its own columns, and nothing else', async () => {
    const { db, id } = await setup();
    const row = (nodeId: string) =>
      db.prepare('SELECT * FROM nodes WHERE id = ? AND journey_id = ?').get(nodeId, id);
    expect(row('note')).toMatchObject({
      kind: 'note',
      name: null,
      description: null,
      note_text: 'Parking lot:\n- loyalty scheme?',
      note_colour: 'purple',
      status: null,
      votes: null,
    });
    expect(row('opp')).toMatchObject({
      kind: 'opportunity',
      status: 'in-progress',
      votes: 5,
      owner_department_id: 'd2',
      note_text: null,
      severity: null,
    });
    // The table itself refuses a row of mixed shape or an unknown status, whatever the caller.
    expect(() => db.prepare("UPDATE nodes SET status = 'open' WHERE id = 'opp'").run()).toThrow(
      /CHECK constraint failed/,
    );
    expect(() => db.prepare("UPDATE nodes SET name = 'x' WHERE id = 'note'").run()).toThrow(
      /CHECK constraint failed/,
    );
  });

  it('update only the fields given, with the op of their kind', async () => {
    const { repo, id, apply } = await setup();
    apply([
      { op: 'opportunity.update', id: 'opp', fields: { status: 'done', votes: 6, ownerDepartmentId: null } },
      { op: 'note.update', id: 'note', fields: { text: 'Moved on', colour: 'green', x: 10 } },
    ]);
    expect(opportunityOf(repo, id)).toMatchObject({
      status: 'done',
      votes: 6,
      ownerDepartmentId: null,
      name: 'Proactive refund status updates',
    });
    expect(noteOf(repo, id)).toMatchObject({ text: 'Moved on', colour: 'green', x: 10, y: -300 });
    const wrongKind = () => apply([{ op: 'painpoint.update', id: 'opp', fields: { votes: 1 } }]);
    expect(wrongKind).toThrow(AppError);
    expect(wrongKind).toThrow('node "opp" is a opportunity, not a painpoint');
    expect(() => apply([{ op: 'note.update', id: 'opp', fields: { text: 'x' } }])).toThrow(
      'node "opp" is a opportunity, not a note',
    );
  });

  it('refuse an owner lane of another map, and bad values with a clear message', async () => {
    const { repo, id, apply } = await setup();
    repo.create({ name: 'Other', content: content('x-') });
    expect(() =>
      apply([{ op: 'opportunity.update', id: 'opp', fields: { ownerDepartmentId: 'x-d1' } }]),
    ).toThrow('ownerDepartmentId "x-d1" is not a department of this journey map');
    const bad = ChangeSet.safeParse({
      journeyId: id,
      baseRevision: 0,
      changes: [{ op: 'note.update', id: 'note', fields: { colour: 'orange' } }],
    });
    expect(bad.success).toBe(false);
    const badStatus = ChangeSet.safeParse({
      journeyId: id,
      baseRevision: 0,
      changes: [{ op: 'opportunity.update', id: 'opp', fields: { status: 'open' } }],
    });
    expect(badStatus.success).toBe(false);
  });

  it('leave an opportunity without owner when its lane is deleted, and drop attachments with their nodes', async () => {
    const { repo, id, apply } = await setup();
    apply([{ op: 'department.remove', id: 'd2' }]);
    expect(opportunityOf(repo, id).ownerDepartmentId).toBeNull();
    apply([{ op: 'node.remove', id: 'pain' }]);
    expect(repo.get(id).edges).toEqual([]);
  });

  it('are copied with a map, the owner lane remapped to the copy', async () => {
    const { repo, id } = await setup();
    const copy = repo.duplicate(id, 'Refunds (copy)');
    const doc = repo.get(copy.id);
    const opportunity = doc.nodes.find((n) => n.kind === 'opportunity') as Opportunity;
    const owner = doc.departments.find((d) => d.id === opportunity.ownerDepartmentId);
    expect(owner?.name).toBe('Customer Service');
    expect(doc.nodes.find((n) => n.kind === 'note')).toMatchObject({
      text: 'Parking lot:\n- loyalty scheme?',
    });
    expect(
      doc.edges.map((e) => [e.sourceId, e.targetId].every((end) => doc.nodes.some((n) => n.id === end))),
    ).toEqual([true, true]);
  });

  it('are kept by snapshots and come back on restore', async () => {
    const { db, repo, id, apply } = await setup();
    const snapshots = new SnapshotRepository(db, repo);
    const taken = snapshots.create(id, 'Before workshop');
    apply([
      { op: 'node.remove', id: 'opp' },
      { op: 'node.remove', id: 'note' },
    ]);
    expect(snapshots.get(taken.id).document.nodes).toHaveLength(4);
    snapshots.restore(taken.id, repo.get(id).journey.revision);
    const restored = repo.get(id);
    expect(restored.nodes.map((n) => n.kind).sort()).toEqual([
      'note',
      'opportunity',
      'painpoint',
      'touchpoint',
    ]);
    expect(restored.edges).toHaveLength(2);
  });
});
