import { describe, expect, it } from 'vitest';
import type { ReactFlowState } from '@xyflow/react';
import {
  changedUpdates,
  measureNodeInternals,
  skipUnchangedMeasures,
} from '../../../../renderer/src/canvas/skip-unchanged-measures';

type Updates = Parameters<ReactFlowState['updateNodeInternals']>[0];

/** What React Flow keeps of a node, as far as the filter reads it. */
const known = (width: number, height: number, handles = true, hidden = false) => ({
  hidden,
  measured: { width, height },
  internals: { handleBounds: handles ? { source: [], target: [] } : undefined },
});

/** A node's element as laid out (offsetWidth and offsetHeight are what React Flow measures). */
const element = (offsetWidth: number, offsetHeight: number) =>
  ({ offsetWidth, offsetHeight }) as unknown as HTMLDivElement;

const updatesFor = (sizes: Record<string, [number, number]>): Updates =>
  new Map(Object.entries(sizes).map(([id, [w, h]]) => [id, { id, nodeElement: element(w, h), force: true }]));

function storeWith(nodes: Record<string, ReturnType<typeof known>>) {
  const measured: string[][] = [];
  let state = {
    nodeLookup: new Map(Object.entries(nodes)),
    updateNodeInternals: (updates: Updates) => void measured.push([...updates.keys()]),
  } as unknown as ReactFlowState;
  return {
    measured,
    getState: () => state,
    setState: (partial: Partial<ReactFlowState>) => void (state = { ...state, ...partial }),
  };
}

describe('skipping measurements that cannot change anything', () => {
  it('drops reports of nodes known at the size they are drawn, with their handles', () => {
    const state = { nodeLookup: new Map(Object.entries({ a: known(220, 96), b: known(220, 96) })) };
    const kept = changedUpdates(state as never, updatesFor({ a: [220, 96], b: [220, 120] }));
    expect([...kept.keys()]).toEqual(['b']);
  });

  it('keeps reports of nodes without handles on record, hidden nodes and unknown nodes', () => {
    const state = {
      nodeLookup: new Map(Object.entries({ a: known(220, 96, false), b: known(220, 96, true, true) })),
    };
    const kept = changedUpdates(state as never, updatesFor({ a: [220, 96], b: [220, 96], c: [10, 10] }));
    expect([...kept.keys()]).toEqual(['a', 'b', 'c']);
  });

  it("wraps the store's updateNodeInternals once; the original still measures what it is given", () => {
    const store = storeWith({ a: known(220, 96), b: known(220, 96) });
    const original = store.getState().updateNodeInternals;
    expect(skipUnchangedMeasures(store)).toBe(original);
    // Wrapping again (a remounted canvas on the same store) keeps one filter.
    expect(skipUnchangedMeasures(store)).toBe(original);

    store.getState().updateNodeInternals(updatesFor({ a: [220, 96], b: [220, 96] }));
    expect(store.measured).toEqual([]);
    store.getState().updateNodeInternals(updatesFor({ a: [220, 96], b: [300, 96] }));
    expect(store.measured).toEqual([['b']]);

    measureNodeInternals(store.getState())(updatesFor({ a: [220, 96] }));
    expect(store.measured).toEqual([['b'], ['a']]);
  });
});
