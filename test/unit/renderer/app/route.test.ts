import { describe, expect, it } from 'vitest';
import { hashOf, parseHash, sameRoute, type Route } from '../../../../renderer/src/app/route';
import { createReadOnlyDocumentStore } from '../../../../renderer/src/state/document-store';
import { openSampleMap } from '../state/journey-fixtures';

describe('routes', () => {
  it('round-trips the library, a map and a snapshot of a map', () => {
    const routes: Route[] = [
      { name: 'library' },
      { name: 'map', id: 'map-1' },
      { name: 'snapshot', id: 'map-1', snapshotId: 'snap_2' },
    ];
    for (const route of routes) expect(parseHash(hashOf(route))).toEqual(route);
    expect(parseHash('#/map/map-1/snapshot/snap_2/')).toEqual(routes[2]);
    expect(sameRoute(routes[1]!, routes[2]!)).toBe(false);
    for (const bad of ['#/map/a/snapshot/', '#/map/a/snapshot/b/c', '#/map/a b', '#/map/../x']) {
      expect(parseHash(bad)).toEqual({ name: 'library' });
    }
  });
});

describe('a read-only document store', () => {
  it('holds the document and refuses every edit, undo and save', async () => {
    const { doc } = await openSampleMap();
    const store = createReadOnlyDocumentStore(doc);
    const node = doc.nodes[0]!;
    store.getState().apply([{ op: 'node.remove', id: node.id }]);
    expect(store.getState().doc).toBe(doc);
    expect(store.getState().queue).toEqual([]);
    expect(store.getState().canUndo).toBe(false);
    expect(store.getState().undo()).toBe(false);
    expect(store.getState().hasPendingWrites()).toBe(false);
    await store.getState().flush();
    expect(store.getState().doc).toBe(doc);
  });
});
