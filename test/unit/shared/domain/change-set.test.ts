import { describe, expect, it } from 'vitest';
import { ChangeSet } from '../../../../shared/domain/change-set';
import { JourneyDocument, Touchpoint } from '../../../../shared/domain/journey';

const touchpoint = {
  kind: 'touchpoint',
  id: 'tp-1',
  x: 10,
  y: 20,
  stageId: 'st-1',
  departmentId: null,
  name: 'Checkout',
  description: '',
  channel: 'web',
  mode: 'experience',
  emotion: -1,
  frontstage: true,
  supportingDepartmentIds: [],
  metricKey: 'checkout',
  personaIds: [],
} as const;

describe('domain schemas', () => {
  it('accepts a complete touchpoint and trims its name', () => {
    const parsed = Touchpoint.parse({ ...touchpoint, name: '  Checkout  ' });
    expect(parsed.name).toBe('Checkout');
  });

  it.each([
    ['an unknown key', { ...touchpoint, __proto__x: 1 }, 'Unrecognized key'],
    ['an emotion outside -2..2', { ...touchpoint, emotion: 3 }, 'emotion'],
    ['an unknown channel', { ...touchpoint, channel: 'fax' }, 'channel'],
    ['an empty name', { ...touchpoint, name: '   ' }, 'name'],
    ['an id with a slash', { ...touchpoint, id: '../etc' }, 'id'],
    ['an infinite coordinate', { ...touchpoint, x: Infinity }, 'x'],
  ])('refuses %s', (_label, value, where) => {
    const result = Touchpoint.safeParse(value);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain(where);
  });

  it('refuses a document with a foreign key on its journey', () => {
    const result = JourneyDocument.safeParse({
      journey: {
        id: 'j',
        name: 'J',
        description: '',
        createdAt: 'now',
        updatedAt: 'now',
        revision: 0,
        touchpointCount: 0,
        owner: 'x',
      },
      stages: [],
      departments: [],
      nodes: [],
      edges: [],
      personas: [],
    });
    expect(result.success).toBe(false);
  });
});

describe('change sets', () => {
  it('accepts a move of one touchpoint as an update of only its position and cell', () => {
    const parsed = ChangeSet.parse({
      journeyId: 'j1',
      baseRevision: 3,
      changes: [{ op: 'touchpoint.update', id: 'tp-1', fields: { x: 5, y: 6, stageId: 'st-2' } }],
    });
    expect(parsed.changes[0]).toEqual({
      op: 'touchpoint.update',
      id: 'tp-1',
      fields: { x: 5, y: 6, stageId: 'st-2' },
    });
  });

  it('refuses an empty update, a kind change, and an unknown op', () => {
    const base = { journeyId: 'j1', baseRevision: 0 };
    expect(
      ChangeSet.safeParse({ ...base, changes: [{ op: 'touchpoint.update', id: 'a', fields: {} }] }).success,
    ).toBe(false);
    expect(
      ChangeSet.safeParse({
        ...base,
        changes: [{ op: 'touchpoint.update', id: 'a', fields: { kind: 'painpoint' } }],
      }).success,
    ).toBe(false);
    expect(ChangeSet.safeParse({ ...base, changes: [{ op: 'node.explode', id: 'a' }] }).success).toBe(false);
    expect(ChangeSet.safeParse({ ...base, changes: [] }).success).toBe(false);
  });

  it('refuses a negative or fractional base revision', () => {
    const changes = [{ op: 'node.remove', id: 'a' }];
    expect(ChangeSet.safeParse({ journeyId: 'j', baseRevision: -1, changes }).success).toBe(false);
    expect(ChangeSet.safeParse({ journeyId: 'j', baseRevision: 1.5, changes }).success).toBe(false);
  });
});
