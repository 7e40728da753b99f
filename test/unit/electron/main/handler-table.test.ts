import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_METHODS } from '../../../../shared/api/contract';
import { dispatch, type Handlers } from '../../../../shared/api/dispatch';
import type { JourneyDocument } from '../../../../shared/domain/journey';
import { closeLibraryDatabase, openLibraryDatabase } from '../../../../electron/db/connection';
import { JourneyRepository } from '../../../../electron/db/journey-repository';
import { MetricsAnalysis } from '../../../../electron/db/metrics-analysis';
import { SnapshotRepository } from '../../../../electron/db/snapshot-repository';
import { createHandlerTable } from '../../../../electron/main/handlers/handler-table';
import { nodeLabel } from '../../../../shared/domain/journey';

let dir: string;
let db: Awaited<ReturnType<typeof openLibraryDatabase>>;
let handlers: Handlers;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'js-handlers-'));
  db = await openLibraryDatabase(join(dir, 'library.sqlite'));
  const journeys = new JourneyRepository(db);
  handlers = createHandlerTable({
    journeys,
    snapshots: new SnapshotRepository(db, journeys),
    metrics: new MetricsAnalysis(db),
    version: '0.1.0',
    transport: 'browser',
  });
});
afterEach(() => {
  closeLibraryDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

async function call(method: string, args: unknown) {
  return dispatch(handlers, method, args);
}
async function value<T>(method: string, args: unknown): Promise<T> {
  const result = await call(method, args);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
  return result.value as T;
}

describe('the handler table', () => {
  it('implements every method of the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual([...API_METHODS].sort());
  });

  it('creates, lists, renames, duplicates and deletes maps', async () => {
    const sample = await value<{ id: string; name: string }>('journeys.create', { template: 'online-store' });
    const blank = await value<{ id: string; name: string }>('journeys.create', {});
    expect(blank.name).toBe('Untitled journey');
    await value('journeys.rename', { id: blank.id, name: 'Refund journey' });
    const copy = await value<{ id: string; name: string }>('journeys.duplicate', { id: sample.id });
    expect(copy.name).toBe('Online store purchase (copy)');
    const copied = await value<JourneyDocument>('journeys.get', { id: copy.id });
    const original = await value<JourneyDocument>('journeys.get', { id: sample.id });
    expect(copied.nodes.map(nodeLabel).sort()).toEqual(original.nodes.map(nodeLabel).sort());
    expect(copied.nodes.some((n) => original.nodes.some((o) => o.id === n.id))).toBe(false);

    await value('journeys.delete', { id: sample.id });
    const list = await value<{ name: string }[]>('journeys.list', {});
    expect(list.map((j) => j.name).sort()).toEqual(['Online store purchase (copy)', 'Refund journey']);
    expect(await call('journeys.get', { id: sample.id })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('applies a change set and answers a stale one with conflict', async () => {
    const map = await value<{ id: string }>('journeys.create', { template: 'online-store' });
    const doc = await value<JourneyDocument>('journeys.get', { id: map.id });
    const node = doc.nodes[0]!;
    const op = node.kind === 'touchpoint' ? 'touchpoint.update' : 'painpoint.update';
    const applied = await value<{ revision: number }>('journeys.applyChanges', {
      journeyId: map.id,
      baseRevision: doc.journey.revision,
      changes: [{ op, id: node.id, fields: { name: 'Renamed' } }],
    });
    expect(applied.revision).toBe(doc.journey.revision + 1);
    const stale = await call('journeys.applyChanges', {
      journeyId: map.id,
      baseRevision: doc.journey.revision,
      changes: [{ op, id: node.id, fields: { name: 'Lost update' } }],
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const after = await value<JourneyDocument>('journeys.get', { id: map.id });
    expect(nodeLabel(after.nodes.find((n) => n.id === node.id)!)).toBe('Renamed');
  });

  it('answers every invalid payload with invalid-input and writes nothing', async () => {
    const map = await value<{ id: string }>('journeys.create', { template: 'online-store' });
    const doc = await value<JourneyDocument>('journeys.get', { id: map.id });
    const before = db.serialize();
    const invalid: [string, unknown][] = [
      ['journeys.create', { template: 'nonexistent' }],
      ['journeys.create', { name: '' }],
      ['journeys.create', { name: 'x', extra: true }],
      ['journeys.rename', { id: map.id }],
      ['journeys.rename', { id: map.id, name: 'x'.repeat(201) }],
      ['journeys.get', { id: "'; DROP TABLE journeys; --" }],
      ['journeys.delete', null],
      ['journeys.delete', 'a string'],
      ['journeys.duplicate', { id: ['array'] }],
      ['journeys.applyChanges', { journeyId: map.id, baseRevision: doc.journey.revision, changes: [] }],
      [
        'journeys.applyChanges',
        {
          journeyId: map.id,
          baseRevision: doc.journey.revision,
          changes: [{ op: 'touchpoint.update', id: doc.nodes[0]!.id, fields: { emotion: 9 } }],
        },
      ],
      [
        'journeys.applyChanges',
        {
          journeyId: map.id,
          baseRevision: doc.journey.revision,
          changes: [
            { op: 'stage.add', value: { id: 's', name: 'S', goal: '', width: 300, order: 0, sql: '1' } },
          ],
        },
      ],
      ['app.info', { verbose: true }],
    ];
    for (const [method, args] of invalid) {
      const result = await call(method, args);
      expect(result, `${method} ${JSON.stringify(args)}`).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      });
    }
    expect(Buffer.compare(db.serialize(), before)).toBe(0);
  });

  it('saves, lists, opens, restores and deletes snapshots', async () => {
    const map = await value<{ id: string }>('journeys.create', { template: 'online-store' });
    const doc = await value<JourneyDocument>('journeys.get', { id: map.id });
    const taken = await value<{ id: string; name: string }>('snapshots.create', {
      journeyId: map.id,
      name: 'Before workshop',
    });
    const node = doc.nodes.find((n) => n.kind === 'touchpoint')!;
    const applied = await value<{ revision: number }>('journeys.applyChanges', {
      journeyId: map.id,
      baseRevision: doc.journey.revision,
      changes: [{ op: 'node.remove', id: node.id }],
    });
    const opened = await value<{ document: JourneyDocument }>('snapshots.get', { id: taken.id });
    expect(opened.document.nodes.some((n) => n.id === node.id)).toBe(true);

    expect(
      await call('snapshots.restore', { id: taken.id, baseRevision: doc.journey.revision }),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const restored = await value<{ revision: number; journeyId: string; before: { name: string } }>(
      'snapshots.restore',
      { id: taken.id, baseRevision: applied.revision },
    );
    expect(restored).toMatchObject({
      journeyId: map.id,
      revision: applied.revision + 1,
      before: { name: 'Before restoring “Before workshop”' },
    });
    const after = await value<JourneyDocument>('journeys.get', { id: map.id });
    expect(after.nodes.some((n) => n.id === node.id)).toBe(true);
    const list = await value<{ id: string; name: string }[]>('snapshots.list', { journeyId: map.id });
    expect(list.map((s) => s.name)).toEqual(['Before restoring “Before workshop”', 'Before workshop']);

    await value('snapshots.delete', { id: taken.id });
    expect(await call('snapshots.get', { id: taken.id })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('answers every invalid snapshot payload with invalid-input and writes nothing', async () => {
    const map = await value<{ id: string }>('journeys.create', { template: 'online-store' });
    const taken = await value<{ id: string }>('snapshots.create', { journeyId: map.id, name: 'Kept' });
    const before = db.serialize();
    const invalid: [string, unknown][] = [
      ['snapshots.create', { journeyId: map.id }],
      ['snapshots.create', { journeyId: map.id, name: '' }],
      ['snapshots.create', { journeyId: map.id, name: '   ' }],
      ['snapshots.create', { journeyId: map.id, name: 'x'.repeat(201) }],
      ['snapshots.create', { journeyId: map.id, name: 'x', content: {} }],
      ['snapshots.create', { journeyId: '../etc/passwd', name: 'x' }],
      ['snapshots.list', {}],
      ['snapshots.list', { journeyId: 42 }],
      ['snapshots.get', { id: "'; DROP TABLE snapshots; --" }],
      ['snapshots.get', null],
      ['snapshots.restore', { id: taken.id }],
      ['snapshots.restore', { id: taken.id, baseRevision: -1 }],
      ['snapshots.restore', { id: taken.id, baseRevision: 1.5 }],
      ['snapshots.restore', { id: taken.id, baseRevision: '0' }],
      ['snapshots.delete', 'a string'],
      ['snapshots.delete', { id: taken.id, cascade: true }],
    ];
    for (const [method, args] of invalid) {
      const result = await call(method, args);
      expect(result, `${method} ${JSON.stringify(args)}`).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      });
    }
    expect(Buffer.compare(db.serialize(), before)).toBe(0);
  });
});
