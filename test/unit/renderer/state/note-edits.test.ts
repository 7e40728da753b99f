import { describe, expect, it } from 'vitest';
import { ChangeSet, type Change } from '../../../../shared/domain/change-set';
import {
  nodeLabel,
  type JourneyDocument,
  type Note,
  type Opportunity,
} from '../../../../shared/domain/journey';
import { applyChanges } from '../../../../renderer/src/state/apply-change';
import { invertChanges } from '../../../../renderer/src/state/invert-changes';
import { deleteSelection } from '../../../../renderer/src/state/map-edits';
import { addNote, addOpportunity } from '../../../../renderer/src/state/note-edits';
import { EMPTY_SELECTION, laneSelectionId, type Selection } from '../../../../renderer/src/state/ui-store';
import { comparable, openSampleMap } from './journey-fixtures';

/**
 * Opportunities and free notes: the edits that add them, and undo of every op that touches them,
 * checked in memory and against a real library (forward, back, forward again, back again).
 */

const select = (...nodes: string[]): Selection => ({ nodes, edges: [] });
const named = (doc: JourneyDocument, name: string) => {
  const node = doc.nodes.find((n) => nodeLabel(n) === name);
  if (!node) throw new Error(`no node named ${name}`);
  return node;
};

async function sample() {
  const { repo, id, doc: loaded } = await openSampleMap();
  let revision = loaded.journey.revision;
  let doc = loaded;
  const store = (changes: readonly Change[]) => {
    if (changes.length === 0) return;
    revision = repo.applyChanges(
      ChangeSet.parse({ journeyId: id, baseRevision: revision, changes }),
    ).revision;
  };
  return {
    get doc() {
      return doc;
    },
    stored: () => repo.get(id),
    /** Applies and stores `changes` as the new starting point. */
    commit(changes: Change[]) {
      doc = applyChanges(doc, changes);
      store(changes);
    },
    /** Checks that the inverse of `changes` takes memory and database back; returns the inverse. */
    undoes(changes: Change[]) {
      const before = doc;
      const inverse = invertChanges(before, changes);
      if (inverse.length) ChangeSet.parse({ journeyId: id, baseRevision: 0, changes: inverse });
      const after = applyChanges(before, changes);
      expect(comparable(after)).not.toEqual(comparable(before));
      expect(comparable(applyChanges(after, inverse))).toEqual(comparable(before));
      store(changes);
      expect(comparable(repo.get(id))).toEqual(comparable(after));
      store(inverse);
      expect(comparable(repo.get(id))).toEqual(comparable(before));
      store(changes);
      expect(comparable(repo.get(id))).toEqual(comparable(after));
      store(inverse);
      return inverse;
    },
  };
}

describe('the online store template', () => {
  it('has the checkout opportunity attached to its pain point, owned by Product', async () => {
    const map = await sample();
    const opportunity = named(map.doc, 'Pay as a guest on one page') as Opportunity;
    const pain = named(map.doc, 'Confusing checkout');
    expect(opportunity).toMatchObject({ kind: 'opportunity', status: 'planned', votes: 0 });
    expect(map.doc.departments.find((d) => d.id === opportunity.ownerDepartmentId)?.name).toBe('Product');
    expect(opportunity.stageId).toBe(pain.stageId);
    expect(map.doc.edges).toContainEqual(
      expect.objectContaining({ kind: 'attachment', sourceId: opportunity.id, targetId: pain.id }),
    );
  });
});

describe('adding opportunities and notes', () => {
  it('puts a new opportunity in the selected pain point cell and attaches it to that pain point', async () => {
    const map = await sample();
    const pain = named(map.doc, 'Long hold time');
    const edit = addOpportunity(map.doc, select(pain.id));
    const added = edit.changes.find((c) => c.op === 'node.add');
    expect(added?.op === 'node.add' && added.value).toMatchObject({
      kind: 'opportunity',
      name: 'New opportunity',
      status: 'idea',
      ownerDepartmentId: null,
      votes: 0,
      stageId: pain.stageId,
      departmentId: pain.departmentId,
    });
    expect(edit.changes.at(-1)).toMatchObject({
      op: 'edge.add',
      value: { kind: 'attachment', sourceId: edit.id, targetId: pain.id },
    });
    const inverse = map.undoes(edit.changes);
    expect(inverse[0]).toEqual({
      op: 'edge.remove',
      id: (edit.changes.at(-1) as { value: { id: string } }).value.id,
    });
  });

  it('adds an unattached opportunity and a note when nothing is selected', async () => {
    const map = await sample();
    const opportunity = addOpportunity(map.doc, EMPTY_SELECTION);
    expect(opportunity.changes.filter((c) => c.op === 'edge.add')).toEqual([]);
    expect(map.undoes(opportunity.changes)).toContainEqual({ op: 'node.remove', id: opportunity.id });
    const note = addNote(map.doc, EMPTY_SELECTION, 'Ask legal about returns', 'blue');
    expect(note.changes.at(-1)).toMatchObject({
      op: 'node.add',
      value: { kind: 'note', text: 'Ask legal about returns', colour: 'blue' },
    });
    expect(map.undoes(note.changes)).toContainEqual({ op: 'node.remove', id: note.id });
  });
});

describe('undoing edits of opportunities and notes', () => {
  it('puts back the fields an update changed', async () => {
    const map = await sample();
    const opportunity = named(map.doc, 'Pay as a guest on one page') as Opportunity;
    expect(
      map.undoes([
        {
          op: 'opportunity.update',
          id: opportunity.id,
          fields: { name: 'Refund tracker', status: 'done', votes: 4, ownerDepartmentId: null, x: 5 },
        },
      ]),
    ).toEqual([
      {
        op: 'opportunity.update',
        id: opportunity.id,
        fields: {
          name: opportunity.name,
          status: 'planned',
          votes: 0,
          ownerDepartmentId: opportunity.ownerDepartmentId,
          x: opportunity.x,
        },
      },
    ]);
    const note = addNote(map.doc, EMPTY_SELECTION, 'First thought');
    map.commit(note.changes);
    expect(
      map.undoes([
        { op: 'note.update', id: note.id, fields: { text: 'Second\nthought', colour: 'green', y: 3 } },
      ]),
    ).toEqual([
      {
        op: 'note.update',
        id: note.id,
        fields: {
          text: 'First thought',
          colour: 'blue',
          y: (map.doc.nodes.find((n) => n.id === note.id) as Note).y,
        },
      },
    ]);
  });

  it('brings a removed opportunity back with its attachment, and a removed pain point with the opportunity on it', async () => {
    const map = await sample();
    const opportunity = named(map.doc, 'Pay as a guest on one page');
    const pain = named(map.doc, 'Confusing checkout');
    const inverse = map.undoes([{ op: 'node.remove', id: opportunity.id }]);
    expect(inverse[0]).toEqual({ op: 'node.add', value: opportunity });
    expect(inverse).toHaveLength(2);
    // The pain point goes with both its attachments (to its touchpoint, from the opportunity).
    expect(map.undoes(deleteSelection(map.doc, select(pain.id)).changes)).toHaveLength(3);
  });

  it('gives a removed lane back to the opportunities it owned', async () => {
    const map = await sample();
    const opportunity = named(map.doc, 'Pay as a guest on one page') as Opportunity;
    const owner = opportunity.ownerDepartmentId!;
    const after = applyChanges(map.doc, [{ op: 'department.remove', id: owner }]);
    expect(after.nodes.find((n) => n.id === opportunity.id)).toMatchObject({ ownerDepartmentId: null });
    const inverse = map.undoes([{ op: 'department.remove', id: owner }]);
    expect(inverse).toContainEqual({
      op: 'opportunity.update',
      id: opportunity.id,
      // It sits in the lane it is owned by: it gets both back.
      fields: { departmentId: owner, ownerDepartmentId: owner },
    });
    // Deleting the lane from the canvas (with its cards) is one undoable step too.
    map.undoes(deleteSelection(map.doc, select(laneSelectionId(owner))).changes);
  });
});
