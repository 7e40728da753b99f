import { describe, expect, it } from 'vitest';
import type { Change } from '../../../../shared/domain/change-set';
import type { PainPoint, Stage, Touchpoint } from '../../../../shared/domain/journey';
import { enqueueChanges, entityKey } from '../../../../renderer/src/state/change-queue';

const stage = (id: string, order = 0): Stage => ({ id, name: 'Stage', goal: '', width: 300, order });

const touchpoint = (id: string, stageId: string | null = null): Touchpoint => ({
  kind: 'touchpoint',
  id,
  x: 40,
  y: 20,
  stageId,
  departmentId: null,
  name: 'Card',
  description: '',
  channel: 'web',
  mode: 'experience',
  emotion: 0,
  frontstage: true,
  supportingDepartmentIds: [],
  metricKey: '',
  personaIds: [],
});

const painPoint = (id: string): PainPoint => ({
  kind: 'painpoint',
  id,
  x: 55,
  y: 20,
  stageId: null,
  departmentId: null,
  name: 'Pain',
  description: '',
  severity: 'medium',
  evidence: '',
  status: 'open',
  votes: 0,
});

const personaValue = { id: 'p', name: 'Maya', role: '', goals: '', frustrations: '', quote: '', order: 0 };

/** Appends change by change, the way separate edits reach the saver. */
const enqueueEach = (changes: Change[]) =>
  changes.reduce<Change[]>((queue, change) => enqueueChanges(queue, [change]), []);

describe('entityKey', () => {
  it('names the entity an op is about, whatever the op', () => {
    expect(entityKey({ op: 'node.add', value: touchpoint('n1') })).toBe('node:n1');
    expect(entityKey({ op: 'touchpoint.update', id: 'n1', fields: { x: 1 } })).toBe('node:n1');
    expect(entityKey({ op: 'painpoint.update', id: 'n1', fields: { votes: 1 } })).toBe('node:n1');
    expect(entityKey({ op: 'node.remove', id: 'n1' })).toBe('node:n1');
    expect(entityKey({ op: 'stage.update', id: 's1', fields: { width: 200 } })).toBe('stage:s1');
    expect(entityKey({ op: 'department.remove', id: 'd1' })).toBe('department:d1');
    expect(entityKey({ op: 'persona.add', value: { ...personaValue, id: 'p1' } })).toBe('persona:p1');
    expect(entityKey({ op: 'journey.update', fields: { name: 'Map' } })).toBe('journey');
  });
});

describe('enqueueChanges', () => {
  it('merges consecutive updates of one item into one op with the fields merged, later values winning', () => {
    const queue = enqueueEach([
      { op: 'touchpoint.update', id: 'n1', fields: { x: 10, y: 10 } },
      { op: 'touchpoint.update', id: 'n1', fields: { x: 20 } },
      { op: 'touchpoint.update', id: 'n1', fields: { name: 'Checkout' } },
    ]);
    expect(queue).toEqual([
      { op: 'touchpoint.update', id: 'n1', fields: { x: 20, y: 10, name: 'Checkout' } },
    ]);
  });

  it('merges within one batch of changes too', () => {
    const queue = enqueueChanges(
      [],
      [
        { op: 'stage.update', id: 's1', fields: { width: 320 } },
        { op: 'stage.update', id: 's1', fields: { width: 340, name: 'Buy' } },
      ],
    );
    expect(queue).toEqual([{ op: 'stage.update', id: 's1', fields: { width: 340, name: 'Buy' } }]);
  });

  it('merges an update across updates of other items, keeping one op per item', () => {
    const queue = enqueueEach([
      { op: 'touchpoint.update', id: 'n1', fields: { x: 1 } },
      { op: 'painpoint.update', id: 'n2', fields: { x: 2 } },
      { op: 'stage.update', id: 's1', fields: { width: 400 } },
      { op: 'touchpoint.update', id: 'n1', fields: { x: 3 } },
      { op: 'painpoint.update', id: 'n2', fields: { votes: 4 } },
    ]);
    expect(queue).toEqual([
      { op: 'touchpoint.update', id: 'n1', fields: { x: 3 } },
      { op: 'painpoint.update', id: 'n2', fields: { x: 2, votes: 4 } },
      { op: 'stage.update', id: 's1', fields: { width: 400 } },
    ]);
  });

  it('does not merge updates of different items or of different ops', () => {
    const changes: Change[] = [
      { op: 'touchpoint.update', id: 'n1', fields: { x: 1 } },
      { op: 'touchpoint.update', id: 'n2', fields: { x: 1 } },
      { op: 'stage.update', id: 'n1', fields: { width: 200 } },
      { op: 'edge.update', id: 'n1', fields: { label: 'then' } },
    ];
    expect(enqueueEach(changes)).toEqual(changes);
  });

  it('merges an update into the queued add of the same item', () => {
    const queue = enqueueEach([
      { op: 'stage.add', value: stage('s1') },
      { op: 'node.add', value: touchpoint('n1', 's1') },
      { op: 'touchpoint.update', id: 'n1', fields: { x: 90, name: 'Chat' } },
      { op: 'stage.update', id: 's1', fields: { name: 'Buy' } },
    ]);
    // The node update merges into the node.add just before it. The stage update stops at the
    // node.add (an add of something else), so it stays a separate op after it.
    expect(queue).toEqual([
      { op: 'stage.add', value: stage('s1') },
      { op: 'node.add', value: { ...touchpoint('n1', 's1'), x: 90, name: 'Chat' } },
      { op: 'stage.update', id: 's1', fields: { name: 'Buy' } },
    ]);
  });

  it('merges an update into a queued add when only updates lie between them', () => {
    const queue = enqueueEach([
      { op: 'persona.add', value: { ...personaValue, id: 'p1' } },
      { op: 'touchpoint.update', id: 'n9', fields: { emotion: 1 } },
      { op: 'persona.update', id: 'p1', fields: { name: 'Ben', role: 'Runner' } },
    ]);
    expect(queue).toEqual([
      { op: 'persona.add', value: { ...personaValue, id: 'p1', name: 'Ben', role: 'Runner' } },
      { op: 'touchpoint.update', id: 'n9', fields: { emotion: 1 } },
    ]);
  });

  it('never merges a pain point update into the add of a touchpoint with the same id', () => {
    const queue = enqueueEach([
      { op: 'node.add', value: touchpoint('n1') },
      { op: 'painpoint.update', id: 'n1', fields: { votes: 3 } },
    ]);
    expect(queue).toHaveLength(2);
    expect(queue[0]).toEqual({ op: 'node.add', value: touchpoint('n1') });

    const pain = enqueueEach([
      { op: 'node.add', value: painPoint('n2') },
      { op: 'painpoint.update', id: 'n2', fields: { votes: 3 } },
    ]);
    expect(pain).toEqual([{ op: 'node.add', value: { ...painPoint('n2'), votes: 3 } }]);
  });

  it('never moves an update before the add of a stage it refers to', () => {
    // n1 was updated before the stage existed; the move into the new stage must stay after the add.
    const queue = enqueueEach([
      { op: 'touchpoint.update', id: 'n1', fields: { x: 5 } },
      { op: 'stage.add', value: stage('s-new') },
      { op: 'touchpoint.update', id: 'n1', fields: { stageId: 's-new' } },
    ]);
    expect(queue).toEqual([
      { op: 'touchpoint.update', id: 'n1', fields: { x: 5 } },
      { op: 'stage.add', value: stage('s-new') },
      { op: 'touchpoint.update', id: 'n1', fields: { stageId: 's-new' } },
    ]);
  });

  it('never moves an update before a remove', () => {
    const queue = enqueueEach([
      { op: 'touchpoint.update', id: 'n1', fields: { y: 5 } },
      { op: 'stage.remove', id: 's1' },
      { op: 'touchpoint.update', id: 'n1', fields: { y: 9 } },
    ]);
    expect(queue).toHaveLength(3);
    expect(queue[2]).toEqual({ op: 'touchpoint.update', id: 'n1', fields: { y: 9 } });
    expect(queue[0]).toEqual({ op: 'touchpoint.update', id: 'n1', fields: { y: 5 } });
  });

  it('does not merge an update into a queued remove of the same item', () => {
    const queue = enqueueEach([
      { op: 'edge.remove', id: 'e1' },
      { op: 'edge.update', id: 'e1', fields: { label: 'late' } },
    ]);
    expect(queue).toEqual([
      { op: 'edge.remove', id: 'e1' },
      { op: 'edge.update', id: 'e1', fields: { label: 'late' } },
    ]);
  });

  it('keeps the add and the remove of a just-added item: removes are never coalesced', () => {
    const queue = enqueueEach([
      { op: 'node.add', value: touchpoint('n1') },
      { op: 'touchpoint.update', id: 'n1', fields: { name: 'Typo' } },
      { op: 'node.remove', id: 'n1' },
    ]);
    expect(queue).toEqual([
      { op: 'node.add', value: { ...touchpoint('n1'), name: 'Typo' } },
      { op: 'node.remove', id: 'n1' },
    ]);
  });

  it('merges journey updates into each other', () => {
    const queue = enqueueEach([
      { op: 'journey.update', fields: { name: 'Gift' } },
      { op: 'journey.update', fields: { description: 'Maya buys a gift' } },
    ]);
    expect(queue).toEqual([
      { op: 'journey.update', fields: { name: 'Gift', description: 'Maya buys a gift' } },
    ]);
  });

  it('does not change the queue it was given', () => {
    const queue: Change[] = [{ op: 'touchpoint.update', id: 'n1', fields: { x: 1 } }];
    const snapshot = structuredClone(queue);
    const next = enqueueChanges(queue, [{ op: 'touchpoint.update', id: 'n1', fields: { x: 2 } }]);
    expect(queue).toEqual(snapshot);
    expect(next).toEqual([{ op: 'touchpoint.update', id: 'n1', fields: { x: 2 } }]);
  });
});
