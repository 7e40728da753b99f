import type Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Change } from '../../../../shared/domain/change-set';
import { Id, type JourneyDocument, type MapNode, type Touchpoint } from '../../../../shared/domain/journey';
import { JourneyRepository, type JourneyContent } from '../../../../electron/db/journey-repository';
import { expectAppError } from '../../../helpers/app-error';
import { openTempLibrary } from '../../../helpers/temp-db';

/** A clock that moves one second per reading, so every write gets a distinct, known timestamp. */
function fakeClock(start = '2025-03-01T09:00:00.000Z') {
  let ms = Date.parse(start);
  const readings: string[] = [];
  return {
    now: () => {
      ms += 1000;
      const date = new Date(ms);
      readings.push(date.toISOString());
      return date;
    },
    last: () => readings.at(-1),
  };
}

async function setup() {
  const library = await openTempLibrary();
  onTestFinished(library.cleanup);
  const clock = fakeClock();
  let counter = 0;
  const repo = new JourneyRepository(library.db, { now: clock.now, newId: () => `gen-${++counter}` });
  return { db: library.db, repo, clock };
}

/** A small map in the shape of the domain's sample: stages listed out of order on purpose. */
function sampleContent(p = ''): JourneyContent {
  return {
    stages: [
      { id: `${p}s2`, name: 'Consideration', goal: 'compare options', width: 320, order: 1 },
      { id: `${p}s1`, name: 'Awareness', goal: 'find a gift', width: 300, order: 0 },
    ],
    departments: [
      { id: `${p}d2`, name: 'Customer Service', colour: '#00aa55', height: 180, order: 1 },
      { id: `${p}d1`, name: 'Marketing', colour: '#ff8800', height: 200, order: 0 },
    ],
    personas: [
      {
        id: `${p}p1`,
        name: 'Maya',
        role: 'Buys gifts online',
        goals: 'Get it right first time',
        frustrations: 'Waiting',
        quote: 'I have no time for hold music.',
        order: 0,
      },
    ],
    nodes: [
      {
        id: `${p}tp1`,
        kind: 'touchpoint',
        x: 10,
        y: 20,
        stageId: `${p}s1`,
        departmentId: `${p}d1`,
        name: 'Search ad',
        description: 'Paid search',
        channel: 'ads',
        mode: 'experience',
        emotion: 1,
        frontstage: true,
        supportingDepartmentIds: [`${p}d2`],
        metricKey: 'search-ad',
        personaIds: [`${p}p1`],
      },
      {
        id: `${p}tp2`,
        kind: 'touchpoint',
        x: 400.5,
        y: 220,
        stageId: `${p}s2`,
        departmentId: `${p}d2`,
        name: 'Support call',
        description: '',
        channel: 'phone',
        mode: 'service',
        emotion: -2,
        frontstage: false,
        supportingDepartmentIds: [],
        metricKey: 'support-call',
        personaIds: [],
      },
      {
        id: `${p}pp1`,
        kind: 'painpoint',
        x: 420,
        y: 300,
        stageId: `${p}s2`,
        departmentId: `${p}d2`,
        name: 'On hold for an hour',
        description: 'Elevator music',
        severity: 'high',
        evidence: '"I waited 58 minutes."',
        status: 'open',
        votes: 3,
      },
    ],
    edges: [
      { id: `${p}e1`, kind: 'flow', sourceId: `${p}tp1`, targetId: `${p}tp2`, label: 'calls' },
      { id: `${p}e2`, kind: 'attachment', sourceId: `${p}pp1`, targetId: `${p}tp2`, label: '' },
    ],
  };
}

const byOrder = <T extends { order: number }>(items: T[]) => [...items].sort((a, b) => a.order - b.order);

function contentOf(doc: JourneyDocument): JourneyContent {
  const { journey: _journey, ...content } = doc;
  return content;
}

const totalChanges = (db: Database.Database) =>
  db.prepare<[], number>('SELECT total_changes()').pluck().get() ?? Number.NaN;

const rowCount = (db: Database.Database, table: string, journeyId: string) =>
  db.prepare<[string], number>(`SELECT count(*) FROM ${table} WHERE journey_id = ?`).pluck().get(journeyId);

const touchpoint = (doc: JourneyDocument, id: string): Touchpoint => {
  const node = doc.nodes.find((n) => n.id === id);
  if (node?.kind !== 'touchpoint') throw new Error(`no touchpoint ${id}`);
  return node;
};

describe('JourneyRepository: journeys', () => {
  it('creates an empty journey with revision 0 and timestamps from the clock', async () => {
    const { repo, clock } = await setup();

    const summary = repo.create({ name: 'Online store' });

    expect(summary).toEqual({
      id: 'gen-1',
      name: 'Online store',
      description: '',
      createdAt: clock.last(),
      updatedAt: clock.last(),
      revision: 0,
      touchpointCount: 0,
    });
    expect(repo.get('gen-1')).toEqual({
      journey: summary,
      stages: [],
      departments: [],
      nodes: [],
      edges: [],
      personas: [],
    });
  });

  it('uses UUIDs for new journeys by default', async () => {
    const library = await openTempLibrary();
    onTestFinished(library.cleanup);
    const summary = new JourneyRepository(library.db).create({ name: 'Default ids' });
    expect(summary.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(Id.safeParse(summary.id).success).toBe(true);
  });

  it('stores content and reads it back, stages, lanes and personas sorted by order', async () => {
    const { repo } = await setup();
    const content = sampleContent();

    const summary = repo.create({ name: 'Online store', description: 'Maya buys a gift', content });
    const doc = repo.get(summary.id);

    expect(summary.touchpointCount).toBe(2);
    expect(doc.journey).toEqual(summary);
    expect(doc.journey.description).toBe('Maya buys a gift');
    expect(doc.stages).toEqual(byOrder(content.stages));
    expect(doc.stages.map((s) => s.name)).toEqual(['Awareness', 'Consideration']);
    expect(doc.departments).toEqual(byOrder(content.departments));
    expect(doc.personas).toEqual(content.personas);
    expect(doc.nodes).toEqual(content.nodes);
    expect(doc.edges).toEqual(content.edges);
  });

  it('refuses invalid names and content with references into another journey, writing nothing', async () => {
    const { db, repo } = await setup();
    const other = repo.create({ name: 'Other', content: sampleContent('o-') });

    expectAppError(() => repo.create({ name: '   ' }), 'invalid-input', 'Invalid name');

    const content = sampleContent('x-');
    const [first] = content.nodes;
    if (!first) throw new Error('fixture has nodes');
    content.nodes[0] = { ...first, stageId: 'o-s1' };
    expectAppError(
      () => repo.create({ name: 'Crossed wires', content }),
      'invalid-input',
      'Content node "x-tp1"',
      'stageId "o-s1" is not a stage of this journey map',
    );

    expect(repo.list().map((j) => j.id)).toEqual([other.id]);
    expect(db.prepare<[], number>("SELECT count(*) FROM stages WHERE id LIKE 'x-%'").pluck().get()).toBe(0);
  });

  it('lists journeys most recently updated first, counting only touchpoints', async () => {
    const { repo } = await setup();
    const a = repo.create({ name: 'A', content: sampleContent('a-') });
    const b = repo.create({ name: 'B' });
    expect(repo.list().map((j) => j.name)).toEqual(['B', 'A']);

    repo.rename(a.id, 'A renamed');

    const list = repo.list();
    expect(list.map((j) => j.id)).toEqual([a.id, b.id]);
    expect(list.map((j) => j.touchpointCount)).toEqual([2, 0]);
  });

  it('get of a missing journey is not-found', async () => {
    const { repo } = await setup();
    expectAppError(() => repo.get('missing'), 'not-found', 'No journey map with id "missing"');
  });

  it('rename bumps revision and updatedAt; a missing id is not-found', async () => {
    const { repo, clock } = await setup();
    const created = repo.create({ name: 'Old name' });

    const renamed = repo.rename(created.id, 'New name');

    expect(renamed).toEqual({
      ...created,
      name: 'New name',
      revision: 1,
      updatedAt: clock.last(),
    });
    expect(renamed.updatedAt).not.toBe(created.updatedAt);
    expect(repo.get(created.id).journey.name).toBe('New name');
    expectAppError(() => repo.rename('missing', 'x'), 'not-found', '"missing"');
    expectAppError(() => repo.rename(created.id, ''), 'invalid-input');
  });

  it('delete removes the journey and every row that belongs to it', async () => {
    const { db, repo } = await setup();
    const keep = repo.create({ name: 'Keep', content: sampleContent('k-') });
    const drop = repo.create({ name: 'Drop', content: sampleContent('d-') });

    repo.delete(drop.id);

    expect(repo.list().map((j) => j.id)).toEqual([keep.id]);
    for (const table of ['stages', 'departments', 'nodes', 'edges', 'personas']) {
      expect(rowCount(db, table, drop.id)).toBe(0);
    }
    expect(rowCount(db, 'nodes', keep.id)).toBe(3);
    expectAppError(() => repo.delete(drop.id), 'not-found', `"${drop.id}"`);
  });

  it('duplicate deep-copies under new ids and remaps every reference', async () => {
    const { repo, clock } = await setup();
    const source = repo.create({ name: 'Source', description: 'to copy', content: sampleContent() });
    const before = repo.get(source.id);

    const copy = repo.duplicate(source.id, 'Copy');
    const original = repo.get(source.id);
    const duplicate = repo.get(copy.id);

    expect(original).toEqual(before);
    expect(copy).toEqual({
      id: copy.id,
      name: 'Copy',
      description: 'to copy',
      createdAt: clock.last(),
      updatedAt: clock.last(),
      revision: 0,
      touchpointCount: 2,
    });

    const idsOf = (doc: JourneyDocument) =>
      [doc.stages, doc.departments, doc.personas, doc.nodes, doc.edges].flat().map((item) => item.id);
    const oldIds = idsOf(original);
    const newIds = idsOf(duplicate);
    expect(new Set(newIds).size).toBe(newIds.length);
    expect(newIds.filter((id) => oldIds.includes(id))).toEqual([]);
    expect(newIds.includes(copy.id)).toBe(false);

    // Pair entities by position, then the copy must be the original with every id replaced.
    const pairs = new Map(oldIds.map((id, i) => [id, newIds[i] ?? 'missing']));
    const to = (id: string) => pairs.get(id) ?? `unmapped:${id}`;
    const toOrNull = (id: string | null) => (id === null ? null : to(id));
    const expected: JourneyContent = {
      stages: original.stages.map((s) => ({ ...s, id: to(s.id) })),
      departments: original.departments.map((d) => ({ ...d, id: to(d.id) })),
      personas: original.personas.map((p) => ({ ...p, id: to(p.id) })),
      nodes: original.nodes.map((n): MapNode => {
        const moved = {
          ...n,
          id: to(n.id),
          stageId: toOrNull(n.stageId),
          departmentId: toOrNull(n.departmentId),
        };
        return moved.kind === 'touchpoint'
          ? {
              ...moved,
              supportingDepartmentIds: moved.supportingDepartmentIds.map(to),
              personaIds: moved.personaIds.map(to),
            }
          : moved;
      }),
      edges: original.edges.map((e) => ({
        ...e,
        id: to(e.id),
        sourceId: to(e.sourceId),
        targetId: to(e.targetId),
      })),
    };
    expect(contentOf(duplicate)).toEqual(expected);
    expect(touchpoint(duplicate, to('tp1')).supportingDepartmentIds).toEqual([to('d2')]);

    // Editing the copy leaves the original alone.
    repo.applyChanges({
      journeyId: copy.id,
      baseRevision: 0,
      changes: [{ op: 'stage.remove', id: to('s1') }],
    });
    expect(repo.get(source.id)).toEqual(before);
    expectAppError(() => repo.duplicate('missing', 'x'), 'not-found', '"missing"');
  });
});

describe('JourneyRepository.applyChanges', () => {
  async function withSample() {
    const context = await setup();
    const summary = context.repo.create({ name: 'Sample', content: sampleContent() });
    return { ...context, journeyId: summary.id, createdAt: summary.createdAt };
  }

  it('moving one node updates exactly that node row plus the journey revision', async () => {
    const { db, repo, journeyId, clock } = await withSample();
    const before = repo.get(journeyId);
    const changesBefore = totalChanges(db);

    const result = repo.applyChanges({
      journeyId,
      baseRevision: 0,
      changes: [{ op: 'touchpoint.update', id: 'tp1', fields: { x: 512.25, y: -40 } }],
    });

    // 2 = the one nodes row + the journeys row whose revision moved.
    expect(totalChanges(db) - changesBefore).toBe(2);
    expect(result).toEqual({ revision: 1, updatedAt: clock.last() });
    const after = repo.get(journeyId);
    expect(after.journey.revision).toBe(1);
    expect(after.journey.updatedAt).toBe(result.updatedAt);
    expect(after.nodes).toEqual(before.nodes.map((n) => (n.id === 'tp1' ? { ...n, x: 512.25, y: -40 } : n)));
    expect(after.edges).toEqual(before.edges);
  });

  it('an update writes only the given columns', async () => {
    const { db, repo, journeyId } = await withSample();
    // Written behind the repository's back: an update of x must not overwrite it.
    db.prepare("UPDATE nodes SET description = 'edited elsewhere' WHERE id = 'tp1'").run();

    repo.applyChanges({
      journeyId,
      baseRevision: 0,
      changes: [{ op: 'touchpoint.update', id: 'tp1', fields: { x: 1 } }],
    });

    const tp1 = touchpoint(repo.get(journeyId), 'tp1');
    expect(tp1.x).toBe(1);
    expect(tp1.y).toBe(20);
    expect(tp1.description).toBe('edited elsewhere');
  });

  it('a stale base revision is a conflict and writes nothing', async () => {
    const { db, repo, journeyId } = await withSample();
    repo.applyChanges({
      journeyId,
      baseRevision: 0,
      changes: [{ op: 'stage.update', id: 's1', fields: { name: 'Aware' } }],
    });
    const before = repo.get(journeyId);
    const changesBefore = totalChanges(db);

    expectAppError(
      () =>
        repo.applyChanges({
          journeyId,
          baseRevision: 0,
          changes: [{ op: 'stage.update', id: 's1', fields: { name: 'Lost edit' } }],
        }),
      'conflict',
      'revision 0',
      'now at revision 1',
    );

    expect(totalChanges(db)).toBe(changesBefore);
    expect(repo.get(journeyId)).toEqual(before);
  });

  it('a change set for a missing journey is not-found', async () => {
    const { repo } = await withSample();
    expectAppError(
      () =>
        repo.applyChanges({
          journeyId: 'nope',
          baseRevision: 0,
          changes: [{ op: 'stage.remove', id: 's1' }],
        }),
      'not-found',
      'No journey map with id "nope"',
    );
  });

  it('one failing change rolls the whole set back', async () => {
    const { repo, journeyId } = await withSample();
    const before = repo.get(journeyId);

    expectAppError(
      () =>
        repo.applyChanges({
          journeyId,
          baseRevision: 0,
          changes: [
            { op: 'stage.update', id: 's1', fields: { name: 'Renamed' } },
            { op: 'edge.remove', id: 'e1' },
            { op: 'node.remove', id: 'ghost' },
          ],
        }),
      'not-found',
      'Change 3',
      'node.remove',
      '"ghost"',
    );

    expect(repo.get(journeyId)).toEqual(before);
  });

  it('an update of an id that is not in this journey is not-found, even if another journey has it', async () => {
    const { repo, journeyId } = await withSample();
    const other = repo.create({ name: 'Other', content: sampleContent('o-') });

    expectAppError(
      () =>
        repo.applyChanges({
          journeyId,
          baseRevision: 0,
          changes: [{ op: 'stage.update', id: 'o-s1', fields: { name: 'Hijack' } }],
        }),
      'not-found',
      'stage.update',
      '"o-s1"',
    );
    expect(repo.get(other.id).stages.map((s) => s.name)).toEqual(['Awareness', 'Consideration']);
  });

  it('removing a node removes its edges', async () => {
    const { db, repo, journeyId } = await withSample();

    repo.applyChanges({ journeyId, baseRevision: 0, changes: [{ op: 'node.remove', id: 'tp2' }] });

    const doc = repo.get(journeyId);
    expect(doc.nodes.map((n) => n.id)).toEqual(['tp1', 'pp1']);
    expect(doc.edges).toEqual([]); // e1 ended at tp2, e2 was attached to it
    expect(rowCount(db, 'edges', journeyId)).toBe(0);
  });

  it('removing a stage leaves its nodes without a stage', async () => {
    const { repo, journeyId } = await withSample();

    repo.applyChanges({ journeyId, baseRevision: 0, changes: [{ op: 'stage.remove', id: 's2' }] });

    const doc = repo.get(journeyId);
    expect(doc.stages.map((s) => s.id)).toEqual(['s1']);
    expect(doc.nodes.map((n) => [n.id, n.stageId])).toEqual([
      ['tp1', 's1'],
      ['tp2', null],
      ['pp1', null],
    ]);
  });

  it('removing a department or persona clears it from lanes and id lists', async () => {
    const { repo, journeyId } = await withSample();

    repo.applyChanges({
      journeyId,
      baseRevision: 0,
      changes: [
        { op: 'department.remove', id: 'd2' },
        { op: 'persona.remove', id: 'p1' },
      ],
    });

    const doc = repo.get(journeyId);
    expect(doc.nodes.map((n) => [n.id, n.departmentId])).toEqual([
      ['tp1', 'd1'],
      ['tp2', null],
      ['pp1', null],
    ]);
    expect(touchpoint(doc, 'tp1').supportingDepartmentIds).toEqual([]);
    expect(touchpoint(doc, 'tp1').personaIds).toEqual([]);
    expect(doc.personas).toEqual([]);
  });

  it('refuses a kind mismatch, cross-journey references and reused ids as invalid-input', async () => {
    const { repo, journeyId } = await withSample();
    repo.create({ name: 'Other', content: sampleContent('o-') });
    const before = repo.get(journeyId);
    const attempt = (change: Change) => () =>
      repo.applyChanges({ journeyId, baseRevision: 0, changes: [change] });

    expectAppError(
      attempt({ op: 'touchpoint.update', id: 'pp1', fields: { emotion: 2 } }),
      'invalid-input',
      'node "pp1" is a painpoint, not a touchpoint',
    );
    expectAppError(
      attempt({ op: 'painpoint.update', id: 'tp1', fields: { votes: 9 } }),
      'invalid-input',
      'node "tp1" is a touchpoint, not a painpoint',
    );
    expectAppError(
      attempt({
        op: 'edge.add',
        value: { id: 'e9', kind: 'flow', sourceId: 'tp1', targetId: 'o-tp1', label: '' },
      }),
      'invalid-input',
      'edge.add "e9"',
      'targetId "o-tp1" is not a node of this journey map',
    );
    expectAppError(
      attempt({ op: 'edge.update', id: 'e1', fields: { sourceId: 'o-tp2' } }),
      'invalid-input',
      'sourceId "o-tp2" is not a node of this journey map',
    );
    const stray: MapNode = { ...touchpoint(before, 'tp1'), id: 'tp9', stageId: 'o-s1' };
    expectAppError(
      attempt({ op: 'node.add', value: stray }),
      'invalid-input',
      'node.add "tp9"',
      'stageId "o-s1" is not a stage of this journey map',
    );
    expectAppError(
      attempt({ op: 'touchpoint.update', id: 'tp1', fields: { personaIds: ['p1', 'o-p1'] } }),
      'invalid-input',
      'personaIds "o-p1" is not a persona of this journey map',
    );
    expectAppError(
      attempt({ op: 'stage.add', value: { id: 'o-s1', name: 'Reused id', goal: '', width: 200, order: 5 } }),
      'invalid-input',
      'stage.add "o-s1"',
      'already used',
    );

    expect(repo.get(journeyId)).toEqual(before);
  });

  it('applies every kind of change and bumps the revision once per set', async () => {
    const { repo, journeyId, clock } = await withSample();
    const tp3: Touchpoint = {
      id: 'tp3',
      kind: 'touchpoint',
      x: 700,
      y: 20,
      stageId: 's3',
      departmentId: 'd3',
      name: 'Refund email',
      description: '',
      channel: 'email',
      mode: 'service',
      emotion: 0,
      frontstage: true,
      supportingDepartmentIds: ['d1'],
      metricKey: 'refund-email',
      personaIds: ['p2'],
    };

    const first = repo.applyChanges({
      journeyId,
      baseRevision: 0,
      changes: [
        {
          op: 'stage.add',
          value: { id: 's3', name: 'Retention', goal: 'get my refund', width: 280, order: 2 },
        },
        {
          op: 'department.add',
          value: { id: 'd3', name: 'Billing', colour: '#123456', height: 150, order: 2 },
        },
        {
          op: 'persona.add',
          value: {
            id: 'p2',
            name: 'Sam',
            role: 'Returns things',
            goals: '',
            frustrations: '',
            quote: '',
            order: 1,
          },
        },
        { op: 'node.add', value: tp3 },
        {
          op: 'edge.add',
          value: { id: 'e3', kind: 'flow', sourceId: 'tp2', targetId: 'tp3', label: 'refund' },
        },
      ],
    });
    const second = repo.applyChanges({
      journeyId,
      baseRevision: first.revision,
      changes: [
        { op: 'stage.update', id: 's3', fields: { order: 0, width: 250 } },
        { op: 'stage.update', id: 's1', fields: { order: 2 } },
        { op: 'department.update', id: 'd3', fields: { colour: '#abcdef' } },
        { op: 'persona.update', id: 'p2', fields: { quote: 'Where is my money?' } },
        {
          op: 'touchpoint.update',
          id: 'tp3',
          fields: { frontstage: false, supportingDepartmentIds: ['d1', 'd2'] },
        },
        { op: 'painpoint.update', id: 'pp1', fields: { votes: 12, status: 'in-progress' } },
        { op: 'edge.update', id: 'e3', fields: { label: 'asks for refund', kind: 'flow' } },
        { op: 'journey.update', fields: { name: 'Sample v2', description: 'after workshop' } },
      ],
    });

    expect(first.revision).toBe(1);
    expect(second).toEqual({ revision: 2, updatedAt: clock.last() });
    const doc = repo.get(journeyId);
    expect(doc.journey).toMatchObject({
      name: 'Sample v2',
      description: 'after workshop',
      revision: 2,
      updatedAt: second.updatedAt,
      touchpointCount: 3,
    });
    expect(doc.stages.map((s) => [s.id, s.order, s.width])).toEqual([
      ['s3', 0, 250],
      ['s2', 1, 320],
      ['s1', 2, 300],
    ]);
    expect(doc.departments.find((d) => d.id === 'd3')?.colour).toBe('#abcdef');
    expect(doc.personas.map((p) => [p.id, p.quote])).toEqual([
      ['p1', 'I have no time for hold music.'],
      ['p2', 'Where is my money?'],
    ]);
    expect(touchpoint(doc, 'tp3')).toEqual({
      ...tp3,
      frontstage: false,
      supportingDepartmentIds: ['d1', 'd2'],
    });
    expect(doc.nodes.find((n) => n.id === 'pp1')).toMatchObject({
      kind: 'painpoint',
      votes: 12,
      status: 'in-progress',
    });
    expect(doc.edges.find((e) => e.id === 'e3')).toEqual({
      id: 'e3',
      kind: 'flow',
      sourceId: 'tp2',
      targetId: 'tp3',
      label: 'asks for refund',
    });
  });

  it('refuses fields that are not in the column map', async () => {
    const { repo, journeyId } = await withSample();
    // As an untyped caller could send it; the API schema would refuse it first.
    const fields = JSON.parse('{"x": 5, "__proto__": {"kind": "painpoint"}}') as { x: number };
    expectAppError(
      () =>
        repo.applyChanges({
          journeyId,
          baseRevision: 0,
          changes: [{ op: 'touchpoint.update', id: 'tp1', fields }],
        }),
      'invalid-input',
      '"__proto__" is not a field that can be updated',
    );
    expect(touchpoint(repo.get(journeyId), 'tp1').x).toBe(10);
  });
});
